import type { FlippedRow, Flips, PredictionSet } from './contract';
import type { EncodedSides } from './encodeSides';
import type { RowMatch } from './matchRows';
import { _encodeSides } from './encodeSides';
import { _matchRows } from './matchRows';
import { _mcnemar } from './mcnemar';
import { checkInteger } from '../args/checkInteger';
import { checkNumber } from '../evaluation/metrics/validate';
import { reviewMessage } from './messages';

export interface FlipOptions {
  /** Flipped rows shown with their features (default 10): regressions first, then fixes, then other changes. */
  examples?: number;
  /**
   * Regression models: a row's error grew (or shrank) when |head error| − |base error| exceeds this
   * (default: 10% of base's mean absolute error on the matched rows, so the rule is scale-free and
   * ignores the jitter of a retrained model; 0 when base is exact).
   */
  tolerance?: number;
}

/** The default regression tolerance, as a share of base's mean absolute error on the matched rows. */
export const DEFAULT_ERROR_TOLERANCE_SHARE = 0.1;

/**
 * Which predictions changed between base and head on the rows both kept (matched by row id).
 * Classification: a fix is a row base got wrong and head right, a regression the reverse (the
 * negative flip rate is regressions / rows), counted per true class, with McNemar's test on
 * (b = regressions, c = fixes), and the rows both sides got right or wrong (the flip matrix's
 * diagonal); multiclass diffs also say where changed predictions moved (base's class → head's,
 * most rows first). Regression: rows whose absolute error grew by more than the
 * tolerance count as regressions (`errorGrew`), those whose error shrank by more as fixes.
 * Examples come in a fixed order: regressions first, then fixes, then other changes; within a
 * kind, by row order in base (classification) or by how much the error moved (regression).
 *
 * @example
 * const f = collectFlips(basePredictions, headPredictions, { examples: 5 });
 * f.regressions; // 214 · f.negativeFlipRate; // 0.0107 · f.mcnemar.pValue; // 3.1e-6
 */
export function collectFlips(base: PredictionSet, head: PredictionSet, options: FlipOptions = {}): Flips {
  const enc = _encodeSides('collectFlips', base, head, []);
  return _collectFlips(base, head, _matchRows(base.rowIds, head.rowIds), enc, options).flips;
}

