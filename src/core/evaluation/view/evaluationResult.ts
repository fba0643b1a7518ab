import type { MimeBundle } from '../../notebook/contract';
import { MIME_BUNDLE, type Displayable } from '../../display/mimeBundle';
import type { EvaluationView, MetricView } from '../contract';
import { EVALUATION_VIEW_KIND, EVALUATION_VIEW_VERSION } from '../contract';
import type { MetricName } from '../metrics/metricCatalog';
import type { GateResult } from '../gates/gateTypes';
import type { MetricWarning } from '../metrics/types';
import { metricsAtThreshold } from '../curves/thresholdTable';
import { sliceMetricsAtThreshold, type SliceAtThreshold } from '../curves/sliceAtThreshold';
import type { ThresholdMetrics } from '../metrics/confusionRates';
import { buildEvaluationCharts, type EvaluationCharts } from './buildCharts';
import { renderEvaluationHtml } from './reportHtml';
import { renderEvaluationMarkdown } from './reportMarkdown';
import { renderEvaluationText } from './reportText';
import { describe } from '../metrics/validate';
import { kernelService } from '../../kernel/service';
import { MIME } from '../../notebook/mime';
import { evaluationMessage } from '../messages';

/**
 * The result of `evaluate()` / `evaluatePredictions()`: a JSON view model (`view`) with
 * accessors, charts and reports. Shows itself in a cell as the compact report: the view under
 * `application/vnd.modelbook.evaluation+json` for Modelbook's renderer, with HTML and text for
 * Jupyter and GitHub.
 *
 * @example
 * const ev = await evaluate(model, test, { label: 'species' });
 * ev.metrics.accuracy; ev.charts.confusion; ev.toMarkdown();
 */
export class Evaluation implements Displayable {
  /** The plain-JSON view model (what run records store and the Evaluation panel receives). */
  readonly view: EvaluationView;
  private chartCache: EvaluationCharts | undefined;

  constructor(view: EvaluationView) {
    this.view = view;
  }

  /**
   * An Evaluation from a stored view (e.g. a run record), after checking its kind and version.
   *
   * @example
   * const ev = Evaluation.fromJSON(JSON.parse(text));
   */
  static fromJSON(view: unknown): Evaluation {
    const v = view as Partial<EvaluationView> | null;
    if (typeof v !== 'object' || v === null || v.kind !== EVALUATION_VIEW_KIND) throw new TypeError(evaluationMessage.notEvaluationView(EVALUATION_VIEW_KIND, describe(view)));
    if (v.version !== EVALUATION_VIEW_VERSION) throw new RangeError(evaluationMessage.unsupportedViewVersion(String(v.version), EVALUATION_VIEW_VERSION));
    return new Evaluation(v as EvaluationView);
  }

  get task(): EvaluationView['task'] {
    return this.view.task;
  }

  /** True when every gate passed (also when there are no gates). */
  get passed(): boolean {
    return this.view.passed;
  }

  get gates(): GateResult[] {
    return this.view.gates;
  }

  get warnings(): MetricWarning[] {
    return this.view.warnings;
  }

  /** Metric name → value (null where undefined). */
  get metrics(): Partial<Record<MetricName, number | null>> {
    return Object.fromEntries(this.view.metrics.map((m) => [m.name, m.value]));
  }

  /**
   * One metric's value, interval and direction.
   *
   * @example
   * ev.metric('auc'); // { name: 'auc', label: 'ROC AUC', value: 0.91, ci: { lower: 0.88, upper: 0.93, … }, higherIsBetter: true }
   */
  metric(name: MetricName): MetricView | undefined {
    return this.view.metrics.find((m) => m.name === name);
  }

  /** Binary: the confusion counts and metrics at another threshold, from the threshold table. */
  atThreshold(threshold: number): ThresholdMetrics & { threshold: number } {
    if (!this.view.thresholdTable) throw new RangeError(evaluationMessage.noThresholdTable(this.view.task));
    return metricsAtThreshold(this.view.thresholdTable, threshold);
  }

  /**
   * Binary: every group of a slice at another threshold (precision, recall, false positive rate,
   * selection rate and the confusion counts per group), from the slice's kept group counts. Group
   * counts are kept at about 100 thresholds, so `applied` says which one the counts are at.
   *
   * @example
   * ev.sliceAtThreshold('sex', 0.7).groups; // [{ group: 'female', size: 120, precision: 0.81, recall: 0.62, falsePositiveRate: 0.07, selectionRate: 0.31, tp, fp, fn, tn, … }, …]
   */
  sliceAtThreshold(slice: string, threshold: number): SliceAtThreshold {
    const found = this.view.slices.find((s) => s.name === slice);
    if (!found)
      throw new RangeError(
        evaluationMessage.unknownSlice(
          slice,
          this.view.slices.map((s) => s.name),
        ),
      );
    return sliceMetricsAtThreshold(found, threshold);
  }

  /** Vega-Lite specs of every chart (ROC, PR, calibration, confusion, thresholds, residuals, slices). */
  get charts(): EvaluationCharts {
    this.chartCache ??= buildEvaluationCharts(this.view);
    return this.chartCache;
  }

  /**
   * Shows the report and the key charts as outputs of the running cell: ROC and PR (binary), ROC
   * and confusion matrix (multiclass), residuals (regression). Outside a kernel it prints the text report.
   *
   * @example
   * (await evaluate(model, test, { label: 'churn' })).show();
   */
  show(): void {
    const kernel = kernelService();
    if (!kernel) {
      console.log(String(this));
      return;
    }
    kernel.display(this);
    const c = this.charts;
    const key = this.view.task === 'binary' ? [c.roc, c.pr] : this.view.task === 'multiclass' ? [c.roc, c.confusion] : [c.residuals, c.residualHistogram];
    for (const spec of key) if (spec) kernel.display(spec);
  }

  toJSON(): EvaluationView {
    return this.view;
  }

  /** A Markdown report (for model cards, reports and CI comments). */
  toMarkdown(): string {
    return renderEvaluationMarkdown(this.view);
  }

  /** A self-contained HTML report (no scripts, inline styles). */
  toHTML(): string {
    return renderEvaluationHtml(this.view);
  }

  toString(): string {
    return renderEvaluationText(this.view);
  }

  /** The view is bounded (≤ ~1,000 threshold rows, downsampled curves, ≤ ~2,000 residuals), ~100 KB at 1M rows. */
  [MIME_BUNDLE](): MimeBundle {
    return { [MIME.evaluation]: this.view, [MIME.html]: this.toHTML(), [MIME.text]: this.toString() };
  }
}
