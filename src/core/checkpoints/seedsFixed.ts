import type { RunRecord } from '../runs/contract';
import type { CheckpointDefinition, CheckpointOutcome, CheckpointProblem } from './contract';
import { checkpointMessage as m } from './messages';
import { outcome, runLabel, topRuns } from './sessionRuns';

/** Estimators whose fit starts from random weights (the run records the seed when the model has one). */
const RANDOM_INIT = /^(Pipeline\()?(MLPClassifier|MLPRegressor|LayersClassifier|LayersRegressor)\)?$/;
/** Searches that draw their candidates at random. */
const RANDOM_SEARCH = /^(random search|halving search) /;

/** One random step of a run: whether it recorded a seed, and how to add one. */
interface Step {
  step: string;
  seed: unknown;
  fix: string;
}

function stepsOf(r: RunRecord): Step[] {
  const steps: Step[] = [];
  const s = r.splitter;
  if (s?.kind === 'trainTestSplit' && s.params.shuffle !== false) steps.push({ step: m.stepSplit, seed: s.params.seed, fix: m.seedFixSplit });
  else if (s && s.params.shuffle === true) steps.push({ step: m.stepFolds(s.kind), seed: s.params.seed, fix: m.seedFixFolds(s.kind) });
  if (r.kind === 'search' && RANDOM_SEARCH.test(r.name)) {
    const fn = r.name.startsWith('random') ? 'randomSearch' : 'halvingSearch';
    steps.push({ step: m.stepSearch(fn), seed: r.seed, fix: m.seedFixSearch(fn) });
  }
  const type = r.name.replace(/^(cross-validate|grid search|random search|halving search|evaluate) /, '');
  if (r.kind !== 'evaluation' && RANDOM_INIT.test(type)) steps.push({ step: m.stepModel(type), seed: r.seed ?? r.params.seed, fix: m.seedFixModel(type.replace(/^Pipeline\((.*)\)$/, '$1')) });
  if (r.kind === 'evaluation' && Object.keys(r.intervals ?? {}).length > 0) steps.push({ step: m.stepBootstrap, seed: r.seed, fix: m.seedFixBootstrap });
  return steps;
}

/**
 * Every random step of the session recorded a seed the code gave: trainTestSplit, shuffled folds,
 * random and halving searches, MLP and TF.js fits, and the evaluation's bootstrap. Each step that
 * lacks one is named with its runs and the exact option to add.
 *
 * @example
 * await checkpoint('seeds-fixed')
 */
export const seedsFixed: CheckpointDefinition = {
  id: 'seeds-fixed',
  title: m.seedsTitle,
  why: m.seedsWhy,
  check(ctx): CheckpointOutcome {
    const runs = topRuns(ctx.runs, ['fit', 'cv', 'search', 'evaluation']);
    if (runs.length === 0) return outcome([m.noRuns('fit, cross-validation, search or evaluation')], [], []);
    const checked: string[] = [];
    const missing = new Map<string, { fix: string; runs: string[] }>();
    for (const r of runs) {
      const steps = stepsOf(r);
      if (steps.length === 0) checked.push(m.notRandom(runLabel(r)));
      for (const s of steps) {
        if (typeof s.seed === 'number') checked.push(m.seeded(runLabel(r), s.step, s.seed));
        else {
          const entry = missing.get(s.step) ?? { fix: s.fix, runs: [] };
          entry.runs.push(runLabel(r));
          missing.set(s.step, entry);
        }
      }
    }
    const problems: CheckpointProblem[] = [...missing].map(([step, e]) => m.unseeded(step, e.runs, e.fix));
    return outcome(
      problems,
      checked,
      runs.map((r) => r.id),
    );
  },
};
