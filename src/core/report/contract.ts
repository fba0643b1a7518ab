/**
 * The stakeholder report: the model card's facts for a reader who does not read code, as plain JSON
 * (`StakeholderReport`). Every number in its sentences is a `ReportNumber`: the text shown, the
 * value it was computed from, the run record fields that value comes from, and the rule that turned
 * the value into the text, so a test (or an auditor) can recompute each one from the records.
 */
import type { CardSource } from '../card/contract';

export const STAKEHOLDER_REPORT_KIND = 'modelbook.stakeholderReport';
export const STAKEHOLDER_REPORT_VERSION = 1;

/**
 * How a value became the text shown:
 * - 'per100': `Math.round(100 × value)` ("about 82 out of 100");
 * - 'count': an integer with thousands separators (`formatNumber`);
 * - 'number': `formatNumber(value)` (4 significant digits: an error in the target's units, a p-value).
 */
export type NumberRule = 'per100' | 'count' | 'number';

export interface ReportNumber {
  text: string;
  /** The value the text was computed from (a record's field, or computed from several). */
  value: number;
  rule: NumberRule;
  /** The record fields the value comes from: one for a field read as is; several for a computed value. */
  sources: CardSource[];
}

/** One sentence: `template` with `{0}`, `{1}`, … where `numbers[i].text` goes. */
export interface ReportLine {
  template: string;
  numbers: ReportNumber[];
}

/** A table cell: text (a label typed by people or a class name), or a number with its sources. */
export type ReportCell = string | ReportNumber;

/** A small table under a section's sentences (the confusion counts), its caption a sentence with numbers. */
export interface ReportTable {
  caption: ReportLine;
  head: string[];
  rows: ReportCell[][];
}

export interface ReportSection {
  id: 'decides' | 'right' | 'worse' | 'risks' | 'watch';
  title: string;
  lines: ReportLine[];
  table?: ReportTable;
}

/** Words the sentences use for the people or things the model scores (typed by people, never numbers). */
export interface ReportWording {
  /** Plural noun, e.g. 'customers' (default 'cases'). */
  who?: string;
  /** What the model does to a case it predicts positive, e.g. 'flags' (default 'flags'). */
  flags?: string;
  /** The positive outcome said of the cases, e.g. 'do leave' (default 'are positive'). */
  positive?: string;
  /** The negative outcome, e.g. 'stay' (default 'are negative'). */
  negative?: string;
}

export interface StakeholderReport {
  kind: typeof STAKEHOLDER_REPORT_KIND;
  version: typeof STAKEHOLDER_REPORT_VERSION;
  name: string;
  /** The evaluation run the report documents, and when it ended (the card's createdAt). */
  evaluationRunId: string;
  createdAt: string;
  /** 'binary' | 'multiclass' | 'regression' when the evaluation recorded it. */
  task?: string;
  sections: ReportSection[];
  /** The run ids the report read (the card's) and its numbers came from, sorted. */
  runIds: string[];
  /** Required card prose still missing ('section.field'), said in the report too. */
  missing: string[];
}
