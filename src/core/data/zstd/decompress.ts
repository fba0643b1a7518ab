/**
 * A Zstandard decoder (RFC 8878) in plain TypeScript: Parquet files written by Polars, Spark and
 * pyarrow are often ZSTD-compressed, hyparquet reads only Snappy by itself, and Node 20's zlib
 * has no zstd. No dictionaries; checksums are not verified (Parquet pages carry their own sizes).
 */
import { BackwardBits, ZstdError } from './bits';
import { FseState, LL_DEFAULT, ML_DEFAULT, OF_DEFAULT, readFseTable, rleTable, type FseTable } from './fse';
import { decodeHuffmanLiterals, readHuffmanTable, type HuffmanTable } from './huffman';

const LL_BASE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536];
const LL_BITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const ML_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051,
  4099, 8195, 16387, 32771, 65539,
];
const ML_BITS = [
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
];

/** Tables and repeat offsets that carry over from block to block within a frame. */
interface FrameState {
  out: Uint8Array;
  pos: number;
  huffman: HuffmanTable | undefined;
  ll: FseTable | undefined;
  of: FseTable | undefined;
  ml: FseTable | undefined;
  reps: [number, number, number];
}

/**
 * Decompresses Zstandard frames. `outputLength` (when known, as in Parquet pages) sizes the
 * output exactly; otherwise the frames' content sizes or growth do.
 *
 * @example
 * zstdDecompress(compressedPage, 65536) // Uint8Array(65536)
 */
export function zstdDecompress(input: Uint8Array, outputLength?: number): Uint8Array {
  const s: FrameState = { out: new Uint8Array(outputLength ?? Math.max(1024, input.length * 4)), pos: 0, huffman: undefined, ll: undefined, of: undefined, ml: undefined, reps: [1, 4, 8] };
  let p = 0;
  while (p < input.length) {
    const magic = (input[p] | (input[p + 1] << 8) | (input[p + 2] << 16) | (input[p + 3] << 24)) >>> 0;
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      p += 8 + ((input[p + 4] | (input[p + 5] << 8) | (input[p + 6] << 16) | (input[p + 7] << 24)) >>> 0);
      continue;
    }
    if (magic !== 0xfd2fb528) throw new ZstdError('no Zstandard frame (wrong magic number)');
    p = readFrame(input, p + 4, s);
  }
  return s.pos === s.out.length ? s.out : s.out.slice(0, s.pos);
}

function readFrame(b: Uint8Array, p: number, s: FrameState): number {
  const fhd = b[p++];
  const fcsFlag = fhd >> 6;
  const single = (fhd >> 5) & 1;
  const checksum = (fhd >> 2) & 1;
  const dictFlag = fhd & 3;
  if (fhd & 8) throw new ZstdError('a reserved frame header bit is set');
  if (!single) p++;
  if (dictFlag) {
    const dictSize = [0, 1, 2, 4][dictFlag];
    let id = 0;
    for (let i = 0; i < dictSize; i++) id += b[p + i] * 2 ** (8 * i);
    if (id !== 0) throw new ZstdError('the frame needs a dictionary');
    p += dictSize;
  }
  const fcsSize = [single ? 1 : 0, 2, 4, 8][fcsFlag];
  let contentSize = 0;
  for (let i = 0; i < fcsSize; i++) contentSize += b[p + i] * 2 ** (8 * i);
  if (fcsSize === 2) contentSize += 256;
  p += fcsSize;
  if (fcsSize > 0) reserve(s, contentSize);
  s.huffman = s.ll = s.of = s.ml = undefined;
  s.reps = [1, 4, 8];
  for (;;) {
    const header = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16);
    p += 3;
    const last = header & 1;
    const type = (header >> 1) & 3;
    const size = header >> 3;
    if (type === 0) {
      reserve(s, size);
      s.out.set(b.subarray(p, p + size), s.pos);
      s.pos += size;
      p += size;
    } else if (type === 1) {
      reserve(s, size);
      s.out.fill(b[p], s.pos, s.pos + size);
      s.pos += size;
      p += 1;
    } else if (type === 2) {
      readCompressedBlock(b, p, p + size, s);
      p += size;
    } else {
      throw new ZstdError('a reserved block type');
    }
    if (p > b.length) throw new ZstdError('a block runs past the end of the input');
    if (last) break;
  }
  return p + (checksum ? 4 : 0);
}

function reserve(s: FrameState, extra: number): void {
  if (s.pos + extra <= s.out.length) return;
  const next = new Uint8Array(Math.max(s.pos + extra, s.out.length * 2));
  next.set(s.out.subarray(0, s.pos));
  s.out = next;
}

