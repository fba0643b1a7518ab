import { collectModelCard } from '../card/collect';
import { CARD_SECTIONS, type CardSectionId, type ModelCard } from '../card/contract';
import type { CardChange } from './contract';
import type { DiffEvaluation } from './diffModels';

/** A section's content without its sources: a number that moved to another run is not a change. */
function comparable(card: ModelCard, id: CardSectionId): string {
  return JSON.stringify(card.sections[id], (k, v: unknown) => (k === 'source' || k === 'runId' || k === 'version' || k === 'evaluationRunId' || k === 'fitRunId' || k === 'createdAt' ? undefined : v));
}

/**
 * The model card's changes between the two sides of a pair, when both have a card (a `modelCard()`
 * run for the notebook): the sections whose content differs (numbers or prose; sources and run
 * ids aside), the problem when it changed, and the required prose missing on each side.
 *
 * @example
 * diffCard(baseEvaluation, headEvaluation)?.changed // [{ section: 'metrics', title: 'Metrics' }, …]
 */
export function diffCard(base: DiffEvaluation, head: DiffEvaluation): CardChange | undefined {
  if (!base.cardRuns?.card || !head.cardRuns?.card) return undefined;
  const card = (e: DiffEvaluation) => collectModelCard({ evaluation: e.record, ...e.cardRuns, ...(e.predictions ? { predictions: e.predictions } : {}) });
  const b = card(base);
  const h = card(head);
  const changed = CARD_SECTIONS.filter(({ id }) => comparable(b, id) !== comparable(h, id)).map(({ id, title }) => ({ section: id, title }));
  return { changed, problemChanged: JSON.stringify(b.problem ?? null) !== JSON.stringify(h.problem ?? null), missingBase: b.missing, missingHead: h.missing };
}
