import type { CardInputs } from '../../../../src/core/card/collect';
import type { RunRecord } from '../../../../src/core/runs/contract';
import type { PredictionSet } from '../../../../src/core/review/contract';

const base = (id: string, kind: RunRecord['kind'], extra: Partial<RunRecord>): RunRecord => ({
  version: 1,
  id,
  name: kind === 'evaluation' ? 'evaluate churn' : kind,
  kind,
  status: 'finished',
  startedAt: '2026-03-01T10:00:00.000Z',
  endedAt: '2026-03-01T10:00:05.000Z',
  heartbeatAt: '2026-03-01T10:00:05.000Z',
  notebook: 'churn.mlnb',
  codeHash: 'c0de',
  params: {},
  metrics: {},
  history: { epoch: [], metrics: {} },
  data: [],
  gates: [],
  environment: { libraries: { modelbook: '0.1.0', arquero: '8.0.3' } },
  tags: [],
  notes: '',
  ...extra,
});

export const IDS = { evaluation: '01JD0000000000000000000EV1', fit: '01JD0000000000000000000F1T', problem: '01JD0000000000000000000PR0', card: '01JD0000000000000000000CA0' };

/** A binary churn model: a fit, its evaluation with intervals, a gate and a threshold, a problem and a card run, 70 kept predictions sliced by sex. */
export function cardInputs(
  prose: Record<string, string> = { intendedUse: 'Rank customers for retention calls.', limitations: 'Trained on 2024 customers only.', ethics: 'Calls are offers, never penalties.' },
): CardInputs {
  const fp = (hash: string, rows: number) => ({
    hash,
    rows,
    columns: [
      { name: 'tenure', type: 'number' },
      { name: 'sex', type: 'string' },
      { name: 'churn', type: 'string' },
    ],
  });
  const fit = base(IDS.fit, 'fit', {
    data: [{ role: 'train', name: 'train', fingerprint: fp('aaaaaaaaaaaaaaaa', 280), findings: [{ kind: 'missing', severity: 'warning', column: 'tenure' }] }],
    model: { type: 'Pipeline', parameterCount: 5 },
    pipeline: [
      { name: 'scaler', kind: 'StandardScaler', params: {} },
      { name: 'estimator', kind: 'LogisticRegression', params: { C: 1 } },
    ],
  });
  const evaluation = base(IDS.evaluation, 'evaluation', {
    params: { rows: 70, task: 'binary', threshold: 0.42 },
    metrics: { auc: 0.8712, accuracy: 0.8, logLoss: null },
    intervals: { auc: { low: 0.79, high: 0.93, level: 0.95, method: 'bootstrap' } },
    gates: [{ name: 'auc >= 0.8', passed: true, metric: 'auc', op: '>=', threshold: 0.8, value: 0.8712 }],
    data: [{ role: 'test', name: 'test', fingerprint: fp('bbbbbbbbbbbbbbbb', 70), findings: [] }],
    model: { type: 'Pipeline', parameterCount: 5 },
    pipeline: fit.pipeline!,
  });
  const problem = base(IDS.problem, 'problem', {
    params: {
      objective: 'Flag customers likely to leave',
      target: 'churn (yes/no)',
      users: 'retention team',
      decision: 'who gets a call',
      successCriteria: 'auc >= 0.8',
      constraints: 'no postcode',
      sensitiveAttributes: ['sex'],
    },
  });
  const card = base(IDS.card, 'card', { params: { ...prose, evaluationRun: IDS.evaluation, importance: [{ feature: 'tenure', importance: 0.12, std: 0.01 }] } });
  return { evaluation, fit, problem, card, predictions: predictions() };
}

function predictions(): PredictionSet {
  const n = 70;
  const yTrue: string[] = [];
  const yPred: string[] = [];
  const sex: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    yTrue.push(i % 3 === 0 ? 'yes' : 'no');
    yPred.push(i % 5 === 0 ? 'yes' : 'no');
    sex.push(i < 40 ? 'female' : i < 65 ? 'male' : null);
  }
  return { rowIds: yTrue.map((_, i) => String(i)), identity: { kind: 'hash' }, task: 'binary', yTrue, yPred, classes: ['no', 'yes'], positiveLabel: 'yes', slices: { sex }, totalRows: n };
}
