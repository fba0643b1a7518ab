import type * as TF from '@tensorflow/tfjs';
import { getTf } from '../tf/provider';

/**
 * A TF.js LayersModel in TF.js's own layers format, as `model.save('file://…')` writes it:
 * `model.json` (topology and weights manifest pointing at `weights.bin`) and the weight bytes.
 * `tf.loadLayersModel('file://…/model.json')` (tfjs-node) or `tf.io.fromMemory` loads it back.
 *
 * @example
 * const { modelJson, weights } = await saveLayersModel(clf.model);
 */
export async function saveLayersModel(model: unknown): Promise<{ modelJson: string; weights: Uint8Array }> {
  const tf = await getTf();
  let artifacts: TF.io.ModelArtifacts | undefined;
  await (model as TF.LayersModel).save(
    tf.io.withSaveHandler((a) => {
      artifacts = a;
      return Promise.resolve({ modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } });
    }),
  );
  const a = artifacts!;
  const parts = a.weightData === undefined ? [] : Array.isArray(a.weightData) ? a.weightData : [a.weightData];
  const weights = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    weights.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  const modelJson = {
    format: a.format ?? 'layers-model',
    generatedBy: a.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: a.convertedBy ?? null,
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: a.weightSpecs ?? [] }],
  };
  return { modelJson: `${JSON.stringify(modelJson)}\n`, weights };
}
