import type { ClassLabel, ScoreMatrix } from '../metrics/types';
import { describe } from '../metrics/validate';
import { evaluationMessage } from '../messages';

/** A checked row-major score matrix; `classes` when the input named them (a contract Probabilities). */
export interface DenseScores {
  rows: number;
  cols: number;
  data: Float64Array;
  classes?: ClassLabel[];
}

export function isScoreMatrix(v: unknown): v is ScoreMatrix {
  if (Array.isArray(v)) return v.length > 0 && Array.isArray(v[0]);
  return typeof v === 'object' && v !== null && (v as { data?: unknown }).data instanceof Float64Array && typeof (v as { rows?: unknown }).rows === 'number';
}

/** Any ScoreMatrix form as a dense row-major matrix; every entry must be finite. */
export function toDenseScores(fn: string, name: string, v: unknown): DenseScores {
  let out: DenseScores;
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = rows ? (v[0] as unknown[]).length : 0;
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const r = v[i] as unknown;
      if (!Array.isArray(r) || r.length !== cols) throw new TypeError(evaluationMessage.badScoreRow(fn, name, i, cols, describe(r)));
      for (let j = 0; j < cols; j++) data[i * cols + j] = r[j] as number;
    }
    out = { rows, cols, data };
  } else if (isScoreMatrix(v)) {
    const m = v as { rows: number; cols?: number; classes?: ClassLabel[]; data: Float64Array };
    const cols = m.classes ? m.classes.length : (m.cols ?? 0);
    if (m.data.length !== m.rows * cols) throw new RangeError(evaluationMessage.scoreMatrixSize(fn, name, m.data.length, m.rows, cols));
    out = { rows: m.rows, cols, data: m.data, ...(m.classes ? { classes: m.classes } : {}) };
  } else {
    throw new TypeError(evaluationMessage.badScoreMatrix(fn, name, describe(v)));
  }
  for (let i = 0; i < out.data.length; i++) {
    const x = out.data[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(evaluationMessage.scoreNotFinite(fn, name, Math.floor(i / Math.max(out.cols, 1)), i % Math.max(out.cols, 1), String(x)));
  }
  return out;
}

/** Column j of a dense matrix. */
export function column(m: DenseScores, j: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j];
  return out;
}

/** True when every row sums to 1 within numpy.allclose's default tolerances. */
export function rowsSumToOne(m: DenseScores): boolean {
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let j = 0; j < m.cols; j++) s += m.data[i * m.cols + j];
    if (Math.abs(1 - s) > 1e-8 + 1e-5 * Math.abs(s)) return false;
  }
  return true;
}
