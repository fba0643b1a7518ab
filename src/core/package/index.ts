// The model package's public API in cells (src/core/modelbook): schemas, validation and scoring.
export * from './contract';
export { inferInputSchema } from './inferInputSchema';
export { validateRecords } from './validateRecords';
export { scoreRecords, recordsToTable, type ScoringModel } from './scoreRecords';
export { inferOutputSchema } from './outputSchema';
