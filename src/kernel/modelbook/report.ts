/**
 * `stakeholderReport()` as cells call it: the model card's facts in plain words for people who do
 * not read code, from the same run records `modelCard()` reads (nothing new is recorded).
 */
import { collectModelCard } from '../../core/card/collect';
import { cardMessage } from '../../core/card/messages';
import type { ReportWording } from '../../core/report/contract';
import { collectStakeholderReport } from '../../core/report/collect';
import { StakeholderReportDisplay } from '../../core/report/display';
import { loadCardInputs } from '../../store/card/loadCardInputs';
import { latestEvaluation, runIndex } from './card';
import { evaluationRunOf, evaluationSource } from './recording';

/** What stakeholderReport() takes: the evaluation it reports on and the words its sentences use. */
export interface StakeholderReportOptions extends ReportWording {
  /** The Evaluation that evaluate() returned, or an evaluation run id (default: the notebook's latest). */
  run?: object | string;
  /** A model evaluated in this kernel: its latest evaluation. */
  model?: object;
}

/**
 * The stakeholder report of an evaluation: what the model decides and for whom, how often it is
 * right per 100 with the 95% interval, where it works worse, what could go wrong and what is done
 * about it, what to watch after launch. Every number is computed from the run records.
 *
 * @example
 * stakeholderReport({ run: ev, who: 'customers', flags: 'flags', positive: 'do leave', negative: 'stay' })
 * // "Out of 100 customers it flags, about 82 do leave (95% CI 79–85)."
 */
export function stakeholderReport(options: StakeholderReportOptions = {}): StakeholderReportDisplay {
  if (typeof options !== 'object' || options === null) throw new TypeError(cardMessage.notObject('stakeholderReport', "{ run: ev, who: 'customers', positive: 'do leave' }"));
  const { run, model, ...wording } = options;
  const idx = runIndex();
  const evaluationRun = typeof run === 'string' ? run : run ? evaluationSource(run)?.runId : model ? evaluationRunOf(model) : latestEvaluation(idx);
  if (!evaluationRun) throw new Error(cardMessage.noEvaluation(run || model ? 'this model' : 'this notebook'));
  const card = collectModelCard(loadCardInputs(idx, evaluationRun, idx.workspaceDir));
  return new StakeholderReportDisplay(collectStakeholderReport(card, wording));
}
