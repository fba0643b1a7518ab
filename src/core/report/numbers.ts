/**
 * Numbers as the stakeholder report says them, each keeping the value and the record fields it came
 * from (see `NumberRule`). `applyRule` is the one place a value becomes text.
 */
import type { CardMetric, CardSource, Sourced } from '../card/contract';
import { formatNumber } from '../text/number';
import type { NumberRule, ReportLine, ReportNumber } from './contract';
import { reportMessage } from './messages';

/**
 * The text of a value under a rule.
 *
 * @example
 * applyRule(0.8213, 'per100') // '82'
 * applyRule(1234, 'count') // '1,234'
 */
export function applyRule(value: number, rule: NumberRule): string {
  switch (rule) {
    case 'per100':
      return String(Math.round(100 * value));
    case 'count':
      return formatNumber(Math.round(value));
    case 'number':
      return formatNumber(value);
  }
}

/** A number computed from `sources` under `rule`. */
export function reportNumber(value: number, rule: NumberRule, sources: CardSource[]): ReportNumber {
  return { text: applyRule(value, rule), value, rule, sources };
}

/** A record's number as is (undefined when the record has null). */
export function sourced(s: Sourced<number | null>, rule: NumberRule): ReportNumber | undefined {
  return s.value === null ? undefined : reportNumber(s.value, rule, [s.source]);
}

/** A sentence with its numbers. */
export const line = (template: string, ...numbers: ReportNumber[]): ReportLine => ({ template, numbers });

/**
 * A metric's sentence: its value and, when recorded, its interval's ends (`ci` gets the index of the
 * first interval number and returns the interval phrase, e.g. ' (95% CI {1}–{2})').
 *
 * @example
 * metricLine(precision, 'per100', (ci) => reportMessage.accuracy(ci)) // 'Overall it is right about {0} times in 100 (95% CI {1}–{2}).'
 */
export function metricLine(m: CardMetric | undefined, rule: NumberRule, sentence: (ci: string) => string): ReportLine | undefined {
  const value = m && sourced(m.value, rule);
  if (!m || !value) return undefined;
  // Only a 95% interval is called "95% CI"; another level is left out rather than mislabelled.
  if (!m.interval || m.interval.level !== 0.95) return line(sentence(''), value);
  return line(sentence(reportMessage.ci(1)), value, reportNumber(m.interval.low.value, rule, [m.interval.low.source]), reportNumber(m.interval.high.value, rule, [m.interval.high.source]));
}

/**
 * A line's text with its numbers put in (`wrap` can mark each number up, e.g. for HTML).
 *
 * @example
 * fillLine(line('about {0} in 100', n)) // 'about 82 in 100'
 */
export function fillLine(l: ReportLine, escape: (s: string) => string = (s) => s, wrap: (n: ReportNumber) => string = (n) => n.text): string {
  return l.template
    .split(/(\{\d+\})/)
    .map((part) => {
      const m = /^\{(\d+)\}$/.exec(part);
      const n = m ? l.numbers[Number(m[1])] : undefined;
      return n ? wrap(n) : escape(part);
    })
    .join('');
}
