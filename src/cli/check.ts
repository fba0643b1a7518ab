/**
 * `modelbook check NOTEBOOK... [--format text|json]`: the notebooks' cells type-checked as the kernel
 * runs them, headless (for CI). Wired into src/cli/main.ts; `modelbook run --check` uses it first.
 */
import path from 'node:path';
import type { CodeCell } from '../core/notebook/contract';
import { NotebookFormatError } from '../core/notebook/parse';
import { NotebookLanguageService, type CellDiagnostic } from '../store/lang/languageService';
import { langMessage } from '../store/lang/messages';
import { FileReadError } from '../store/readRegularFile';
import { parseFlags, UsageError, type FlagSpec } from './flags';
import { readNotebookFile } from './readNotebook';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One problem as `modelbook check` reports it: cell is its 1-based number among all cells, line and column 1-based. */
interface CheckedProblem {
  cell: number;
  cellId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: number;
  category: CellDiagnostic['category'];
  message: string;
}

interface CheckedNotebook {
  file: string;
  problems: CheckedProblem[];
}

const CHECK_FLAGS = { format: { type: 'string' } } as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook check …`. Exit code 0 no type errors, 1 a type error, 2 bad arguments or an unreadable notebook.
 *
 * @example
 * await runCheckCommand(['churn.mlnb', '--format', 'json'], io, process.cwd(), __dirname) // 0
 */
export function runCheckCommand(argv: string[], io: Io, cwd: string, distDir: string): number {
  try {
    const { values: v, positionals, help } = parseFlags('check', argv, CHECK_FLAGS);
    if (help) {
      io.out(`${langMessage.checkUsage}\n`);
      return 0;
    }
    const format = v.format ?? 'text';
    if (positionals.length === 0 || (format !== 'text' && format !== 'json')) throw new UsageError(langMessage.checkUsage);
    const checked = checkNotebookFiles(positionals, cwd, distDir);
    const errors = errorCount(checked);
    if (format === 'json') io.out(`${JSON.stringify({ errors, notebooks: checked }, null, 2)}\n`);
    else printProblems(checked, io);
    return errors > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) io.err(`${e.message}\n${e.message === langMessage.checkUsage ? '' : `${langMessage.checkUsage}\n`}`);
    else if (e instanceof NotebookFormatError || e instanceof FileReadError) io.err(`${e.message}\n`);
    else throw e;
    return 2;
  }
}

/**
 * `modelbook run --check`: type-checks the notebook and prints its problems; true when it may run (no error).
 *
 * @example
 * if (!checkBeforeRun('churn.mlnb', io, process.cwd(), __dirname)) return 1;
 */
export function checkBeforeRun(notebook: string, io: Io, cwd: string, distDir: string): boolean {
  const checked = checkNotebookFiles([notebook], cwd, distDir);
  if (checked[0].problems.length > 0) printProblems(checked, io, io.err);
  if (errorCount(checked) === 0) return true;
  io.err(`${langMessage.runNotChecked}\n`);
  return false;
}

function errorCount(checked: CheckedNotebook[]): number {
  return checked.reduce((n, c) => n + c.problems.filter((p) => p.category === 'error').length, 0);
}

/** `file:cell:line:col: error TS2339: message` lines, then a one-line summary on stderr. */
function printProblems(checked: CheckedNotebook[], io: Io, out = io.out): void {
  out(checked.flatMap((c) => c.problems.map((p) => `${c.file}:${p.cell}:${p.line}:${p.column}: ${p.category} TS${p.code}: ${p.message}\n`)).join(''));
  const errors = errorCount(checked);
  const failing = checked.filter((c) => c.problems.some((p) => p.category === 'error')).length;
  io.err(`${errors === 0 ? langMessage.checkClean(checked.length) : langMessage.checkSummary(errors, failing)}\n`);
}

/**
 * Type-checks notebook files (paths as the user gave them, resolved against `cwd`).
 *
 * @example
 * checkNotebookFiles(['churn.mlnb'], process.cwd(), distDir)[0].problems // [{ cell: 3, line: 2, column: 7, code: 2339, … }]
 */
export function checkNotebookFiles(files: string[], cwd: string, distDir: string): CheckedNotebook[] {
  const service = new NotebookLanguageService({ typesRoot: path.join(distDir, 'types') });
  return files.map((shown) => {
    const file = path.resolve(cwd, shown);
    const nb = readNotebookFile(file, shown);
    const numberOf = new Map(nb.cells.map((c, i) => [c.id, i + 1]));
    const code = nb.cells.filter((c): c is CodeCell => c.cell_type === 'code' && isTypeScript(c));
    service.update(
      file,
      code.map((c) => ({ id: c.id, source: c.source })),
    );
    const problems = service.diagnostics(file).map((d) => ({
      cell: numberOf.get(d.cellId) ?? d.cellIndex + 1,
      cellId: d.cellId,
      line: d.line + 1,
      column: d.character + 1,
      endLine: d.endLine + 1,
      endColumn: d.endCharacter + 1,
      code: d.code,
      category: d.category,
      message: d.message,
    }));
    service.close(file);
    return { file: shown, problems };
  });
}

/** Cells the kernel runs as TypeScript (JavaScript cells are TypeScript without annotations, and run the same way). */
function isTypeScript(cell: CodeCell): boolean {
  const lang = (cell.metadata.vscode as { languageId?: string } | undefined)?.languageId ?? 'typescript';
  return lang === 'typescript' || lang === 'javascript';
}
