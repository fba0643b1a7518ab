/**
 * `modelbook runs`: lists the runs recorded in a workspace (a table, JSON or CSV) and shows one.
 * Wired into src/cli/main.ts as `case 'runs': return runRunsCommand(argv.slice(1), io, process.cwd())`.
 */
import path from 'node:path';
import type { RunRecord } from '../core/runs/contract';
import { toRunsCsv } from '../core/runs/csv';
import { FilterSyntaxError } from '../core/runs/filter/error';
import { alignColumns, formatTime, shortIds } from '../core/runs/format';
import { formatDuration, formatNumber } from '../core/text/number';
import { runMessage } from '../core/runs/messages';
import { queryRuns } from '../core/runs/query';
import { resolveStatus } from '../core/runs/status';
import { stringifyRunRecord } from '../core/runs/stringify';
import type { RunSummary } from '../core/runs/summary';
import { hostLiveness } from '../store/runs/liveness';
import { findRunWorkspace, workspaceRelative } from '../store/runs/paths';
import { RunIndex } from '../store/runs/runIndex';
import { describeRun } from '../core/runs/describe';
import { isPreprocessorRun } from '../core/runs/preprocessorRuns';
import { parseFlags, UsageError, type FlagSpec } from './flags';

export interface RunsIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

interface RunsArgs {
  show?: string;
  notebook?: string;
  filter?: string;
  sort?: string;
  limit?: number;
  format: 'table' | 'json' | 'csv';
  workspace?: string;
  help: boolean;
}

const TABLE_LIMIT = 20;

/**
 * Runs `modelbook runs …` (argv without the word 'runs'). Exit code 0 when it listed or showed,
 * 2 for a usage error, a malformed filter or an unknown run id.
 *
 * @example
 * await runRunsCommand(['--filter', 'metrics.auc > 0.8', '--sort', '-metrics.auc'], io, process.cwd()) // 0
 */
