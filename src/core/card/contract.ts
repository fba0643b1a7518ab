/**
 * The model card: everything a reader needs to judge a model, as one plain JSON value (`ModelCard`).
 * `collectModelCard` builds it (pure) from run records, the optional package manifest, monitoring
 * report and review records, plus the prose people wrote in `problem()` and `modelCard()` cells;
 * the renderers turn it into Markdown, self-contained HTML, our JSON (`schemas/model-card.schema.json`),
 * a Model Card Toolkit v0.0.2 export and Hugging Face README front matter.
 *
 * Sections follow Mitchell et al. 2019, "Model Cards for Model Reporting" (FAT* '19). Every number
 * carries the run record it came from (`Sourced.source`): a renderer shows the run id beside it, and
 * the VS Code view makes it a link that opens the run (`modelbook.openRun` with `source.runId`).
 *
 * For the engineer rendering it (the VS Code card view, `application/vnd.modelbook.card+json`):
 * - Render sections in `CARD_SECTIONS` order; each section's `missing` lists its required prose
 *   fields that are empty — show them as a visible "missing: …" line, not as blank space.
 * - `Prose` is Markdown typed by people: render it as Markdown (escaped HTML), never as raw HTML.
 * - A `Sourced<T>` is a value plus `{ runId, field }`; `field` is a dotted path into that run record
 *   (e.g. `metrics.auc`, `intervals.auc.low`, `params.threshold`, `data[0].fingerprint.rows`), or,
 *   for numbers recomputed from an evaluation's kept predictions, `predictions.slices.<column>`.
 * - The card never contains times other than the runs' own (`createdAt` is the evaluation run's
 *   `endedAt`), so the same runs give the same card bytes.
 */
import type { DataFindingRef, GitInfo, PipelineStepRecord, RunEnvironment, SplitterRecord } from '../runs/contract';

/** The card format this Modelbook writes. */
export const MODEL_CARD_VERSION = 1;
export const MODEL_CARD_KIND = 'modelbook.card';

/** Where a number came from: a run record and the dotted path of the field in it. */
export interface CardSource {
  runId: string;
  /** e.g. 'metrics.auc', 'intervals.auc.low', 'params.threshold', 'model.parameterCount'. */
  field: string;
}

/** A value taken from a record, with its source. */
export interface Sourced<T> {
  value: T;
  source: CardSource;
}

/** Prose typed by people (Markdown). Empty string: not written. */
export type Prose = string;

/** The problem definition (`problem({...})` in a notebook cell), recorded as a run of kind 'problem'. */
export interface ProblemDefinition {
  /** What the model is for, in a sentence or two. */
  objective: Prose;
  /** What is predicted (the target column and what its values mean). */
  target: Prose;
  /** Who uses the predictions. */
  users: Prose;
  /** The decision the prediction feeds, and who makes it. */
  decision: Prose;
  /** What "good enough" means, ideally as metrics and levels (gates check them). */
  successCriteria: Prose;
  /** Limits: latency, cost, regulation, data that must not be used. */
  constraints: Prose;
  /** Columns (or attributes) whose groups must be compared (fairness). */
  sensitiveAttributes?: string[];
}

/** The prose of a card (`modelCard({...})` in a cell), recorded as a run of kind 'card'. */
export interface CardProse {
  /** Primary intended uses. Required. */
  intendedUse: Prose;
  /** Uses the model is not for. */
  outOfScope?: Prose;
  /** Known limitations and caveats. Required. */
  limitations: Prose;
  /** Ethical considerations: risks, harms, mitigations. Required. */
  ethics: Prose;
  /** Recommendations to users. */
  recommendations?: Prose;
  /** Relevant factors (groups, instrumentation, environments) in words; the measured slices come from runs. */
  factors?: Prose;
  /** Why these metrics fit the problem (Annex IV item 4). */
  metricRationale?: Prose;
  /** Where the training data comes from, how it was selected and labelled. */
  trainingDataNotes?: Prose;
  /** Where the evaluation data comes from and why it was chosen. */
  evaluationDataNotes?: Prose;
  /** Human oversight: who can override or stop the model, how. */
  humanOversight?: Prose;
  /** Who owns the model; contact. */
  owners?: Prose;
  /** Licence of the model, e.g. 'proprietary', 'apache-2.0'. */
  license?: string;
}

/** The prose fields a card must have; a card missing any lists them and `modelbook card` exits 1. */
export const REQUIRED_PROSE = ['intendedUse', 'limitations', 'ethics'] as const;

