import type * as TF from '@tensorflow/tfjs';
import type { ColumnTable } from 'arquero';
import type { ClassLabel, Probabilities } from '../../core/models/contract';
import { predictRows } from '../../core/models/layers/trainer';
import { PACKAGE_FILES } from '../../core/package/contract';
import type { ScoringModel } from '../../core/package/scoreRecords';
import { getTf } from '../../core/tf/provider';
import { collectFeatures } from '../../core/training/features';
import { selectFittedFeatures } from '../../core/models/featureInput';
import type { PackageContents } from './readPackage';
import { readJson, readPreprocessing } from './parts';

/** TF.js's `model.json`: the topology and where the weights are. */
interface TfModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: TF.io.WeightsManifestEntry[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
}

/**
 * A 'tfjs-layers' package as a scoring model: its fitted preprocessing (when there is one), then
 * the TF.js LayersModel read from `model/tfjs/` with `tf.loadLayersModel`, its outputs read as
 * the output schema's classes (one sigmoid unit: the second class's probability) or values.
 */
export async function loadTfjsModel(contents: PackageContents): Promise<ScoringModel> {
  const tf = await getTf();
  const json = readJson<TfModelJson>(contents, PACKAGE_FILES.tfModel);
  const weights = contents.files.get(PACKAGE_FILES.tfWeights);
  const weightData = weights ? weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) : new ArrayBuffer(0);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((g) => g.weights), weightData }));
  const pre = readPreprocessing(contents);
  const { inputs, outputs } = contents.manifest.signature;
  const names = pre ? pre.featureNames : inputs.columns.map((c) => c.name);
  const run = (x: ColumnTable) => {
    const m = collectFeatures(selectFittedFeatures(pre ? pre.transform(x) : x, names, 'loadModel'), 'loadModel');
    const shape = model.outputs[0].shape;
    return { values: predictRows(tf, model, m.data, m.rows, m.cols), rows: m.rows, units: shape[shape.length - 1] ?? 1 };
  };
  if (outputs.task === 'regression') return { kind: 'regressor', predict: (x) => Promise.resolve(Float64Array.from(run(x).values)) };
  const classes: ClassLabel[] = [...outputs.classes];
  const predictProba = (x: ColumnTable): Promise<Probabilities> => {
    const { values, rows, units } = run(x);
    const k = classes.length;
    const data = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) {
      if (units === 1) {
        data[2 * i] = 1 - values[i];
        data[2 * i + 1] = values[i];
      } else for (let j = 0; j < k; j++) data[i * k + j] = values[i * units + j];
    }
    return Promise.resolve({ classes, rows, data });
  };
  const predict = async (x: ColumnTable): Promise<ClassLabel[]> => {
    const p = await predictProba(x);
    const k = classes.length;
    return Array.from({ length: p.rows }, (_, i) => {
      let best = 0;
      for (let j = 1; j < k; j++) if (p.data[i * k + j] > p.data[i * k + best]) best = j;
      return classes[best];
    });
  };
  return { kind: 'classifier', predictProba, predict };
}
