/**
 * The stakeholder report's confusion counts in words and as a small table, from the card's
 * `metrics.confusion` (the evaluation run's `confusion` field): how many of the positives it
 * finds, how many of its flags are wrong, and the counts behind them. Every number keeps the
 * record fields it comes from.
 */
import type { CardConfusion, Sourced } from '../card/contract';
import type { ReportCell, ReportLine, ReportTable, ReportWording } from './contract';
import { reportMessage as msg } from './messages';
import { line, reportNumber } from './numbers';
import type { ReportNumber } from './contract';

/** Most classes the report words one by one (a sentence each); more are left to the table. */
const MAX_CLASS_LINES = 6;

const count = (...xs: Sourced<number>[]): ReportNumber =>
  reportNumber(
    xs.reduce((a, x) => a + x.value, 0),
    'count',
    xs.map((x) => x.source),
  );
const share = (part: Sourced<number>, ...whole: Sourced<number>[]): ReportNumber => {
  const total = whole.reduce((a, x) => a + x.value, 0);
  return reportNumber(
    total > 0 ? part.value / total : 0,
    'per100',
    whole.map((x) => x.source),
  );
};
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The sentences and the table of a card's confusion counts in `w`'s words.
 *
 * @example
 * collectConfusionLines(confusion, { who: 'passengers', flags: 'predicts to survive', positive: 'survived', negative: 'died' }).lines.map((l) => fillLine(l))
 * // ['Of the 262 passengers that survived, it predicts to survive 201 (77%) and misses 61.', 'Of the 230 passengers it predicts to survive, 29 were wrong: they died.']
 */
export function collectConfusionLines(c: CardConfusion, w: Required<ReportWording>): { lines: ReportLine[]; table: ReportTable } {
  return c.kind === 'binary' ? binary(c, w) : multiclass(c, w);
}

function binary(c: Extract<CardConfusion, { kind: 'binary' }>, w: Required<ReportWording>): { lines: ReportLine[]; table: ReportTable } {
  const { tp, fp, tn, fn } = c;
  const lines: ReportLine[] = [];
  if (tp.value + fn.value > 0) lines.push(line(msg.found(w.who, w.positive, w.flags), count(tp, fn), count(tp), share(tp, tp, fn), count(fn)));
  if (tp.value + fp.value > 0) lines.push(line(msg.wrongFlags(w.who, w.flags, w.negative), count(tp, fp), count(fp)));
  const who = capital(w.who);
  const table: ReportTable = {
    caption: line(msg.confusionCaption(msg.counted(c.counts === 'weights')), reportNumber(c.threshold.value, 'number', [c.threshold.source])),
    head: ['', msg.predictedAs(w.flags), msg.predictedNot, msg.total],
    rows: [
      [msg.actually(who, w.positive, c.positiveLabel), count(tp), count(fn), count(tp, fn)],
      [msg.actually(who, w.negative, c.negativeLabel), count(fp), count(tn), count(fp, tn)],
      [msg.total, count(tp, fp), count(fn, tn), count(tp, fp, fn, tn)],
    ],
  };
  return { lines, table };
}

function multiclass(c: Extract<CardConfusion, { kind: 'multiclass' }>, w: Required<ReportWording>): { lines: ReportLine[]; table: ReportTable } {
  const lines: ReportLine[] = [];
  if (c.labels.length <= MAX_CLASS_LINES)
    c.matrix.forEach((row, i) => {
      if (row.reduce((a, x) => a + x.value, 0) > 0) lines.push(line(msg.classRight(w.who, c.labels[i]), count(...row), count(row[i]), share(row[i], ...row)));
    });
  const rows: ReportCell[][] = c.matrix.map((row, i) => [msg.actuallyLabel(c.labels[i]), ...row.map((x) => count(x)), count(...row)]);
  rows.push([msg.total, ...c.labels.map((_, j) => count(...c.matrix.map((row) => row[j]))), count(...c.matrix.flat())]);
  const table: ReportTable = {
    caption: line(msg.confusionCaptionMulticlass(msg.counted(c.counts === 'weights'))),
    head: ['', ...c.labels.map((l) => msg.predictedLabel(l)), msg.total],
    rows,
  };
  return { lines, table };
}