/** A metric as the card shows it: value and (when recorded) interval, each from the evaluation run. */
export interface CardMetric {
  name: string;
  value: Sourced<number | null>;
  /** Present when the run recorded an interval for this metric. */
  interval?: { low: Sourced<number>; high: Sourced<number>; level: number; method?: string };
}

/** A data set the model was trained or evaluated on (`RunRecord.data`), by fingerprint. */
export interface CardData {
  role: string;
  name?: string;
  hash: Sourced<string>;
  rows: Sourced<number>;
  columns: { name: string; type: string }[];
  /** The data-quality findings (including PII) recorded with it; absent: not checked. */
  findings?: DataFindingRef[];
  /** The findings of kind 'pii…', split out because reviewers ask for them first. */
  pii?: DataFindingRef[];
}

/** One group of one slicing (per-slice / fairness results). */
export interface CardSliceGroup {
  key: string;
  rows: Sourced<number>;
  /** Metric name → value in this group. */
  metrics: Record<string, Sourced<number | null>>;
  /** Regression: the sample standard deviation of the group's absolute errors (null under two rows); absent in cards made before it was kept. */
  errorSd?: Sourced<number | null>;
  /** Fewer rows than the small-group threshold: its numbers are unreliable. */
  small: boolean;
}

export interface CardSlicing {
  /** The slice column(s), e.g. ['sex'] or ['sex', 'island']. */
  columns: string[];
  groups: CardSliceGroup[];
  /** Fairness gaps: metric → max − min across groups (non-small groups only). */
  gaps: Record<string, number | null>;
  /** Whether a declared sensitive attribute (`problem().sensitiveAttributes`) is one of the columns. */
  sensitive: boolean;
}

/** The fairness metrics a card reports per sensitive attribute (Fairlearn's definitions, core's functions). */
export const CARD_FAIRNESS_METRICS = ['demographicParityDifference', 'demographicParityRatio', 'equalizedOddsDifference', 'equalOpportunityDifference'] as const;
export type CardFairnessMetric = (typeof CARD_FAIRNESS_METRICS)[number];

/**
 * Fairness of the predictions across the groups of one sensitive attribute, recomputed from the
 * evaluation's kept predictions; each number's source is `predictions.fairness.<column>.<metric>`.
 */
export interface CardFairness {
  attribute: string;
  /** Declared in `problem().sensitiveAttributes`; false: one of the evaluation's slices (none declared). */
  declared: boolean;
  /** Absent when not measured (see `reason`). A null value: undefined for these groups (e.g. one group left). */
  metrics?: Record<CardFairnessMetric, Sourced<number | null>>;
  /** Groups compared (including small ones). */
  groups?: number;
  /** Why there are no metrics: the evaluation kept no slice of this column, or the task is not binary. */
  reason?: 'not-sliced' | 'not-binary';
}

/**
 * The evaluation's confusion counts (the run record's `confusion`), each count with its field:
 * binary at the decision threshold, multiclass at the argmax (rows = true labels, columns =
 * predicted, in the order of `labels`). `counts`: 'rows' or summed sample 'weights'.
 */
export type CardConfusion =
  | {
      kind: 'binary';
      positiveLabel: string;
      negativeLabel: string;
      threshold: Sourced<number>;
      tp: Sourced<number>;
      fp: Sourced<number>;
      tn: Sourced<number>;
      fn: Sourced<number>;
      counts: 'rows' | 'weights';
    }
  | { kind: 'multiclass'; labels: string[]; matrix: Sourced<number>[][]; counts: 'rows' | 'weights' };

/**
 * The confusion counts as a grid, whatever the task: the labels in order and one row per actual
 * label, one column per predicted label (binary: negative, then positive).
 *
 * @example
 * confusionGrid(card.sections.metrics.confusion!).matrix[1][1].value // tp of a binary evaluation
 */
export function confusionGrid(c: CardConfusion): { labels: string[]; matrix: Sourced<number>[][] } {
  if (c.kind === 'multiclass') return { labels: c.labels, matrix: c.matrix };
  return {
    labels: [c.negativeLabel, c.positiveLabel],
    matrix: [
      [c.tn, c.fp],
      [c.fn, c.tp],
    ],
  };
}

export interface CardGate {
  name: string;
  passed: Sourced<boolean>;
  metric?: string;
  op?: string;
  threshold?: number;
  value?: Sourced<number | null>;
}

