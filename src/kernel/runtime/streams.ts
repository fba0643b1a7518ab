import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { send } from './channel';
import { DEFAULT_MAX_OUTPUT_BYTES, OutputLimiter } from '../../core/notebook/outputLimit';
import { currentExecId } from './state';
import { kernelClearTimeout, kernelNow, kernelQueueMicrotask, kernelSetTimeout } from './intrinsics';

/** The running cell's output limit: what it printed beyond it is not sent (see OutputLimiter). */
let limit: { execId: number; limiter: OutputLimiter } | undefined;
let maxOutput = DEFAULT_MAX_OUTPUT_BYTES;

const FLUSH_MS = 16;
const FLUSH_BYTES = 64 * 1024;

/**
 * Buffers one stream's text and sends it to the host in batches, tagged with the running cell.
 * What the other stream holds is sent first, so stdout and stderr arrive in the order printed.
 */
class StreamBuffer {
  other: StreamBuffer | undefined;
  private text = '';
  private execId = -1;
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  constructor(private readonly name: 'stdout' | 'stderr') {}

  write(text: string): void {
    const id = currentExecId();
    const chunk = limit?.execId === id ? limit.limiter.write(this.name, text) : text;
    if (chunk === '') return;
    this.other?.flush();
    if (id !== this.execId) this.flush();
    this.execId = id;
    this.text += chunk;
    // Checked on every write, not only by the timer: a synchronous loop that prints never lets
    // the timer run, yet its output should still appear while it runs.
    if (this.text.length >= FLUSH_BYTES || kernelNow() - this.lastFlush >= FLUSH_MS) this.flush();
    else this.timer ??= kernelSetTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    if (this.timer) kernelClearTimeout(this.timer);
    this.timer = undefined;
    if (this.text === '') return;
    send('stream', { execId: this.execId, name: this.name, text: this.text });
    this.text = '';
    this.lastFlush = kernelNow();
  }
}

export const stdout = new StreamBuffer('stdout');
export const stderr = new StreamBuffer('stderr');
stdout.other = stderr;
stderr.other = stdout;

/** Sends everything buffered (before a display, so it lands after what was printed before it). */
export function flushStreams(): void {
  stdout.flush();
  stderr.flush();
}

/** Starts counting cell `execId`'s output against `max` characters. */
export function beginOutput(execId: number, max = DEFAULT_MAX_OUTPUT_BYTES): void {
  maxOutput = max;
  limit = { execId, limiter: new OutputLimiter(max) };
}

/** The running (or last) cell's output limit, for displays and results. */
export function outputLimit(): number {
  return maxOutput;
}

/**
 * Sends all of cell `execId`'s output, before it reports `done`: what is buffered, then the tail
 * the limit held back, the first piece saying how much was dropped before it.
 */
export function endOutput(execId: number): void {
  flushStreams();
  if (limit?.execId !== execId) return;
  const { dropped, tail } = limit.limiter.end();
  limit = undefined;
  if (tail.length === 0 && dropped > 0) send('stream', { execId, name: 'stdout', text: '', dropped });
  tail.forEach((c, i) => send('stream', { execId, name: c.name, text: c.text, ...(i === 0 && dropped > 0 ? { dropped } : {}) }));
}

function writable(buffer: StreamBuffer): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: unknown, _enc, cb) {
      buffer.write(typeof chunk === 'string' ? chunk : String(chunk));
      cb();
    },
  });
}

/**
 * Routes `console.*` and direct `process.stdout/stderr.write` calls of cells (and of the libraries
 * they call) into the running cell's output instead of the kernel's own stdio.
 */
export function installConsole(): void {
  const cellConsole = new Console({ stdout: writable(stdout), stderr: writable(stderr), colorMode: false });
  globalThis.console = cellConsole;
  const route = (buffer: StreamBuffer) =>
    function write(chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      buffer.write(text);
      const done = typeof encoding === 'function' ? encoding : cb;
      if (typeof done === 'function') kernelQueueMicrotask(() => (done as () => void)());
      return true;
    };
  process.stdout.write = route(stdout) as typeof process.stdout.write;
  process.stderr.write = route(stderr) as typeof process.stderr.write;
}
