import type { ColumnTable } from 'arquero';
import { dataFingerprint, rowHashes, type DataFingerprint } from '../data/fingerprint';

/**
 * What a pipeline remembers about the data it was fitted on, so a later check can tell whether
 * test rows were part of it: the fingerprint, the exact row hashes (in memory) and a Bloom filter
 * of them (in JSON: ≈1.8 bytes per row, ≈0.1 % false positives).
 */
export interface FitRecord {
  fingerprint: DataFingerprint;
  /** The columns hashed (the pipeline's input columns). */
  columns: string[];
  /** Sorted row hashes; absent after a JSON round trip. */
  hashes?: Float64Array;
  bloom: BloomFilter;
}

/** A Bloom filter over 53-bit row hashes, as JSON (bits base64-encoded). */
export interface BloomFilter {
  bits: string;
  size: number;
  hashes: number;
}

const BITS_PER_ROW = 14.4; // ≈0.1 % false positives with 10 hash functions
const HASHES = 10;

/**
 * Records the data a pipeline is being fitted on.
 *
 * @example
 * pipeline.fittedOn = recordFit(trainFeatures);
 */
export function recordFit(table: ColumnTable): FitRecord {
  const columns = table.columnNames();
  const hashes = rowHashes(table, columns).sort();
  return { fingerprint: dataFingerprint(table), columns, hashes, bloom: buildBloom(hashes) };
}

/**
 * How many of `hashes` the record contains: exactly when it has its row hashes, through the
 * Bloom filter (an upper estimate) otherwise. Also returns the positions found.
 *
 * @example
 * countKnownRows(record, rowHashes(test, record.columns)).count // test rows seen in fit
 */
export function countKnownRows(record: FitRecord, hashes: Float64Array): { count: number; rows: number[]; exact: boolean } {
  const rows: number[] = [];
  const sorted = record.hashes;
  const bits = sorted ? undefined : decodeBits(record.bloom.bits);
  for (let i = 0; i < hashes.length; i++) {
    const known = sorted ? binarySearch(sorted, hashes[i]) : bloomHas(bits!, record.bloom, hashes[i]);
    if (known) rows.push(i);
  }
  return { count: rows.length, rows, exact: sorted !== undefined };
}

/**
 * The record without its exact hashes, for JSON.
 *
 * @example
 * JSON.stringify(fitRecordToJSON(record))
 */
export function fitRecordToJSON(record: FitRecord): Omit<FitRecord, 'hashes'> {
  return { fingerprint: record.fingerprint, columns: record.columns, bloom: record.bloom };
}

function buildBloom(hashes: Float64Array): BloomFilter {
  const size = Math.max(64, Math.ceil(hashes.length * BITS_PER_ROW));
  const bits = new Uint8Array(Math.ceil(size / 8));
  for (const h of hashes) for (const p of positions(h, size, HASHES)) bits[p >> 3] |= 1 << (p & 7);
  return { bits: encodeBits(bits), size, hashes: HASHES };
}

function bloomHas(bits: Uint8Array, bloom: BloomFilter, h: number): boolean {
  for (const p of positions(h, bloom.size, bloom.hashes)) if ((bits[p >> 3] & (1 << (p & 7))) === 0) return false;
  return true;
}

/** Double hashing (Kirsch–Mitzenmacher) from the two halves of the 53-bit row hash. */
function positions(h: number, size: number, k: number): number[] {
  const a = h % 2 ** 26;
  const b = Math.floor(h / 2 ** 26) * 2 + 1;
  return Array.from({ length: k }, (_, i) => (a + i * b) % size);
}

function binarySearch(sorted: Float64Array, v: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === v) return true;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function encodeBits(bits: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bits.length; i += 0x8000) s += String.fromCharCode(...bits.subarray(i, i + 0x8000));
  return btoa(s);
}

function decodeBits(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
