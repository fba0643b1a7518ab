import type { RunRecord } from '../runs/contract';
import type { CheckpointDefinition, CheckpointOutcome, CheckpointProblem } from './contract';
import { checkpointMessage as m } from './messages';
import { outcome, runLabel, topRuns } from './sessionRuns';
import { isPreprocessorRun } from '../runs/preprocessorRuns';

/** Estimators whose fit starts from random weights (the run records the seed when the model has one). */
const RANDOM_INIT = /^(Pipeline\()?(MLPClassifier|MLPRegressor|LayersClassifier|LayersRegressor)\)?$/;
/** Searches that draw their candidates at random. */
const RANDOM_SEARCH = /^(random search|halving search) /;
/** DummyClassifier strategies whose predictions are random draws. */
const RANDOM_DUMMY = ['stratified', 'uniform'];
/**
 * The seed each library step uses when the code gives none: the same on every run, so the step is
 * reproducible. trainTestSplit has none here on purpose (see the checkpoint's doc).
 */
const DEFAULT_SEED = 0;

/** One random step of a run: the seed it recorded, the deterministic default it falls back to, and how to add one. */
interface Step {
  step: string;
  seed: unknown;
  /** The seed used when none is given, when that default is deterministic; absent: the step is not reproducible without a seed. */
  defaultSeed?: number;
  fix: string;
}

function stepsOf(r: RunRecord): Step[] {
  const steps: Step[] = [];
  const s = r.splitter;
  // The split is the exception to deterministic defaults: its record says seed null when the code gave none.
  if (s?.kind === 'trainTestSplit' && s.params.shuffle !== false) steps.push({ step: m.stepSplit, seed: s.params.seed, fix: m.seedFixSplit });
  else if (s && s.params.shuffle === true) steps.push({ step: m.stepFolds(s.kind), seed: s.params.seed, defaultSeed: DEFAULT_SEED, fix: m.seedFixFolds(s.kind) });
  if (r.kind === 'search' && RANDOM_SEARCH.test(r.name)) {
    const fn = r.name.startsWith('random') ? 'randomSearch' : 'halvingSearch';
    steps.push({ step: m.stepSearch(fn), seed: r.seed, defaultSeed: DEFAULT_SEED, fix: m.seedFixSearch(fn) });
  }
  const type = r.name.replace(/^(cross-validate|grid search|random search|halving search|evaluate) /, '');
  const model = type.replace(/^Pipeline\((.*)\)$/, '$1');
  const seed = r.seed ?? r.params.seed;
  if (r.kind !== 'evaluation' && RANDOM_INIT.test(type)) steps.push({ step: m.stepModel(type), seed, defaultSeed: DEFAULT_SEED, fix: m.seedFixModel(model) });
  if (r.kind !== 'evaluation' && model === 'DummyClassifier' && RANDOM_DUMMY.includes(String(r.params.strategy)))
    steps.push({ step: m.stepDummy(String(r.params.strategy)), seed, defaultSeed: DEFAULT_SEED, fix: m.seedFixModel(model) });
  if (r.kind === 'evaluation' && Object.keys(r.intervals ?? {}).length > 0) steps.push({ step: m.stepBootstrap, seed: r.seed, defaultSeed: DEFAULT_SEED, fix: m.seedFixBootstrap });
  return steps;
}

/**
 * Every random step of the session is reproducible: trainTestSplit, shuffled folds, random and
 * halving searches, MLP and TF.js fits, DummyClassifier's 'stratified' and 'uniform' strategies,
 * and the evaluation's bootstrap. A step is fixed when the code gave it a seed, or when it falls
 * back to a deterministic default seed (0 for every step above but the split: the same numbers on
 * every run), which `checked` names as the default. Only a step whose randomness is not
 * reproducible fails, named with its runs and the exact option to add. trainTestSplit is the one
 * step that needs its seed written down: its record keeps seed null when the code gave none, and
 * the split decides which rows are the test set, which every later number and a retrain depend on.
 *
 * @example
 * await checkpoint('seeds-fixed')
 */
export const seedsFixed: CheckpointDefinition = {
  id: 'seeds-fixed',
  title: m.seedsTitle,
  why: m.seedsWhy,
  check(ctx): CheckpointOutcome {
    // A preprocessor fitted on its own draws nothing at random; its split is the model fit's.
    const runs = topRuns(ctx.runs, ['fit', 'cv', 'search', 'evaluation']).filter((r) => !isPreprocessorRun(r));
    if (runs.length === 0) return outcome([m.noRuns('fit, cross-validation, search or evaluation')], [], []);
    const checked: string[] = [];
    const missing = new Map<string, { fix: string; runs: string[] }>();
    for (const r of runs) {
      const steps = stepsOf(r);
      if (steps.length === 0) checked.push(m.notRandom(runLabel(r)));
      for (const s of steps) {
        if (typeof s.seed === 'number') checked.push(m.seeded(runLabel(r), s.step, s.seed));
        else if (s.defaultSeed !== undefined) checked.push(m.seededByDefault(runLabel(r), s.step, s.defaultSeed));
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
