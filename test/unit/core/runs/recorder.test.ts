import { strict as assert } from 'node:assert';
import { createRunRecorder } from '../../../../src/core/runs/recorder';
import { stringifyRunRecord } from '../../../../src/core/runs/stringify';
import { validateRunRecord } from '../../../../src/core/runs/validate';
import { fakeTime, memorySink } from './helpers';

function setup(extra: Partial<Parameters<typeof createRunRecorder>[0]> = {}) {
  const time = fakeTime();
  const sink = memorySink();
  const errors: string[] = [];
  const recorder = createRunRecorder({
    sink,
    clock: time.clock,
    timers: time.timers,
    host: { hostname: 'h', pid: 7 },
    context: { notebook: 'nb/churn.mlnb', cellId: 'c1', codeHash: 'abc', git: { commit: 'a'.repeat(40), branch: 'main', dirty: true }, libraries: { modelbook: '0.1.0' }, backend: 'wasm' },
    onError: (e, id) => errors.push(`${id}: ${e.message}`),
    ...extra,
  });
  return { time, sink, recorder, errors };
}

describe('core/runs createRunRecorder', () => {
  it('writes a valid running record at start, with the context, host, params and tags', () => {
    const { sink, recorder } = setup();
    const run = recorder.start({ name: 'mlp', kind: 'fit', params: { lr: 0.01, layers: new Int32Array([64, 32]), fn: () => 1 }, seed: 3, tags: ['baseline'] });
    assert.equal(sink.writes.length, 1);
    const r = sink.writes[0];
    assert.deepEqual(validateRunRecord(r), []);
    assert.equal(r.status, 'running');
    assert.equal(r.id, run.id);
    assert.deepEqual(r.params, { lr: 0.01, layers: [64, 32] });
    assert.equal(r.notebook, 'nb/churn.mlnb');
    assert.deepEqual(r.host, { hostname: 'h', pid: 7 });
    assert.deepEqual(r.git, { commit: 'a'.repeat(40), branch: 'main', dirty: true });
    assert.deepEqual(r.environment, { libraries: { modelbook: '0.1.0' }, backend: 'wasm' });
    assert.deepEqual(r.tags, ['baseline']);
    assert.equal(r.seed, 3);
  });

  it('throttles epoch updates to at most one write per 500 ms and writes the last one when the window ends', () => {
    const { sink, recorder, time } = setup();
    const run = recorder.start({ name: 'mlp', kind: 'fit' });
    for (let e = 1; e <= 100; e++) {
      time.advance(20);
      run.logEpoch(e, { loss: 1 / e });
    }
    // 2 s of updates: the start write plus at most one per 500 ms.
    assert.ok(sink.writes.length <= 1 + 4 + 1, `${sink.writes.length} writes`);
    time.advance(500);
    const last = sink.latest(run.id)!;
    assert.equal(last.history.epoch.length, 100, 'the last update is written once the window ends');
    for (let i = 1; i < sink.writes.length; i++) {
      const gap = Date.parse(sink.writes[i].heartbeatAt) - Date.parse(sink.writes[i - 1].heartbeatAt);
      assert.ok(gap >= 500, `writes ${i - 1} and ${i} are ${gap} ms apart`);
    }
  });

  it('rewrites a quiet running run every heartbeat, and stops when it ends', () => {
    const { sink, recorder, time } = setup({ heartbeatMs: 10_000 });
    const run = recorder.start({ name: 'slow', kind: 'fit' });
    time.advance(35_000);
    assert.equal(sink.writes.length, 4);
    assert.equal(sink.writes[3].heartbeatAt, new Date(time.clock() - 5_000).toISOString());
    run.finish();
    assert.equal(time.pending(), 0, 'no timers left after the run ended');
    time.advance(60_000);
    assert.equal(sink.writes.length, 5);
  });

  it('finishes with metrics and confidence intervals, written at once; a finished run refuses more', () => {
    const { sink, recorder, time } = setup();
    const run = recorder.start({ name: 'lr', kind: 'evaluation' });
    time.advance(1234);
    run.logEpoch(1, { loss: 0.5 });
    run.finish({ auc: { value: 0.91, low: 0.88, high: 0.93, method: 'bootstrap' }, loss: 0.3, ece: NaN });
    const r = sink.latest(run.id)!;
    assert.equal(r.status, 'finished');
    assert.equal(r.endedAt, new Date(time.clock()).toISOString());
    assert.deepEqual(r.metrics, { auc: 0.91, loss: 0.3, ece: null });
    assert.deepEqual(r.intervals, { auc: { low: 0.88, high: 0.93, level: 0.95, method: 'bootstrap' } });
    assert.equal(r.history.epoch.length, 1, 'a pending epoch goes out with the final write');
    assert.throws(() => run.logEpoch(2, { loss: 0.1 }), /Run .* is finished; start a new run/);
    assert.throws(() => run.finish(), /is finished/);
    assert.equal(recorder.openRuns().length, 0);
  });

  it('ends as failed, interrupted or finished from end(error)', () => {
    const { sink, recorder } = setup();
    const cases: [unknown, string, string | undefined][] = [
      [undefined, 'finished', undefined],
      [Object.assign(new Error('stopped'), { name: 'AbortError' }), 'interrupted', 'Interrupted: stopped'],
      [Object.assign(new Error('Interrupted'), { name: 'InterruptedError' }), 'interrupted', 'Interrupted: Interrupted'],
      [new TypeError('x is not a function'), 'failed', 'TypeError: x is not a function'],
      ['plain text', 'failed', 'Error: plain text'],
    ];
    for (const [error, status, message] of cases) {
      const run = recorder.start({ name: 'r', kind: 'fit' });
      run.end(error);
      const r = sink.latest(run.id)!;
      assert.equal(r.status, status);
      assert.equal(r.error ? `${r.error.name}: ${r.error.message}` : undefined, message);
      assert.deepEqual(validateRunRecord(r), []);
    }
  });

  it('records nested runs with their parent, and the rest of a run: data, model, gates, notes, artifacts', () => {
    const { sink, recorder } = setup();
    const cv = recorder.start({ name: '5-fold', kind: 'cv' });
    const fold = cv.child({ name: 'fold 1', kind: 'fit' });
    assert.deepEqual(
      recorder.openRuns().map((r) => r.id),
      [cv.id, fold.id],
    );
    fold.attachData('train', { hash: '0123456789abcdef', rows: 10, columns: [{ name: 'a', type: 'number' }] }, 'train.csv');
    fold.setModel({ type: 'MLPClassifier', parameterCount: 33, backend: 'cpu', layers: [{ name: 'd', kind: 'Dense', outputShape: [null, 1], parameters: 33 }] });
    fold.addGates([{ name: 'auc ≥ 0.8', passed: false, metric: 'auc', op: '>=', threshold: 0.8, value: 0.7 }]);
    fold.note('first');
    fold.note('second');
    fold.tag('a', 'b', 'a');
    const art = fold.saveArtifact('model/weights.bin', new Uint8Array(8));
    fold.finish();
    const r = sink.latest(fold.id)!;
    assert.equal(r.parentId, cv.id);
    assert.equal(r.data[0].name, 'train.csv');
    assert.equal(r.model?.parameterCount, 33);
    assert.equal(r.environment.backend, 'wasm', 'the context backend wins over the model summary');
    assert.equal(r.gates[0].passed, false);
    assert.equal(r.notes, 'first\n\nsecond');
    assert.deepEqual(r.tags, ['a', 'b']);
    assert.deepEqual(r.artifacts, [art]);
    assert.deepEqual(validateRunRecord(r), []);
  });

  it('logs epochs through onProgress, as FitOptions passes them', () => {
    const { sink, recorder } = setup({ writeIntervalMs: 0 });
    const run = recorder.start({ name: 'mlp', kind: 'fit' });
    for (let epoch = 1; epoch <= 3; epoch++) run.onProgress({ epoch, epochs: 3, metrics: { loss: 1 / epoch, valLoss: NaN }, elapsedMs: epoch * 10.4 });
    assert.deepEqual(sink.latest(run.id)!.history, { epoch: [1, 2, 3], elapsedMs: [10, 21, 31], metrics: { loss: [1, 0.5, 0.333333], valLoss: [null, null, null] } });
  });

  it('keeps a 100,000-epoch record small: downsampled history, with the total and the best epoch', () => {
    const { sink, recorder } = setup({ writeIntervalMs: 1e9 });
    const run = recorder.start({ name: 'long', kind: 'fit' });
    for (let e = 1; e <= 100_000; e++) run.logEpoch(e, { loss: 1 / e + (e === 77_777 ? -1 : 0), valLoss: 2 / e, accuracy: 1 - 1 / e, auc: 1 - 0.5 / e }, e);
    run.finish();
    const r = sink.latest(run.id)!;
    const bytes = stringifyRunRecord(r).length;
    assert.ok(bytes < 20_000, `record is ${bytes} bytes`);
    assert.equal(r.history.epoch.length, 300);
    assert.equal(r.history.total, 100_000);
    assert.ok(r.history.epoch.includes(77_777), 'the epoch of the lowest loss is kept');
    assert.equal(r.history.epoch[299], 100_000);
    assert.deepEqual(validateRunRecord(r), []);
  });

  it('validates its arguments with messages that say what to pass', () => {
    const { recorder } = setup();
    assert.throws(() => recorder.start({ name: '', kind: 'fit' }), /A run needs a non-empty name/);
    assert.throws(() => recorder.start({ name: 'x', kind: 'train' as never }), /Run kind must be one of fit, cv, search, trial, evaluation, problem, card, checkpoint, got "train"/);
    const run = recorder.start({ name: 'x', kind: 'fit' });
    assert.throws(() => run.logEpoch(-1, {}), /finite epoch number ≥ 0/);
    assert.throws(() => run.logEpoch(1, { loss: '0.5' as never }), /Metric "loss" must be a number/);
    assert.throws(() => run.logMetrics({ auc: { low: 1 } as never }), /Metric "auc" must be a number/);
    assert.throws(() => run.attachData('holdout' as never, { hash: 'x', rows: 1, columns: [] }), /Data role must be one of train, validation, test, other/);
    assert.throws(() => run.attachData('train', {} as never), /dataFingerprint\(table\)/);
    assert.throws(() => run.saveArtifact('../escape.bin', 'x'), /without "\.\."/);
    assert.throws(() => run.saveArtifact('/abs.bin', 'x'), /relative file name/);
  });

  it('never throws a failed write into training: it reports it and keeps recording', () => {
    const { sink, recorder, errors } = setup({ writeIntervalMs: 0 });
    const run = recorder.start({ name: 'x', kind: 'fit' });
    sink.fail = new Error('EACCES: permission denied');
    assert.doesNotThrow(() => run.logEpoch(1, { loss: 1 }));
    sink.fail = undefined;
    run.finish();
    assert.deepEqual(errors, [`${run.id}: EACCES: permission denied`]);
    assert.equal(sink.latest(run.id)!.history.epoch.length, 1);
  });

  it('gives later runs the new context after setContext', () => {
    const { sink, recorder } = setup();
    recorder.setContext({ notebook: 'other.mlnb', cellId: 'c9' });
    const run = recorder.start({ name: 'x', kind: 'fit', context: { cellId: 'c10' } });
    assert.equal(sink.latest(run.id)!.notebook, 'other.mlnb');
    assert.equal(sink.latest(run.id)!.cellId, 'c10');
  });
});
