/**
 * Predictions written as they come, as CSV or JSON lines, to a temporary file renamed over the
 * output at the end (a failed run leaves no partial file), or to stdout. Columns: `row` (the
 * input's 0-based row number) or the `--id` column, `prediction`, and `proba_<class>` per class
 * with `--proba`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { TablePredictions } from '../../core/package/contract';

export type OutputFormat = 'csv' | 'jsonl';

const csvField = (v: unknown): string => {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes prediction rows to a file (atomically) or a stream, waiting when the stream is full. */
export class PredictionWriter {
  private readonly stream: Writable;
  private readonly temp?: string;
  private started = false;

  constructor(
    private readonly format: OutputFormat,
    private readonly idName: string,
    private readonly classes: readonly string[] | undefined,
    private readonly out?: string,
  ) {
    if (out !== undefined) {
      this.temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
      this.stream = fs.createWriteStream(this.temp);
    } else {
      this.stream = process.stdout;
    }
  }

  /**
   * Writes one batch of `predictTable` output: row i's id is `ids[i]`, or `ids + i` for row
   * numbers; rows flagged in `result.invalid` are left out when `skip`, else written without a
   * prediction. The text is built in one string per batch and written in one call.
   */
  async write(ids: ArrayLike<unknown> | number, result: TablePredictions, skip: boolean): Promise<void> {
    let text = '';
    if (!this.started) {
      this.started = true;
      if (this.format === 'csv') text += `${[this.idName, 'prediction', ...(this.classes ?? []).map((c) => `proba_${c}`)].map(csvField).join(',')}\n`;
    }
    const { predictions, invalid } = result;
    const classes = this.classes ?? [];
    const probabilities = result.probabilities;
    const k = probabilities?.classes.length ?? 0;
    // The column of each written class in the result's probabilities (-1: none).
    const at = classes.map((c) => probabilities?.classes.indexOf(c) ?? -1);
    const idOf = typeof ids === 'number' ? (i: number) => ids + i : (i: number) => ids[i];
    // Labels repeat: each distinct one is quoted once.
    const labelText = new Map<unknown, string>();
    for (let i = 0; i < result.rows; i++) {
      if (invalid[i] && skip) continue;
      const p = invalid[i] ? null : predictions[i];
      if (this.format === 'csv') {
        let label = labelText.get(p);
        if (label === undefined) labelText.set(p, (label = csvField(p)));
        let line = `${typeof ids === 'number' ? ids + i : csvField(ids[i])},${label}`;
        for (const j of at) {
          // A number needs no quoting: its shortest round-trip text as it is (NaN: empty).
          const x = j < 0 || invalid[i] ? NaN : probabilities!.data[i * k + j];
          line += x === x ? `,${x}` : ',';
        }
        text += `${line}\n`;
      } else {
        const o: Record<string, unknown> = { [this.idName]: idOf(i), prediction: p ?? null };
        for (let c = 0; c < classes.length; c++) o[`proba_${classes[c]}`] = at[c] < 0 || invalid[i] ? null : probabilities!.data[i * k + at[c]];
        text += `${JSON.stringify(o)}\n`;
      }
    }
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  /** Finishes: the temporary file becomes the output. */
  async finish(): Promise<void> {
    if (!this.started) await this.write(0, { rows: 0, predictions: [], invalid: new Uint8Array(0), problems: [] }, false);
    if (this.temp === undefined) return;
    await new Promise<void>((resolve, reject) => this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await fs.promises.rename(this.temp, this.out!);
  }

  /** Gives up: removes the temporary file. */
  async abort(): Promise<void> {
    if (this.temp === undefined) return;
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    await fs.promises.rm(this.temp, { force: true });
  }
}
