import { strict as assert } from 'node:assert';
import { formatBytes, formatDuration, formatNumber, formatShare } from '../../../../src/core/text/number';

describe('formatNumber', () => {
  const cases: [number | null | undefined, string][] = [
    [1234567, '1,234,567'],
    [-1234567, '-1,234,567'],
    [42, '42'],
    [0, '0'],
    [0.912345, '0.9123'],
    [1234.56, '1,235'],
    [12345.6, '12,346'],
    [0.000123456, '1.235e-4'],
    [1e-3, '0.001'],
    [2.5e16, '2.5e+16'],
    [Infinity, '∞'],
    [-Infinity, '-∞'],
    [null, '—'],
    [undefined, '—'],
    [NaN, '—'],
  ];
  for (const [v, text] of cases) {
    it(`prints ${String(v)} as ${text}`, () => assert.equal(formatNumber(v), text));
  }

  it('prints fixed decimals when asked (aligned score tables), still scientific for tiny values', () => {
    assert.deepEqual(
      [0.9, 0.91234, 12345.5, 0, 0.00001].map((v) => formatNumber(v, { fixed: 4 })),
      ['0.9000', '0.9123', '12,345.5000', '0.0000', '1e-5'],
    );
  });

  it('leaves out thousands separators when asked (data values, machine-read text)', () => {
    assert.equal(formatNumber(1234567, { grouping: false }), '1234567');
    assert.equal(formatNumber(2024.5, { digits: 6, grouping: false }), '2024.5');
  });

  it('keeps more significant digits when asked', () => {
    assert.equal(formatNumber(0.123456789, { digits: 6 }), '0.123457');
  });
});

describe('formatShare', () => {
  it('prints a share as a percentage, with two decimals below 1%', () => {
    assert.deepEqual(
      [0.1234, 0.0042, 0, 1].map((v) => formatShare(v)),
      ['12.3%', '0.42%', '0.0%', '100.0%'],
    );
    assert.equal(formatShare(null), '—');
  });
});

describe('formatDuration', () => {
  it('prints durations as people say them, missing as —', () => {
    assert.deepEqual(
      [850, 12_340, 245_000, 7_800_000, null].map((v) => formatDuration(v)),
      ['850 ms', '12.3 s', '4 min 05 s', '2 h 10 min', '—'],
    );
  });
});

describe('formatBytes', () => {
  it('prints sizes in decimal units with at most one decimal', () => {
    assert.deepEqual([formatBytes(12), formatBytes(1500), formatBytes(183_240_000), formatBytes(5_000_000), formatBytes(2_500_000_000)], ['12 B', '1.5 kB', '183.2 MB', '5 MB', '2.5 GB']);
  });

  it('counts in powers of 1024 for limits stated in binary megabytes, keeping the unit names', () => {
    assert.deepEqual(
      [formatBytes(256 * 2 ** 20, { binary: true }), formatBytes(700 * 2 ** 20, { binary: true }), formatBytes(1.5 * 2 ** 20, { binary: true }), formatBytes(2048, { binary: true })],
      ['256 MB', '700 MB', '1.5 MB', '2 kB'],
    );
  });
});
