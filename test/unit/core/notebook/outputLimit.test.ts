import { strict as assert } from 'node:assert';
import { OutputLimiter, limitBundle } from '../../../../src/core/notebook/outputLimit';
import { formatBytes } from '../../../../src/core/text/number';

describe('core/notebook OutputLimiter', () => {
  it('passes output under the limit through untouched, with no note', () => {
    const l = new OutputLimiter(100);
    assert.equal(l.write('stdout', 'hello\n'), 'hello\n');
    assert.deepEqual(l.endWithNote(), []);
  });

  it('keeps the head as it comes and the tail at the end, and counts what fell between', () => {
    const l = new OutputLimiter(10);
    const passed = ['abc', 'def', 'ghi', 'jkl', 'mno'].map((t) => l.write('stdout', t)).join('');
    assert.equal(passed, 'abcde');
    assert.deepEqual(l.end(), {
      dropped: 5,
      tail: [
        { name: 'stdout', text: 'kl' },
        { name: 'stdout', text: 'mno' },
      ],
    });
  });

  it('puts the note on its own line, on the stream the tail starts with', () => {
    const l = new OutputLimiter(4);
    l.write('stdout', 'ab');
    l.write('stdout', 'xxxxxxxx');
    l.write('stderr', 'yz');
    assert.deepEqual(l.endWithNote(), [
      { name: 'stderr', text: '\n… 8 B of output dropped (limit 4 B: setting modelbook.output.maxBytes, CLI --max-output) …\n' },
      { name: 'stderr', text: 'yz' },
    ]);
  });

  it('adds what an upstream limiter dropped to the count', () => {
    const l = new OutputLimiter(4);
    l.write('stdout', 'ab\n');
    l.skip(1000);
    l.write('stdout', 'z\n');
    assert.match(l.endWithNote()[0].text, /^\n… 1 kB of output dropped/);
  });

  it('replaces a bundle larger than the limit by a note, and formats sizes in decimal units', () => {
    assert.deepEqual(limitBundle({ 'text/plain': 'ok' }, 10), { 'text/plain': 'ok' });
    assert.match(String(limitBundle({ 'application/json': { a: 'x'.repeat(50) } }, 10)['text/plain']), /a display of 58 B was dropped \(limit 10 B/);
    assert.deepEqual([formatBytes(12), formatBytes(1500), formatBytes(183_240_000), formatBytes(5_000_000)], ['12 B', '1.5 kB', '183.2 MB', '5 MB']);
  });
});
