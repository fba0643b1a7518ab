CELLS = [
("md", """# Quick start: penguin species from body measurements

An end-to-end run on real data (the Palmer penguins, bundled in `data/penguins.json`): check the
data, split it, fit a leak-free pipeline, cross-validate, evaluate on held-out penguins with
confidence intervals and gates, and look at the runs this recorded. Run it in VS Code, or headless
with `npm start` (`modelbook run examples/quickstart.mlnb --print`)."""),
("code", """import { readJSON, qualityReport } from 'modelbook';

const penguins = await readJSON('data/penguins.json');
qualityReport(penguins, { label: 'Species' })"""),
("code", """import { trainTestSplit } from 'modelbook';

// Held-out penguins the model never sees while it is built; classes kept in proportion.
const { train, test } = trainTestSplit(penguins, { testSize: 0.25, stratify: 'Species', seed: 42 });
({ train: train.numRows(), test: test.numRows() })"""),
("code", """import { Pipeline, SimpleImputer, StandardScaler, OneHotEncoder, numericColumns, categoricalColumns, LogisticRegression, crossValidate } from 'modelbook';

// Imputation and scaling are fitted inside each fold, on training rows only: no leakage.
const model = new Pipeline({
  steps: [
    new SimpleImputer({ name: 'imputeNumbers', columns: numericColumns(), strategy: 'median' }),
    new SimpleImputer({ name: 'imputeCategories', columns: categoricalColumns(), strategy: 'mostFrequent' }),
    new StandardScaler({ columns: numericColumns() }),
    new OneHotEncoder({ columns: categoricalColumns(), handleUnknown: 'ignore' }),
  ],
  estimator: new LogisticRegression({ C: 1 }),
});
const cv = await crossValidate(model, train, { label: 'Species', cv: 5, scoring: ['accuracy', 'f1Macro'] });
cv"""),
("code", """import { evaluate } from 'modelbook';

await model.fit(train, 'Species');
const evaluation = await evaluate(model, test, { label: 'Species', gates: ['accuracy >= 0.9', 'f1Macro >= 0.9'], bootstrap: { resamples: 500, seed: 1 } });
evaluation"""),
("code", """import { runs } from 'modelbook';

// Every fit, cross-validation and evaluation above was recorded under .modelbook/runs/.
runs()"""),
]
