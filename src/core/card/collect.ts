import { collectCardCheckpoints as checkpointsOf } from './checkpoints';
import type { ApprovalState } from '../approvals/contract';
import type { PackageManifest } from '../package/contract';
import type { MonitorReport } from '../monitor/contract';
import type { PredictionSet } from '../review/contract';
import type { ReviewRecord } from '../review/threadContract';
import type { DataUse, RunRecord } from '../runs/contract';
import { PACKAGE_FILES } from '../package/contract';
import { MIN_GROUP_SIZE } from '../evaluation/fairness/sliceMetrics';
import { collectAnnexIv } from './annexIv';
import {
  MODEL_CARD_KIND,
  MODEL_CARD_VERSION,
  REQUIRED_PROSE,
  type CardConfusion,
  type CardData,
  type CardImportance,
  type CardMetric,
  type CardProse,
  type CardReview,
  type CardSections,
  type ModelCard,
  type Sourced,
} from './contract';
import { problemOf, proseOf } from './prose';
import { collectCardFairness } from './fairness';
import { collectCardSlicings } from './slices';

/** What a card is made of: the evaluation run it documents and whatever else is known. */
export interface CardInputs {
  /** The finished evaluation run the card documents (metrics, intervals, gates, threshold, test data). */
  evaluation: RunRecord;
  /** The fit run of the model (training data, preprocessing), when known. */
  fit?: RunRecord;
  /** The notebook's latest `problem()` run. */
  problem?: RunRecord;
  /** The `modelCard()` run holding the prose and importance. */
  card?: RunRecord;
  /** The evaluation's kept predictions (per-slice results are recomputed from them). */
  predictions?: PredictionSet;
  /** The exported package's manifest: the card's version is its content hash. */
  manifest?: PackageManifest;
  /** The latest monitoring report of the package. */
  monitor?: MonitorReport;
  /** Model-diff review records whose head side had this evaluation. */
  reviews?: ReviewRecord[];
  /** Sign-offs from the approvals log naming this evaluation or its package (tampered entries are left out). */
  approvals?: ApprovalState[];
  /** The checkpoint runs of the evaluation's notebook session (lifecycle records included). */
  checkpoints?: RunRecord[];
}

/** Where each required prose field shows in the card (section, field). */
const REQUIRED_AT: Record<(typeof REQUIRED_PROSE)[number], [keyof CardSections, string]> = {
  intendedUse: ['intendedUse', 'primary'],
  limitations: ['caveatsAndRecommendations', 'limitations'],
  ethics: ['ethicalConsiderations', 'prose'],
};

const EMPTY_PROSE: CardProse = { intendedUse: '', limitations: '', ethics: '' };

/**
 * The model card of an evaluation run: numbers from the records (each with its run and field),
 * prose from the problem and card runs, the Annex IV table and the list of required prose missing.
 * Pure and deterministic: the same inputs give the same card (no clock, sorted keys and rows).
 *
 * @example
 * const card = collectModelCard({ evaluation, fit, problem, card: cardRun, predictions });
 * card.missing; // ['ethicalConsiderations.prose'] when the ethics prose was not written
 */
