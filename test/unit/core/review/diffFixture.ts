import fs from 'node:fs';
import path from 'node:path';
import type { ModelDiff } from '../../../../src/core/review/contract';
import { FIXTURES } from '../../paths';

/** test/fixtures/review/diff.json: two pairs (churn: worse on AUC, a newly failing gate; penguins: unchanged), hand-written against the contract. */
export const loadDiffFixture = (): ModelDiff => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'review', 'diff.json'), 'utf8')) as ModelDiff;
