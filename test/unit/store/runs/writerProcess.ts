// A run writer in its own process, for the durability tests (built with esbuild by the test):
//   loop  WS         write and rewrite runs in a tight loop until killed; prints "ready" after the first write
//   batch WS N       record N complete runs, then exit 0
//   hang  WS         start a run, print its id, then wait to be killed
//   exit  WS         start a run, print its id, then exit without ending it
import { openRunRecorder } from '../../../../src/store/runs/recorder';

const [mode, workspace, count] = process.argv.slice(2);
const recorder = openRunRecorder(workspace, { writeIntervalMs: 0, heartbeatMs: 60_000 });
let seed = process.pid;
const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;

function recordOne(epochs: number, i: number): void {
  const run = recorder.start({ name: `run ${process.pid}-${i}`, kind: i % 5 === 0 ? 'cv' : 'fit', params: { lr: random(), layers: [64, 32], i } });
  for (let e = 1; e <= epochs; e++) run.logEpoch(e, { loss: 1 / e + random() * 0.01, valLoss: 1.2 / e, accuracy: 1 - 1 / (e + 1) });
  run.attachData('train', { hash: '0123456789abcdef', rows: 1000, columns: [{ name: 'x', type: 'number' }] });
  if (i % 3 === 0) run.saveArtifact('weights.bin', new Uint8Array(4096));
  run.finish({ auc: 0.5 + random() / 2 });
}

switch (mode) {
  case 'loop': {
    recordOne(1, 0);
    process.stdout.write('ready\n');
    for (let i = 1; ; i++) recordOne(1 + Math.floor(random() * 400), i);
  }
  case 'batch':
    for (let i = 0; i < Number(count); i++) recordOne(5, i);
    process.exit(0);
    break;
  case 'hang': {
    const run = recorder.start({ name: 'hang', kind: 'fit' });
    run.logEpoch(1, { loss: 1 });
    process.stdout.write(`${run.id}\n`);
    setInterval(() => {}, 1000);
    break;
  }
  case 'exit': {
    const run = recorder.start({ name: 'exit', kind: 'fit' });
    process.stdout.write(`${run.id}\n`);
    process.exit(0);
  }
}
