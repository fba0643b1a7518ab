/**
 * Every sentence the estimators (linear, mlp, layers) and their registry say to a cell author, in one
 * place (as src/core/messages.ts does for the rest of Modelbook). Each names the problem and, where
 * there is one, the fix. Sentences about y (labels, lengths) are in src/core/training/messages.ts.
 */
const show = (v: unknown) => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

export const modelMessage = {
  // parameters
  paramsNotObject: (owner: string, example: string) => `${owner}: parameters must be an object, e.g. new ${owner}(${example}).`,
  unknownParam: (owner: string, key: string, known: readonly string[]) => `${owner}: unknown parameter "${key}"; known parameters: ${known.join(', ')}.`,
  badParam: (owner: string, name: string, expected: string, got: unknown, hint?: string) => `${owner}: ${name} must be ${expected} (got ${show(got)})${hint ? `; ${hint}` : ''}.`,
  layersNoModel: (owner: string) => `${owner}: pass { model } with a TF.js LayersModel, e.g. new ${owner}({ model: tf.sequential({ layers: [...] }) }).`,
  layersNotModel: (owner: string) => `${owner}: model must be a TF.js LayersModel (tf.sequential(...) or tf.model(...)).`,
  layersInputsOutputs: (owner: string, inputs: number, outputs: number) => `${owner}: the model must have one input and one output (it has ${inputs} and ${outputs}).`,
  mlpBadSizes: (sizes: unknown) => `initMlpWeights: sizes must list at least an input and an output width (got ${JSON.stringify(sizes)}).`,
  engineNeedsSimd: 'engine: "fused" needs WebAssembly SIMD, which this runtime lacks; use engine: "tfjs" or "auto".',
  engineNeedsWasm: 'The fused MLP kernel needs WebAssembly, which this runtime lacks; use engine: "tfjs".',

  // class weights and sample weights
  classWeightUnknownClass: (label: string, known: readonly string[]) => `classWeight names class "${label}", which is not in the training labels (${known.join(', ')}).`,
  classWeightBadWeight: (label: string, weight: number) => `classWeight for "${label}" must be a finite number ≥ 0 (got ${weight}).`,
  sampleWeightBad: (caller: string, row: number, value: number) => `${caller}: sampleWeight must be finite and ≥ 0; row ${row} is ${value}.`,
  sampleWeightZero: 'the sample weights sum to 0; at least one row needs a positive weight.',

  // fit and predict
  notFitted: (caller: string) => `${caller}: the model is not fitted yet; call await model.fit(x, y) first.`,
  oneClass: (caller: string, only: unknown) => `${caller}: y has only one class (${JSON.stringify(only)}); a classifier needs at least 2 classes.`,
  featureCount: (caller: string, got: number, expected: number, names?: readonly string[]) =>
    `${caller}: x has ${got} features but the model ${names ? `was fitted on ${expected} (${names.join(', ')})` : `takes ${expected}`}.`,
  inputWidth: (caller: string, got: number, cols: number) => `${caller}: x has ${got} features but the model's input takes ${cols} values per row.`,
  featureOrder: (caller: string, column: number, name: string, fitted: readonly string[]) =>
    `${caller}: column ${column} is "${name}" but the model was fitted with "${fitted[column]}" there; select the columns in fit order (${fitted.join(', ')}).`,
  validationFeatureCount: (caller: string, got: number, cols: number) => `${caller}: options.validation.x has ${got} features, x has ${cols}.`,
  outputUnits: (caller: string, units: number, classes: number) =>
    `${caller}: the model's output has ${units} units but y has ${classes} classes; end it with tf.layers.dense({ units: ${classes}, activation: 'softmax' })${classes === 2 ? " or one 'sigmoid' unit" : ''}.`,
  regressorOutputUnits: (caller: string, units: number) => `${caller}: the model must end in one output unit (it has ${units}).`,
  featuresNotTable: (caller: string) => `${caller}: x must be a table, a Matrix or an array of rows.`,
  dummyNoRows: (caller: string) => `${caller}: y is empty; a baseline needs at least one training row.`,
  dummyConstantNotAClass: (constant: string, classes: readonly string[]) =>
    `DummyClassifier.fit: constant ${constant} is not one of the training labels (${classes.join(', ')}); pass one of them, with the same type.`,
  interrupted: (where: string) => `${where} was interrupted.`,
  convergedMaxIter: (maxIter: number, tol: number) =>
    `LogisticRegression: L-BFGS stopped after maxIter=${maxIter} iterations before reaching tol=${tol}; raise maxIter or scale the features (StandardScaler).`,
  convergedFtol: (gradMax: string, tol: number, remaining: string) =>
    `LogisticRegression: L-BFGS stopped because the loss no longer decreased, but the largest gradient component is ${gradMax} (tol=${tol}) and the loss may still be about ${remaining} above its minimum: coefficients along badly scaled directions are only approximately optimal. Scale the features (StandardScaler), which makes the loss equally curved in every direction.`,
  convergedLineSearch: (gradMax: string, tol: number) =>
    `LogisticRegression: the line search could not lower the loss any further before reaching tol=${tol} (largest gradient component ${gradMax}; the loss is flat to float64 precision there); the fit is usable, scaling the features (StandardScaler) usually avoids this.`,

  // registry and JSON
  registerBadType: 'registerEstimator: type must be a non-empty string, e.g. "MLPClassifier".',
  registerNoFactory: (type: string) => `registerEstimator("${type}"): the factory needs a create(params) function.`,
  restoreFitted: (type: string) => `estimatorFromJSON: '${type}' cannot be restored fitted from JSON; refit it from its spec instead.`,
  restoreBadState: (type: string) => `${type}.fromJSON: the saved fitted state is incomplete or damaged (weights, sizes or classes); save the model again with JSON.stringify(model) after fitting.`,
  restoreWrongType: (type: string, got: unknown) => `${type}.fromJSON: expected type '${type}', got ${JSON.stringify(got)}.`,
  noNestedParams: (type: string, dotted: string) => `specWithParams: '${type}' has no nested parameters, so "${dotted}" cannot be set; use the plain parameter name.`,
  badSpec: (where: string) => `${where}: pass { type, params }, e.g. { type: 'LogisticRegression', params: { C: 1 } }.`,
  unknownType: (where: string, type: string, known: readonly string[]) =>
    `${where}: no estimator type '${type}' is registered (known: ${known.join(', ')}); register it with registerEstimator('${type}', { create }).`,
} as const;
