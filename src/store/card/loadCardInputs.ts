/**
 * What `modelbook card` reads for a card: the evaluation run (named by id, or a notebook's latest),
 * its fit run (from the evaluation's `export/source.json` artifact), the notebook's latest
 * `problem()` run and the `modelCard()` run with the prose, and the kept predictions.
 */
import path from 'node:path';
import type { CardInputs } from '../../core/card/collect';
import { cardMessage } from '../../core/card/messages';
import type { RunRecord } from '../../core/runs/contract';
import { EXPORT_ARTIFACTS } from '../../core/package/exportArtifacts';
import { readPredictions } from '../review/readPredictions';
import { readRegularFile } from '../readRegularFile';
import { artifactsFolder } from '../runs/paths';
import type { RunIndex } from '../runs/runIndex';
import { currentCheckpointRuns } from '../lifecycle/currentRuns';

/** A run, notebook, package or monitoring report the card cannot be made from; the CLI exits 2 with its message. */
export class CardNotFoundError extends Error {
  override name = 'CardNotFoundError';
}

/**
 * The inputs of the card of `spec`: an evaluation run id (or a unique prefix), or a notebook path
 * (as typed from `cwd`, or workspace-relative) whose latest finished evaluation is documented.
 *
 * @example
 * const inputs = loadCardInputs(RunIndex.openSync(ws), 'churn.mlnb', process.cwd());
 */
export function loadCardInputs(index: RunIndex, spec: string, cwd: string): CardInputs {
  const workspace = index.workspaceDir;
  const rel = path.relative(workspace, path.resolve(cwd, spec)).split(path.sep).join('/');
  const notebooks = new Set(index.rows().map((r) => r.notebook));
  const notebook = notebooks.has(rel) ? rel : notebooks.has(spec) ? spec : undefined;
  let evaluation: RunRecord;
  if (notebook !== undefined) {
    const latest = newest(index, notebook, 'evaluation');
    if (!latest) throw new CardNotFoundError(cardMessage.cliNoEvaluation(spec));
    evaluation = latest;
  } else {
    const matches = /^[0-9A-Za-z]{4,26}$/.test(spec) ? index.findByPrefix(spec.toUpperCase()) : [];
    if (matches.length !== 1) throw new CardNotFoundError(cardMessage.cliNotFound(spec));
    evaluation = index.readRecord(matches[0].id);
    if (evaluation.kind !== 'evaluation') throw new CardNotFoundError(cardMessage.cliNotEvaluation(evaluation.id, evaluation.kind));
  }
  const inputs: CardInputs = { evaluation };
  const fitId = readJson<{ fitRun?: unknown }>(path.join(artifactsFolder(workspace, evaluation.id), ...EXPORT_ARTIFACTS.source.split('/')))?.fitRun;
  if (typeof fitId === 'string' && index.get(fitId)) inputs.fit = index.readRecord(fitId);
  const problem = evaluation.notebook !== undefined ? newest(index, evaluation.notebook, 'problem') : undefined;
  if (problem) inputs.problem = problem;
  const card = cardRunOf(index, evaluation);
  if (card) inputs.card = card;
  // Checkpoints and lifecycle overrides of the session that evaluated the model.
  const checkpoints = evaluation.notebook !== undefined && evaluation.session !== undefined ? currentCheckpointRuns(index, evaluation.notebook, evaluation.session) : [];
  if (checkpoints.length) inputs.checkpoints = checkpoints;
  if (evaluation.predictions) {
    try {
      inputs.predictions = readPredictions(path.join(workspace, ...evaluation.predictions.path.split('/')));
    } catch {
      // No kept predictions (deleted, or an older format): the card has no per-slice results, the rest stands.
    }
  }
  return inputs;
}

/** The card run naming this evaluation (`params.evaluationRun`), else the notebook's latest card run. */
function cardRunOf(index: RunIndex, evaluation: RunRecord): RunRecord | undefined {
  const exact = index.query({ filter: `kind == "card" && params.evaluationRun == "${evaluation.id}"`, limit: 1 }).rows[0];
  if (exact) return index.readRecord(exact.id);
  return evaluation.notebook !== undefined ? newest(index, evaluation.notebook, 'card') : undefined;
}

function newest(index: RunIndex, notebook: string, kind: string): RunRecord | undefined {
  const row = index.query({ notebook, parentId: null, filter: `kind == "${kind}" && status == "finished"`, limit: 1 }).rows[0];
  return row ? index.readRecord(row.id) : undefined;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readRegularFile(file, { maxBytes: 1 << 20 }).bytes.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
