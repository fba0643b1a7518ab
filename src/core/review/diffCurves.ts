import type { DiffCurves } from './contract';
import type { EncodedSides, SideData } from './encodeSides';
import { _rankingCurves } from '../evaluation/view/collectBinary';
import { _sortScores } from '../evaluation/metrics/sortScores';

/** Points per curve and side: enough for a smooth line at report size, small in JSON. */
export const DIFF_CURVE_POINTS = 200;

type Binary = Extract<SideData, { task: 'binary' }>;

/**
 * Base's and head's ROC and precision–recall curves on the given rows of each side (the matched
 * rows of a paired diff), with the evaluation's own curve code, downsampled to `maxPoints`.
 * Undefined unless both sides are binary with scores; a curve the rows cannot define (ROC
 * without both classes, PR without positives) is left out.
 *
 * @example
 * _diffCurves(enc, match.base, match.head, true)?.roc?.head.area // head's ROC AUC on the matched rows
 */
export function _diffCurves(enc: EncodedSides, rowsBase: ArrayLike<number>, rowsHead: ArrayLike<number>, paired: boolean, maxPoints = DIFF_CURVE_POINTS): DiffCurves | undefined {
  if (enc.task !== 'binary') return undefined;
  const b = enc.base as Binary | undefined;
  const h = enc.head as Binary | undefined;
  if (!b?.score || !h?.score || rowsBase.length === 0 || rowsHead.length === 0) return undefined;
  const side = (s: Binary, rows: ArrayLike<number>) => {
    const score = new Float64Array(rows.length);
    const positive = new Uint8Array(rows.length);
    let positives = 0;
    for (let k = 0; k < rows.length; k++) {
      score[k] = s.score![rows[k]];
      positive[k] = s.positive[rows[k]];
      positives += positive[k];
    }
    return { curves: _rankingCurves(_sortScores(score, positive), maxPoints), prevalence: positives / rows.length };
  };
  const cb = side(b, rowsBase);
  const ch = side(h, rowsHead);
  const out: DiffCurves = { rows: { base: rowsBase.length, head: rowsHead.length }, paired };
  if (cb.curves.roc && ch.curves.roc) out.roc = { base: cb.curves.roc, head: ch.curves.roc };
  if (cb.curves.pr && ch.curves.pr) out.pr = { base: cb.curves.pr, head: ch.curves.pr, prevalence: ch.prevalence };
  return out.roc || out.pr ? out : undefined;
}
