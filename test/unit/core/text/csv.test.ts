import { strict as assert } from 'node:assert';
import { csvLine } from '../../../../src/core/text/csv';

describe('core/text/csv', () => {
  it('quotes as RFC 4180 says, leaves missing values empty and defuses formulas', () => {
    assert.equal(csvLine(['Allen, Miss', 29, null, true, 'say "hi"', 'line\nbreak', NaN]), '"Allen, Miss",29,,true,"say ""hi""","line\nbreak",');
    assert.equal(csvLine(['=SUM(A1)', '-1', '@x']), "'=SUM(A1),'-1,'@x");
    assert.equal(csvLine([0.1 + 0.2]), '0.30000000000000004', 'numbers at full precision');
  });
});
