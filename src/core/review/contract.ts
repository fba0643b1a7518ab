/**
 * The model diff: what changed between a base and a head (two runs, or the runs of two git
 * revisions), as one JSON-able value. `diffModels` builds it (pure), the CLI prints it in four
 * formats, the Model Diff panel shows it. Its JSON Schema is `schemas/model-diff.schema.json`.
 */
import type { DataFingerprint } from '../data/fingerprint';
import type { CurveView } from '../evaluation/contract';
import type { JsonValue, RunRecord } from '../runs/contract';
import type { CardSectionId } from '../card/contract';

/** One side of the diff as the user named it. */
export interface DiffSide {
  /** What the user passed: a run id (prefix) or a git revision ('main', 'HEAD~1', a commit). */
  spec: string;
  kind: 'run' | 'revision';
  /** The commit the revision resolved to (revisions only). */
  commit?: string;
  /** The evaluation run ids used on this side, one per pair. */
  runIds: string[];
}

/** Predictions an evaluation kept for diffs (see `EvaluationPredictions` in the store). */
export interface PredictionSet {
  /** Row identity: the id column's values as strings, or 16-hex content hashes of the rows. */
  rowIds: string[];
  /** How row ids were made. */
  identity: { kind: 'column'; column: string } | { kind: 'hash' };
  task: 'binary' | 'multiclass' | 'regression';
  /** True labels (classes as strings, regression targets as numbers). */
  yTrue: (string | number)[];
  /** Predicted class (classification) or value (regression). */
  yPred: (string | number)[];
  /** Score of the positive class (binary) — what ROC/AUC deltas need. */
  yScore?: Float64Array | number[];
  /** The class labels in score order (classification). */
  classes?: string[];
  positiveLabel?: string;
  /** Slice column → value per row, for the slice and fairness deltas. */
  slices?: Record<string, (string | null)[]>;
  /** A few feature values per row for showing flipped rows (up to 20 columns). */
  features?: Record<string, (string | number | null)[]>;
  /** Rows evaluated in total; > rowIds.length when a hash sample was kept. */
  totalRows: number;
}

export type ChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

/** A cell's code change (outputs and execution counts never count). */
export interface CellChange {
  cellId: string;
  change: Exclude<ChangeKind, 'unchanged'>;
  /** Unified diff of the source (changed cells), the source otherwise. */
  diff: string;
  /** 1-based index of the cell in the head notebook (base for removed cells). */
  index: number;
}

export interface ParamChange {
  /** Dotted path, e.g. 'C', 'pipeline.steps[1].strategy', 'seed', 'splitter.k'. */
  name: string;
  change: Exclude<ChangeKind, 'unchanged'>;
  base?: JsonValue;
  head?: JsonValue;
}

/** A metric on both sides with a confidence interval of head − base. */
export interface MetricDelta {
  name: string;
  base: number | null;
  head: number | null;
  delta: number | null;
  /** 95% interval of the delta; paired bootstrap when both sides evaluated the same rows. */
  ci: [number, number] | null;
  pValue: number | null;
  /** The interval excludes zero. */
  significant: boolean;
  higherIsBetter: boolean;
  /** 'better' | 'worse' when significant, else 'unchanged' (direction-aware). */
  verdict: 'better' | 'worse' | 'unchanged' | 'unknown';
  method: 'paired-bootstrap' | 'unpaired-bootstrap' | 'recorded-intervals' | 'none';
}

export interface McNemar {
  /** Discordant pairs: base right → head wrong (b) and base wrong → head right (c). */
  b: number;
  c: number;
  statistic: number;
  pValue: number;
  /** Exact binomial (few discordant pairs) or chi-square with continuity correction. */
  exact: boolean;
}

export interface FlippedRow {
  rowId: string;
  yTrue: string | number;
  base: string | number;
  head: string | number;
  kind: 'fix' | 'regression' | 'changed';
  features?: Record<string, string | number | null>;
}

