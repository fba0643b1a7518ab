/**
 * Preprocessors fitted on their own (a StandardScaler, an OneHotEncoder… outside a Pipeline) are
 * recorded as `fit` runs with this tag: the split-before-fit checkpoint reads them from the records,
 * while the default run lists (the Experiments panel, the runs tree, `modelbook runs`) leave them
 * out, since a notebook may fit many and none is a model.
 */
export const PREPROCESSOR_TAG = 'preprocessor';

/**
 * Whether a run records a preprocessor fitted on its own.
 *
 * @example
 * isPreprocessorRun({ kind: 'fit', tags: ['preprocessor'] }) // true
 */
export function isPreprocessorRun(run: { kind: string; tags?: readonly string[] }): boolean {
  return run.kind === 'fit' && (run.tags?.includes(PREPROCESSOR_TAG) ?? false);
}
