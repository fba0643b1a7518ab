import { strict as assert } from 'node:assert';
import type { PackageManifest } from '../../../../src/core/package/contract';
import { checkCardMonitor, checkCardPackage } from '../../../../src/store/card/loadCardContext';
import { CardNotFoundError } from '../../../../src/store/card/loadCardInputs';

describe('store/card loadCardContext', () => {
  const manifest = (evaluation?: string) => ({ name: 'churn', contentHash: 'ab'.repeat(32), runs: evaluation ? { evaluation } : {} }) as unknown as PackageManifest;

  it('takes a package exported from the card’s evaluation (or naming none) and refuses one from another, naming both runs', () => {
    assert.equal(checkCardPackage(manifest('01JD0000000000000000000EV1'), 'models/churn', '01JD0000000000000000000EV1').name, 'churn');
    assert.equal(checkCardPackage(manifest(), 'models/churn', '01JD0000000000000000000EV1').name, 'churn');
    assert.throws(
      () => checkCardPackage(manifest('01JD0000000000000000000EV2'), 'models/churn', '01JD0000000000000000000EV1'),
      (e: unknown) => e instanceof CardNotFoundError && /models\/churn was exported from evaluation run 01JD0000000000000000000EV2, not 01JD0000000000000000000EV1/.test((e as Error).message),
    );
  });

  it('refuses a value that is not a monitoring report, with the schema’s reason and how to write one', () => {
    assert.throws(() => checkCardMonitor({ kind: 'x' }, 'june.json'), /june\.json is not a monitoring report \(.+\); write one with modelbook monitor/);
  });
});
