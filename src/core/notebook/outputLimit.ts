import type { MimeBundle } from './contract';
import { MIME } from './mime';
import { message } from '../messages';
import { formatBytes } from '../text/number';

/** What a cell's output keeps by default: 5 MB of text (setting modelbook.output.maxBytes, CLI --max-output). */
export const DEFAULT_MAX_OUTPUT_BYTES = 5_000_000;

export interface StreamChunk {
  name: 'stdout' | 'stderr';
  text: string;
}

/**
 * Keeps a cell's stream output within `maxChars`, as Jupyter does: the first half passes on as it
 * comes, the last half is held back (older text dropped as newer arrives), and what fell between
 * is counted. Memory stays O(maxChars) however much a cell prints. Sizes are counted in UTF-16
 * characters, one per byte for ASCII text.
 *
 * @example
 * const limit = new OutputLimiter(10);
 * limit.write('stdout', 'abcdefghijklmnop') // 'abcde'
 * limit.end() // { dropped: 6, tail: [{ name: 'stdout', text: 'lmnop' }] }
 */
export class OutputLimiter {
  private headLeft: number;
  private readonly tailMax: number;
  private tail: StreamChunk[] = [];
  private tailChars = 0;
  private droppedChars = 0;
  private lastPassed = '\n';

  constructor(readonly maxChars: number = DEFAULT_MAX_OUTPUT_BYTES) {
    if (!(maxChars > 0)) throw new RangeError(`internal: OutputLimiter needs a positive size, got ${maxChars}.`);
    this.headLeft = Math.ceil(maxChars / 2);
    this.tailMax = Math.floor(maxChars / 2);
  }

  /** How much was dropped so far. */
  get dropped(): number {
    return this.droppedChars;
  }

  /** Takes `text`; returns the part to pass on now (empty once the head is full). */
  write(name: StreamChunk['name'], text: string): string {
    if (text.length <= this.headLeft) {
      this.headLeft -= text.length;
      if (text) this.lastPassed = text;
      return text;
    }
    const head = text.slice(0, this.headLeft);
    this.headLeft = 0;
    if (head) this.lastPassed = head;
    this.hold(name, text.slice(head.length));
    return head;
  }

  /** Counts text dropped before it got here (by a kernel that limits its output too). */
  skip(chars: number): void {
    if (chars > 0) this.droppedChars += chars;
  }

  /** Ends the output: the tail held back, and how much was dropped before it. */
  end(): { dropped: number; tail: StreamChunk[] } {
    const r = { dropped: this.droppedChars, tail: this.tail };
    this.tail = [];
    this.tailChars = 0;
    this.droppedChars = 0;
    return r;
  }

  /** `end()` as the chunks to show: a note saying how much was dropped (if any), then the tail. */
  endWithNote(): StreamChunk[] {
    const { dropped, tail } = this.end();
    if (dropped === 0) return tail;
    const lead = this.lastPassed.endsWith('\n') ? '' : '\n';
    const note = { name: tail[0]?.name ?? 'stdout', text: `${lead}${message.outputDropped(formatBytes(dropped), formatBytes(this.maxChars))}\n` } as const;
    return [note, ...tail];
  }

  private hold(name: StreamChunk['name'], text: string): void {
    if (text.length >= this.tailMax) {
      this.droppedChars += this.tailChars + text.length - this.tailMax;
      // A fresh copy: a slice would keep the whole (possibly huge) string alive.
      this.tail = this.tailMax > 0 ? [{ name, text: copy(text.slice(text.length - this.tailMax)) }] : [];
      this.tailChars = this.tailMax;
      return;
    }
    this.tail.push({ name, text });
    this.tailChars += text.length;
    while (this.tailChars > this.tailMax) {
      const first = this.tail[0];
      const excess = this.tailChars - this.tailMax;
      if (first.text.length <= excess) {
        this.tail.shift();
        this.tailChars -= first.text.length;
        this.droppedChars += first.text.length;
      } else {
        first.text = first.text.slice(excess);
        this.tailChars -= excess;
        this.droppedChars += excess;
      }
    }
  }
}

function copy(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * A display (or result) bundle within `maxChars`, or a plain-text note in its place: one enormous
 * value must not take the host's memory with it.
 *
 * @example
 * limitBundle({ 'text/html': '<table>…50 MB…</table>' }, 5_000_000) // { 'text/plain': '… display of 50 MB dropped (limit 5 MB: …) …' }
 */
export function limitBundle(bundle: MimeBundle, maxChars: number = DEFAULT_MAX_OUTPUT_BYTES): MimeBundle {
  const size = bundleSize(bundle, maxChars);
  if (size <= maxChars) return bundle;
  return { [MIME.text]: message.displayDropped(Number.isFinite(size) ? formatBytes(size) : `more than ${formatBytes(maxChars)}`, formatBytes(maxChars)) };
}

function bundleSize(bundle: MimeBundle, maxChars: number): number {
  let size = 0;
  for (const value of Object.values(bundle)) {
    if (typeof value === 'string') size += value.length;
    else {
      try {
        size += JSON.stringify(value)?.length ?? 0;
      } catch {
        return Infinity; // too large to even serialize (or circular: it could not be sent either)
      }
    }
    if (size > maxChars) return size;
  }
  return size;
}
