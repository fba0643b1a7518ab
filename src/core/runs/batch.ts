/**
 * Collects file events (a run file is rewritten on every epoch) and hands them over in batches:
 * after `delayMs` of quiet, and at least every `maxWaitMs` while events keep coming, so a long
 * training run still shows its progress. Pure: the timers are injected.
 */
export type FileEvent = 'created' | 'changed' | 'deleted';

export interface BatchTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export interface BatcherOptions {
  delayMs?: number;
  maxWaitMs?: number;
  timers?: BatchTimers;
}

const realTimers: BatchTimers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>), now: () => Date.now() };

export class ChangeBatcher {
  private pending = new Map<string, FileEvent>();
  private timer: unknown;
  private firstAt = 0;
  private readonly delayMs: number;
  private readonly maxWaitMs: number;
  private readonly timers: BatchTimers;

  constructor(
    private readonly flush: (events: Map<string, FileEvent>) => void,
    options: BatcherOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 100;
    this.maxWaitMs = options.maxWaitMs ?? 500;
    if (!(this.delayMs >= 0 && this.maxWaitMs >= this.delayMs))
      throw new RangeError(`internal: ChangeBatcher needs 0 ≤ delayMs ≤ maxWaitMs, got delayMs ${this.delayMs} and maxWaitMs ${this.maxWaitMs}.`);
    this.timers = options.timers ?? realTimers;
  }

  /** Notes one event. A file's last event wins, except that a change after a creation stays a creation. */
  add(file: string, event: FileEvent): void {
    const now = this.timers.now();
    if (this.pending.size === 0) this.firstAt = now;
    const before = this.pending.get(file);
    this.pending.set(file, before === 'created' && event === 'changed' ? 'created' : event);
    if (this.timer !== undefined) this.timers.clear(this.timer);
    // `delayMs` after this event, but never later than `maxWaitMs` after the first pending one.
    const wait = Math.max(0, Math.min(this.delayMs, this.firstAt + this.maxWaitMs - now));
    this.timer = this.timers.set(() => this.flushNow(), wait);
  }

  get size(): number {
    return this.pending.size;
  }

  flushNow(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const events = this.pending;
    this.pending = new Map();
    this.flush(events);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
