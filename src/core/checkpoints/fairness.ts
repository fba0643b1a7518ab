import { problemOf, proseOf } from '../card/prose';
import type { GroupView, SliceView } from '../evaluation/contract';
import { METRIC_INFO, type MetricName } from '../evaluation/metrics/metricCatalog';
import type { RunRecord } from '../runs/contract';
import type { CheckpointContext, CheckpointDefinition, CheckpointOutcome, CheckpointProblem } from './contract';
import { keptSlices } from './keptSlices';
import { kernelFacts } from './kernelFacts';
import { checkpointMessage as m } from './messages';
import { latestRun, outcome } from './sessionRuns';

/** The card prose that may explain a gap: limitations and caveats, ethics, recommendations. */
const EXPLAINING = ['limitations', 'ethics', 'recommendations'] as const;

function attributesOf(ctx: CheckpointContext): string[] {
  const declared = latestRun(ctx.runs, 'problem');
  const fromProblem = declared ? problemOf(declared)?.sensitiveAttributes : undefined;
  if (fromProblem?.length) return fromProblem;
  const given = ctx.options.attributes;
  return Array.isArray(given) ? given.filter((a): a is string => typeof a === 'string' && a !== '') : [];
}

/** Whether the latest card's prose names the attribute (so a reader finds the explanation). */
function explainedBy(card: RunRecord | undefined, attribute: string): boolean {
  const prose = card && proseOf(card);
  if (!prose) return false;
  const needle = attribute.toLowerCase();
  return EXPLAINING.some((k) => (prose[k] ?? '').toLowerCase().includes(needle));
}

const groupName = (g: GroupView) => Object.values(g.values).map(String).join(' × ') || g.key;
const numberOption = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback);

function checkSlice(
  slice: SliceView,
  attribute: string,
  metric: MetricName,
  limits: { maxGap: number; minGroupSize: number },
  card: RunRecord | undefined,
  checked: string[],
): CheckpointProblem | undefined {
  const measured: { name: string; value: number }[] = [];
  for (const g of slice.groups) {
    if (g.size < limits.minGroupSize) {
      checked.push(m.smallGroup(attribute, groupName(g), g.size, limits.minGroupSize));
      continue;
    }
    const value = g.metrics[metric]?.value;
    if (typeof value === 'number') measured.push({ name: groupName(g), value });
  }
  if (!slice.groups.some((g) => g.metrics[metric] !== undefined)) return m.noMetric(metric, attribute);
  if (measured.length < 2) return m.tooFewGroups(attribute, limits.minGroupSize);
  measured.sort((a, b) => a.value - b.value);
  const lo = measured[0];
  const hi = measured[measured.length - 1];
  const gap = hi.value - lo.value;
  checked.push(m.gap(attribute, metric, gap, lo.name, hi.name, limits.maxGap));
  if (gap <= limits.maxGap) return undefined;
  if (card && explainedBy(card, attribute)) return void checked.push(m.gapExplained(attribute, card.id));
  // Higher is better for recall-like metrics: the worse-off group is the low one; for error metrics the high one.
  const errorMetric = METRIC_INFO[metric]?.higherIsBetter === false;
  const [worse, better] = errorMetric ? [hi, lo] : [lo, hi];
  return m.gapTooLarge(attribute, metric, gap, worse.name, worse.value, better.name, better.value, limits.maxGap);
}

/**
 * For each sensitive attribute (the notebook's `problem().sensitiveAttributes`, else option
 * `attributes`; exact column names), the latest evaluation has a slice by it, and the largest gap of the metric (option
 * `metric`: recall for classification, RMSE for regression) between groups of at least
 * `minGroupSize` rows (30) is at most `maxGap` (0.1), or the latest card's limitations, ethics or
 * recommendations name the attribute's column and explain it. Smaller groups get a warning line, not
 * a pass. The group metrics are recomputed from the predictions the evaluation kept beside its
 * record (with the evaluation's own code), so the verdict is the same after a kernel restart.
 *
 * @example
 * await checkpoint('fairness', { metric: 'recall', maxGap: 0.1 })
 */
export const fairness: CheckpointDefinition = {
  id: 'fairness',
  title: m.fairnessTitle,
  why: m.fairnessWhy,
  async check(ctx): Promise<CheckpointOutcome> {
    const attributes = attributesOf(ctx);
    if (attributes.length === 0) return outcome([m.noAttributes], [], []);
    const ev = latestRun(ctx.runs, 'evaluation');
    if (!ev) return outcome([m.noEvaluation], [], []);
    const card = latestRun(ctx.runs, 'card');
    const subject = [ev.id, ...(card ? [card.id] : [])];
    const set = kernelFacts(ctx)?.predictions(ev);
    if (!set) return outcome([m.noPredictions(ev.id)], [], subject);
    const view = await keptSlices(ev, set, attributes);
    if (!view) return outcome(attributes.map(m.notSliced), [], subject);
    const sample = set.rowIds.length < set.totalRows ? [m.sampled(set.rowIds.length, set.totalRows)] : [];
    const metric = (typeof ctx.options.metric === 'string' ? ctx.options.metric : view.task === 'regression' ? 'rmse' : 'recall') as MetricName;
    const limits = { maxGap: numberOption(ctx.options.maxGap, 0.1), minGroupSize: numberOption(ctx.options.minGroupSize, 30) };
    const checked: string[] = [m.fromPredictions(ev.id), ...sample];
    const problems: CheckpointProblem[] = [];
    for (const attribute of attributes) {
      const slice = view.slices.find((s) => s.columns.length === 1 && s.columns[0] === attribute);
      const problem = slice ? checkSlice(slice, attribute, metric, limits, card, checked) : m.notSliced(attribute);
      if (problem) problems.push(problem);
    }
    return outcome(problems, checked, subject);
  },
};
