import type { MetricName } from '../metrics/metricCatalog';
import type { FairnessMetricName } from '../fairness/fairness';
import type { CiView } from '../contract';

export type GateOp = '>=' | '<=' | '>' | '<';

/**
 * A declarative threshold on an evaluation. Which kind it is follows from its fields:
 * a fairness metric → fairness gate; `relative` → against the baseline; `slice` → every group
 * of that slicing; otherwise absolute.
 */
export interface GateSpec {
  /** A metric ('auc', 'recall', 'rmse' …) or a fairness metric ('equalizedOddsDifference' …). */
  metric: MetricName | FairnessMetricName;
  op: GateOp;
  value: number;
  /** Every group of this slicing must pass: a column name, or several for their intersection. */
  slice?: string | string[];
  /** Against the baseline: 'drop' is baseline − model, 'rise' is model − baseline. */
  relative?: 'drop' | 'rise';
  /** Judge an interval bound instead of the estimate ('lower' is the cautious choice for "≥" gates). */
  bound?: 'estimate' | 'lower' | 'upper';
  /** Slice gates skip groups smaller than this (default: the evaluation's minGroupSize). */
  minGroupSize?: number;
  /** The metric's name as the user wrote it when it is an alias ('f1Macro' for 'f1'): views and reports show it. */
  written?: string;
}

/** A gate as an object or in its string form, e.g. 'auc >= 0.8', 'auc drop <= 0.01', 'recall[sex] >= 0.7'. */
export type Gate = string | GateSpec;

export type GateKind = 'absolute' | 'relative' | 'slice' | 'fairness';

export interface GateGroupResult {
  key: string;
  value: number | null;
  /** null when the group was skipped (too small, or the metric undefined there). */
  passed: boolean | null;
  note?: string;
}

export interface GateResult {
  /** The gate in its canonical string form. */
  gate: string;
  kind: GateKind;
  metric: string;
  op: GateOp;
  threshold: number;
  passed: boolean;
  /** The judged value (slice gates: the worst judged group's). */
  value: number | null;
  ci?: CiView;
  /** Why it passed or failed, with the numbers. */
  reason: string;
  groups?: GateGroupResult[];
}
