/**
 * Every sentence the linear-algebra helpers say to a cell author, in one place (as
 * src/core/messages.ts does for the rest of Modelbook). Each names the problem and, where there is
 * one, the fix; `fn` is the function that refuses.
 */
export const linalgMessage = {
  notAtLeastZero: (fn: string, name: string, got: string | number) => `${fn}: ${name} must be ≥ 0 (got ${got}).`,
  badDegreesOfFreedom: (fn: string, df: number) => `${fn}: degrees of freedom must be > 0 (got ${df}).`,
  badProbability: (fn: string, p: number) => `${fn}: p must be strictly between 0 and 1 (got ${p}).`,

  // shapes
  badShape: (fn: string, rows: number, cols: number) => `${fn}: rows and cols must be non-negative integers (got ${rows} × ${cols}).`,
  valueCount: (fn: string, name: string, got: number, rows: number, cols: number) => `${fn}: ${name} has ${got} values, a ${rows} × ${cols} matrix needs ${rows * cols}.`,
  rowCount: (fn: string, got: number, rows: number) => `${fn}: b has ${got} values but A has ${rows} rows.`,
  notRows: (fn: string) => `${fn}: pass an array of rows, e.g. [[1, 2], [3, 4]].`,
  raggedRow: (fn: string, row: number, got: number, cols: number) => `${fn}: row ${row} has ${got} values, row 0 has ${cols}.`,
  rowOutOfRange: (fn: string, row: number, rows: number) => `${fn}: row index ${row} is outside 0…${rows - 1}.`,
  noWasmSimd: (fn: string) => `${fn}: WebAssembly SIMD is not available here.`,

  // estimator input (toMatrix)
  notFeatures: (fn: string) => `${fn}: features must be an arquero table, a Matrix ({ rows, cols, data: Float64Array }) or an array of numeric rows.`,
  columnNotNumeric: (fn: string, column: string, row: number, value: unknown) =>
    `${fn}: column "${column}" holds ${value instanceof Date ? 'dates' : `${typeof value} values`} (row ${row}: ${JSON.stringify(value)}); estimators need numbers. Encode it first, e.g. new Pipeline({ steps: [new OneHotEncoder({ columns: ['${column}'] })], estimator }).`,
  /** `inTable`: the column is a table's, so SimpleImputer can name it; a Matrix's x0… cannot. */
  notFinite: (fn: string, column: string, row: number, inTable: boolean) =>
    `${fn}: column "${column}" has a missing or infinite value at row ${row}; impute it first${inTable ? ` (new SimpleImputer({ columns: ['${column}'] }) in a Pipeline)` : ''} or drop those rows.`,
  seedFiniteNumberOr: (seed: number) => `createRng: the seed must be a finite number or a string (got ${seed}).`,
  seedNumberOrString: (value: string) => `createRng: the seed must be a number or a string (got ${value}).`,
};