export function collectModelCard(inputs: CardInputs): ModelCard {
  const { evaluation: ev, fit, manifest } = inputs;
  const problem = inputs.problem ? problemOf(inputs.problem) : undefined;
  const prose = (inputs.card && proseOf(inputs.card)) ?? EMPTY_PROSE;
  const p = (k: keyof CardProse) => prose[k] ?? '';
  const sections: CardSections = {
    modelDetails: modelDetails(inputs, p('owners'), p('license')),
    intendedUse: { primary: p('intendedUse'), outOfScope: p('outOfScope'), users: problem?.users ?? '', decision: problem?.decision ?? '', missing: [] },
    factors: {
      prose: p('factors'),
      sensitiveAttributes: [...(problem?.sensitiveAttributes ?? [])].sort(),
      sliceColumns: Object.keys(inputs.predictions?.slices ?? {}).sort(),
      missing: [],
    },
    metrics: {
      metrics: metricsOf(ev),
      ...(typeof ev.params.threshold === 'number' ? { threshold: { value: ev.params.threshold, source: { runId: ev.id, field: 'params.threshold' } } } : {}),
      ...(typeof ev.params.task === 'string' ? { task: ev.params.task } : {}),
      ...(ev.confusion ? { confusion: confusionOf(ev) } : {}),
      rationale: p('metricRationale'),
      successCriteria: problem?.successCriteria ?? '',
      gates: ev.gates.map((g, i) => ({
        name: g.name,
        passed: { value: g.passed, source: { runId: ev.id, field: `gates[${i}].passed` } },
        ...(g.metric !== undefined ? { metric: g.metric } : {}),
        ...(g.op !== undefined ? { op: g.op } : {}),
        ...(g.threshold !== undefined ? { threshold: g.threshold } : {}),
        ...(g.value !== undefined ? { value: { value: g.value, source: { runId: ev.id, field: `gates[${i}].value` } } } : {}),
      })),
      missing: [],
    },
    evaluationData: { data: dataOf(ev, (d) => d.role === 'test' || d.role === 'other'), notes: p('evaluationDataNotes'), missing: [] },
    trainingData: {
      data: fit ? dataOf(fit, (d) => d.role === 'train' || d.role === 'validation') : dataOf(ev, (d) => d.role === 'train'),
      preprocessing: (ev.pipeline ?? fit?.pipeline ?? []).filter((s) => s.name !== 'estimator'),
      ...((fit?.splitter ?? ev.splitter) ? { splitter: fit?.splitter ?? ev.splitter } : {}),
      notes: p('trainingDataNotes'),
      missing: [],
    },
    quantitativeAnalyses: {
      slicings: inputs.predictions ? collectCardSlicings(inputs.predictions, ev.id, problem?.sensitiveAttributes) : [],
      ...fairnessOf(inputs.predictions, ev.id, problem?.sensitiveAttributes),
      importance: importanceOf(inputs.card),
      smallGroupRows: MIN_GROUP_SIZE,
      ...(inputs.monitor ? { monitoring: monitoringOf(inputs.monitor) } : {}),
      ...(manifest && manifest.files[PACKAGE_FILES.trainingProfile]
        ? {
            driftReference: {
              trainingProfile: PACKAGE_FILES.trainingProfile,
              ...(manifest.files[PACKAGE_FILES.scoreProfile] ? { scoreProfile: PACKAGE_FILES.scoreProfile } : {}),
              packageHash: manifest.contentHash,
            },
          }
        : {}),
      missing: [],
    },
    ethicalConsiderations: { prose: p('ethics'), humanOversight: p('humanOversight'), missing: [] },
    caveatsAndRecommendations: {
      limitations: p('limitations'),
      recommendations: p('recommendations'),
      constraints: problem?.constraints ?? '',
      reviews: reviewsOf(inputs.reviews ?? [], inputs.approvals ?? []),
      ...checkpointsOf(inputs.checkpoints ?? [], manifest),
      missing: [],
    },
  };
  for (const k of REQUIRED_PROSE) {
    const [section, field] = REQUIRED_AT[k];
    if (p(k) === '') sections[section].missing.push(field);
  }
  const missing = (Object.keys(sections) as (keyof CardSections)[]).flatMap((id) => sections[id].missing.map((f) => `${id}.${f}`));
  const runIds = [ev.id, fit?.id, inputs.problem?.id, inputs.card?.id].filter((x): x is string => x !== undefined);
  const card: ModelCard = {
    kind: MODEL_CARD_KIND,
    version: MODEL_CARD_VERSION,
    name: manifest?.name ?? ev.name.replace(/^evaluate /, ''),
    runIds: [...new Set(runIds)].sort(),
    sections,
    annexIv: collectAnnexIv(sections),
    missing,
  };
  if (problem) card.problem = problem;
  return card;
}

function fairnessOf(set: PredictionSet | undefined, runId: string, declared: readonly string[] | undefined): Pick<CardSections['quantitativeAnalyses'], 'fairness'> {
  const fairness = set ? collectCardFairness(set, runId, declared) : [];
  return fairness.length ? { fairness } : {};
}

function modelDetails({ evaluation: ev, fit, manifest }: CardInputs, owners: string, license: string): CardSections['modelDetails'] {
  const model = ev.model ?? fit?.model;
  const modelRun = ev.model ? ev : fit;
  const steps = ev.pipeline ?? fit?.pipeline;
  const type = steps && steps.length > 0 ? `Pipeline(${steps.map((s) => s.kind).join(' → ')})` : (model?.type ?? manifest?.modelType ?? 'unknown');
  const out: CardSections['modelDetails'] = {
    type,
    version: manifest?.contentHash ?? ev.id,
    evaluationRunId: ev.id,
    createdAt: ev.endedAt ?? ev.startedAt,
    environment: ev.environment,
    owners,
    license,
    missing: [],
  };
  if (model?.layers) out.architecture = model.layers.map((l) => ({ name: l.name, kind: l.kind, parameters: l.parameters }));
  if (model && modelRun) out.parameterCount = { value: model.parameterCount, source: { runId: modelRun.id, field: 'model.parameterCount' } };
  if (manifest) {
    out.packageHash = manifest.contentHash;
    out.packageName = manifest.name;
  }
  const fitId = fit?.id ?? manifest?.runs.fit;
  if (fitId) out.fitRunId = fitId;
  const codeHash = ev.codeHash ?? fit?.codeHash;
  if (codeHash) out.codeHash = codeHash;
  if (ev.notebook) out.notebook = ev.notebook;
  if (ev.git) out.git = ev.git;
  return out;
}

