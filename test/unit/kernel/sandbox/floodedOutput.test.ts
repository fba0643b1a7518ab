import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import { makeWorkspace, newSession, run } from '../helpers';
import { runCli } from './helpers';

/** Attacks by volume: a cell that prints hundreds of MB, a display larger than any notebook should hold. */
describe('attack: a cell floods its output', function () {
  this.timeout(120_000);

  it('300 MB printed in chunks: the run completes in bounded memory and keeps the head, the tail and a note', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let r;
    try {
      r = await runCli(["for (let i = 0; i < 300_000; i++) process.stdout.write(`line ${i} `.padEnd(1023, 'x') + '\\n');\nconsole.log('the end');", "'after'"]);
    } finally {
      clearInterval(sampler);
    }
    assert.equal(r.report.failed, 0, r.stderr);
    assert.ok(peak - before < 600 * 2 ** 20, `the CLI grew by ${Math.round((peak - before) / 2 ** 20)} MB`);
    const text = r.cells[0].outputs.map((o) => (o.text ?? []).join('')).join('');
    assert.ok(text.length < 5_100_000, `kept ${text.length} characters`);
    assert.ok(text.startsWith('line 0 xxx'), text.slice(0, 40));
    assert.ok(text.endsWith('line 299999 '.padEnd(1023, 'x') + '\nthe end\n'), text.slice(-40));
    assert.match(text, /\n… 30\d\.\d MB of output dropped \(limit 5 MB: setting modelbook\.output\.maxBytes, CLI --max-output\) …\n/);
    assert.equal(r.cells[1].execution_count, 2);
  });

  it('--max-output sets the limit', async () => {
    const r = await runCli(['for (let i = 0; i < 1000; i++) console.log(`row ${i}`);'], ['--max-output', '1kB']);
    const text = r.cells[0].outputs.map((o) => (o.text ?? []).join('')).join('');
    assert.match(text, /^row 0\n[\s\S]*… \d+(\.\d)? kB of output dropped \(limit 1 kB[\s\S]*row 999\n$/);
    assert.ok(text.length < 1200, `kept ${text.length} characters`);
  });

  it('an enormous display or result is replaced by a note', async () => {
    const ws = makeWorkspace();
    const session = newSession(ws);
    try {
      const r = await run(
        session,
        "import { display } from 'modelbook';\ndisplay({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', mark: 'point', data: { values: Array.from({ length: 500_000 }, (_, i) => ({ x: i, y: i })) } });\ndisplay('small');\n'y'.repeat(100)",
      );
      assert.equal(r.status, 'ok');
      assert.equal(r.displays.length, 2);
      assert.match(String(r.displays[0]['text/plain']), /a display of 1\d\.\d MB was dropped \(limit 5 MB: setting modelbook\.output\.maxBytes/);
      assert.equal(r.displays[1]['text/plain'], "'small'");
    } finally {
      session.dispose();
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
