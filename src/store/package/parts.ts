import type { ColumnTable } from 'arquero';
import { Pipeline } from '../../core/features/pipeline';
import type { EstimatorJSON } from '../../core/models/registry';
import { PACKAGE_FILES } from '../../core/package/contract';
import { packageMessage } from '../../core/package/messages';
import type { PackageContents } from './readPackage';

/** A JSON part of a package. */
export function readJson<T>(contents: PackageContents, file: string): T {
  const bytes = contents.files.get(file);
  if (!bytes) throw new Error(packageMessage.missingFile(contents.dir, file));
  return JSON.parse(bytes.toString('utf8')) as T;
}

/** A JSON part of a package, when it has one. */
export function optionalJson<T>(contents: PackageContents, file: string): T | undefined {
  return contents.files.has(file) ? readJson<T>(contents, file) : undefined;
}

/** The fitted preprocessing of a TF.js package, when it has one. */
export function readPreprocessing(contents: PackageContents): { transform(x: ColumnTable): ColumnTable; featureNames: string[] } | undefined {
  return contents.files.has(PACKAGE_FILES.preprocessing) ? Pipeline.fromJSON(readJson<EstimatorJSON>(contents, PACKAGE_FILES.preprocessing)) : undefined;
}
