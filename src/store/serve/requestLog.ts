/**
 * Structured logs of `modelbook serve`, JSON lines appended to files:
 *
 * - the request log (`--log FILE`): one object per request
 *   `{"ts", "kind": "request", "id", "method", "route", "path", "status", "rows", "invalidRows", "latencyMs", "model", "contentHash", "error"?}`;
 * - the payload log (`--log-payloads FILE`): one object per scored row, the input columns
 *   flattened at the top level (as a `.jsonl` file `modelbook monitor` reads as CURRENT data),
 *   plus `prediction`, `proba_<class>` when probabilities were asked, and `_ts`, `_request`, `_row`
 *   (the request id and the row's index in it). A row refused by validation is not written.
 */
import fs from 'node:fs';
import type { Prediction } from '../../core/package/contract';

export interface RequestRecord {
  ts: string;
  kind: 'request';
  id: number;
  method: string;
  route: string;
  path: string;
  status: number;
  rows: number;
  invalidRows: number;
  latencyMs: number;
  model: string;
  contentHash: string;
  error?: string;
}

/** An append-only JSON-lines file; `close()` flushes it. */
export class JsonLinesLog {
  private readonly stream: fs.WriteStream;
  constructor(file: string) {
    this.stream = fs.createWriteStream(file, { flags: 'a' });
  }

  write(records: readonly object[]): void {
    if (records.length === 0) return;
    this.stream.write(records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}

/**
 * The payload records of one request: input columns, then `prediction` and `proba_<class>`.
 *
 * @example
 * payloadRecords(7, '2026-01-01T00:00:00.000Z', [{ x: 1 }], [{ prediction: 'a' }], [0])
 * // [{ x: 1, prediction: 'a', _ts: '2026-01-01T00:00:00.000Z', _request: 7, _row: 0 }]
 */
export function payloadRecords(request: number, ts: string, records: readonly Record<string, unknown>[], predictions: readonly (Prediction | null)[], rows: readonly number[]): object[] {
  const out: object[] = [];
  predictions.forEach((p, i) => {
    if (p === null) return;
    const row = rows[i];
    const probabilities = p.probabilities ? Object.fromEntries(Object.entries(p.probabilities).map(([c, v]) => [`proba_${c}`, v])) : {};
    out.push({ ...records[row], prediction: p.prediction, ...probabilities, _ts: ts, _request: request, _row: row });
  });
  return out;
}
