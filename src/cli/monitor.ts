/**
 * `modelbook monitor DIR CURRENT`: drift, quality, performance and alert rules of a batch against a
 * model package's stored reference. Exit codes for cron and CI: 0 nothing fired, 1 a warning
 * rule fired, 2 a critical one, 3 the check could not run (bad arguments, unreadable input or
 * reference, bad rules).
 */
import path from 'node:path';
import { computeMonitor, monitorExitCode } from '../core/monitor/computeMonitor';
import { renderMonitorMarkdown, renderMonitorText, summaryLine } from '../core/monitor/report/renderText';
import { writeFileAtomic } from '../store/atomicWrite';
import { hasScores, scoreBatch } from '../core/monitor/scoreBatch';
import { loadModel } from '../store/package/loadModel';
import { loadMonitorReference } from '../store/monitor/loadReference';
import { renderMonitorReport } from '../store/monitor/renderMonitorReport';
import { readRegularFileAsync } from '../store/readRegularFile';
import { readTableFile } from '../kernel/modelbook/monitor';
import { monitorMessage } from '../core/monitor/messages';
import { parseFlags, UsageError, type FlagSpec } from './flags';

export const MONITOR_USAGE = `Usage: modelbook monitor DIR CURRENT [--labels COL] [--score COL] [--rules FILE.json|.yaml] [--format text|md|json|html] [--out FILE]
  DIR        a model package folder (or a profile .json); CURRENT a .csv, .jsonl, .json, .parquet or .arrow file
  exit code  0 nothing fired, 1 a warning rule fired, 2 a critical rule fired, 3 the check could not run`;

const FLAGS = { labels: { type: 'string' }, score: { type: 'string' }, rules: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } as const satisfies Record<string, FlagSpec>;
const FORMATS = ['text', 'md', 'json', 'html'];

/** A rules file: JSON, or YAML when it ends in .yaml / .yml (parsed by the `yaml` package). */
async function readRules(file: string): Promise<unknown> {
  const text = new TextDecoder().decode((await readRegularFileAsync(file)).bytes);
  if (!/\.ya?ml$/i.test(file)) return JSON.parse(text) as unknown;
  const { parse } = await import('yaml');
  return parse(text) as unknown;
}

interface Io {
  out: (t: string) => void;
  err: (t: string) => void;
}

/**
 * Runs `modelbook monitor …` (argv without 'monitor') and returns the exit code.
 *
 * @example
 * await runMonitorCommand(['models/churn', 'june.parquet', '--format', 'md'], io, process.cwd()); // 0 … 3
 */
export async function runMonitorCommand(argv: string[], io: Io, cwd: string): Promise<number> {
  let v: Partial<Record<keyof typeof FLAGS, string>>;
  let positionals: string[];
  try {
    const parsed = parseFlags('monitor', argv, FLAGS);
    if (parsed.help) {
      io.out(`${MONITOR_USAGE}\n`);
      return 0;
    }
    v = parsed.values;
    positionals = parsed.positionals;
    if (positionals.length !== 2) throw new UsageError(monitorMessage.cliNeedsTwo(positionals.length));
    if (v.format !== undefined && !FORMATS.includes(v.format)) throw new UsageError(monitorMessage.cliBadFormat(FORMATS.join(', '), v.format));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n${MONITOR_USAGE}\n`);
    return 3;
  }
  const format = v.format ?? 'text';
  try {
    const reference = await loadMonitorReference(path.resolve(cwd, positionals[0]));
    const rules = v.rules === undefined ? undefined : await readRules(path.resolve(cwd, v.rules));
    let table = await readTableFile(path.resolve(cwd, positionals[1]));
    // A batch of raw inputs (no score column) is scored by the package's own model, so prediction drift and performance decay can be checked.
    if (reference.contentHash && !hasScores(table, v.score)) table = await scoreBatch(await loadModel(path.resolve(cwd, positionals[0])), table);
    const report = await computeMonitor(reference, table, {
      currentSource: positionals[1],
      ...(v.labels !== undefined ? { labels: v.labels } : {}),
      ...(v.score !== undefined ? { score: v.score } : {}),
      ...(rules !== undefined ? { rules: (Array.isArray(rules) ? rules : (rules as { rules: never[] }).rules) as never, rulesOrigin: 'file' as const } : {}),
    });
    const text =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'md'
          ? `${renderMonitorMarkdown(report)}\n`
          : format === 'html'
            ? await renderMonitorReport(report)
            : `${renderMonitorText(report)}\n`;
    if (v.out !== undefined) {
      writeFileAtomic(path.resolve(cwd, v.out), text);
      io.err(`${summaryLine(report)}\n`);
    } else io.out(text);
    return monitorExitCode(report);
  } catch (e) {
    io.err(`${monitorMessage.cliFailed((e as Error).message)}\n`);
    return 3;
  }
}
