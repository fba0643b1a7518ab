/**
 * `modelbook card RUN_ID|NOTEBOOK [--format md|html|json|mct|hf] [--out FILE] [--package DIR]
 * [--monitor REPORT.json]`: the model card of an evaluation run (a notebook: its latest), from the
 * run records and the notebook's recorded `problem()` and `modelCard()` prose, with the exported
 * package's content hash as its version, the latest monitoring result, and the reviews and
 * approvals recorded for the evaluation. Wired into src/cli/main.ts as `case 'card'`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectModelCard } from '../core/card/collect';
import { CARD_FORMATS, type CardFormat, type ModelCard } from '../core/card/contract';
import { cardMessage } from '../core/card/messages';
import { renderCardHf } from '../core/card/renderHf';
import { renderCardJson } from '../core/card/renderJson';
import { renderCardMarkdown } from '../core/card/renderMarkdown';
import { renderCardMct } from '../core/card/renderMct';
import { renderCardReport } from '../store/card/renderCardReport';
import { addCardReviews, readCardMonitor, readCardPackage } from '../store/card/loadCardContext';
import { CardNotFoundError, loadCardInputs } from '../store/card/loadCardInputs';
import { findRunWorkspace } from '../store/runs/paths';
import { RunIndex } from '../store/runs/runIndex';
import { writeFileAtomic } from '../store/atomicWrite';
import { parseFlags, UsageError, type FlagSpec } from './flags';

export interface CardIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const CARD_FLAGS = {
  format: { type: 'string' },
  out: { type: 'string' },
  workspace: { type: 'string' },
  package: { type: 'string' },
  monitor: { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook card …` (argv without the word 'card'). Exit code 0 the card was written, 1 it
 * was written but required prose is missing (the sections are listed), 2 a usage error or a run or
 * notebook that is not found.
 *
 * @example
 * await runCardCommand(['churn.mlnb', '--format', 'html', '--out', 'card.html'], io, process.cwd()) // 0
 * await runCardCommand(['churn.mlnb', '--package', 'models/churn', '--monitor', 'june.json'], io, process.cwd()) // 0
 */
export async function runCardCommand(argv: string[], io: CardIo, cwd: string): Promise<number> {
  let flags;
  let format: CardFormat;
  try {
    flags = parseFlags('card', argv, CARD_FLAGS);
    if (flags.help) {
      io.out(`${cardMessage.cliUsage}\n`);
      return 0;
    }
    if (flags.positionals.length !== 1) throw new UsageError(cardMessage.cliUsage);
    format = (flags.values.format ?? 'md') as CardFormat;
    if (!CARD_FORMATS.includes(format)) throw new UsageError(cardMessage.cliUsage);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n${cardMessage.cliUsage}\n`);
    return 2;
  }
  const workspace = path.resolve(cwd, flags.values.workspace ?? findRunWorkspace(cwd));
  let card: ModelCard;
  try {
    const inputs = loadCardInputs(RunIndex.openSync(workspace), flags.positionals[0], cwd);
    if (flags.values.package !== undefined) inputs.manifest = readCardPackage(path.resolve(cwd, flags.values.package), inputs.evaluation.id);
    if (flags.values.monitor !== undefined) inputs.monitor = readCardMonitor(path.resolve(cwd, flags.values.monitor));
    addCardReviews(inputs, workspace);
    card = collectModelCard(inputs);
  } catch (e) {
    if (!(e instanceof CardNotFoundError)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  }
  const text = await renderCard(card, format);
  if (flags.values.out) {
    const file = path.resolve(cwd, flags.values.out);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text);
    io.err(`${cardMessage.cliWrote(path.relative(cwd, file) || file, format)}\n`);
  } else io.out(text);
  if (card.missing.length) {
    io.err(`${cardMessage.missingProse(card.missing)}\n`);
    return 1;
  }
  return 0;
}

/** The card in one format (same card → same bytes). */
async function renderCard(card: ModelCard, format: CardFormat): Promise<string> {
  switch (format) {
    case 'md':
      return renderCardMarkdown(card);
    case 'html':
      return renderCardReport(card);
    case 'json':
      return renderCardJson(card);
    case 'mct':
      return renderCardMct(card);
    case 'hf':
      return renderCardHf(card);
  }
}