export interface CardImportance {
  feature: string;
  /** Mean drop in the score when the feature is permuted. */
  importance: Sourced<number>;
  std?: number;
}

/** The monitoring report's headline (the latest one given). */
export interface CardMonitoring {
  /** The report's own createdAt. */
  createdAt: string;
  status: 'ok' | 'warning' | 'critical';
  driftedFeatures: number;
  features: number;
  predictionDrift: boolean | null;
  /** The report's reference: the package content hash it compared against. */
  referenceHash?: string;
  currentRows: number;
}

export interface CardReview {
  id: string;
  reviewer: string;
  verdict: 'approve' | 'request-changes';
  createdAt: string;
  /** The evaluation runs the reviewer saw on the head side. */
  headRunIds: string[];
  /** A sign-off from the approvals log (`modelbook approve`): the role it was given in. */
  role?: string;
  /** A sign-off of something that has changed since ('older'); absent for a current one and for review records. */
  status?: 'older';
}

/** A checkpoint's latest result in the evaluation's notebook session. */
export interface CardCheckpoint {
  id: string;
  title: string;
  passed: boolean;
  /** Each problem's "what", when it did not pass. */
  problems: string[];
  runId: string;
}

/** A lifecycle step taken although required checkpoints were missing: the reason given. */
export interface CardLifecycleOverride {
  step: string;
  reason: string;
  missing: string[];
  /** The `lifecycle:<step>` run, or 'manifest' when read from the exported package. */
  source: string;
}

/** Sections in Mitchell et al. 2019 order; `missing` lists required prose not written. */
export interface CardSections {
  modelDetails: {
    /** The model's type, e.g. 'Pipeline(StandardScaler → LogisticRegression)'. */
    type: string;
    architecture?: { name: string; kind: string; parameters: number }[];
    parameterCount?: Sourced<number>;
    /** The package content hash when exported, else the evaluation run id. */
    version: string;
    packageHash?: string;
    packageName?: string;
    fitRunId?: string;
    evaluationRunId: string;
    codeHash?: string;
    notebook?: string;
    git?: GitInfo;
    /** The evaluation run's end (or start) time, ISO 8601 UTC. */
    createdAt: string;
    environment: RunEnvironment;
    owners: Prose;
    license: string;
    missing: string[];
  };
  intendedUse: { primary: Prose; outOfScope: Prose; users: Prose; decision: Prose; missing: string[] };
  factors: { prose: Prose; sensitiveAttributes: string[]; sliceColumns: string[]; missing: string[] };
  metrics: {
    metrics: CardMetric[];
    /** The decision threshold (binary), from the evaluation's params. */
    threshold?: Sourced<number>;
    task?: string;
    /** The confusion counts at the threshold, when the evaluation recorded them (classification). */
    confusion?: CardConfusion;
    rationale: Prose;
    successCriteria: Prose;
    gates: CardGate[];
    missing: string[];
  };
  evaluationData: { data: CardData[]; notes: Prose; missing: string[] };
  trainingData: {
    data: CardData[];
    /** Preprocessing: the pipeline's steps before the estimator. */
    preprocessing: PipelineStepRecord[];
    splitter?: SplitterRecord;
    notes: Prose;
    missing: string[];
  };
  quantitativeAnalyses: {
    slicings: CardSlicing[];
    /** Fairness metrics per sensitive attribute (declared ones, else every slice); absent: nothing to compare. */
    fairness?: CardFairness[];
    importance: CardImportance[];
    /** Groups with fewer rows than this are flagged small. */
    smallGroupRows: number;
    monitoring?: CardMonitoring;
    /** The drift reference monitoring compares against (package files), when exported. */
    driftReference?: { trainingProfile: string; scoreProfile?: string; packageHash: string };
    missing: string[];
  };
  ethicalConsiderations: { prose: Prose; humanOversight: Prose; missing: string[] };
  caveatsAndRecommendations: {
    limitations: Prose;
    recommendations: Prose;
    constraints: Prose;
    reviews: CardReview[];
    /** Checkpoint results of the evaluation's notebook session, when it ran any. */
    checkpoints?: CardCheckpoint[];
    /** Lifecycle gates overridden (export, promote), with their reasons, when any was. */
    lifecycleOverrides?: CardLifecycleOverride[];
    missing: string[];
  };
}

export type CardSectionId = keyof CardSections;

