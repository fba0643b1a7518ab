import type { RunSummary } from '../../core/runs/summary';
import { readRegularFile } from '../readRegularFile';
import { writeRunFile } from './writeFile';

/** Bumped whenever RunSummary or the record format changes, so an old cache is ignored. */
const CACHE_VERSION = 1;

/** A bigger cache (about 20 times 50,000 runs' rows) is ignored: reading the records is then cheaper. */
const CACHE_MAX_BYTES = 256 * 2 ** 20;

/** What the cache knows about one record file: its stat when read, and its summary row. */
export interface CachedRun {
  mtimeMs: number;
  size: number;
  summary: RunSummary;
}

interface CacheFile {
  version: number;
  runsDir: string;
  entries: Record<string, CachedRun>;
}

/**
 * The index cache of a runs folder: summary rows keyed by file name with the size and mtime they
 * were read at. A row is reused only while both still match, so the cache can only save work,
 * never hide a change. A missing, foreign or outdated cache reads as empty.
 *
 * @example
 * loadIndexCache(path.join(storageDir, 'runs-index.json'), runsDir).get('01JD….json')
 */
export function loadIndexCache(file: string, runsDir: string): Map<string, CachedRun> {
  let parsed: CacheFile;
  try {
    parsed = JSON.parse(readRegularFile(file, { maxBytes: CACHE_MAX_BYTES }).bytes.toString('utf8')) as CacheFile;
  } catch {
    return new Map();
  }
  if (parsed?.version !== CACHE_VERSION || parsed.runsDir !== runsDir || typeof parsed.entries !== 'object' || parsed.entries === null) return new Map();
  const out = new Map<string, CachedRun>();
  for (const [name, e] of Object.entries(parsed.entries)) {
    if (typeof e?.mtimeMs === 'number' && typeof e.size === 'number' && typeof e.summary?.id === 'string') out.set(name, e);
  }
  return out;
}

/**
 * Writes the cache atomically (two windows saving at once leave one complete cache).
 * Failures are ignored: the cache is an optimisation.
 *
 * @example
 * saveIndexCache(path.join(storageDir, 'runs-index.json'), runsDir, entries)
 */
export function saveIndexCache(file: string, runsDir: string, entries: Map<string, CachedRun>): void {
  const data: CacheFile = { version: CACHE_VERSION, runsDir, entries: Object.fromEntries(entries) };
  try {
    writeRunFile(file, JSON.stringify(data));
  } catch {
    // Read-only storage or a full disk: the next open reads the record files instead.
  }
}