function readCompressedBlock(b: Uint8Array, start: number, end: number, s: FrameState): void {
  const { literals, next } = readLiterals(b, start, end, s);
  let p = next;
  let count = b[p++];
  if (count === 0) {
    copyLiterals(s, literals, 0, literals.length);
    return;
  }
  if (count === 255) {
    count = b[p] + (b[p + 1] << 8) + 0x7f00;
    p += 2;
  } else if (count >= 128) {
    count = ((count - 128) << 8) + b[p++];
  }
  const modes = b[p++];
  const pick = (mode: number, prev: FseTable | undefined, def: FseTable, maxSymbol: number, maxLog: number): FseTable => {
    if (mode === 0) return def;
    if (mode === 1) return rleTable(b[p++]);
    if (mode === 2) {
      const { table, size } = readFseTable(b, p, end, maxSymbol, maxLog);
      p += size;
      return table;
    }
    if (!prev) throw new ZstdError('a repeated sequence table without a previous one');
    return prev;
  };
  s.ll = pick(modes >> 6, s.ll, LL_DEFAULT, 35, 9);
  s.of = pick((modes >> 4) & 3, s.of, OF_DEFAULT, 31, 8);
  s.ml = pick((modes >> 2) & 3, s.ml, ML_DEFAULT, 52, 9);
  executeSequences(b, p, end, count, literals, s);
}

function readLiterals(b: Uint8Array, p: number, end: number, s: FrameState): { literals: Uint8Array; next: number } {
  const b0 = b[p];
  const type = b0 & 3;
  const format = (b0 >> 2) & 3;
  if (type === 0 || type === 1) {
    let size: number;
    let header: number;
    if (format === 0 || format === 2) [size, header] = [b0 >> 3, 1];
    else if (format === 1) [size, header] = [(b0 >> 4) + (b[p + 1] << 4), 2];
    else [size, header] = [(b0 >> 4) + (b[p + 1] << 4) + (b[p + 2] << 12), 3];
    p += header;
    if (type === 0) return { literals: b.subarray(p, p + size), next: p + size };
    return { literals: new Uint8Array(size).fill(b[p]), next: p + 1 };
  }
  const header = format <= 1 ? 3 : format + 2;
  const width = [10, 10, 14, 18][format];
  let value = 0;
  for (let i = 0; i < header; i++) value += b[p + i] * 2 ** (8 * i);
  const regenerated = Math.floor(value / 16) % 2 ** width;
  const compressed = Math.floor(value / 2 ** (4 + width)) % 2 ** width;
  p += header;
  const dataEnd = p + compressed;
  if (dataEnd > end) throw new ZstdError('a literals section past its block');
  if (type === 2) {
    const { table, size } = readHuffmanTable(b, p, dataEnd);
    s.huffman = table;
    p += size;
  } else if (!s.huffman) {
    throw new ZstdError('treeless literals without a previous Huffman table');
  }
  return { literals: decodeHuffmanLiterals(s.huffman, b, p, dataEnd, regenerated, format !== 0), next: dataEnd };
}

function executeSequences(b: Uint8Array, start: number, end: number, count: number, literals: Uint8Array, s: FrameState): void {
  const bits = new BackwardBits(b, start, end);
  const ll = new FseState(s.ll!, bits);
  const of = new FseState(s.of!, bits);
  const ml = new FseState(s.ml!, bits);
  const reps = s.reps;
  let lit = 0;
  for (let i = 0; i < count; i++) {
    const ofCode = of.symbol;
    const mlCode = ml.symbol;
    const llCode = ll.symbol;
    const offsetValue = 2 ** ofCode + bits.read(ofCode);
    const matchLength = ML_BASE[mlCode] + bits.read(ML_BITS[mlCode]);
    const literalLength = LL_BASE[llCode] + bits.read(LL_BITS[llCode]);
    let offset: number;
    if (offsetValue > 3) {
      offset = offsetValue - 3;
      reps[2] = reps[1];
      reps[1] = reps[0];
      reps[0] = offset;
    } else {
      const idx = offsetValue - 1 + (literalLength === 0 ? 1 : 0);
      if (idx === 0) {
        offset = reps[0];
      } else {
        offset = idx === 3 ? reps[0] - 1 : reps[idx];
        if (idx !== 1) reps[2] = reps[1];
        reps[1] = reps[0];
        reps[0] = offset;
      }
    }
    if (i + 1 < count) {
      ll.update();
      ml.update();
      of.update();
    }
    if (lit + literalLength > literals.length) throw new ZstdError('a sequence asks for more literals than the block has');
    copyLiterals(s, literals, lit, lit + literalLength);
    lit += literalLength;
    copyMatch(s, offset, matchLength);
  }
  copyLiterals(s, literals, lit, literals.length);
}

function copyLiterals(s: FrameState, literals: Uint8Array, from: number, to: number): void {
  reserve(s, to - from);
  s.out.set(literals.subarray(from, to), s.pos);
  s.pos += to - from;
}

function copyMatch(s: FrameState, offset: number, length: number): void {
  if (offset > s.pos || offset <= 0) throw new ZstdError(`a match offset of ${offset} before the start of the output`);
  reserve(s, length);
  const out = s.out;
  let from = s.pos - offset;
  let to = s.pos;
  if (offset >= length) {
    out.copyWithin(to, from, from + length);
  } else {
    for (let i = 0; i < length; i++) out[to++] = out[from++];
  }
  s.pos += length;
}
