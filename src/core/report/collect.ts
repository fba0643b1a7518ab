/**
 * The stakeholder report of a model card: the same facts in plain words — what the model decides
 * and for whom, how often it is right (per 100, with the 95% interval), where it works worse (groups
 * significantly below the rest), what could go wrong and what is done about it, what to watch after
 * launch. Pure and deterministic: the same card and wording give the same report.
 */
import type { CardMetric, CardSliceGroup, CardSlicing, ModelCard } from '../card/contract';
import { STAKEHOLDER_REPORT_KIND, STAKEHOLDER_REPORT_VERSION, type ReportLine, type ReportSection, type ReportWording, type StakeholderReport } from './contract';
import { reportMessage as msg } from './messages';
import { line, metricLine, reportNumber, sourced } from './numbers';
import { slicingMetric } from './cardCharts';
import { findWorseGroups } from './worseGroups';
import { collectConfusionLines } from './confusion';

/** A sentence without numbers (prose is kept as written: `fillLine` fills only the placeholders a line has numbers for). */
const text = (template: string): ReportLine => line(template);

function decides(card: ModelCard): ReportLine[] {
  const p = card.problem;
  const u = card.sections.intendedUse;
  const out: ReportLine[] = [];
  if (p) out.push(text(msg.objective(p.objective)), text(msg.decision(p.decision)), text(msg.users(p.users)), text(msg.target(p.target)));
  else out.push(text(msg.noProblem));
  if (u.primary) out.push(text(msg.intendedUse(u.primary)));
  if (u.outOfScope) out.push(text(msg.outOfScope(u.outOfScope)));
  return out;
}

function right(card: ModelCard, w: Required<ReportWording>): Pick<ReportSection, 'lines' | 'table'> {
  const metric = (name: string): CardMetric | undefined => card.sections.metrics.metrics.find((m) => m.name === name);
  const out: ReportLine[] = [];
  const rows = card.sections.evaluationData.data[0]?.rows;
  if (rows) out.push(line(msg.testedOn(w.who), reportNumber(rows.value, 'count', [rows.source])));
  const lines =
    card.sections.metrics.task === 'regression'
      ? [metricLine(metric('mae'), 'number', msg.mae)]
      : card.sections.metrics.task === 'multiclass'
        ? // Precision and recall of a multiclass evaluation are macro averages: there is no one "positive".
          [
            metricLine(metric('precision'), 'per100', msg.precisionByClass),
            metricLine(metric('recall'), 'per100', (ci) => msg.recallByClass(w.who, ci)),
            metricLine(metric('accuracy'), 'per100', msg.accuracy),
          ]
        : [
            metricLine(metric('precision'), 'per100', (ci) => msg.precision(w.who, w.flags, w.positive, ci)),
            metricLine(metric('recall'), 'per100', (ci) => msg.recall(w.who, w.flags, w.positive, ci)),
            metricLine(metric('falsePositiveRate'), 'per100', (ci) => msg.falsePositives(w.who, w.flags, w.negative, ci)),
            metricLine(metric('accuracy'), 'per100', msg.accuracy),
          ];
  const said = lines.filter((l): l is ReportLine => l !== undefined);
  const confusion = card.sections.metrics.confusion && collectConfusionLines(card.sections.metrics.confusion, w);
  if (!said.length && !confusion) return { lines: [...out, text(msg.noMetrics)] };
  // The counts first (what happened to these rows), then the same as rates per 100 with their intervals.
  return { lines: [...out, ...(confusion?.lines ?? []), ...said], ...(confusion ? { table: confusion.table } : {}) };
}