/** Sections in the order every format renders them, with their titles. */
export const CARD_SECTIONS: readonly { id: CardSectionId; title: string }[] = [
  { id: 'modelDetails', title: 'Model Details' },
  { id: 'intendedUse', title: 'Intended Use' },
  { id: 'factors', title: 'Factors' },
  { id: 'metrics', title: 'Metrics' },
  { id: 'evaluationData', title: 'Evaluation Data' },
  { id: 'trainingData', title: 'Training Data' },
  { id: 'quantitativeAnalyses', title: 'Quantitative Analyses' },
  { id: 'ethicalConsiderations', title: 'Ethical Considerations' },
  { id: 'caveatsAndRecommendations', title: 'Caveats and Recommendations' },
];

/**
 * EU AI Act (Regulation (EU) 2024/1689), Annex IV "Technical documentation referred to in
 * Article 11(1)": the items, by their numbering in the Annex. The titles are shortened from the
 * regulation's text (OJ L, 2024/1689, 12.7.2024, Annex IV points 1–9); the card maps each to the
 * sections that answer it (`ANNEX_IV_MAP` in `annexIv.ts`).
 */
export const ANNEX_IV_ITEMS = [
  { id: '1(a)', title: 'General description: intended purpose, provider, version' },
  { id: '1(b)', title: 'Interaction with hardware or software not part of the system' },
  { id: '1(c)', title: 'Versions of relevant software or firmware, update requirements' },
  { id: '1(d)', title: 'Forms in which the system is placed on the market or put into service' },
  { id: '1(e)', title: 'Hardware on which the system is intended to run' },
  { id: '1(g)', title: 'Description of the user interface for the deployer' },
  { id: '1(h)', title: 'Instructions for use for the deployer' },
  { id: '2(a)', title: 'Methods and steps of development, pre-trained systems and tools used' },
  { id: '2(b)', title: 'Design specifications: logic, algorithms, key choices, what is optimised' },
  { id: '2(c)', title: 'System architecture and computational resources' },
  { id: '2(d)', title: 'Data requirements: training data, provenance, selection, labelling, cleaning' },
  { id: '2(e)', title: 'Assessment of human oversight measures' },
  { id: '2(f)', title: 'Pre-determined changes to the system and its performance' },
  { id: '2(g)', title: 'Validation and testing: data, metrics (accuracy, robustness, discrimination), test logs' },
  { id: '2(h)', title: 'Cybersecurity measures' },
  { id: '3', title: 'Monitoring, functioning and control: capabilities, limitations, accuracy per group, risks' },
  { id: '4', title: 'Appropriateness of the performance metrics' },
  { id: '5', title: 'Risk management system (Article 9)' },
  { id: '6', title: 'Relevant changes made through the lifecycle' },
  { id: '7', title: 'Harmonised standards applied' },
  { id: '8', title: 'EU declaration of conformity' },
  { id: '9', title: 'Post-market monitoring system and plan (Article 72)' },
] as const;

export type AnnexIvItemId = (typeof ANNEX_IV_ITEMS)[number]['id'];

/** One Annex IV item: which card sections answer it, and whether they do (non-empty content). */
export interface AnnexIvRow {
  item: AnnexIvItemId;
  title: string;
  sections: CardSectionId[];
  /** 'answered': the mapped sections hold content for it; 'partial': some; 'unanswered': none or out of a card's scope. */
  status: 'answered' | 'partial' | 'unanswered';
  /** Why, when not answered (e.g. 'out of scope of a model card: the declaration of conformity'). */
  note?: string;
}

/** The whole card. Plain JSON; `schemas/model-card.schema.json` describes it. */
export interface ModelCard {
  kind: typeof MODEL_CARD_KIND;
  version: typeof MODEL_CARD_VERSION;
  /** The model's name (package name, else the evaluation run's name). */
  name: string;
  problem?: ProblemDefinition;
  /** Run ids the card read, sorted: the evaluation, its fit, the problem and card prose runs. */
  runIds: string[];
  sections: CardSections;
  annexIv: AnnexIvRow[];
  /** Required prose missing, as 'section.field' (e.g. 'intendedUse.primary'); empty: complete. */
  missing: string[];
}

/** The MIME type a card cell output carries the `ModelCard` under (the VS Code card view reads it). */
export const MODEL_CARD_MIME = 'application/vnd.modelbook.card+json';

/** Output formats of `modelbook card`. */
export type CardFormat = 'md' | 'html' | 'json' | 'mct' | 'hf';
export const CARD_FORMATS: readonly CardFormat[] = ['md', 'html', 'json', 'mct', 'hf'];
