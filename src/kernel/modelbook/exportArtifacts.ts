/**
 * What a fit run keeps so that `modelbook export RUN_ID` can build a package later without the
 * notebook: the fitted model's JSON and its training table's input schema, profile and
 * fingerprint, as run artifacts (`.modelbook/artifacts/<run>/export/…`, git-ignored). An
 * evaluation run keeps which fit made its model. A failure here is a note on the run, never the
 * user's error.
 */
import type { ColumnTable } from 'arquero';
import type { RunHandle } from '../../core/runs/contract';
import { referenceParts } from '../../core/package/referenceParts';
import { exportLeak } from '../../core/package/exportLeak';
import type { DataFingerprint } from '../../core/data/fingerprint';
import { EXPORT_ARTIFACTS, MAX_EXPORT_ARTIFACT_BYTES } from '../../core/package/exportArtifacts';
import { packageMessage } from '../../core/package/messages';
import type { EstimatorJSON } from '../../core/models/registry';

type Fitted = { spec(): { type: string }; toJSON?: () => EstimatorJSON; inputColumns?: string[]; estimator?: { spec(): { type: string } } };

/**
 * Saves the export artifacts of a finished fit of `estimator` on `x` (a table), when it can. The
 * model is serialised once; `fingerprint` is the one the run computed at its start.
 */
export function saveFitArtifacts(run: RunHandle, estimator: unknown, x: unknown, fingerprint?: DataFingerprint): void {
  try {
    const e = estimator as Fitted;
    const inner = e.spec().type === 'Pipeline' ? e.estimator?.spec().type : e.spec().type;
    if (inner === 'LayersClassifier' || inner === 'LayersRegressor') return void run.note(packageMessage.fitNotKeptLayers);
    if (typeof e.toJSON !== 'function' || typeof (x as Partial<ColumnTable>)?.numRows !== 'function') return;
    const json = e.toJSON();
    const fitted = json.fitted as { featureNames?: string[]; inputColumns?: string[] } | undefined;
    const columns = fitted?.inputColumns ?? fitted?.featureNames;
    if (!columns) return;
    const model = JSON.stringify(json);
    if (model.length > MAX_EXPORT_ARTIFACT_BYTES) return void run.note(packageMessage.fitNotKeptSize(model.length));
    run.saveArtifact(EXPORT_ARTIFACTS.model, model);
    run.saveArtifact(EXPORT_ARTIFACTS.reference, JSON.stringify(referenceParts(x as ColumnTable, columns, fingerprint)));
  } catch (err) {
    run.note(packageMessage.fitNotKept((err as Error).message));
  }
}

/**
 * Records on an evaluation run which fit run made the evaluated model and, for a pipeline with its
 * training and test tables at hand, the leak check `exportModel` would run (`modelbook export`
 * refuses a leaking model from it: run records keep neither table).
 */
export function saveEvaluationSource(run: RunHandle, fitRun: string | undefined, model: unknown, test: unknown, train: ColumnTable | undefined): void {
  if (!fitRun) return;
  try {
    const pipe = model as { fittedOn?: unknown; inputColumns?: string[]; spec?: () => { type: string } };
    const checkable = train && pipe.spec?.().type === 'Pipeline' && pipe.fittedOn && typeof (test as Partial<ColumnTable>)?.numRows === 'function';
    const leak = checkable ? exportLeak(pipe as Parameters<typeof exportLeak>[0], test as ColumnTable, train) : undefined;
    run.saveArtifact(EXPORT_ARTIFACTS.source, JSON.stringify({ fitRun, ...(leak ? { leak } : {}) }));
  } catch (err) {
    run.note(packageMessage.fitNotKept((err as Error).message));
  }
}