function worse(card: ModelCard, w: Required<ReportWording>): ReportLine[] {
  const q = card.sections.quantitativeAnalyses;
  if (!q.slicings.length) return [text(msg.noSlices)];
  const found = findWorseGroups(card);
  const out: ReportLine[] = found.worse.map((g) => {
    const rest = g.columns.join(' × ');
    const slicing = q.slicings.find((s) => s.columns.join(' × ') === rest)!;
    const others = slicing.groups.filter((x) => x !== g.group);
    const own = g.group.metrics[g.metric];
    // A regression's test also read each group's spread of the errors.
    const fromAll = slicing.groups.flatMap((x) => [x.rows.source, x.metrics[g.metric].source, ...(g.metric === 'mae' && x.errorSd ? [x.errorSd.source] : [])]);
    const rule = g.metric === 'mae' ? 'number' : 'per100';
    return line(
      (g.metric === 'mae' ? msg.worseError : msg.worseGroup)(rest, g.group.key, w.who),
      reportNumber(g.group.rows.value, 'count', [g.group.rows.source]),
      reportNumber(g.value, rule, [own.source]),
      reportNumber(g.rest, rule, fromAll),
      reportNumber(
        g.restRows,
        'count',
        others.map((x) => x.rows.source),
      ),
      reportNumber(g.pValue, 'number', fromAll),
    );
  });
  for (const s of q.slicings) {
    const columns = s.columns.join(' × ');
    const untested = found.untested.find((u) => u.columns.join(' × ') === columns);
    if (untested) {
      out.push(text(untested.reason === 'no-spread' ? msg.untested(columns) : untested.reason === 'one-group' ? msg.untestedOneGroup(columns) : msg.untestedNoMetric(columns)));
      continue;
    }
    if (!found.worse.some((g) => g.columns.join(' × ') === columns)) out.push(...noneWorse(s, w));
    const small = s.groups.filter((g) => g.small);
    if (small.length) out.push(line(msg.smallGroups(columns, small.map((g, i) => `${g.key} ({${i}})`).join(', ')), ...small.map((g) => reportNumber(g.rows.value, 'count', [g.rows.source]))));
  }
  return out.length ? out : [text(msg.noSlices)];
}

/** A tested slicing with no group significantly worse: it says so, and names the weakest large group. */
function noneWorse(s: CardSlicing, w: Required<ReportWording>): ReportLine[] {
  const columns = s.columns.join(' × ');
  const metric = slicingMetric(s) === 'mae' ? 'mae' : 'accuracy';
  // Weakest: the lowest accuracy, or the largest mean absolute error.
  const weakness = (g: CardSliceGroup) => (metric === 'mae' ? -(g.metrics.mae.value ?? 0) : (g.metrics.accuracy.value ?? 0));
  const large = s.groups.filter((g) => !g.small && g.metrics[metric]?.value !== null && g.metrics[metric] !== undefined);
  const weakest = [...large].sort((a, b) => weakness(a) - weakness(b) || a.key.localeCompare(b.key))[0];
  const out = [text(metric === 'mae' ? msg.noneWorseError(columns) : msg.noneWorse(columns))];
  if (weakest)
    out.push(
      line(
        (metric === 'mae' ? msg.largestError : msg.lowest)(columns, weakest.key, w.who),
        sourced(weakest.metrics[metric], metric === 'mae' ? 'number' : 'per100')!,
        reportNumber(weakest.rows.value, 'count', [weakest.rows.source]),
      ),
    );
  return out;
}

function risks(card: ModelCard): ReportLine[] {
  const c = card.sections.caveatsAndRecommendations;
  const e = card.sections.ethicalConsiderations;
  const out: ReportLine[] = [
    text(c.limitations ? msg.limitations(c.limitations) : msg.notWritten('Known limitations')),
    text(e.prose ? msg.ethics(e.prose) : msg.notWritten('Ethical considerations')),
  ];
  if (e.humanOversight) out.push(text(msg.oversight(e.humanOversight)));
  if (c.constraints) out.push(text(msg.constraints(c.constraints)));
  const gates = card.sections.metrics.gates;
  if (!gates.length) out.push(text(msg.noGates));
  for (const g of gates) {
    const value = g.value && sourced(g.value, 'number');
    out.push(value ? line((g.passed.value ? msg.gatePassed : msg.gateFailed)(g.name), value) : text(msg.gateNoValue(g.name, g.passed.value)));
  }
  return out;
}

