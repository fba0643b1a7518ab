// The model package's pure parts: schemas, validation, scoring, the manifest.
export * from './contract';
export { inferInputSchema } from './inferInputSchema';
export { validateRecords } from './validateRecords';
export { scoreRecords, recordsToTable, type ScoringModel } from './scoreRecords';
export { buildManifest, checkManifest, contentHashText, type ManifestParts } from './buildManifest';
export { inferOutputSchema } from './outputSchema';
export { packageMessage } from './messages';
export { collectPackageParts, type PackageParts, type ExportSource } from './collectParts';
