/**
 * Encodes predictions as a v2 infer response (`predict`, and `proba` of shape [rows, classes]
 * when asked), and the model's v2 metadata. A row left unscored (policy 'null') is null in
 * `predict` and NaN-free nulls in `proba`; a skipped row is absent, and `parameters.rows` says
 * which input rows the outputs are.
 */
import type { LoadedModel, OutputSchema, Prediction } from '../package/contract';
import type { V2Datatype, V2InferResponse, V2ModelMetadata, V2Tensor } from './contract';
import { wantedDatatype } from './decodeInfer';

/** The datatype of the `predict` output: FP64 for regression, else from the class labels. */
export function predictDatatype(output: OutputSchema): V2Datatype {
  if (output.task === 'regression') return 'FP64';
  if (output.classes.every((c) => typeof c === 'boolean')) return 'BOOL';
  if (output.classes.every((c) => typeof c === 'number' && Number.isInteger(c))) return 'INT64';
  if (output.classes.every((c) => typeof c === 'number')) return 'FP64';
  return 'BYTES';
}

/**
 * Builds the v2 response for scored rows.
 *
 * @example
 * encodeInferResponse('churn', 'ab12cd', output, [{ prediction: 'yes' }], [0], false)
 * // { model_name: 'churn', model_version: 'ab12cd', outputs: [{ name: 'predict', shape: [1], datatype: 'BYTES', data: ['yes'] }], … }
 */
export function encodeInferResponse(
  modelName: string,
  version: string,
  output: OutputSchema,
  predictions: readonly (Prediction | null)[],
  rows: readonly number[],
  proba: boolean,
  id?: string,
): V2InferResponse {
  const outputs: V2Tensor[] = [{ name: 'predict', shape: [predictions.length], datatype: predictDatatype(output), data: predictions.map((p) => (p === null ? null : p.prediction)) }];
  if (proba && output.task !== 'regression') {
    const classes = output.classes.map(String);
    const data: (number | null)[] = [];
    for (const p of predictions) for (const c of classes) data.push(p?.probabilities?.[c] ?? null);
    outputs.push({ name: 'proba', shape: [predictions.length, classes.length], datatype: 'FP64', parameters: { classes }, data });
  }
  return { model_name: modelName, model_version: version, ...(id !== undefined ? { id } : {}), parameters: { rows: [...rows] }, outputs };
}

/**
 * GET /v2/models/{name}: the input columns as tensors of shape [-1] and the outputs.
 *
 * @example
 * modelMetadata(model).inputs // [{ name: 'age', datatype: 'FP64', shape: [-1] }, …]
 */
export function modelMetadata(model: Pick<LoadedModel, 'manifest'>): V2ModelMetadata {
  const { manifest } = model;
  const output = manifest.signature.outputs;
  const outputs: V2ModelMetadata['outputs'] = [{ name: 'predict', datatype: predictDatatype(output), shape: [-1] }];
  if (output.task !== 'regression') outputs.push({ name: 'proba', datatype: 'FP64', shape: [-1, output.classes.length] });
  return {
    name: manifest.name,
    versions: [manifest.contentHash.slice(0, 12)],
    platform: `modelbook-${manifest.flavour}`,
    inputs: manifest.signature.inputs.columns.map((c) => ({ name: c.name, datatype: wantedDatatype(c), shape: [-1] })),
    outputs,
    parameters: { modelType: manifest.modelType, task: output.task, contentHash: manifest.contentHash, ...(output.task !== 'regression' ? { classes: output.classes } : {}) },
  };
}
