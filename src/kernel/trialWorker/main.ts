/**
 * A trial worker: a process the host starts next to a kernel, sandboxed like it, that fits and
 * scores one search trial at a time (src/core/validation/tuning/runTrial.ts) on a dataset it
 * receives once. Trials name registered estimators, so the built-in models are loaded here.
 */
import type { Envelope, HostToTrialWorker, KernelStartOptions, TrialWorkerToHost } from '../../protocol/kernel';
import { KERNEL_ENV } from '../../protocol/kernel';
import { loadTrialDataset, type TrialData } from '../../core/validation/tuning/trialDataset';
import { runTrial } from '../../core/validation/tuning/runTrial';
import { setTfProvider, type Tf } from '../../core/tf/provider';
import { ModuleLoader } from '../runtime/modules';
import '../../core/models/index';
import '../../core/features/index';

function send<K extends keyof TrialWorkerToHost>(type: K, payload: TrialWorkerToHost[K]): void {
  process.send?.({ type, payload });
}

const options = JSON.parse(process.env[KERNEL_ENV.options] ?? '{}') as KernelStartOptions;
const loader = new ModuleLoader(options.notebookDir ?? process.cwd(), options.distDir ?? __dirname);
// TF.js, for models that need it, comes as in the kernel: the workspace's copy, else the bundled one.
setTfProvider(async () => (await loader.load('@tensorflow/tfjs')) as Tf);

let data: TrialData | undefined;
let queue = Promise.resolve();

process.on('message', (m) => {
  const msg = m as Envelope<HostToTrialWorker>;
  if (msg.type === 'dataset') {
    data = loadTrialDataset(msg.payload);
    send('ready', undefined);
  } else if (msg.type === 'trial') {
    const trial = msg.payload;
    queue = queue.then(async () => send('result', await runTrial(trial, data!)));
  }
});
process.on('disconnect', () => process.exit(0));
