import { strict as assert } from 'node:assert';
import { cellText } from '../../../../src/core/dataViewer/cellText';
import { createRng } from '../../../../src/core/linalg/random';

describe('cellText: how a data viewer cell reads', () => {
  it('shows a number that is not whole as String(Number(v.toPrecision(7))) does, across magnitudes and signs', () => {
    const rng = createRng(11);
    const rand = () => rng.nextFloat();
    const values = [0.1, 0.123456789, -0.5, 123.4, 1234567.8, 12345678.9, 1e-7 / 3, 2.5e-9, 1.5e21 + 0.5, 0.1 + 0.2, 99.99999999, -0.00001234567891, 9.9999995, 0.30000000000000004];
    for (let i = 0; i < 200_000; i++) values.push((rand() - 0.5) * 10 ** Math.floor(rand() * 30 - 12));
    let compared = 0;
    for (const v of values) {
      if (Number.isInteger(v)) continue;
      compared++;
      assert.equal(cellText(v), String(Number(v.toPrecision(7))), String(v));
    }
    assert.ok(compared > 190_000);
  });

  it('keeps whole numbers whole, and shows text, booleans and missing values as they are', () => {
    assert.equal(cellText(1815), '1815');
    assert.equal(cellText(123456789012), '123456789012');
    assert.equal(cellText(-3), '-3');
    assert.equal(cellText(0.123456789), '0.1234568');
    assert.equal(cellText(123.4), '123.4');
    assert.equal(cellText(12345678.9), '12345680');
    assert.equal(cellText(true), 'true');
    assert.equal(cellText('Oslo'), 'Oslo');
    assert.equal(cellText(null), '');
    assert.equal(cellText(undefined), '');
  });
});
