/** The penguins table for the feature tests, and scikit-learn's answers on it (one Python run). */
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { createRng } from '../../../../src/core/linalg/random';
import { loadVegaDataset, runPython } from '../linalg/python';

export const NUMERIC = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
export const CATEGORICAL = ['Island', 'Sex'];

/** All 344 penguins, missing values as null (as the file has them). */
export function penguinsTable(): ColumnTable {
  return aq.from(loadVegaDataset('penguins.json'));
}

/** A seeded 70/30 split of row indices. */
export function penguinsSplit(): { train: number[]; test: number[] } {
  const idx = createRng(11).shuffle(Array.from({ length: 344 }, (_, i) => i));
  return { train: idx.slice(0, 241).sort((a, b) => a - b), test: idx.slice(241).sort((a, b) => a - b) };
}

export interface SklearnFeatures {
  standard: { mean: number[]; scale: number[]; out: (number | null)[][] };
  minmax: (number | null)[][];
  impute: Record<string, unknown[][]>;
  onehot: { names: string[]; out: number[][] };
  onehotFirst: { names: string[]; out: number[][] };
  ordinal: (number | null)[][];
  kbins: Record<string, { edges: number[][]; out: number[][] }>;
  pipeline: { names: string[]; coef: number[][]; proba: number[][] };
}

const SCRIPT = `
import pandas as pd
from sklearn.preprocessing import StandardScaler, MinMaxScaler, OneHotEncoder, OrdinalEncoder, KBinsDiscretizer
from sklearn.impute import SimpleImputer
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
df = pd.DataFrame(data['rows'])
num, cat = data['numeric'], data['categorical']
for c in num: df[c] = df[c].astype(float)
for c in cat + ['Species']: df[c] = df[c].astype(object).where(df[c].notna(), np.nan)
def nan2none(a): return [[None if (isinstance(v, float) and np.isnan(v)) else v for v in r] for r in np.asarray(a, dtype=object).tolist()]
res = {}
s = StandardScaler().fit(df[num])
res['standard'] = {'mean': s.mean_, 'scale': s.scale_, 'out': nan2none(s.transform(df[num]))}
res['minmax'] = nan2none(MinMaxScaler().fit_transform(df[num]))
res['impute'] = {
  'mean': SimpleImputer(strategy='mean').fit_transform(df[num]).tolist(),
  'median': SimpleImputer(strategy='median').fit_transform(df[num]).tolist(),
  'mostFrequent': SimpleImputer(strategy='most_frequent').fit_transform(df[cat + num]).tolist(),
  'constant': SimpleImputer(strategy='constant').fit_transform(df[cat]).tolist(),
}
o = OneHotEncoder(handle_unknown='ignore', sparse_output=False).fit(df[cat])
res['onehot'] = {'names': o.get_feature_names_out().tolist(), 'out': o.transform(df[cat])}
o = OneHotEncoder(drop='first', sparse_output=False).fit(df[cat])
res['onehotFirst'] = {'names': o.get_feature_names_out().tolist(), 'out': o.transform(df[cat])}
res['ordinal'] = nan2none(OrdinalEncoder().fit_transform(df[cat]))
complete = df[num].dropna()
res['kbins'] = {}
for strategy in ['quantile', 'uniform']:
    k = KBinsDiscretizer(n_bins=4, encode='ordinal', strategy=strategy).fit(complete)
    res['kbins'][strategy] = {'edges': [e.tolist() for e in k.bin_edges_], 'out': k.transform(complete)}
train, test = df.iloc[data['train']], df.iloc[data['test']]
pre = ColumnTransformer([('num', Pipeline([('imp', SimpleImputer(strategy='median')), ('sc', StandardScaler())]), num), ('cat', OneHotEncoder(handle_unknown='ignore'), cat)])
pipe = Pipeline([('pre', pre), ('lr', LogisticRegression(C=0.5))]).fit(train[num + cat], train['Species'])
res['pipeline'] = {'names': pipe[0].get_feature_names_out().tolist(), 'coef': pipe[-1].coef_, 'proba': pipe.predict_proba(test[num + cat])}
out(res)
`;

let cached: SklearnFeatures | undefined;

/** scikit-learn's outputs for the penguins feature tests (computed once per test run). */
export function sklearnFeatures(ctx: Mocha.Context): SklearnFeatures {
  if (cached) return cached;
  const { train, test } = penguinsSplit();
  cached = runPython<SklearnFeatures>(ctx, SCRIPT, { rows: loadVegaDataset('penguins.json'), numeric: NUMERIC, categorical: CATEGORICAL, train, test });
  return cached;
}
