/** Run artifacts (under `.modelbook/artifacts/<run>/`) that `modelbook export` reads. */
export const EXPORT_ARTIFACTS = {
  /** Fit runs: the fitted model's `toJSON()`. */
  model: 'export/model.json',
  /** Fit runs: the training table's input schema, profile and fingerprint (`ReferenceParts`). */
  reference: 'export/reference.json',
  /**
   * Evaluation runs: `{ fitRun, leak? }`, the fit run that made the evaluated model and, for a
   * pipeline, the leak check run at evaluation (`ExportLeak`): an export artifact rather than a field
   * of the run record, because only `modelbook export` reads it and the record's schema stays as is.
   */
  source: 'export/source.json',
} as const;

/** A fitted model's JSON above this is not kept with its fit run (export it from the notebook). */
export const MAX_EXPORT_ARTIFACT_BYTES = 50 * 1024 * 1024;
