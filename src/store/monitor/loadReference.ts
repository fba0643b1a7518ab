/**
 * Reads the monitoring reference of a model package folder (or a bare profile JSON file) with the
 * workspace's safe reads: only the training profile is required.
 */
import path from 'node:path';
import { isDataProfile } from '../../core/data/profiling/contract';
import type { MonitorReference } from '../../core/monitor/computeMonitor';
import { PACKAGE_FILES, type PackageManifest } from '../../core/package/contract';
import { monitorMessage } from '../../core/monitor/messages';
import { FileReadError, readRegularFileAsync } from '../readRegularFile';

/** The reference could not be read: the check cannot run (exit code 3). */
export class MonitorReferenceError extends Error {}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(new TextDecoder().decode((await readRegularFileAsync(file, { followSymlinks: true })).bytes)) as unknown;
  } catch (e) {
    if (e instanceof FileReadError && e.problem === 'missing') return undefined;
    throw new MonitorReferenceError(monitorMessage.unreadableReference(file, (e as Error).message));
  }
}

/**
 * The reference of `dir` (a package folder or a `*.json` profile).
 *
 * @example
 * const ref = await loadMonitorReference('models/churn');
 */
export async function loadMonitorReference(dir: string): Promise<MonitorReference> {
  if (dir.endsWith('.json')) {
    const p = await readJson(dir);
    if (!isDataProfile(p)) throw new MonitorReferenceError(monitorMessage.notProfileFile(dir));
    return { source: dir, trainingProfile: p };
  }
  const at = (f: string) => path.join(dir, f);
  const [manifest, training, score, metrics, input] = await Promise.all([
    readJson(at(PACKAGE_FILES.manifest)),
    readJson(at(PACKAGE_FILES.trainingProfile)),
    readJson(at(PACKAGE_FILES.scoreProfile)),
    readJson(at(PACKAGE_FILES.referenceMetrics)),
    readJson(at(PACKAGE_FILES.inputSchema)),
  ]);
  if (!isDataProfile(training)) throw new MonitorReferenceError(monitorMessage.noTrainingProfile(at(PACKAGE_FILES.trainingProfile)));
  const m = manifest as Partial<PackageManifest> | undefined;
  return {
    source: dir,
    trainingProfile: training,
    ...(isDataProfile(score) ? { scoreProfile: score } : {}),
    ...(metrics ? { metrics: metrics as never } : {}),
    ...(input ? { inputSchema: input as never } : m?.signature ? { inputSchema: m.signature.inputs } : {}),
    ...(m?.signature ? { outputSchema: m.signature.outputs } : {}),
    ...(m?.contentHash ? { contentHash: m.contentHash } : {}),
  };
}
