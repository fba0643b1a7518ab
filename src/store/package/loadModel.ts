import type { DataProfileData } from '../../core/data/profiling/contract';
import '../../core/models/mlp/register';
import { estimatorFromJSON, type EstimatorJSON } from '../../core/models/registry';
import { PACKAGE_FILES, type InvalidRowPolicy, type LoadedModel, type OutputSchema, type Prediction } from '../../core/package/contract';
import { packageMessage } from '../../core/package/messages';
import { predictTable } from '../../core/package/predictTable';
import { scoreRecords, type ScoringModel } from '../../core/package/scoreRecords';
import { validateRecords } from '../../core/package/validateRecords';
import { readPackage } from './readPackage';
import { optionalJson, readJson } from './parts';
import { loadTfjsModel } from './tfjsModel';

/**
 * Loads a model package ready to score: checks every file (see `readPackage`), rebuilds the
 * fitted estimator or pipeline from its JSON (TF.js is loaded only for a 'tfjs-layers' package),
 * and returns a `LoadedModel` whose `predict` (records) and `predictTable` (columns) validate
 * against the input schema first.
 *
 * @example
 * const model = await loadModel('models/churn');
 * const { predictions } = await model.predict([{ tenure: 12, plan: 'pro' }], { proba: true });
 */
export async function loadModel(dir: string): Promise<LoadedModel> {
  const contents = readPackage(dir);
  const { manifest } = contents;
  const scorer = manifest.flavour === 'tfjs-layers' ? await loadTfjsModel(contents) : (estimatorFromJSON(readJson<EstimatorJSON>(contents, PACKAGE_FILES.model)) as unknown as ScoringModel);
  const trainingProfile = optionalJson<DataProfileData>(contents, PACKAGE_FILES.trainingProfile);
  const scoreProfile = optionalJson<DataProfileData>(contents, PACKAGE_FILES.scoreProfile);
  const { inputs, outputs } = manifest.signature;
  return {
    dir: contents.dir,
    manifest,
    ...(trainingProfile ? { trainingProfile } : {}),
    ...(scoreProfile ? { scoreProfile } : {}),
    validate: (records) => validateRecords(inputs, records),
    predict: (records, options = {}) => predictChecked(scorer, inputs, outputs, records, options),
    predictTable: (input, options = {}) => predictTable(scorer, inputs, outputs, input, options),
  };
}

async function predictChecked(
  scorer: ScoringModel,
  inputs: LoadedModel['manifest']['signature']['inputs'],
  outputs: OutputSchema,
  records: readonly Record<string, unknown>[],
  options: { proba?: boolean; onInvalid?: InvalidRowPolicy },
): Promise<{ predictions: (Prediction | null)[]; problems: ReturnType<typeof validateRecords> }> {
  const problems = validateRecords(inputs, records);
  const policy = options.onInvalid ?? 'fail';
  if (problems.length > 0 && policy === 'fail') throw new RangeError(packageMessage.invalidRows(new Set(problems.map((p) => p.row)).size, problems[0].message));
  const bad = new Set(problems.map((p) => p.row));
  const keep = bad.size === 0 ? records : records.filter((_, i) => !bad.has(i));
  const scored = await scoreRecords(scorer, inputs, outputs, keep, { proba: options.proba === true });
  if (bad.size === 0) return { predictions: scored, problems };
  // Predictions stay aligned with the records: an invalid row (skip or null) is null here.
  const predictions: (Prediction | null)[] = new Array(records.length).fill(null);
  let k = 0;
  for (let i = 0; i < records.length; i++) if (!bad.has(i)) predictions[i] = scored[k++];
  return { predictions, problems };
}
