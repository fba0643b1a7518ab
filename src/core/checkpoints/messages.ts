/**
 * Every sentence the checkpoints say: each problem's what, why (for someone in their first ML job)
 * and fix, the lines of what was checked, and the API's refusals.
 */
import { formatNumber } from '../text/number';

const n = (v: number) => formatNumber(v);
const list = (names: readonly string[]) => names.map((c) => `'${c}'`).join(', ');

export const checkpointMessage = {
  // API
  unknownId: (id: unknown, known: readonly string[]) => `checkpoint: unknown checkpoint ${JSON.stringify(id)}; known: ${list(known)} (a team's own is added with defineCheckpoint).`,
  badOptions: (id: string) => `checkpoint('${id}', options): options must be an object, e.g. { metric: 'auc' }.`,
  badDefinition: (field: string) =>
    `defineCheckpoint: ${field} is required: { id: 'my-check', title: 'My check', why: 'one sentence on why it matters', check: (ctx) => ({ passed, problems: [], checked: [] }) }.`,
  builtInClash: (id: string) => `defineCheckpoint: '${id}' is a built-in checkpoint; give your checkpoint another id (e.g. 'team-${id}').`,
  badOutcome: (id: string) => `checkpoint '${id}': check() must return { passed: boolean, problems: { what, why, fix }[], checked: string[] }.`,
  failed: (id: string, title: string, problems: readonly { what: string; fix: string }[]) =>
    `Checkpoint '${id}' (${title}) failed:\n${problems.map((p, i) => `${i + 1}. ${p.what} Fix: ${p.fix}`).join('\n')}`,
  threw: (id: string, message: string) => `Checkpoint '${id}' could not check: ${message}`,
  passedDetail: 'passed',

  // shared
  noRuns: (what: string) => ({
    what: `No ${what} is recorded in this notebook's current kernel session.`,
    why: 'A checkpoint checks what this notebook actually did since the kernel started; runs from an earlier session may not match the code you have now.',
    fix: 'Run the notebook from the top (Run All) so its steps are recorded in this session, then run the checkpoint.',
  }),
  noEvaluation: {
    what: "No evaluation is recorded in this notebook's current kernel session.",
    why: 'The checkpoint compares against the latest evaluation: its test rows, metrics and slices.',
    fix: "Evaluate the model on the test part first: const ev = await evaluate(model, test, { label: '…' }).",
  },

  // split-before-fit
  splitTitle: 'Split before fitting',
  splitWhy: 'If the test rows took part in fitting or tuning, the test score measures memory, not how the model does on new data, and it will look better than it is.',
  onTrainPart: (run: string, rows: number) => `${run}: fitted on the train part (${n(rows)} rows) only`,
  onTrainPartDerived: (run: string, rows: number, how: string) => `${run}: fitted on ${n(rows)} rows made from the train part only (${how})`,
  noSharedRows: (run: string, rows: number, testRows: number) => `${run}: its ${n(rows)} rows share none of the ${n(testRows)} test rows`,
  overlapCountsDuplicates: (run: string) =>
    `${run}: its data is not a part of the evaluation's trainTestSplit, so rows were compared; identical rows (duplicates, e.g. people with the same values in every column) count as shared`,
  notTheTestData: (run: string, rows: number) => `${run}: fitted on ${n(rows)} rows that are neither the test data nor the table it was split from`,
  testOfEvaluation: (run: string, rows: number, split: boolean) => `test data: ${run} (${n(rows)} rows${split ? ', the test part of trainTestSplit' : ''})`,
  fittedOnTest: (run: string, verb: string, derived?: string) => ({
    what: `${run} was ${verb} on the evaluation's test data ${derived ? `(data made from the test part: ${derived})` : 'itself'}.`,
    why: 'The test rows must stay unseen until the final evaluation; a model fitted or tuned on them gets a test score that is too good to trust.',
    fix: 'Split first (const { train, test } = trainTestSplit(data, { …, seed: 42 })) and pass train, never test, to fit, crossValidate and the searches.',
  }),
  preprocessorOnTest: (step: string, rows: number, role: 'source' | 'test', note: string | undefined) => ({
    what: `A ${step} was fitted on its own on ${n(rows)} rows: ${role === 'test' ? 'the test part' : 'the table the test part was split from'}${note ? ` (${note})` : ''}. What it learned (a mean, a fill value, categories) came from test rows.`,
    why: 'Preprocessing fitted before the split carries information from the test set into training: the test score looks better than the model is.',
    fix: `Fit the ${step} on train only, or better, make it a step of the Pipeline: fit, crossValidate and the searches then refit it on training rows only.`,
  }),
  fittedBeforeSplit: (run: string, verb: string, rows: number, shared: number | undefined, testRows: number, preprocessing: readonly string[], derived?: string) => ({
    what: `${run} was ${verb} on ${n(rows)} rows${shared !== undefined ? ` that include ${n(shared)} of the ${n(testRows)} test rows` : derived ? ` made from the table the test part was split from (${derived})` : ': the whole table the test part was split from'}${preprocessing.length ? ` (its ${preprocessing.join(', ')} learned from those rows too)` : ''}.`,
    why: 'Preprocessing fitted before the split (a scaler’s mean, an imputer’s fill value, an encoder’s categories) and a model fitted on test rows carry information from the test set into training: the test score looks better than the model is.',
    fix: 'Call trainTestSplit first and fit the whole Pipeline (preprocessing and model) on train only: await pipe.fit(train, label).',
  }),

  // seeds-fixed
  seedsTitle: 'Seeds fixed',
  seedsWhy: 'A random step without a fixed seed gives a different split, model or interval on every run, so nobody (you included) can reproduce or review the numbers.',
  seeded: (run: string, step: string, seed: unknown) => `${run}: ${step} seed ${String(seed)}`,
  seededByDefault: (run: string, step: string, seed: number) => `${run}: ${step} seed ${String(seed)} (the default: the same on every run)`,
  notRandom: (run: string) => `${run}: no random step`,
  unseeded: (step: string, runs: readonly string[], fix: string) => ({
    what: `${step} has no seed (${runs.join(', ')}).`,
    why: 'Without a seed written in the code this step is not reproducible from its record (it says seed null): write the seed down so a rerun, a reviewer and a retrain get exactly the same numbers.',
    fix,
  }),
  seedFixSplit: 'Add seed to the split: trainTestSplit(data, { testSize: 0.25, seed: 42 }).',
  seedFixFolds: (kind: string) => `Give the shuffled splitter a seed: new ${kind}({ nSplits: 5, shuffle: true, seed: 42 }).`,
  seedFixSearch: (fn: string) => `Add seed to ${fn}'s options: ${fn}(model, train, { …, seed: 42 }).`,
  seedFixModel: (type: string) => `Add seed to the model's parameters: new ${type}({ …, seed: 42 }).`,
  seedFixBootstrap: 'Give the bootstrap a seed: evaluate(model, test, { …, bootstrap: { resamples: 1000, seed: 1 } }).',
  stepSplit: 'trainTestSplit',
  stepFolds: (kind: string) => `the shuffled ${kind}`,
  stepSearch: (fn: string) => fn,
  stepModel: (type: string) => `${type}'s random initialisation`,
  stepBootstrap: "the evaluation's bootstrap",
  stepDummy: (strategy: string) => `DummyClassifier's random '${strategy}' predictions`,

  // data-quality
  qualityTitle: 'Data quality',
  qualityWhy: 'A model trained on broken data (missing labels, test rows copied into training) or on personal data it should not use is wrong or unfair however good its score looks.',
  qualityChecked: (run: string, findings: number) => `${run}: ${n(findings)} data finding${findings === 1 ? '' : 's'} recorded on its data`,
  qualityNotChecked: (run: string) => `${run}: its data was too large for the recorded quality check (not checked)`,
  blocking: (kind: string, column: string | undefined, runs: readonly string[]) => ({
    what: `Blocking data finding '${kind}'${column ? ` in column '${column}'` : ''} in the data of ${runs.join(', ')}.`,
    why: 'A finding of severity error means the data cannot give a trustworthy model as it is (e.g. rows without a label, the same rows in train and test).',
    fix: `Look at qualityReport(data, { label: '…' }) and fix the data before fitting${column ? ` (e.g. drop or repair the rows where '${column}' is the problem)` : ''}, then run the notebook again.`,
  }),
  pii: (column: string, kind: string, runs: readonly string[]) => ({
    what: `Column '${column}' looks like personal data (${kind.replace(/^pii-/, '')}) and is among the features of ${runs.join(', ')}.`,
    why: 'Personal data as a feature lets the model learn who someone is rather than what matters, can break privacy law, and leaks into every copy of the model.',
    fix: `Drop it before fitting (data.select(aq.not('${column}'))), or, if the model really needs it, say why: checkpoint('data-quality', { justify: { '${column}': 'the reason' } }).`,
  }),
  piiJustified: (column: string, reason: string) => `column '${column}' (personal data) justified: ${reason}`,

  // beats-baseline
  baselineTitle: 'Beats the baseline',
  baselineWhy:
    'A model is only worth shipping if it does better than a simple baseline, and a single test score can win by luck: the confidence interval of the difference says whether the win is real.',
  noBaseline: (run: string) => ({
    what: `The latest evaluation (${run}) has no baseline comparison.`,
    why: 'Without a baseline you cannot tell whether the model learned anything beyond the simplest rule (predict the majority class, the mean).',
    fix: "Pass a baseline model fitted on the same train part, e.g. const base = await new DummyClassifier({ strategy: 'prior' }).fit(train, label); then evaluate(model, test, { …, baseline: base, bootstrap: { resamples: 1000, seed: 1 } }).",
  }),
  noComparison: (metric: string, available: readonly string[]) => ({
    what: `The baseline comparison has no '${metric}'${available.length ? ` (it has ${list(available)})` : ''}.`,
    why: 'The checkpoint judges the primary metric, the one the problem is decided on.',
    fix: `Choose one it has: checkpoint('beats-baseline', { metric: '${available[0] ?? 'auc'}' }), or evaluate with that metric.`,
  }),
  bareEstimate: (metric: string, difference: number | null) => ({
    what: `The ${metric} difference from the baseline (${difference === null ? 'n/a' : n(difference)}) is a bare point estimate, without a confidence interval.`,
    why: 'On one test set a small difference can come from which rows happened to be there; only an interval that excludes zero shows the model is really better.',
    fix: 'Turn the bootstrap on: evaluate(model, test, { …, baseline, bootstrap: { resamples: 1000, seed: 1 } }).',
  }),
  notBetter: (metric: string, difference: number, low: number, high: number, higherIsBetter: boolean) => ({
    what: `The model does not beat the baseline on ${metric}: difference ${n(difference)}, interval ${n(low)} to ${n(high)}${higherIsBetter ? ' does not lie above 0' : ' does not lie below 0'}.`,
    why: 'If the interval includes zero (or lies on the wrong side), the test data cannot show that the model is better than the simple baseline.',
    fix: 'Improve the model (features, tuning) or keep the simpler baseline; more test rows also narrow the interval.',
  }),
  beats: (metric: string, model: number | null, baseline: number | null, low: number, high: number, level: number) =>
    `${metric}: model ${model === null ? 'n/a' : n(model)} vs baseline ${baseline === null ? 'n/a' : n(baseline)}, difference ${n(level * 100)}% interval ${n(low)} to ${n(high)}`,

  // fairness
  fairnessTitle: 'Fairness across groups',
  fairnessWhy: 'A model can be accurate on average and still fail one group of people much more often; the gap between groups is what those people experience.',
  noAttributes: {
    what: 'No sensitive attributes are declared.',
    why: 'The checkpoint needs to know which columns describe groups of people that must be treated alike (sex, age group, ethnicity…).',
    fix: "Declare them in the notebook's problem(): problem({ …, sensitiveAttributes: ['sex'] }), or name them here: checkpoint('fairness', { attributes: ['sex'] }).",
  },
  noPredictions: (run: string) => ({
    what: `The latest evaluation (${run}) kept no per-row predictions to measure groups on.`,
    why: 'Group metrics are computed from the predictions an evaluation keeps beside its record, so they are the same in any kernel session.',
    fix: 'Evaluate the model with evaluate(model, test, { …, slices: [...] }) in this notebook (it keeps its predictions), then run the checkpoint.',
  }),
  fromPredictions: (run: string) => `group metrics recomputed from the predictions ${run} kept`,
  sampled: (kept: number, total: number) => `warning: the evaluation kept a sample of ${n(kept)} of its ${n(total)} rows; group metrics are measured on that sample`,
  notSliced: (attribute: string) => ({
    what: `The latest evaluation has no slice by '${attribute}'.`,
    why: 'Without per-group metrics nobody can see whether the model fails one group more than another.',
    fix: `Slice the evaluation by it: evaluate(model, test, { …, slices: ['${attribute}'] }).`,
  }),
  noMetric: (metric: string, attribute: string) => ({
    what: `The slices by '${attribute}' have no '${metric}'.`,
    why: 'The gap is measured on one metric, the same in every group.',
    fix: `Name a metric the evaluation computed: checkpoint('fairness', { metric: 'accuracy' }).`,
  }),
  tooFewGroups: (attribute: string, minGroupSize: number) => ({
    what: `Fewer than two groups of '${attribute}' have at least ${n(minGroupSize)} test rows, so no gap can be measured.`,
    why: 'A metric on a handful of rows is mostly noise; a gap measured on it means nothing either way.',
    fix: `Use a larger test set, or, if smaller groups are acceptable for your use, say so: checkpoint('fairness', { minGroupSize: 10 }).`,
  }),
  smallGroup: (attribute: string, group: string, size: number, minGroupSize: number) =>
    `warning: '${attribute}' group ${group} has ${n(size)} test rows (< ${n(minGroupSize)}): too few to judge, not compared`,
  gap: (attribute: string, metric: string, gap: number, low: string, high: string, maxGap: number) => `'${attribute}': largest ${metric} gap ${n(gap)} (${low} vs ${high}), limit ${n(maxGap)}`,
  gapExplained: (attribute: string, run: string) => `'${attribute}': the gap is over the limit and the card (${run}) explains it`,
  gapTooLarge: (attribute: string, metric: string, gap: number, low: string, lowValue: number, high: string, highValue: number, maxGap: number) => ({
    what: `The ${metric} gap across '${attribute}' is ${n(gap)} (${low}: ${n(lowValue)}, ${high}: ${n(highValue)}), over the limit of ${n(maxGap)}.`,
    why: `People with ${attribute} = ${low} get a noticeably worse model than those with ${attribute} = ${high}; that harm is easy to miss in an overall score.`,
    fix: `Reduce the gap (more or better data for that group, a per-group threshold), or explain it in the card, naming the column '${attribute}' exactly as written (the checkpoint looks for that name in limitations, ethics or recommendations): modelCard({ …, limitations: '${metric} is lower for ${attribute} = ${low} because …' }).`,
  }),

  // card-complete
  cardTitle: 'Model card complete',
  cardWhy: 'The model card is what the people who use, review or audit the model read; without its intended use, limitations and ethics they will use it where it fails.',
  noCard: {
    what: "No model card is recorded in this notebook's current kernel session.",
    why: 'The card documents what the model is for and where it must not be used.',
    fix: "Write one after the evaluation: modelCard({ run: ev, intendedUse: '…', limitations: '…', ethics: '…' }).",
  },
  proseMissing: (field: string, run: string) => ({
    what: `The model card (${run}) has no ${field}.`,
    why: 'Required prose is what a reader needs before trusting the numbers.',
    fix: `Write it: modelCard({ run: ev, …, ${field}: '…' }).`,
  }),
  proseWritten: (run: string, fields: readonly string[]) => `card ${run}: ${fields.join(', ')} written`,
} as const;
