import { strict as assert } from 'node:assert';
import { MAX_SCROLL_PX, firstRowAt, scrollTopFor, trackHeight } from '../../../../src/core/dataViewer/scroll';
import { cellText } from '../../../../src/core/dataViewer/cellText';

describe('core/dataViewer/scroll (the data viewer’s scaled scroll)', () => {
  const view = 440;
  const rowH = 22;

  it('scrolls one row per row height while the rows fit under the cap', () => {
    assert.equal(trackHeight(1000, rowH), 22_000);
    assert.equal(firstRowAt(2200, view, 1000, rowH), 100);
    assert.equal(scrollTopFor(100, view, 1000, rowH), 2200);
    assert.equal(firstRowAt(22_000 - view, view, 1000, rowH), 980, 'the end shows the last 20 rows');
  });

  it('maps a million rows onto a track under every browser’s height cap: the top, the middle and the last row are reachable', () => {
    const n = 1_000_000;
    assert.equal(trackHeight(n, rowH), MAX_SCROLL_PX);
    assert.ok(MAX_SCROLL_PX < 17_800_000, 'under Firefox’s cap, the lowest');
    const maxScroll = MAX_SCROLL_PX - view;
    assert.equal(firstRowAt(0, view, n, rowH), 0);
    assert.equal(firstRowAt(maxScroll, view, n, rowH), n - view / rowH);
    assert.ok(Math.abs(firstRowAt(maxScroll / 2, view, n, rowH) - (n - 20) / 2) < 1e-6);
    for (const row of [0, 1, 12_345, 500_000, n - 20]) assert.ok(Math.abs(firstRowAt(scrollTopFor(row, view, n, rowH), view, n, rowH) - row) < 1e-6, `row ${row}`);
  });

  it('shows no rows scrolled when there are none or they fit', () => {
    assert.equal(firstRowAt(100, view, 0, rowH), 0);
    assert.equal(firstRowAt(100, view, 5, rowH), 0);
    assert.equal(scrollTopFor(3, view, 5, rowH), 0);
  });
});

describe('core/dataViewer/cellText', () => {
  it('reads numbers to 7 significant digits, whole numbers as written, missing as empty', () => {
    assert.equal(cellText(0.123456789), '0.1234568');
    assert.equal(cellText(1815), '1815');
    assert.equal(cellText(1e21), '1e+21');
    assert.equal(cellText(true), 'true');
    assert.equal(cellText('Allen, Miss'), 'Allen, Miss');
    assert.equal(cellText(null), '');
  });
});
