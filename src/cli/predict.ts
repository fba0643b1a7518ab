/**
 * `modelbook predict DIR INPUT`: scores a file with a model package, streaming. Wired into
 * src/cli/main.ts as `case 'predict'`.
 */
import fs from 'node:fs';
import type { InvalidRowPolicy } from '../core/package/contract';
import { serveCliMessage } from '../core/serve/messages';
import { formatDuration } from '../core/text/number';
import { loadModel } from '../store/package/loadModel';
import { InvalidInputError, predictFile } from '../store/predict/predictFile';
import { formatOf } from '../store/predict/readBatches';
import { predictMessage } from '../store/predict/messages';
import type { OutputFormat } from '../store/predict/writePredictions';
import { parseFlags, UsageError, type FlagSpec } from './flags';

export interface PredictIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (then a progress line is drawn). */
  errIsTty: boolean;
}

export const PREDICT_USAGE = `Usage: modelbook predict DIR INPUT [--out FILE] [--proba] [--on-invalid fail|skip|null] [--format csv|jsonl] [--id COL]
  DIR           a model package folder (modelbook export / exportModel)
  INPUT         .csv, .jsonl, .parquet or .arrow
  --out         write here (atomically) instead of stdout
  --on-invalid  fail (default): stop at the first invalid row; skip: leave it out; null: write it with an empty prediction
  exit code     0 scored, 1 a row failed the input schema under --on-invalid fail, 2 bad arguments or unreadable input`;

const FLAGS = {
  out: { type: 'string' },
  proba: { type: 'boolean' },
  'on-invalid': { type: 'string' },
  format: { type: 'string' },
  id: { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

const POLICIES: readonly InvalidRowPolicy[] = ['fail', 'skip', 'null'];
const FORMATS: readonly OutputFormat[] = ['csv', 'jsonl'];

/**
 * Runs `modelbook predict …` (argv without the word 'predict').
 *
 * @example
 * await runPredictCommand(['models/churn', 'new.csv', '--out', 'scores.csv'], io) // 0, 1 or 2
 */
export async function runPredictCommand(argv: string[], io: PredictIo): Promise<number> {
  const { values: v, positionals, help } = parseFlags('predict', argv, FLAGS);
  if (help) {
    io.out(`${PREDICT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(serveCliMessage.needsArgs('predict', 'DIR INPUT', positionals.length));
  const [dir, input] = positionals;
  const onInvalid = (v['on-invalid'] ?? 'fail') as InvalidRowPolicy;
  if (!POLICIES.includes(onInvalid)) throw new UsageError(serveCliMessage.badChoice('--on-invalid', POLICIES, v['on-invalid']));
  const format = (v.format ?? (v.out?.endsWith('.jsonl') ? 'jsonl' : 'csv')) as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(serveCliMessage.badChoice('--format', FORMATS, v.format));
  const inputFormat = formatOf(input);
  if (inputFormat === undefined) throw new UsageError(predictMessage.unknownFormat(input));
  if (!fs.existsSync(input)) throw new UsageError(serveCliMessage.notFound(input));
  let model;
  try {
    model = await loadModel(dir);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const started = performance.now();
  let lastDraw = 0;
  const progress = io.errIsTty
    ? (rows: number, done?: number) => {
        const now = performance.now();
        if (now - lastDraw < 200) return;
        lastDraw = now;
        io.err(`\r${progressBar(done)}${serveCliMessage.progress(rows, rows / Math.max(1e-3, (now - started) / 1000))}`);
      }
    : undefined;
  try {
    const result = await predictFile(model, {
      input,
      inputFormat,
      format,
      proba: v.proba === true,
      onInvalid,
      ...(v.out !== undefined ? { out: v.out } : {}),
      ...(v.id !== undefined ? { id: v.id } : {}),
      ...(progress ? { progress } : {}),
    });
    if (progress) io.err('\r\x1b[K');
    if (result.invalidRows > 0) io.err(`${predictMessage.invalidRowsSummary(result.invalidRows, onInvalid)} ${result.firstProblem ?? ''}\n`);
    if (v.out !== undefined) io.err(`${predictMessage.done(result.written, v.out, formatDuration(performance.now() - started))}\n`);
    return 0;
  } catch (e) {
    if (progress) io.err('\r\x1b[K');
    if (e instanceof InvalidInputError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
}

/** A 24-cell bar and the percentage for a share of the input read (nothing when the share is unknown). */
export function progressBar(done: number | undefined): string {
  if (done === undefined || !Number.isFinite(done)) return '';
  const share = Math.min(1, Math.max(0, done));
  const cells = Math.round(share * 24);
  return `[${'█'.repeat(cells)}${'░'.repeat(24 - cells)}] ${String(Math.floor(share * 100)).padStart(3)}% `;
}