export function _collectFlips(base: PredictionSet, head: PredictionSet, match: RowMatch, enc: EncodedSides, options: FlipOptions = {}): { flips: Flips; notes: string[] } {
  const fn = 'collectFlips';
  const maxExamples = checkInteger(fn, 'examples', options.examples ?? 10, 0);
  const m = match.base.length;
  const notes: string[] = [];
  const kind = new Int8Array(m); // 0 same, 1 regression, 2 fix, 3 other change
  const moved = new Float64Array(m); // regression models: how much the absolute error grew
  let changed = 0;
  let labelsDiffer = 0;
  const out: Flips = { rows: m, onlyBase: match.onlyBase, onlyHead: match.onlyHead, changed: 0, fixes: 0, regressions: 0, negativeFlipRate: 0, perClass: [], examples: [] };
  if (enc.task === 'regression') {
    let mae = 0;
    const eb = new Float64Array(m);
    const eh = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const i = match.base[k];
      const j = match.head[k];
      eb[k] = Math.abs(Number(base.yPred[i]) - Number(base.yTrue[i]));
      eh[k] = Math.abs(Number(head.yPred[j]) - Number(head.yTrue[j]));
      mae += eb[k];
      if (Number(base.yTrue[i]) !== Number(head.yTrue[j])) labelsDiffer++;
    }
    const tolerance = options.tolerance === undefined ? (m ? (DEFAULT_ERROR_TOLERANCE_SHARE * mae) / m : 0) : checkNumber(fn, 'tolerance', options.tolerance, 0);
    for (let k = 0; k < m; k++) {
      moved[k] = eh[k] - eb[k];
      if (Number(base.yPred[match.base[k]]) !== Number(head.yPred[match.head[k]])) changed++;
      kind[k] = moved[k] > tolerance ? 1 : -moved[k] > tolerance ? 2 : 0;
      if (kind[k] === 0 && Number(base.yPred[match.base[k]]) !== Number(head.yPred[match.head[k]])) kind[k] = 3;
    }
    out.errorGrew = { rows: count(kind, 1), tolerance };
  } else {
    const b = enc.base as Extract<typeof enc.base, { correct: Uint8Array }>;
    const h = enc.head as Extract<typeof enc.head, { correct: Uint8Array }>;
    const perClass = new Map<string, { label: string; fixes: number; regressions: number; changed: number }>(enc.classes.map((c) => [c, { label: c, fixes: 0, regressions: 0, changed: 0 }]));
    const present = new Set<string>();
    const moves = new Map<string, { from: string; to: string; rows: number; fixes: number; regressions: number }>();
    let bothRight = 0;
    let bothWrong = 0;
    for (let k = 0; k < m; k++) {
      const i = match.base[k];
      const j = match.head[k];
      const label = String(base.yTrue[i]);
      present.add(label);
      if (label !== String(head.yTrue[j])) labelsDiffer++;
      const diff = String(base.yPred[i]) !== String(head.yPred[j]);
      kind[k] = b.correct[i] && !h.correct[j] ? 1 : !b.correct[i] && h.correct[j] ? 2 : diff ? 3 : 0;
      const row = perClass.get(label)!;
      if (b.correct[i] && h.correct[j]) bothRight++;
      else if (!b.correct[i] && !h.correct[j]) bothWrong++;
      if (diff) {
        changed++;
        row.changed++;
        if (enc.task === 'multiclass') {
          const from = String(base.yPred[i]);
          const to = String(head.yPred[j]);
          const key = `${from}\u0000${to}`;
          const move = moves.get(key) ?? { from, to, rows: 0, fixes: 0, regressions: 0 };
          move.rows++;
          if (kind[k] === 1) move.regressions++;
          if (kind[k] === 2) move.fixes++;
          moves.set(key, move);
        }
      }
      if (kind[k] === 1) row.regressions++;
      if (kind[k] === 2) row.fixes++;
    }
    out.perClass = [...perClass.values()].filter((c) => present.has(c.label));
    out.bothRight = bothRight;
    out.bothWrong = bothWrong;
    if (enc.task === 'multiclass') out.moves = topMoves([...moves.values()]);
  }
  out.changed = changed;
  out.regressions = count(kind, 1);
  out.fixes = count(kind, 2);
  out.negativeFlipRate = m ? out.regressions / m : 0;
  if (enc.task !== 'regression') out.mcnemar = _mcnemar(out.regressions, out.fixes);
  out.examples = examples(base, head, match, kind, moved, enc.task === 'regression', maxExamples);
  if (match.duplicateIds) {
    out.duplicateIds = match.duplicateIds;
    notes.push(reviewMessage.duplicateIds(match.duplicateIds));
  }
  if (base.totalRows > base.rowIds.length || head.totalRows > head.rowIds.length) {
    out.sampled = { base: { kept: base.rowIds.length, total: base.totalRows }, head: { kept: head.rowIds.length, total: head.totalRows } };
  }
  if (labelsDiffer) notes.push(reviewMessage.labelsDiffer(labelsDiffer));
  return { flips: out, notes };
}

/** Moves with the most rows first (ties by class names, so the order is stable), at most MAX_MOVES. */
function topMoves(moves: NonNullable<Flips['moves']>): NonNullable<Flips['moves']> {
  return moves.sort((x, y) => y.rows - x.rows || (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0)).slice(0, MAX_MOVES);
}

/** How many base → head class moves a diff lists. */
const MAX_MOVES = 12;

function count(kind: Int8Array, k: number): number {
  let c = 0;
  for (let i = 0; i < kind.length; i++) if (kind[i] === k) c++;
  return c;
}

const KIND = ['changed', 'regression', 'fix', 'changed'] as const;

function examples(base: PredictionSet, head: PredictionSet, match: RowMatch, kind: Int8Array, moved: Float64Array, byError: boolean, max: number): FlippedRow[] {
  if (max === 0) return [];
  const picked: number[] = [];
  for (const want of [1, 2, 3]) {
    const rows: number[] = [];
    for (let k = 0; k < kind.length; k++) if (kind[k] === want) rows.push(k);
    // Regression models: the rows whose error moved most first (stable, so ties keep base order).
    if (byError) rows.sort((x, y) => Math.abs(moved[y]) - Math.abs(moved[x]));
    picked.push(...rows.slice(0, max - picked.length));
    if (picked.length >= max) break;
  }
  return picked.map((k) => {
    const i = match.base[k];
    const j = match.head[k];
    const row: FlippedRow = { rowId: base.rowIds[i], yTrue: head.yTrue[j], base: base.yPred[i], head: head.yPred[j], kind: KIND[kind[k]] };
    const features = head.features ? { set: head.features, at: j } : base.features ? { set: base.features, at: i } : undefined;
    if (features) row.features = Object.fromEntries(Object.entries(features.set).map(([name, values]) => [name, values[features.at] ?? null]));
    return row;
  });
}