export interface Flips {
  /** Rows both sides evaluated (matched by row id). */
  rows: number;
  /** Rows only in base / only in head. */
  onlyBase: number;
  onlyHead: number;
  changed: number;
  fixes: number;
  regressions: number;
  /** Classification: rows both sides got right / both got wrong (with fixes and regressions, the four cells of the flip matrix). */
  bothRight?: number;
  bothWrong?: number;
  /** regressions / rows. */
  negativeFlipRate: number;
  /** By true class. */
  perClass: { label: string; fixes: number; regressions: number; changed: number }[];
  /**
   * Multiclass: where changed predictions moved, base's predicted class → head's, most rows first
   * (up to 12 entries); `fixes` / `regressions` of each move by the true class.
   */
  moves?: { from: string; to: string; rows: number; fixes: number; regressions: number }[];
  mcnemar?: McNemar;
  /** Regression models: rows whose absolute error grew by more than `tolerance`. */
  errorGrew?: { rows: number; tolerance: number };
  examples: FlippedRow[];
  /** Row ids that occur more than once on a side; their rows were matched in order of occurrence. */
  duplicateIds?: number;
  /** Kept-prediction sample, when a side evaluated more rows than it kept. */
  sampled?: { base: { kept: number; total: number }; head: { kept: number; total: number } };
}

/**
 * ROC and precision–recall curves of base and head, for binary classifiers whose kept predictions
 * have scores: on the rows both kept when the diff is paired, else on each side's kept rows;
 * downsampled to a few hundred points each (`points` says how many the full curve had).
 */
export interface DiffCurves {
  /** Rows behind each side's curves. */
  rows: { base: number; head: number };
  paired: boolean;
  /** Needs both classes among the rows. */
  roc?: { base: CurveView; head: CurveView };
  /** Needs positives among the rows; `prevalence` is the positive rate (a random ranker's precision) on head's rows. */
  pr?: { base: CurveView; head: CurveView; prevalence: number };
}

export interface SliceDelta {
  /** e.g. 'sex', 'sex × island'. */
  slice: string;
  group: string;
  rowsBase: number;
  rowsHead: number;
  metrics: MetricDelta[];
  smallGroup: boolean;
}

export interface FairnessDelta {
  slice: string;
  /** 'demographicParity' | 'equalizedOdds' | 'equalOpportunity'. */
  metric: string;
  base: number | null;
  head: number | null;
  delta: number | null;
  /** The gap grew (lower is better for fairness gaps), significantly or not. */
  worse: boolean;
  /** 95% interval of the delta from the slice bootstrap's resamples (paired when the rows matched). */
  ci?: [number, number] | null;
  pValue?: number | null;
  /** The interval excludes zero. */
  significant?: boolean;
}

export interface ModelChange {
  base?: { type: string; parameterCount: number };
  head?: { type: string; parameterCount: number };
  typeChanged: boolean;
  parameterCountDelta: number | null;
  layers: { name: string; change: ChangeKind; base?: string; head?: string }[];
  weights: { name: string; change: ChangeKind; meanDelta?: number; stdDelta?: number; base?: { mean: number; std: number }; head?: { mean: number; std: number } }[];
}

export interface DataChange {
  role: string;
  name?: string;
  base?: DataFingerprint;
  head?: DataFingerprint;
  sameContent: boolean;
  rowsDelta: number | null;
  columnsAdded: string[];
  columnsRemoved: string[];
  typeChanged: { column: string; base: string; head: string }[];
  /** Data-quality findings (e.g. 'missing: age', 'duplicateRows') head has and base had not, and the reverse. */
  findingsAppeared: string[];
  findingsGone: string[];
  /** Both sides recorded their findings, so the two lists above mean something (older or large data: not checked). */
  findingsCompared?: boolean;
}

export interface GateDelta {
  name: string;
  base: boolean | null;
  head: boolean | null;
  /** Passed on base (or absent there) and fails on head: the headline. */
  newlyFailing: boolean;
  baseValue?: number | null;
  headValue?: number | null;
}

export interface EnvironmentChange {
  name: string;
  base?: string;
  head?: string;
}

/** One environment entry of either side; `changed` when the two differ (or one side lacks it). */
export interface EnvironmentEntry extends EnvironmentChange {
  changed: boolean;
}

/**
 * A pipeline step compared by name: added, removed, moved (its place among the steps both sides
 * have changed), of another class ('changed'), or unchanged. Indexes are 0-based positions.
 */
export interface PipelineStepChange {
  name: string;
  change: ChangeKind | 'moved';
  base?: { index: number; kind: string };
  head?: { index: number; kind: string };
}

