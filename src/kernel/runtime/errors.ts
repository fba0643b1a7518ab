import { LEAST_UPPER_BOUND, TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { CellError } from '../../protocol/kernel';
import { message } from '../../core/messages';
import { codeFrame } from '../../core/cells/codeFrame';
import { explainOsRefusal } from './guards';

interface CellScript {
  label: string;
  source: string;
  /** The raw maps (outermost first), parsed on the first error that needs them (most cells never throw). */
  rawMaps: string[];
  maps?: TraceMap[];
}

/** Scripts of executed cells by file name, so frames of functions defined in any cell map back. */
const scripts = new Map<string, CellScript>();
const CELL_FILE = /^modelbook-cell-\d+\.js$/;

export function cellFileName(execId: number): string {
  return `modelbook-cell-${execId}.js`;
}

export function registerCellScript(fileName: string, label: string, source: string, maps: string[]): void {
  scripts.set(fileName, { label, source, rawMaps: maps });
}

interface Where {
  label: string;
  source: string;
  line: number;
  column: number;
}

function mapFrame(site: NodeJS.CallSite): Where | undefined {
  const file = site.getFileName() ?? '';
  const script = scripts.get(file);
  const line = site.getLineNumber();
  const col = site.getColumnNumber();
  if (!script || line === null || col === null) return undefined;
  script.maps ??= script.rawMaps.map((m) => new TraceMap(m));
  let pos: { line: number; column: number } = { line, column: col - 1 };
  for (const map of script.maps) {
    // V8 places some errors at the statement, which in a one-line cell starts inside the wrapper's
    // unmapped `… function* () {return (`: the user's code is the next mapped position on that line.
    let next = originalPositionFor(map, pos);
    if (next.line === null) next = originalPositionFor(map, { ...pos, bias: LEAST_UPPER_BOUND });
    if (next.line === null) return undefined;
    pos = { line: next.line, column: next.column };
  }
  return { label: script.label, source: script.source, line: pos.line, column: pos.column + 1 };
}

/** Frames of the kernel itself, of the machinery that drives cells, and native frames say nothing about the user's code. */
const HIDDEN_FILES = new Set(['modelbook:step', 'node:vm', 'node:events']);
function isKernelFrame(site: NodeJS.CallSite, kernelFile: string): boolean {
  const file = site.getFileName();
  if (!file) return true;
  return file === kernelFile || HIDDEN_FILES.has(file) || file.startsWith('node:internal') || (CELL_FILE.test(file) && !mapFrame(site));
}

const FIRST_FRAME = Symbol('modelbook.firstCellFrame');

/**
 * Installs `Error.prepareStackTrace` so every stack names cells and their TypeScript lines
 * (`at train (Cell In[3], line 5:12)`) with a code frame under the first cell frame.
 */
export function installStackMapping(kernelFile: string): void {
  Error.stackTraceLimit = 30;
  Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) => {
    let header: string;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = 'Error';
    }
    const lines = [header];
    let framed = false;
    for (const site of sites) {
      if (isKernelFrame(site, kernelFile)) continue;
      const where = mapFrame(site);
      if (!where) {
        lines.push(`    at ${site.toString()}`);
        continue;
      }
      const fn = site.getFunctionName();
      const loc = `${where.label}, line ${where.line}:${where.column}`;
      lines.push(fn ? `    at ${fn} (${loc})` : `    at ${loc}`);
      if (!framed) {
        framed = true;
        try {
          Object.defineProperty(error, FIRST_FRAME, { value: where, enumerable: false, configurable: true });
        } catch {
          // frozen error objects keep their plain stack
        }
        lines.push(codeFrame(where.source, where.line, where.column, '      '));
      }
    }
    return lines.join('\n');
  };
}

/** What the host shows for an error thrown by a cell: mapped stack, sandbox refusals explained. */
export function toCellError(e: unknown): CellError {
  if (!(e instanceof Error) && !(typeof e === 'object' && e !== null && 'message' in e)) {
    return { name: 'Error', message: `Uncaught ${typeof e === 'string' ? JSON.stringify(e) : String(e)}`, stack: '' };
  }
  const err = e as Error & { code?: string; permission?: string; resource?: string };
  // fetch() wraps the socket's refusal: `TypeError: fetch failed` with the EACCES as its cause.
  const cause = (err as { cause?: unknown }).cause;
  const explained = explainSandbox(err) ?? (cause && typeof cause === 'object' ? explainSandbox(cause as typeof err) : undefined);
  if (explained) {
    const original = err.message;
    try {
      err.message = `${explained} (${original})`;
    } catch {
      // read-only message: the stack below still carries the original
    }
  }
  const stack = String(err.stack ?? `${err.name}: ${err.message}`);
  const where = (err as unknown as Record<symbol, Where | undefined>)[FIRST_FRAME];
  const text = explained && !stack.includes(explained) ? stack.replace(/^[^\n]*/, `${err.name}: ${err.message}`) : stack;
  return { name: String(err.name ?? 'Error'), message: String(err.message ?? ''), stack: text, ...(where ? { line: where.line, column: where.column } : {}) };
}

function explainSandbox(err: Parameters<typeof explainOsRefusal>[0] & { permission?: string; resource?: string; errno?: unknown }): string | undefined {
  if (err.code === 'ERR_DLOPEN_DISABLED') return message.deniedAddon;
  if (err.code !== 'ERR_ACCESS_DENIED') return explainOsRefusal(err);
  // Node ≥ 25 refuses sockets as `connect ERR_ACCESS_DENIED …` with the permission on `errno`, and name lookups with only a syscall.
  const permission = err.permission ?? (err.errno as { permission?: string } | undefined)?.permission ?? (err.syscall === 'getaddrinfo' ? 'Net' : undefined);
  if (!permission) return undefined; // a guard's own error already explains itself
  switch (permission) {
    case 'Net':
      return message.deniedNetwork;
    case 'FileSystemRead':
      return message.deniedRead(err.resource || 'a file');
    case 'FileSystemWrite':
      return message.deniedWrite(err.resource || 'a file');
    case 'ChildProcess':
      return message.deniedChildProcess;
    case 'WorkerThreads':
      return message.deniedWorker;
    default:
      return message.deniedOther(permission);
  }
}
