/**
 * `require('modelbook')` / `import { loadModel } from 'modelbook'` in plain Node, outside VS Code:
 * the runtime part of a model package. Nothing here loads VS Code, and TF.js is loaded (from the
 * caller's own `@tensorflow/tfjs`) only for a 'tfjs-layers' package. Built to dist/lib.js.
 */
import { setTfProvider } from '../core/tf/provider';

// A TF.js package needs the caller's @tensorflow/tfjs (kept out of this bundle), loaded on first use.
setTfProvider(async () => (await import('@tensorflow/tfjs')) as never);

export { loadModel } from '../store/package/loadModel';
export { readPackage, type PackageContents } from '../store/package/readPackage';
export { inferInputSchema, validateRecords, scoreRecords } from '../core/package/index';
export type { LoadedModel, PackageManifest, InputSchema, InputColumn, InputColumns, OutputSchema, Prediction, TablePredictions, RowProblem, InvalidRowPolicy } from '../core/package/contract';
