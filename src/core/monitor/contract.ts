/**
 * The monitoring report (`MonitorReport`): what `monitor()` in a cell, `modelbook monitor` and the
 * VS Code Monitoring panel share. Plain JSON (no class instances, no NaN: a missing number is
 * null), versioned; `schemas/monitor-report.schema.json` describes it and a unit test checks the
 * two agree. A cell output carries it as `application/vnd.modelbook.monitor+json`.
 *
 * Reading guide for a renderer:
 * - `summary` is the one line to show first (status, counts, the fired rules' worst severity);
 * - `features[i]` is one input column: its `drift` (every statistic, the method that decides, the
 *   decision and why), its `quality` against the input schema, and `chart` (reference vs current
 *   on the same bins, proportions) to draw without recomputing anything;
 * - `prediction` is the same `FeatureDrift` for the score distribution;
 * - `performance` is present when labels were given;
 * - `rules` lists every rule with its value and whether it fired.
 */

export const MONITOR_REPORT_KIND = 'modelbook.monitor';
export const MONITOR_REPORT_VERSION = 1;
/** The MIME type of a monitoring cell output (the data is a MonitorReport). */
export const MONITOR_MIME = 'application/vnd.modelbook.monitor+json';

/** The statistic whose effect size decides drift for a column (Evidently's per-column choice, see chooseMethod.ts). */
export type DriftMethod = 'ks' | 'wasserstein' | 'chi2' | 'jensenshannon';

/** PSI bands (the credit-scoring convention): < 0.1 none, 0.1–0.25 moderate, ≥ 0.25 major. */
export type PsiBand = 'none' | 'moderate' | 'major';

export interface Interval {
  lower: number;
  upper: number;
  /** Coverage, e.g. 0.95. */
  level: number;
  /** How it was computed: 'dkw' (Dvoretzky–Kiefer–Wolfowitz band on both CDFs, plus the quantile summary's resolution). */
  method: 'dkw';
}

/** Every drift statistic of one column; null where it does not apply (e.g. KS for categories). */
export interface DriftStatistics {
  /** Population stability index on the reference's bins (numbers: histogram bins; categories: categories + other), ε = 1e-4 for empty bins. */
  psi: number;
  psiBand: PsiBand;
  /** Two-sample KS against the reference CDF from its 101 percentiles (numbers only). */
  ks: { d: number; pValue: number; ci: Interval } | null;
  /** Chi-square test of homogeneity (2 × k contingency table, no Yates correction) on categories + other, or histogram bins. */
  chi2: { statistic: number; df: number; pValue: number } | null;
  /** Jensen–Shannon distance, base 2 (0 = same, 1 = disjoint), on the same bins as PSI. */
  jensenShannon: number;
  /** 1-D Wasserstein distance (numbers only), raw and divided by the reference's population sd (Evidently's normed form). */
  wasserstein: { distance: number; normalized: number | null } | null;
}

export interface FeatureDrift {
  method: DriftMethod;
  /** Why this method (e.g. 'numeric, reference > 1000 rows'). */
  methodReason: string;
  /** The effect size of `method` (KS D, normalised Wasserstein, JS distance) and its threshold. */
  effect: number;
  threshold: number;
  /** The p-value that accompanies the decision (KS for numbers, chi-square for categories); reported, decides only together with the effect. */
  pValue: number | null;
  drifted: boolean;
  statistics: DriftStatistics;
}

/** Reference vs current on the same bins, as shares of non-missing values (what the panel draws). */
export interface DistributionChart {
  kind: 'histogram' | 'categories';
  /** Bin labels: '[a, b)' ranges for histograms, category values (and 'other') for categories. */
  labels: string[];
  /** Histograms: the bin edges (labels.length + 1). */
  edges?: number[];
  reference: number[];
  current: number[];
}

export interface FeatureQuality {
  /** Missing shares (0–1) in the reference and the current batch. */
  missingReference: number;
  missingCurrent: number;
  /** Current values outside the schema's (else the reference's) [min, max], as a share of non-missing values. */
  outOfRange: number | null;
  /** Current categories unseen in training (at most 20 listed), with the number of rows that hold them. */
  newCategories: { value: string; count: number }[];
  newCategoryRows: number;
}

export interface FeatureReport {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'date';
  referenceCount: number;
  currentCount: number;
  drift: FeatureDrift | null;
  /** Why there is no drift result (e.g. the column is missing from the current batch). */
  skipped?: string;
  quality: FeatureQuality;
  chart: DistributionChart | null;
}

export interface MetricComparison {
  name: string;
  label: string;
  higherIsBetter: boolean;
  reference: number | null;
  current: number | null;
  currentCi: { lower: number | null; upper: number | null; level: number } | null;
  /** current − reference. */
  delta: number | null;
  /** The current interval lies wholly on the worse side of the reference value. */
  worse: boolean;
}

export interface PerformanceReport {
  labels: string;
  task: 'binary' | 'multiclass' | 'regression';
  rows: number;
  metrics: MetricComparison[];
}

export interface QualitySummary {
  rows: number;
  /** Rows with at least one problem against the input schema (missing required value, wrong type, unknown category). */
  invalidRows: number;
  invalidShare: number;
  /** Schema columns absent from the current batch. */
  missingColumns: string[];
  /** Where the checks came from: the package's input schema, or the reference profile alone. */
  source: 'schema' | 'profile';
}

export type Severity = 'warning' | 'critical';

export interface RuleResult {
  /** The rule as written, e.g. 'psi(income) > 0.25'. */
  rule: string;
  severity: Severity;
  /** The left-hand value; null when the rule's subject is absent (the rule then does not fire). */
  value: number | null;
  /** The right-hand value after evaluating `reference.x − k`. */
  bound: number | null;
  fired: boolean;
  /** 'default' rules come from DEFAULT_RULES. */
  origin: 'default' | 'file' | 'options';
  note?: string;
}

export type MonitorStatus = 'ok' | 'warning' | 'critical';

export interface MonitorReport {
  kind: typeof MONITOR_REPORT_KIND;
  version: typeof MONITOR_REPORT_VERSION;
  /** ISO 8601 UTC. */
  createdAt: string;
  reference: { source: string; rows: number; contentHash?: string };
  current: { source: string; rows: number };
  summary: {
    status: MonitorStatus;
    features: number;
    driftedFeatures: number;
    driftedShare: number;
    predictionDrift: boolean | null;
    firedWarning: number;
    firedCritical: number;
  };
  features: FeatureReport[];
  prediction: FeatureReport | null;
  quality: QualitySummary;
  performance: PerformanceReport | null;
  rules: RuleResult[];
  /** Things the check could not do, in sentences (e.g. 'no score column: prediction drift skipped'). */
  notes: string[];
}
