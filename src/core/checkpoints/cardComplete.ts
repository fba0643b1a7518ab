import { REQUIRED_PROSE } from '../card/contract';
import { proseOf } from '../card/prose';
import type { CheckpointDefinition, CheckpointOutcome } from './contract';
import { checkpointMessage as m } from './messages';
import { latestRun, outcome } from './sessionRuns';

/**
 * The notebook's latest model card (this session) has all the required prose: intended use,
 * limitations and ethics.
 *
 * @example
 * await checkpoint('card-complete')
 */
export const cardComplete: CheckpointDefinition = {
  id: 'card-complete',
  title: m.cardTitle,
  why: m.cardWhy,
  check(ctx): CheckpointOutcome {
    const card = latestRun(ctx.runs, 'card');
    const prose = card && proseOf(card);
    if (!card || !prose) return outcome([m.noCard], [], card ? [card.id] : []);
    const missing = REQUIRED_PROSE.filter((k) => prose[k] === '');
    const written = REQUIRED_PROSE.filter((k) => prose[k] !== '');
    return outcome(
      missing.map((k) => m.proseMissing(k, card.id)),
      written.length ? [m.proseWritten(card.id, written)] : [],
      [card.id],
    );
  },
};
