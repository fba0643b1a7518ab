import type { ModelCard } from './contract';

/**
 * The card as JSON (two-space, final newline): what `modelbook card --format json` writes and
 * `schemas/model-card.schema.json` describes. Keys come in the order `collectModelCard` builds
 * them, so the same runs give the same bytes.
 *
 * @example
 * fs.writeFileSync('card.json', renderCardJson(card));
 */
export function renderCardJson(card: ModelCard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}
