import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportBytes, writeExport } from '../../../src/store/exportFile';

describe('store/exportFile', () => {
  // A 1×1 PNG, as a canvas's toDataURL gives it.
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it('decodes a PNG data: URL to the PNG file bytes', () => {
    const bytes = exportBytes({ format: 'png', content: PNG });
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('refuses a PNG export that is not a base64 data: URL, saying what it got', () => {
    assert.throws(() => exportBytes({ format: 'png', content: '<svg></svg>' }), /must be a base64 data:image\/png URL, got "<svg><\/svg>…"/);
  });

  it('writes SVG and Markdown as UTF-8 text, replacing the file whole', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-export-'));
    try {
      const file = path.join(dir, 'charts', 'roc.svg');
      writeExport(file, { format: 'svg', content: '<svg>α</svg>' });
      writeExport(file, { format: 'svg', content: '<svg>β</svg>' });
      assert.equal(fs.readFileSync(file, 'utf8'), '<svg>β</svg>');
      assert.deepEqual(fs.readdirSync(path.dirname(file)), ['roc.svg'], 'no temp file left behind');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