export async function runRunsCommand(argv: string[], io: RunsIo, cwd: string): Promise<number> {
  let args: RunsArgs;
  try {
    args = parseRunsArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n${runMessage.cliRunsUsage}\n`);
    return 2;
  }
  if (args.help) {
    io.out(`${runMessage.cliRunsUsage}\n`);
    return 0;
  }
  const workspace = path.resolve(cwd, args.workspace ?? findRunWorkspace(cwd));
  const index = RunIndex.openSync(workspace);
  for (const p of index.problems()) io.err(`warning: ${runMessage.cliRunsSkipped(p.path, p.reason)}\n`);
  try {
    return args.show !== undefined ? showRun(index, args, io) : listRuns(index, args, io, cwd);
  } catch (e) {
    if (!(e instanceof FilterSyntaxError)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
}

const RUNS_FLAGS = {
  notebook: { type: 'string' },
  filter: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  workspace: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
} as const satisfies Record<string, FlagSpec>;

function parseRunsArgs(argv: string[]): RunsArgs {
  const { values: v, positionals, help } = parseFlags('runs', argv, RUNS_FLAGS);
  if (v.json && v.csv) throw new UsageError(runMessage.cliRunsJsonOrCsv);
  const args: RunsArgs = { format: v.json ? 'json' : v.csv ? 'csv' : 'table', help };
  if (v.notebook !== undefined) args.notebook = v.notebook;
  if (v.filter !== undefined) args.filter = v.filter;
  if (v.sort !== undefined) args.sort = v.sort;
  if (v.workspace !== undefined) args.workspace = v.workspace;
  if (v.limit !== undefined) {
    if (!/^\d+$/.test(v.limit) || Number(v.limit) < 1) throw new UsageError(runMessage.cliRunsBadLimit(v.limit));
    args.limit = Number(v.limit);
  }
  if (positionals[0] === 'show') {
    if (positionals.length < 2) throw new UsageError(runMessage.cliRunsNoId);
    if (positionals.length > 2) throw new UsageError(runMessage.cliRunsShowOneId(positionals[2]));
    if (args.format === 'csv') throw new UsageError(runMessage.cliRunsShowCsv);
    args.show = positionals[1];
  } else if (positionals.length > 0) {
    throw new UsageError(runMessage.cliRunsUnknownCommand(positionals[0]));
  }
  return args;
}

function listRuns(index: RunIndex, args: RunsArgs, io: RunsIo, cwd: string): number {
  let rows = index.rows();
  if (args.notebook !== undefined) rows = rows.filter(notebookMatcher(rows, args.notebook, index.workspaceDir, cwd));
  // Preprocessors fitted on their own are recorded for split-before-fit, not for reading: the table leaves them out unless a filter asks.
  const hidden = args.format === 'table' && args.filter === undefined ? rows.filter(isPreprocessorRun).length : 0;
  if (hidden > 0) rows = rows.filter((r) => !isPreprocessorRun(r));
  const limit = args.limit ?? (args.format === 'table' ? TABLE_LIMIT : undefined);
  const result = queryRuns(rows, { ...(args.filter ? { filter: args.filter } : {}), ...(args.sort ? { sort: args.sort } : {}), ...(limit ? { limit } : {}) });
  if (args.format === 'json') {
    io.out(`${JSON.stringify(result.rows, null, 2)}\n`);
    return 0;
  }
  if (args.format === 'csv') {
    io.out(toRunsCsv(result.rows));
    return 0;
  }
  if (index.size === 0) {
    io.err(`${runMessage.cliRunsNone(index.runsDir)}\n`);
    return 0;
  }
  if (result.rows.length === 0) {
    io.err(`${runMessage.cliRunsNoMatch(rows.length)}\n`);
    return 0;
  }
  io.out(`${runsTable(result.rows, index)}\n`);
  if (result.matched > result.rows.length) io.err(`${runMessage.cliRunsShowing(result.rows.length, result.matched)}\n`);
  if (hidden > 0) io.err(`${runMessage.cliRunsPreprocessorsHidden(hidden)}\n`);
  return 0;
}

/** `--notebook X`: the path as typed (from the current folder), a workspace path, or a file name. */
function notebookMatcher(rows: RunSummary[], wanted: string, workspace: string, cwd: string): (r: RunSummary) => boolean {
  const rel = workspaceRelative(workspace, path.resolve(cwd, wanted));
  const known = new Set(rows.map((r) => r.notebook).filter((n): n is string => n !== undefined));
  if (rel && known.has(rel)) return (r) => r.notebook === rel;
  const plain = wanted.replace(/\\/g, '/');
  return (r) => r.notebook !== undefined && (r.notebook === plain || r.notebook.endsWith(`/${plain}`) || path.posix.basename(r.notebook, '.mlnb') === plain);
}

function runsTable(rows: RunSummary[], index: RunIndex): string {
  const counts = new Map<string, number>();
  for (const r of rows) for (const k in r.metrics) counts.set(k, (counts.get(k) ?? 0) + 1);
  const metrics = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 4)
    .map(([m]) => m);
  const ids = shortIds(index.rows().map((r) => r.id));
  const head = ['ID', 'NAME', 'KIND', 'STATUS', 'STARTED', 'DURATION', 'NOTEBOOK', ...metrics];
  const body = rows.map((r) => [
    ids.get(r.id) ?? r.id,
    r.parentId ? `  ${r.name}` : r.name,
    r.kind,
    r.status,
    formatTime(r.startedAt),
    formatDuration(r.durationMs),
    r.notebook ?? '—',
    ...metrics.map((m) => formatNumber(r.metrics[m])),
  ]);
  return alignColumns([head, ...body]);
}

function showRun(index: RunIndex, args: RunsArgs, io: RunsIo): number {
  const matches = index.findByPrefix(args.show!);
  if (matches.length === 0) {
    io.err(`${runMessage.cliRunsUnknownId(args.show!)}\n`);
    return 2;
  }
  if (matches.length > 1) {
    io.err(
      `${runMessage.cliRunsAmbiguousId(
        args.show!,
        matches.map((m) => m.id),
      )}\n`,
    );
    return 2;
  }
  let record: RunRecord;
  try {
    record = index.readRecord(matches[0].id);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  record = { ...record, status: resolveStatus(record, hostLiveness()) };
  io.out(args.format === 'json' ? stringifyRunRecord(record) : `${describeRun(record, index.rows())}\n`);
  return 0;
}
