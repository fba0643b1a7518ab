/**
 * The card.md an export writes into a package: the Markdown card of the evaluation, made only when
 * its notebook recorded a `modelCard()` run for that evaluation. It is built from the run records
 * alone (no manifest, monitoring or reviews: those come after the package, and the package's hash
 * covers this file), so exporting the same runs again writes the same bytes.
 */
import { collectModelCard } from '../../core/card/collect';
import { renderCardMarkdown } from '../../core/card/renderMarkdown';
import type { RunIndex } from '../runs/runIndex';
import { loadCardInputs } from './loadCardInputs';

const RUN_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * The package card of evaluation run `evaluationId` under the package's `name`, or undefined when no
 * card run names that evaluation.
 *
 * @example
 * const card = packageCardMarkdown(RunIndex.openSync(ws), ev.id, 'churn'); // '# Model card: churn\n…' or undefined
 */
export function packageCardMarkdown(index: RunIndex, evaluationId: string, name: string): string | undefined {
  if (!RUN_ID.test(evaluationId)) return undefined;
  const row = index.query({ filter: `kind == "card" && status == "finished" && params.evaluationRun == "${evaluationId}"`, limit: 1 }).rows[0];
  if (!row) return undefined;
  const inputs = loadCardInputs(index, evaluationId, index.workspaceDir);
  inputs.card = index.readRecord(row.id);
  return renderCardMarkdown({ ...collectModelCard(inputs), name });
}
