/**
 * Predictions written as they come, as CSV or JSON lines, to a temporary file renamed over the
 * output at the end (a failed run leaves no partial file), or to stdout. Columns: `row` (the
 * input's 0-based row number) or the `--id` column, `prediction`, and `proba_<class>` per class
 * with `--proba`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Prediction } from '../../core/package/contract';

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

  /** Writes one batch: ids[i] is the row number or id of predictions[i]. */
  async write(ids: readonly unknown[], predictions: readonly (Prediction | null)[]): Promise<void> {
    let text = '';
    if (!this.started) {
      this.started = true;
      if (this.format === 'csv') text += `${[this.idName, 'prediction', ...(this.classes ?? []).map((c) => `proba_${c}`)].map(csvField).join(',')}\n`;
    }
    const classes = this.classes ?? [];
    for (let i = 0; i < predictions.length; i++) {
      const p = predictions[i];
      if (this.format === 'csv') {
        let line = `${csvField(ids[i])},${csvField(p?.prediction)}`;
        for (const c of classes) line += `,${csvField(p?.probabilities?.[c])}`;
        text += `${line}\n`;
      } else {
        const o: Record<string, unknown> = { [this.idName]: ids[i], prediction: p?.prediction ?? null };
        for (const c of classes) o[`proba_${c}`] = p?.probabilities?.[c] ?? null;
        text += `${JSON.stringify(o)}\n`;
      }
    }
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  /** Finishes: the temporary file becomes the output. */
  async finish(): Promise<void> {
    if (!this.started) await this.write([], []);
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
