/** Huffman-coded literals of Zstandard (RFC 8878 §4.2): tree description, table, streams. */
import { BackwardBits, highBit, ZstdError } from './bits';
import { FseState, readFseTable } from './fse';

export interface HuffmanTable {
  maxBits: number;
  symbol: Uint8Array;
  nbBits: Uint8Array;
}

/** Reads a Huffman tree description at `start`; returns the table and the bytes it used. */
export function readHuffmanTable(b: Uint8Array, start: number, end: number): { table: HuffmanTable; size: number } {
  const header = b[start];
  let weights: number[];
  let size: number;
  if (header < 128) {
    size = 1 + header;
    weights = fseWeights(b, start + 1, start + 1 + header);
  } else {
    const count = header - 127;
    size = 1 + Math.ceil(count / 2);
    weights = [];
    for (let i = 0; i < count; i++) {
      const byte = b[start + 1 + (i >> 1)];
      weights.push(i % 2 === 0 ? byte >> 4 : byte & 15);
    }
  }
  if (start + size > end) throw new ZstdError('a Huffman tree description runs past its block');
  return { table: buildHuffmanTable(weights), size };
}

function fseWeights(b: Uint8Array, start: number, end: number): number[] {
  const { table, size } = readFseTable(b, start, end, 255, 6);
  const bits = new BackwardBits(b, start + size, end);
  const s1 = new FseState(table, bits);
  const s2 = new FseState(table, bits);
  const out: number[] = [];
  for (;;) {
    out.push(s1.symbol);
    s1.update();
    if (bits.overflowed) {
      out.push(s2.symbol);
      break;
    }
    out.push(s2.symbol);
    s2.update();
    if (bits.overflowed) {
      out.push(s1.symbol);
      break;
    }
    if (out.length > 255) throw new ZstdError('too many Huffman weights');
  }
  return out;
}

/** The decoding table: symbols sorted by weight, each filling 2^(weight-1) entries. */
function buildHuffmanTable(weights: number[]): HuffmanTable {
  let total = 0;
  for (const w of weights) if (w > 0) total += 1 << (w - 1);
  if (total === 0) throw new ZstdError('a Huffman tree without symbols');
  const maxBits = highBit(total) + 1;
  const rest = (1 << maxBits) - total;
  if (rest & (rest - 1)) throw new ZstdError('a Huffman tree that does not complete');
  const all = [...weights, highBit(rest) + 1];
  if (maxBits > 11) throw new ZstdError(`a Huffman code of ${maxBits} bits (at most 11)`);
  const tableSize = 1 << maxBits;
  const symbol = new Uint8Array(tableSize);
  const nbBits = new Uint8Array(tableSize);
  let pos = 0;
  for (let w = 1; w <= maxBits; w++) {
    for (let s = 0; s < all.length; s++) {
      if (all[s] !== w) continue;
      const n = 1 << (w - 1);
      symbol.fill(s, pos, pos + n);
      nbBits.fill(maxBits + 1 - w, pos, pos + n);
      pos += n;
    }
  }
  return { maxBits, symbol, nbBits };
}

/** Decodes one Huffman stream of bytes [start, end) into out[from, to). */
export function decodeHuffmanStream(t: HuffmanTable, b: Uint8Array, start: number, end: number, out: Uint8Array, from: number, to: number): void {
  const bits = new BackwardBits(b, start, end);
  const { maxBits, symbol, nbBits } = t;
  const mask = (1 << maxBits) - 1;
  let left = bits.left;
  for (let i = from; i < to; i++) {
    const lo = left - maxBits;
    let idx: number;
    if (lo >= 0) {
      // maxBits ≤ 11 plus a shift ≤ 7 fit in three bytes; bytes past `end` only feed bits above the mask.
      const p = start + (lo >> 3);
      idx = ((b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) >>> (lo & 7)) & mask;
    } else {
      bits.left = left;
      idx = bits.peek(maxBits);
    }
    out[i] = symbol[idx];
    left -= nbBits[idx];
  }
  if (left !== 0) throw new ZstdError('a Huffman stream of the wrong length');
}

/** Decodes 1 or 4 Huffman streams of literals into a new array of `regenerated` bytes. */
export function decodeHuffmanLiterals(t: HuffmanTable, b: Uint8Array, start: number, end: number, regenerated: number, fourStreams: boolean): Uint8Array {
  const out = new Uint8Array(regenerated);
  if (!fourStreams) {
    decodeHuffmanStream(t, b, start, end, out, 0, regenerated);
    return out;
  }
  const s1 = b[start] | (b[start + 1] << 8);
  const s2 = b[start + 2] | (b[start + 3] << 8);
  const s3 = b[start + 4] | (b[start + 5] << 8);
  const per = Math.floor((regenerated + 3) / 4);
  let p = start + 6;
  const bounds = [p, (p += s1), (p += s2), p + s3, end];
  if (bounds[3] > end) throw new ZstdError('a literals jump table past its block');
  for (let i = 0; i < 4; i++) decodeHuffmanStream(t, b, bounds[i], bounds[i + 1], out, i * per, Math.min(regenerated, (i + 1) * per));
  return out;
}