function metricsOf(ev: RunRecord): CardMetric[] {
  return Object.keys(ev.metrics)
    .sort()
    .map((name) => {
      const m: CardMetric = { name, value: { value: ev.metrics[name], source: { runId: ev.id, field: `metrics.${name}` } } };
      const ci = ev.intervals?.[name];
      if (ci) {
        m.interval = {
          low: { value: ci.low, source: { runId: ev.id, field: `intervals.${name}.low` } },
          high: { value: ci.high, source: { runId: ev.id, field: `intervals.${name}.high` } },
          level: ci.level,
          ...(ci.method ? { method: ci.method } : {}),
        };
      }
      return m;
    });
}

function confusionOf(ev: RunRecord): CardConfusion {
  const c = ev.confusion!;
  const at = <T>(value: T, field: string): Sourced<T> => ({ value, source: { runId: ev.id, field: `confusion.${field}` } });
  if (c.kind === 'binary')
    return {
      kind: 'binary',
      positiveLabel: c.positiveLabel,
      negativeLabel: c.negativeLabel,
      threshold: at(c.threshold, 'threshold'),
      tp: at(c.tp, 'tp'),
      fp: at(c.fp, 'fp'),
      tn: at(c.tn, 'tn'),
      fn: at(c.fn, 'fn'),
      counts: c.counts,
    };
  return { kind: 'multiclass', labels: [...c.labels], matrix: c.matrix.map((row, i) => row.map((v, j) => at(v, `matrix[${i}][${j}]`))), counts: c.counts };
}

function dataOf(run: RunRecord, keep: (d: DataUse) => boolean): CardData[] {
  const out: CardData[] = [];
  run.data.forEach((d, i) => {
    if (!keep(d)) return;
    const c: CardData = {
      role: d.role,
      hash: { value: d.fingerprint.hash, source: { runId: run.id, field: `data[${i}].fingerprint.hash` } },
      rows: { value: d.fingerprint.rows, source: { runId: run.id, field: `data[${i}].fingerprint.rows` } },
      columns: d.fingerprint.columns.map((col) => ({ name: col.name, type: col.type })),
    };
    if (d.name) c.name = d.name;
    if (d.findings) {
      c.findings = d.findings.map((f) => ({ ...f }));
      c.pii = d.findings.filter((f) => /^pii/i.test(f.kind)).map((f) => ({ ...f }));
    }
    out.push(c);
  });
  return out;
}

function importanceOf(card: RunRecord | undefined): CardImportance[] {
  const list = card?.params.importance;
  if (!card || !Array.isArray(list)) return [];
  const out: CardImportance[] = [];
  list.forEach((v, i) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
    if (typeof v.feature !== 'string' || typeof v.importance !== 'number') return;
    const item: CardImportance = { feature: v.feature, importance: { value: v.importance, source: { runId: card.id, field: `params.importance[${i}].importance` } } };
    if (typeof v.std === 'number') item.std = v.std;
    out.push(item);
  });
  return out;
}

function monitoringOf(m: MonitorReport): NonNullable<CardSections['quantitativeAnalyses']['monitoring']> {
  return {
    createdAt: m.createdAt,
    status: m.summary.status,
    driftedFeatures: m.summary.driftedFeatures,
    features: m.summary.features,
    predictionDrift: m.summary.predictionDrift,
    ...(m.reference.contentHash ? { referenceHash: m.reference.contentHash } : {}),
    currentRows: m.current.rows,
  };
}

function reviewsOf(reviews: ReviewRecord[], approvals: ApprovalState[]): CardSections['caveatsAndRecommendations']['reviews'] {
  const out: CardReview[] = reviews.map((r) => ({ id: r.id, reviewer: r.reviewer.name, verdict: r.verdict, createdAt: r.createdAt, headRunIds: [...r.head.runIds].sort() }));
  for (const a of approvals) {
    if (a.status === 'tampered') continue;
    const e = a.entry;
    out.push({
      id: a.file.slice(a.file.lastIndexOf('/') + 1).replace(/\.json$/, ''),
      reviewer: e.by.name,
      verdict: 'approve',
      createdAt: e.at,
      headRunIds: e.subject.run ? [e.subject.run.id] : [],
      role: e.role,
      ...(a.status === 'older' ? { status: 'older' as const } : {}),
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