function watch(card: ModelCard): ReportLine[] {
  const q = card.sections.quantitativeAnalyses;
  const out: ReportLine[] = [];
  if (card.sections.metrics.successCriteria) out.push(text(msg.successCriteria(card.sections.metrics.successCriteria)));
  const gates = card.sections.metrics.gates.map((g) => g.name);
  if (gates.length) out.push(text(msg.watchGates(gates.join('; '))));
  out.push(text(q.driftReference ? msg.driftReference(q.driftReference.packageHash.slice(0, 12)) : msg.noDriftReference));
  const m = q.monitoring;
  // The monitoring report is not a run record: its counts carry the evaluation run as their anchor.
  if (m) {
    const anchor = { runId: card.sections.modelDetails.evaluationRunId, field: 'monitoring' };
    out.push(line(msg.monitoring(m.status, m.createdAt.slice(0, 10)), reportNumber(m.driftedFeatures, 'count', [anchor]), reportNumber(m.features, 'count', [anchor])));
  }
  if (card.sections.caveatsAndRecommendations.recommendations) out.push(text(msg.recommendations(card.sections.caveatsAndRecommendations.recommendations)));
  return out;
}

/**
 * The report of `card` in `wording`'s words (defaults: 'cases', 'flags', 'are positive', 'are negative').
 *
 * @example
 * const r = collectStakeholderReport(card, { who: 'customers', flags: 'flags', positive: 'do leave', negative: 'stay' });
 * r.sections[1].lines.map((l) => fillLine(l))
 * // ['It was tested on 671 customers …', 'Of the 262 customers that do leave, it flags 201 (77%) and misses 61.', …,
 * //  'Out of 100 customers it flags, about 87 do leave (95% CI 83–91).', …]
 */
export function collectStakeholderReport(card: ModelCard, wording: ReportWording = {}): StakeholderReport {
  const w: Required<ReportWording> = { who: wording.who || 'cases', flags: wording.flags || 'flags', positive: wording.positive || 'are positive', negative: wording.negative || 'are negative' };
  const sections: ReportSection[] = [
    { id: 'decides', title: msg.decides, lines: decides(card) },
    { id: 'right', title: msg.right, ...right(card, w) },
    { id: 'worse', title: msg.worse, lines: worse(card, w) },
    { id: 'risks', title: msg.risks, lines: risks(card) },
    { id: 'watch', title: msg.watch, lines: watch(card) },
  ];
  const d = card.sections.modelDetails;
  const report: StakeholderReport = {
    kind: STAKEHOLDER_REPORT_KIND,
    version: STAKEHOLDER_REPORT_VERSION,
    name: card.name,
    evaluationRunId: d.evaluationRunId,
    createdAt: d.createdAt,
    sections,
    runIds: [...new Set([...card.runIds, ...sections.flatMap((s) => s.lines.flatMap((l) => l.numbers.flatMap((n) => n.sources.map((x) => x.runId))))])].sort(),
    missing: [...card.missing],
  };
  if (card.sections.metrics.task) report.task = card.sections.metrics.task;
  return report;
}

/** The slicing the report charts: the first sensitive one, else the one with the widest accuracy gap. */
export function chartedSlicing(card: ModelCard): ModelCard['sections']['quantitativeAnalyses']['slicings'][number] | undefined {
  const s = card.sections.quantitativeAnalyses.slicings.filter((x) => slicingMetric(x) === 'accuracy');
  return s.find((x) => x.sensitive) ?? [...s].sort((a, b) => (b.gaps.accuracy ?? 0) - (a.gaps.accuracy ?? 0))[0];
}
