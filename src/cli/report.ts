/**
 * `modelbook report RUN_ID|NOTEBOOK [--format md|html] [--out FILE]`: the stakeholder report of an
 * evaluation run (a notebook: its latest), made from the same card `modelbook card` writes. Exit
 * codes as `modelbook card`: 0 written, 1 written but the card's required prose is missing, 2 a
 * usage error or a run or notebook that is not found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectModelCard } from '../core/card/collect';
import { cardMessage } from '../core/card/messages';
import { collectStakeholderReport } from '../core/report/collect';
import { reportMessage } from '../core/report/messages';
import { renderReportMarkdown } from '../core/report/render';
import { CardNotFoundError, loadCardInputs } from '../store/card/loadCardInputs';
import { renderStakeholderHtml } from '../store/report/renderStakeholderHtml';
import { findRunWorkspace } from '../store/runs/paths';
import { RunIndex } from '../store/runs/runIndex';
import { writeFileAtomic } from '../store/atomicWrite';
import { parseFlags, UsageError, type FlagSpec } from './flags';

const REPORT_FLAGS = {
  format: { type: 'string' },
  out: { type: 'string' },
  workspace: { type: 'string' },
  who: { type: 'string' },
  flags: { type: 'string' },
  positive: { type: 'string' },
  negative: { type: 'string' },
} as const satisfies Record<string, FlagSpec>;
const FORMATS = ['md', 'html'];

/**
 * Runs `modelbook report …` (argv without the word 'report') and returns the exit code.
 *
 * @example
 * await runReportCommand(['churn.mlnb', '--format', 'html', '--out', 'report.html', '--who', 'customers', '--positive', 'do leave'], io, process.cwd()) // 0
 */
export async function runReportCommand(argv: string[], io: { out: (t: string) => void; err: (t: string) => void }, cwd: string): Promise<number> {
  let flags;
  try {
    flags = parseFlags('report', argv, REPORT_FLAGS);
    if (flags.help) {
      io.out(`${reportMessage.cliUsage}\n`);
      return 0;
    }
    if (flags.positionals.length !== 1 || !FORMATS.includes(flags.values.format ?? 'md')) throw new UsageError(reportMessage.cliUsage);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n${reportMessage.cliUsage}\n`);
    return 2;
  }
  const v = flags.values;
  const workspace = path.resolve(cwd, v.workspace ?? findRunWorkspace(cwd));
  let inputs;
  try {
    inputs = loadCardInputs(RunIndex.openSync(workspace), flags.positionals[0], cwd);
  } catch (e) {
    if (!(e instanceof CardNotFoundError)) throw e;
    io.err(`${e.message.replace(/^modelbook card:/, 'modelbook report:')}\n`);
    return 2;
  }
  const card = collectModelCard(inputs);
  const report = collectStakeholderReport(card, {
    ...(v.who ? { who: v.who } : {}),
    ...(v.flags ? { flags: v.flags } : {}),
    ...(v.positive ? { positive: v.positive } : {}),
    ...(v.negative ? { negative: v.negative } : {}),
  });
  const format = v.format ?? 'md';
  const text = format === 'html' ? await renderStakeholderHtml(card, report) : renderReportMarkdown(report);
  if (v.out) {
    const file = path.resolve(cwd, v.out);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, text);
    io.err(`${reportMessage.cliWrote(path.relative(cwd, file) || file, format)}\n`);
  } else io.out(text);
  if (card.missing.length) {
    io.err(`${cardMessage.missingProse(card.missing)}\n`);
    return 1;
  }
  return 0;
}
