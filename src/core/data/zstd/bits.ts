/**
 * Bit readers for Zstandard (RFC 8878): FSE table descriptions are read forwards, least
 * significant bit first; entropy-coded streams are read backwards from a marker bit in their
 * last byte.
 */

export class ZstdError extends Error {
  constructor(detail: string) {
    super(`Corrupt or unsupported Zstandard data: ${detail}`);
  }
}

/** Reads `n` ≤ 24 bits starting at absolute bit `pos` of a little-endian byte run (zeros past either end). */
function bitsAt(b: Uint8Array, start: number, end: number, pos: number, n: number): number {
  if (n === 0) return 0;
  let byte = start + (pos >> 3);
  const shift = pos & 7;
  let word = 0;
  for (let i = 0; i < 4; i++, byte++) if (byte >= start && byte < end) word |= b[byte] << (8 * i);
  return ((word >>> shift) & ((1 << n) - 1)) >>> 0;
}

/** Forward, LSB-first bit reader (FSE table descriptions). */
export class ForwardBits {
  /** Absolute bit position from `start`. */
  pos = 0;

  constructor(
    private readonly b: Uint8Array,
    private readonly start: number,
    private readonly end: number,
  ) {}

  peek(n: number): number {
    return bitsAt(this.b, this.start, this.end, this.pos, n);
  }

  skip(n: number): void {
    this.pos += n;
    if (this.start + (this.pos >> 3) > this.end) throw new ZstdError('a table description runs past its block');
  }

  /** Bytes consumed so far, rounded up. */
  get bytesRead(): number {
    return (this.pos + 7) >> 3;
  }
}

/**
 * Backward bit reader: the stream's bits, read from the highest (just below the marker bit of the
 * last byte) down. Bits below the start read as zeros; `overflowed` tells when that happened.
 */
export class BackwardBits {
  /** Number of unread bits. */
  left: number;

  constructor(
    private readonly b: Uint8Array,
    private readonly start: number,
    private readonly end: number,
  ) {
    if (end <= start) throw new ZstdError('an empty bitstream');
    const last = b[end - 1];
    if (last === 0) throw new ZstdError('a bitstream without its end marker');
    this.left = (end - start - 1) * 8 + (31 - Math.clz32(last));
  }

  read(n: number): number {
    if (n > 24) {
      const hi = this.read(n - 16);
      return hi * 65536 + this.read(16);
    }
    const v = this.peek(n);
    this.left -= n;
    return v;
  }

  peek(n: number): number {
    const lo = this.left - n;
    if (lo >= 0) return bitsAt(this.b, this.start, this.end, lo, n);
    // Past the start: the missing low bits are zeros.
    return this.left <= 0 ? 0 : (bitsAt(this.b, this.start, this.end, 0, this.left) << -lo) >>> 0;
  }

  skip(n: number): void {
    this.left -= n;
  }

  get overflowed(): boolean {
    return this.left < 0;
  }
}

/** Index of the highest set bit (floor(log2(v)) for v > 0). */
export function highBit(v: number): number {
  return 31 - Math.clz32(v);
}
