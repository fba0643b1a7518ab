/** Finite State Entropy tables of Zstandard (RFC 8878 §4.1): description, build, decode. */
import { ForwardBits, highBit, ZstdError, type BackwardBits } from './bits';

export interface FseTable {
  accuracyLog: number;
  symbol: Uint8Array;
  nbBits: Uint8Array;
  baseline: Int32Array;
}

/** Builds the decoding table from normalized probabilities (-1: "less than 1"). */
export function buildFseTable(probs: ArrayLike<number>, accuracyLog: number): FseTable {
  const size = 1 << accuracyLog;
  const symbol = new Uint8Array(size);
  const nbBits = new Uint8Array(size);
  const baseline = new Int32Array(size);
  const next = new Int32Array(probs.length);
  let high = size - 1;
  for (let s = 0; s < probs.length; s++) {
    if (probs[s] === -1) {
      symbol[high--] = s;
      next[s] = 1;
    } else {
      next[s] = probs[s];
    }
  }
  const step = (size >> 1) + (size >> 3) + 3;
  const mask = size - 1;
  let pos = 0;
  for (let s = 0; s < probs.length; s++) {
    for (let i = 0; i < probs[s]; i++) {
      symbol[pos] = s;
      do pos = (pos + step) & mask;
      while (pos > high);
    }
  }
  if (pos !== 0) throw new ZstdError('an FSE table whose probabilities do not fill it');
  for (let u = 0; u < size; u++) {
    const s = symbol[u];
    const state = next[s]++;
    const bits = accuracyLog - highBit(state);
    nbBits[u] = bits;
    baseline[u] = (state << bits) - size;
  }
  return { accuracyLog, symbol, nbBits, baseline };
}

/** Reads an FSE table description at `start`; returns the table and the bytes it used. */
export function readFseTable(b: Uint8Array, start: number, end: number, maxSymbol: number, maxLog: number): { table: FseTable; size: number } {
  const bits = new ForwardBits(b, start, end);
  const accuracyLog = bits.peek(4) + 5;
  bits.skip(4);
  if (accuracyLog > maxLog) throw new ZstdError(`an FSE accuracy log of ${accuracyLog} (at most ${maxLog})`);
  const probs: number[] = [];
  let remaining = (1 << accuracyLog) + 1;
  let threshold = 1 << accuracyLog;
  let nb = accuracyLog + 1;
  let previousZero = false;
  while (remaining > 1 && probs.length <= maxSymbol) {
    if (previousZero) {
      let repeat = bits.peek(2);
      bits.skip(2);
      let zeros = repeat;
      while (repeat === 3) {
        repeat = bits.peek(2);
        bits.skip(2);
        zeros += repeat;
      }
      for (let i = 0; i < zeros; i++) probs.push(0);
      if (probs.length > maxSymbol) break;
    }
    const max = 2 * threshold - 1 - remaining;
    let count: number;
    const low = bits.peek(nb - 1);
    if (low < max) {
      count = low;
      bits.skip(nb - 1);
    } else {
      count = bits.peek(nb);
      if (count >= threshold) count -= max;
      bits.skip(nb);
    }
    count--;
    remaining -= Math.abs(count);
    probs.push(count);
    previousZero = count === 0;
    while (remaining < threshold) {
      nb--;
      threshold >>= 1;
    }
  }
  if (remaining !== 1 || probs.length > maxSymbol + 1) throw new ZstdError('an FSE table description with wrong probabilities');
  return { table: buildFseTable(probs, accuracyLog), size: bits.bytesRead };
}

/** A table whose every state decodes to one symbol (RLE mode). */
export function rleTable(symbol: number): FseTable {
  return { accuracyLog: 0, symbol: Uint8Array.of(symbol), nbBits: Uint8Array.of(0), baseline: Int32Array.of(0) };
}

/** One FSE decoding state over a backward bitstream. */
export class FseState {
  state = 0;

  constructor(
    readonly table: FseTable,
    private readonly bits: BackwardBits,
  ) {
    this.state = bits.read(table.accuracyLog);
  }

  get symbol(): number {
    return this.table.symbol[this.state];
  }

  update(): void {
    const t = this.table;
    this.state = t.baseline[this.state] + this.bits.read(t.nbBits[this.state]);
  }
}

export const LL_DEFAULT = buildFseTable([4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1], 6);
export const ML_DEFAULT = buildFseTable(
  [1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1],
  6,
);
export const OF_DEFAULT = buildFseTable([1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1], 5);
