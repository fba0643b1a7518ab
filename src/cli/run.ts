import fs from 'node:fs';
import path from 'node:path';
import type { Cell, CodeCell } from '../core/notebook/contract';
import { serializeNotebook } from '../core/notebook/serialize';
import { OutputCollector, outputText } from '../core/notebook/outputs';
import { DirectiveError, parseDirectives, type CellDirectives } from '../core/cells/directives';
import { message } from '../core/messages';
import { KernelSession, type ExecutionResult } from '../kernel/host/session';
import { writeFileAtomic } from '../store/atomicWrite';
import type { RunArgs } from './args';
import { readNotebookFile } from './readNotebook';

export interface RunReport {
  ran: number;
  failed: number;
  skipped: number;
  exitCode: 0 | 1;
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `modelbook run`: executes a notebook's code cells in order on a fresh kernel, writes the outputs
 * (in place or to `--out`, atomically) and reports failed cells. Exit code 0 when every cell
 * succeeded, 1 otherwise.
 */
export async function runNotebook(args: RunArgs, distDir: string, io: Io): Promise<RunReport> {
  const file = path.resolve(args.notebook);
  const nb = readNotebookFile(file, args.notebook);
  const notebookDir = path.dirname(file);
  const session = new KernelSession({
    notebookDir,
    workspaceDir: path.resolve(args.workspace ?? findWorkspace(notebookDir)),
    notebookPath: file,
    distDir,
    memoryLimitMb: args.memoryLimitMb,
    sandbox: args.sandbox,
    ...(args.env ? { env: args.env } : {}),
    ...(args.maxOutputBytes ? { maxOutputBytes: args.maxOutputBytes } : {}),
    ...(args.nodePath ? { nodePath: args.nodePath } : {}),
    ...(args.verbose ? { log: (l: string) => io.err(`${l}\n`) } : {}),
  });
  const stopOnSignal = () => session.interrupt('user');
  process.on('SIGINT', stopOnSignal);
  const report: RunReport = { ran: 0, failed: 0, skipped: 0, exitCode: 0 };
  try {
    await session.ensureKernel();
    const status = session.status;
    if (status && !status.sandboxOn && status.sandboxWhy) io.err(`${message.sandboxOff(status.sandboxWhy)}\n`);
    let stopped = false;
    for (const [index, cell] of nb.cells.entries()) {
      if (!isRunnable(cell)) continue;
      const directives = readDirectives(cell);
      if (stopped || directives?.skip) {
        report.skipped++;
        continue;
      }
      const { result, ok } = await runCell(session, cell, directives, args);
      report.ran++;
      if (args.print) printCell(cell, io);
      if (!ok) {
        report.failed++;
        io.err(describeFailure(index, cell, result));
        if (!args.continueOnError) stopped = true;
      }
    }
  } finally {
    process.off('SIGINT', stopOnSignal);
    session.dispose();
  }
  writeFileAtomic(path.resolve(args.out ?? file), serializeNotebook(nb));
  report.exitCode = report.failed > 0 ? 1 : 0;
  io.err(`${report.ran} cells ran, ${report.failed} failed${report.skipped ? `, ${report.skipped} skipped` : ''}; wrote ${path.relative(process.cwd(), path.resolve(args.out ?? file)) || file}\n`);
  return report;
}

function isRunnable(cell: Cell): cell is CodeCell {
  if (cell.cell_type !== 'code') return false;
  const vscode = cell.metadata.vscode as { languageId?: string } | undefined;
  const lang = vscode?.languageId ?? 'typescript';
  return lang === 'typescript' || lang === 'javascript';
}

function readDirectives(cell: CodeCell): CellDirectives | undefined {
  try {
    return parseDirectives(cell.source);
  } catch (e) {
    if (e instanceof DirectiveError) return undefined; // the session reports it as the cell's error
    throw e;
  }
}

async function runCell(session: KernelSession, cell: CodeCell, directives: CellDirectives | undefined, args: RunArgs): Promise<{ result: ExecutionResult; ok: boolean }> {
  const collector = new OutputCollector();
  const result = await session.execute(cell.source, collector, { cellId: cell.id, ...(args.cellTimeoutSeconds ? { timeoutSeconds: args.cellTimeoutSeconds } : {}) });
  if (result.result) collector.result(result.result, result.order ?? null);
  if (result.error) collector.error(result.error);
  cell.outputs = collector.outputs;
  cell.execution_count = result.order ?? null;
  return { result, ok: result.status === 'ok' || (directives?.allowError === true && result.status === 'error') };
}

function printCell(cell: CodeCell, io: Io): void {
  const text = cell.outputs.map(outputText).join('');
  if (text) io.out(`[${cell.execution_count ?? ' '}] ${text.replace(/\n(?=.)/g, '\n    ')}`);
}

function describeFailure(index: number, cell: CodeCell, r: ExecutionResult): string {
  const head = `Cell ${index + 1} (id ${cell.id}) ${r.status === 'error' ? 'failed' : r.status}`;
  const detail = r.error ? r.error.stack || `${r.error.name}: ${r.error.message}` : r.status;
  return `${head}:\n${detail.replace(/^/gm, '  ')}\n`;
}

/** The workspace a notebook belongs to: the nearest folder up with package.json or .git. */
export function findWorkspace(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) || fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}
