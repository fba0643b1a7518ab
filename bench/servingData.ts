// Shared by predict.bench.ts and serve.bench.ts: generated churn-like rows (4 numbers, 2
// categories), the same pipeline fitted by Modelbook (exported as a package) and by scikit-learn
// on the same 20,000 training rows, and the Python side's pipeline.
import fs from 'node:fs';
import path from 'node:path';
import * as aq from 'arquero';
import { spawnSync } from 'node:child_process';
import { createRng } from '../src/core/linalg/random';
import { OneHotEncoder } from '../src/core/features/oneHotEncoder';
import { Pipeline } from '../src/core/features/pipeline';
import { SimpleImputer } from '../src/core/features/simpleImputer';
import { StandardScaler } from '../src/core/features/standardScaler';
import { LogisticRegression } from '../src/core/models/linear/logisticRegression';
import { collectPackageParts } from '../src/core/package/collectParts';
import { writePackage } from '../src/store/package/writePackage';

export const PYTHON = '/usr/bin/python3';
export const NUMERIC = ['tenure', 'charges', 'calls', 'age'];
export const CATEGORICAL = ['plan', 'region'];
const PLANS = ['basic', 'plus', 'pro'];
const REGIONS = ['north', 'south', 'east', 'west', 'centre'];

/** Row i of the generated data (deterministic); `label` is 'yes'/'no'. */
export function makeRows(n: number, seed: number): Record<string, number | string>[] {
  const rng = createRng(seed);
  const rows: Record<string, number | string>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const tenure = Math.round(rng.nextFloat() * 72);
    const charges = Math.round((20 + rng.nextFloat() * 100) * 100) / 100;
    const calls = Math.round(rng.nextFloat() * 10);
    const age = Math.round(18 + rng.nextFloat() * 60);
    const plan = PLANS[Math.floor(rng.nextFloat() * PLANS.length)];
    const region = REGIONS[Math.floor(rng.nextFloat() * REGIONS.length)];
    const z = -0.04 * tenure + 0.02 * charges + 0.3 * calls - 0.01 * age + (plan === 'basic' ? 0.5 : 0) - 1;
    rows[i] = { tenure, charges, calls, age, plan, region, label: rng.nextFloat() < 1 / (1 + Math.exp(-z)) ? 'yes' : 'no' };
  }
  return rows;
}

/** Writes `rows` as CSV (no quoting needed: no commas in the values). */
export function writeCsv(file: string, rows: Record<string, number | string>[], columns: string[]): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `${columns.join(',')}\n`);
  for (let i = 0; i < rows.length; i += 50_000)
    fs.writeSync(
      fd,
      rows
        .slice(i, i + 50_000)
        .map((r) => `${columns.map((c) => r[c]).join(',')}\n`)
        .join(''),
    );
  fs.closeSync(fd);
}

/** Fits impute → scale → one-hot → logistic on the training CSV's rows and exports it to `dir`. */
export async function exportChurnPackage(dir: string, train: Record<string, number | string>[]): Promise<void> {
  const table = aq.from(train);
  const pipe = await new Pipeline({
    steps: [new SimpleImputer({ columns: NUMERIC, strategy: 'median' }), new StandardScaler({ columns: NUMERIC }), new OneHotEncoder({ columns: CATEGORICAL, handleUnknown: 'ignore' })],
    estimator: new LogisticRegression({ C: 1 }),
  }).fit(table, 'label');
  writePackage(dir, await collectPackageParts({ model: pipe, reference: table, name: 'churn', label: 'label', environment: { libraries: {} }, createdAt: '2026-01-01T00:00:00.000Z' }));
}

/** The scikit-learn pipeline, fitted on the same training CSV (Python source, defines `pipe`). */
export const SKLEARN_PIPELINE = `
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
NUMERIC = ${JSON.stringify(NUMERIC)}
CATEGORICAL = ${JSON.stringify(CATEGORICAL)}
def fit_pipeline(train_csv):
    train = pd.read_csv(train_csv)
    pipe = Pipeline([('pre', ColumnTransformer([('num', make_pipeline(SimpleImputer(strategy='median'), StandardScaler()), NUMERIC), ('cat', OneHotEncoder(handle_unknown='ignore'), CATEGORICAL)])), ('model', LogisticRegression(C=1.0, max_iter=1000))])
    return pipe.fit(train[NUMERIC + CATEGORICAL], train['label'])
`;

/** Why the scikit-learn reference cannot run, or undefined when it can. */
export function sklearnMissing(extra = ''): string | undefined {
  if (!fs.existsSync(PYTHON)) return `${PYTHON} not installed`;
  const r = spawnSync(PYTHON, ['-c', `import sklearn, pandas${extra}`], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `${PYTHON} lacks ${r.stderr.trim().split('\n').pop()}`;
}

export const benchDir = (name: string) => {
  const dir = path.resolve('out', 'bench-data', name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};
