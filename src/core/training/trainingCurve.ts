import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import type { EpochRecord } from './contract';
import { formatDuration, formatNumber } from '../text/number';

/** What the live training chart shows at one moment. */
export interface TrainingCurveState {
  /** The model's name, e.g. 'MLPClassifier'. */
  title: string;
  epochs: EpochRecord[];
  maxEpochs: number;
  /** The epoch running now (1-based) and how far into it, while training. */
  current?: { epoch: number; batch: number; batches: number; runningLoss: number };
  etaMs?: number;
  elapsedMs: number;
  backend: string;
  scoreName?: string;
  /** Set once training has ended. */
  stopReason?: string;
}

/**
 * A Vega-Lite spec of the loss curves (training and validation) and, when there is validation
 * data, the validation score, titled with the epoch counter, ETA and backend.
 *
 * @example
 * buildTrainingCurveSpec({ title: 'MLPClassifier', epochs: [{ epoch: 1, loss: 0.4, elapsedMs: 90 }], maxEpochs: 10, elapsedMs: 90, backend: 'wasm' })
 */
export function buildTrainingCurveSpec(state: TrainingCurveState): Record<string, unknown> {
  if (!state || !Array.isArray(state.epochs)) throw new TypeError('buildTrainingCurveSpec: state.epochs must be an array of epoch records.');
  const values: { epoch: number; value: number; series: string; panel: string }[] = [];
  for (const e of state.epochs) {
    values.push({ epoch: e.epoch, value: e.loss, series: 'training loss', panel: 'loss' });
    if (e.valLoss !== undefined) values.push({ epoch: e.epoch, value: e.valLoss, series: 'validation loss', panel: 'loss' });
    if (e.valScore !== undefined) values.push({ epoch: e.epoch, value: e.valScore, series: `validation ${state.scoreName ?? 'score'}`, panel: 'score' });
  }
  const panel = (name: string, yTitle: string) => ({
    transform: [{ filter: `datum.panel === '${name}'` }],
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1 } },
      y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' } },
    },
    width: 300,
    height: 180,
  });
  const hasScore = state.epochs.some((e) => e.valScore !== undefined);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: headline(state), subtitle: details(state), anchor: 'start' },
    data: { values },
    ...(hasScore ? { hconcat: [panel('loss', 'loss'), panel('score', `validation ${state.scoreName ?? 'score'}`)] } : panel('loss', 'loss')),
  };
}

/**
 * One line of text for the same state (the plain-text form of the live display).
 *
 * @example
 * describeTraining(state) // 'MLPClassifier · epoch 3/200 · loss 0.0730 · ETA 12 s · backend fused-wasm-simd'
 */
export function describeTraining(state: TrainingCurveState): string {
  return `${headline(state)} · ${details(state)}`;
}

/**
 * The live display's value: a chart in notebooks, a line of text elsewhere.
 *
 * @example
 * // Shown and updated in place by every fit with progress on; build one to show a custom loop's curve:
 * display(new TrainingCurve({ title: 'my loop', epochs: [], maxEpochs: 10, elapsedMs: 0, backend: 'cpu' }), { id: 'curve' });
 */
export class TrainingCurve implements Displayable {
  constructor(readonly state: TrainingCurveState) {}

  [MIME_BUNDLE](): MimeBundle {
    return { [MIME.vegaLite]: buildTrainingCurveSpec(this.state), [MIME.text]: describeTraining(this.state) };
  }
}

function headline(s: TrainingCurveState): string {
  // Interrupted mid-epoch (the signal listener) or between epochs (the loop's last update): one wording.
  if (s.stopReason === 'interrupted') {
    if (s.current) return `${s.title} · interrupted in epoch ${s.current.epoch}/${s.maxEpochs} (batch ${s.current.batch}/${s.current.batches})`;
    return s.epochs.length === 0 ? `${s.title} · interrupted in epoch 1/${s.maxEpochs}` : `${s.title} · interrupted after epoch ${s.epochs.length}/${s.maxEpochs}`;
  }
  if (s.stopReason) return `${s.title} · ${s.epochs.length} epoch${s.epochs.length === 1 ? '' : 's'}`;
  const epoch = s.current?.epoch ?? s.epochs.length;
  const batch = s.current ? ` · batch ${s.current.batch}/${s.current.batches}` : '';
  return `${s.title} · epoch ${epoch}/${s.maxEpochs}${batch}`;
}

function details(s: TrainingCurveState): string {
  const last = s.epochs[s.epochs.length - 1];
  const parts: string[] = [];
  if (s.current && s.current.batch > 0) parts.push(`loss ${fmt(s.current.runningLoss)} (this epoch so far)`);
  else if (last) parts.push(`loss ${fmt(last.loss)}`);
  if (last?.valLoss !== undefined) parts.push(`val loss ${fmt(last.valLoss)}`);
  if (last?.valScore !== undefined) parts.push(`val ${s.scoreName ?? 'score'} ${fmt(last.valScore)}`);
  if (s.stopReason) parts.push(...(s.stopReason === 'interrupted' ? [] : [`stopped: ${s.stopReason}`]), `${formatDuration(s.elapsedMs)}`);
  else if (s.etaMs !== undefined) parts.push(`ETA ${formatDuration(s.etaMs)}`);
  parts.push(`backend ${s.backend}`);
  return parts.join(' · ');
}

/** Losses and scores with fixed decimals, so the live header does not jitter in width. */
function fmt(v: number): string {
  return formatNumber(v, { fixed: 4 });
}
