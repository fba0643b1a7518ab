import { strict as assert } from 'node:assert';
import { ChangeBatcher, type BatchTimers, type FileEvent } from '../../../../src/core/runs/batch';

/** A fake clock: timers fire only when the test advances time. */
function fakeTimers(): BatchTimers & { advance(ms: number): void } {
  let now = 0;
  let next = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    set(fn, ms) {
      pending.set(++next, { at: now + ms, fn });
      return next;
    },
    clear(h) {
      pending.delete(h as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

describe('runs service: batching file events', () => {
  function setup(delayMs = 100, maxWaitMs = 500) {
    const timers = fakeTimers();
    const batches: Map<string, FileEvent>[] = [];
    const batcher = new ChangeBatcher((b) => batches.push(b), { delayMs, maxWaitMs, timers });
    return { timers, batches, batcher };
  }

  it('hands over a burst of events as one batch after a quiet spell', () => {
    const { timers, batches, batcher } = setup();
    for (let i = 0; i < 50; i++) batcher.add(`/ws/.modelbook/runs/r${i}.json`, 'created');
    timers.advance(99);
    assert.equal(batches.length, 0);
    timers.advance(1);
    assert.equal(batches.length, 1);
    assert.equal(batches[0].size, 50);
  });

  it('keeps one event per file: the last, but a change after a creation stays a creation', () => {
    const { timers, batches, batcher } = setup();
    batcher.add('a.json', 'created');
    batcher.add('a.json', 'changed');
    batcher.add('b.json', 'changed');
    batcher.add('b.json', 'deleted');
    batcher.add('c.json', 'deleted');
    batcher.add('c.json', 'created');
    timers.advance(100);
    assert.deepEqual(
      [...batches[0]],
      [
        ['a.json', 'created'],
        ['b.json', 'deleted'],
        ['c.json', 'created'],
      ],
    );
  });

  it('still delivers at least every maxWait while a run keeps writing (each epoch rewrites its file)', () => {
    const { timers, batches, batcher } = setup(100, 500);
    for (let t = 0; t < 1200; t += 50) {
      batcher.add('run.json', 'changed');
      timers.advance(50);
    }
    assert.equal(batches.length, 2, 'flushed at 500 ms and 1000 ms although events never paused for 100 ms');
    timers.advance(100);
    assert.equal(batches.length, 3);
  });

  it('flushNow delivers pending events at once; dispose drops them', () => {
    const { timers, batches, batcher } = setup();
    batcher.add('a.json', 'changed');
    batcher.flushNow();
    assert.equal(batches.length, 1);
    batcher.add('b.json', 'changed');
    batcher.dispose();
    timers.advance(1000);
    assert.equal(batches.length, 1);
  });

  it('rejects a maxWait shorter than the delay, naming both', () => {
    assert.throws(() => new ChangeBatcher(() => undefined, { delayMs: 200, maxWaitMs: 100 }), /delayMs 200 and maxWaitMs 100/);
  });
});
