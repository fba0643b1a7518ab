import type { RunRecord } from '../runs/contract';

/** The documentation runs of one evaluation: its `modelCard()` run and the notebook's `problem()` run. */
export interface CardRuns {
  card?: RunRecord;
  problem?: RunRecord;
}

const newer = (a: RunRecord, b: RunRecord | undefined) => !b || a.startedAt > b.startedAt || (a.startedAt === b.startedAt && a.id > b.id);

/**
 * The card run naming this evaluation (`params.evaluationRun`), else the latest card run of its
 * notebook, and the notebook's latest problem run, among `records` (one side of a diff, say).
 * Undefined when there is no card run: without prose there is no card to compare.
 *
 * @example
 * pickCardRuns(evaluation, records)?.card?.params.intendedUse
 */
export function pickCardRuns(evaluation: RunRecord, records: readonly RunRecord[]): CardRuns | undefined {
  let exact: RunRecord | undefined;
  let card: RunRecord | undefined;
  let problem: RunRecord | undefined;
  for (const r of records) {
    if (r.status !== 'finished' || r.notebook !== evaluation.notebook) continue;
    if (r.kind === 'card' && r.params.evaluationRun === evaluation.id && newer(r, exact)) exact = r;
    if (r.kind === 'card' && evaluation.notebook !== undefined && newer(r, card)) card = r;
    if (r.kind === 'problem' && evaluation.notebook !== undefined && newer(r, problem)) problem = r;
  }
  const chosen = exact ?? card;
  if (!chosen) return undefined;
  return problem ? { card: chosen, problem } : { card: chosen };
}