/** One paired notebook/cell evaluation. */
export interface DiffPair {
  notebook?: string;
  cellId?: string;
  name: string;
  base: { runId: string; record?: Pick<RunRecord, 'startedAt' | 'codeHash' | 'git'> };
  head: { runId: string; record?: Pick<RunRecord, 'startedAt' | 'codeHash' | 'git'> };
  params: ParamChange[];
  metrics: MetricDelta[];
  flips?: Flips;
  /** Binary classifiers with scores on both sides. */
  curves?: DiffCurves;
  slices: SliceDelta[];
  fairness: FairnessDelta[];
  model: ModelChange;
  data: DataChange[];
  gates: GateDelta[];
  /** Library versions, TF.js backend, runtime and platform that differ. */
  environment: EnvironmentChange[];
  /** Every environment entry of both sides, in name order, the differences marked. */
  environmentAll?: EnvironmentEntry[];
  /** Pipeline steps by name, head's order then removed steps, when either side recorded its pipeline; per-step parameter changes are in `params` as `step.param`. */
  pipeline?: PipelineStepChange[];
  /** Why something could not be compared (e.g. 'head kept no predictions: unpaired intervals'). */
  notes: string[];
  verdict: string;
  /** The model card's changes, when both sides have a card (see `diffCard`). */
  card?: CardChange;
  /** Checkpoint results of each side's session and lifecycle overrides, when either side has any (see `diffCheckpoints`). */
  checkpoints?: CheckpointChange;
}

/** A checkpoint's result on one side: the latest run of its id in that side's session. */
export type CheckpointState = 'passed' | 'failed' | 'not-run';

/** A lifecycle step (export, promote) taken although required checkpoints were missing. */
export interface LifecycleOverride {
  step: string;
  reason: string;
  missing: string[];
  runId: string;
}

/** The checkpoints of a pair: each id on both sides, and the lifecycle overrides. */
export interface CheckpointChange {
  rows: { id: string; title?: string; base: CheckpointState; head: CheckpointState; problem?: string }[];
  overrides: (LifecycleOverride & { side: 'base' | 'head' })[];
}

/** What changed in the model card between base and head. */
export interface CardChange {
  /** Sections whose content differs (numbers or prose), in card order. */
  changed: { section: CardSectionId; title: string }[];
  problemChanged: boolean;
  /** Required prose missing on each side ('section.field'). */
  missingBase: string[];
  missingHead: string[];
}

/** The whole diff, as `modelbook diff --format json` prints it. @public */
export interface ModelDiff {
  schemaVersion: 1;
  base: DiffSide;
  head: DiffSide;
  /** Per notebook: code changes by cell id. */
  code: { notebook: string; cells: CellChange[] }[];
  pairs: DiffPair[];
  unpaired: { side: 'base' | 'head'; runId: string; notebook?: string; cellId?: string; name: string; reason: string }[];
  /** One line for the whole diff. */
  verdict: string;
  /** Whether the `failOn` rule was met (see the CLI's --fail-on). */
  failed: boolean;
  failOn: 'regression' | 'gates' | 'never';
  /** The open review threads at head (`.modelbook/reviews/threads/`), oldest first; set by `modelbook diff`. */
  threads?: DiffThread[];
  /** The approvals and change requests recorded for head (`.modelbook/reviews/approvals/`), oldest first; set by `modelbook diff`. */
  reviews?: DiffReview[];
}

/** An open review thread, as a diff lists it. */
export interface DiffThread {
  id: string;
  notebook: string;
  cellId: string;
  runId?: string;
  metric?: string;
  slice?: string;
  /** Who started it (the first comment's author name). */
  author: string;
  /** ISO 8601. */
  createdAt: string;
  comments: number;
  /** The first line of the first comment, at most 120 characters. */
  title: string;
}

/** An approval or change request recorded for the head a diff compares. */
export interface DiffReview {
  id: string;
  reviewer: string;
  verdict: 'approve' | 'request-changes';
  /** ISO 8601. */
  createdAt: string;
  /** Whether the reviewer saw this very diff (the record's diff hash is this diff's), so nothing changed since. */
  sameDiff: boolean;
  /** The first line of the review's body, at most 120 characters. */
  title?: string;
}
