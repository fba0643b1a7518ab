/** A model package for the predict/serve tests: the penguins pipeline, fitted and exported with the package code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnTable } from 'arquero';
import { OneHotEncoder } from '../../../../src/core/features/oneHotEncoder';
import { Pipeline } from '../../../../src/core/features/pipeline';
import { SimpleImputer } from '../../../../src/core/features/simpleImputer';
import { StandardScaler } from '../../../../src/core/features/standardScaler';
import { LogisticRegression } from '../../../../src/core/models/linear/logisticRegression';
import { collectPackageParts } from '../../../../src/core/package/collectParts';
import { writePackage } from '../../../../src/store/package/writePackage';
import { CATEGORICAL, NUMERIC, penguinsTable } from '../../core/features/reference';

const environment = { libraries: { modelbook: 'test' }, runtime: 'node' };

/** Writes the penguins species classifier (impute → scale → one-hot → logistic) as a package; `rows` are penguins with every input. */
export async function penguinsPackage(name = 'penguins'): Promise<{ dir: string; rows: Record<string, unknown>[]; train: ColumnTable }> {
  const train = penguinsTable().select([...NUMERIC, ...CATEGORICAL, 'Species']);
  const pipe = await new Pipeline({
    steps: [
      new SimpleImputer({ name: 'imputeNumbers', columns: NUMERIC, strategy: 'median' }),
      new SimpleImputer({ name: 'imputeCategories', columns: CATEGORICAL, strategy: 'mostFrequent' }),
      new StandardScaler({ columns: NUMERIC }),
      new OneHotEncoder({ columns: CATEGORICAL, handleUnknown: 'ignore' }),
    ],
    estimator: new LogisticRegression({ C: 1 }),
  }).fit(train, 'Species');
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-pkg-')), name);
  writePackage(dir, await collectPackageParts({ model: pipe, reference: train, name, label: 'Species', environment, createdAt: '2026-01-01T00:00:00.000Z' }));
  const rows = (train.objects() as Record<string, unknown>[]).filter((r) => [...NUMERIC, ...CATEGORICAL].every((c) => r[c] !== null && r[c] !== undefined));
  return { dir, rows, train };
}
