// Public API of src/core/linalg: small dense helpers cells may want (not re-exported by default).
export { createMatrix, isMatrix, matrixFromRows, takeRows, type Matrix } from './matrix';
export { toMatrix, type NamedMatrix } from './toMatrix';
export { createRng, type Rng } from './random';
export { solveLeastSquares, type LeastSquaresResult } from './leastSquares';
export { minimizeLbfgs, type LbfgsOptions, type LbfgsResult } from './lbfgs';
export { studentTCdf, studentTQuantile } from './studentT';
