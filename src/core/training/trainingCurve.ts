import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import type { EpochRecord, TrainingHistory } from './contract';
import { formatDuration, formatNumber } from '../text/number';
import { trainingMessage } from './messages';

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

/** Loss curves that fall over more than this many powers of ten get a log axis: on a linear one, epoch 1 flattens the rest. */
const LOG_SCALE_DECADES = 1.5;

/**
 * A Vega-Lite spec of the loss curves (training and validation) and, when there is validation
 * data, the validation score, titled with the epoch counter, ETA and backend. The loss axis turns
 * logarithmic, titled 'loss (log)', once the losses span more than 1.5 decades (never with a
 * negative loss; a loss of exactly 0 is then not drawn, which the title says).
 *
 * @example
 * buildTrainingCurveSpec({ title: 'MLPClassifier', epochs: [{ epoch: 1, loss: 0.4, elapsedMs: 90 }], maxEpochs: 10, elapsedMs: 90, backend: 'wasm' })
 */
export function buildTrainingCurveSpec(state: TrainingCurveState): Record<string, unknown> {
  if (!state || !Array.isArray(state.epochs)) throw new TypeError(trainingMessage.curveNoEpochs);
  const values: { epoch: number; value: number; series: string; panel: string }[] = [];
  for (const e of state.epochs) {
    values.push({ epoch: e.epoch, value: e.loss, series: 'training loss', panel: 'loss' });
    if (e.valLoss !== undefined) values.push({ epoch: e.epoch, value: e.valLoss, series: 'validation loss', panel: 'loss' });
    if (e.valScore !== undefined) values.push({ epoch: e.epoch, value: e.valScore, series: `validation ${state.scoreName ?? 'score'}`, panel: 'score' });
  }
  const scale = lossScale(state.epochs);
  const panel = (name: string, yTitle: string) => {
    const log = name === 'loss' && scale.kind !== 'linear';
    return {
      // A log scale has no place for 0 (Vega would draw nothing): those points are left out.
      transform: [{ filter: `datum.panel === '${name}'${log ? ' && datum.value > 0' : ''}` }],
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1 }, ...(log && scale.zeros ? { scale: { domain: epochRange(state.epochs) } } : {}) },
        y: log
          ? {
              field: 'value',
              type: 'quantitative',
              title: `${yTitle} (log${scale.zeros ? ', 0 not drawn' : ''})`,
              scale: { type: 'log', nice: false, padding: 6 },
              axis: { values: logTicks(scale.min, scale.max), format: '~g' },
            }
          : { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: false } },
        color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' } },
      },
      width: 300,
      height: 180,
    };
  };
  const hasScore = state.epochs.some((e) => e.valScore !== undefined);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: headline(state), subtitle: details(state), anchor: 'start' },
    data: { values },
    ...(hasScore ? { hconcat: [panel('loss', 'loss'), panel('score', `validation ${state.scoreName ?? 'score'}`)] } : panel('loss', 'loss')),
  };
}

type LossScale = { kind: 'linear' } | { kind: 'log'; min: number; max: number; zeros: boolean };

function lossScale(epochs: readonly EpochRecord[]): LossScale {
  let min = Infinity;
  let max = -Infinity;
  let zeros = false;
  for (const e of epochs) {
    for (const v of e.valLoss === undefined ? [e.loss] : [e.loss, e.valLoss]) {
      if (!Number.isFinite(v)) continue;
      if (v < 0) return { kind: 'linear' };
      if (v === 0) zeros = true;
      else [min, max] = [Math.min(min, v), Math.max(max, v)];
    }
  }
  return max / min > 10 ** LOG_SCALE_DECADES ? { kind: 'log', min, max, zeros } : { kind: 'linear' };
}

/** The first and last epoch, so the x axis still reaches an epoch whose only point (a loss of 0) is not drawn. */
function epochRange(epochs: readonly EpochRecord[]): [number, number] {
  const numbers = epochs.map((e) => e.epoch);
  return [Math.min(...numbers), Math.max(...numbers)];
}

/** Labelled ticks at 1, 2 and 5 × 10^k over a few decades, at powers of ten only over more (Vega's own put a grid line at every 1–9 × 10^k). */
function logTicks(min: number, max: number): number[] {
  const steps = Math.log10(max / min) <= 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
    for (const m of steps) {
      const v = Number((m * 10 ** k).toPrecision(1));
      if (v >= min && v <= max) ticks.push(v);
    }
  }
  return ticks;
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

  /**
   * The finished curve of a fit, from its history (what every estimator's `plotLossCurve()` shows).
   *
   * @example
   * TrainingCurve.fromHistory('MLPClassifier', model.history!, 200)
   */
  static fromHistory(title: string, h: TrainingHistory, maxEpochs: number): TrainingCurve {
    return new TrainingCurve({
      title,
      epochs: h.epochs,
      maxEpochs,
      elapsedMs: h.elapsedMs,
      backend: h.backend,
      stopReason: h.stopReason,
      ...(h.scoreName ? { scoreName: h.scoreName } : {}),
    });
  }

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
