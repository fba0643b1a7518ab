/**
 * Every sentence the model package says: row problems (row numbers are 1-based, as a person
 * counts them), export refusals and package read errors. Each names the problem and the fix.
 */
const show = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? JSON.stringify(v) : String(v));
const list = (values: readonly unknown[], max = 8) => values.slice(0, max).map(show).join(', ') + (values.length > max ? `, … (${values.length} in all)` : '');

export const packageMessage = {
  // row validation
  missingColumn: (row: number, column: string) =>
    `Row ${row + 1}: column "${column}" is missing; every row must have it (the model was trained with it). Add the column, or send null where the schema allows missing values.`,
  missingValue: (row: number, column: string, value: unknown) =>
    `Row ${row + 1}: column "${column}" is ${value === undefined ? 'empty' : show(value)}, but training never saw a missing value in it, so the model cannot score it. Fill it in, or choose --on-invalid skip|null.`,
  wrongType: (row: number, column: string, value: unknown, expected: string) =>
    `Row ${row + 1}: column "${column}" is ${show(value)} (${value === null ? 'null' : typeof value}), but the model expects ${expected === 'date' ? 'a date (ISO 8601 text or epoch milliseconds)' : `a ${expected}`}. Send the value as a ${expected}.`,
  unknownCategory: (row: number, column: string, value: unknown, known: readonly unknown[]) =>
    `Row ${row + 1}: column "${column}" is ${show(value)}, a category training never saw (known: ${list(known)}). Map it to one of those, or retrain with data that has it.`,
  invalidRows: (count: number, first: string) => `${count} row${count === 1 ? '' : 's'} failed the input schema. First: ${first}`,

  // schema inference and scoring
  notTable: (fn: string) => `${fn}: pass an arquero table (e.g. from readCSV) as the training data.`,
  unknownColumns: (fn: string, missing: readonly string[], names: readonly string[]) => `${fn}: column${missing.length === 1 ? '' : 's'} ${list(missing)} not in the table (it has ${list(names)}).`,
  mixedColumn: (fn: string, column: string) => `${fn}: column "${column}" mixes value types (e.g. numbers and text); convert it to one type before exporting.`,
  notRecords: (fn: string) => `${fn}: pass an array of records (objects keyed by input column), e.g. [{ age: 41, plan: "pro" }].`,
  notColumns: (fn: string) => `${fn}: pass an arquero table or columns (an object of arrays keyed by input column), e.g. { age: [41, 35], plan: ["pro", "basic"] }.`,
  columnLengths: (fn: string, a: string, aLength: number, b: string, bLength: number) =>
    `${fn}: columns must have one value per row, but "${a}" has ${aLength} and "${b}" has ${bLength}. Give every column the same length.`,
  badModel: (fn: string) => `${fn}: pass a fitted estimator or Pipeline from modelbook (something with predict).`,

  // export refusals
  notFitted: (type: string) => `exportModel: the ${type} is not fitted, so there is nothing to export. Fit it first (await model.fit(train, label)), then export.`,
  notSerializable: (type: string) =>
    `exportModel: a ${type} cannot be saved as a package (it has no toJSON). Wrap the model in a Pipeline of built-in steps and a built-in estimator, or a LayersClassifier/LayersRegressor.`,
  leak: (detail: string) =>
    `exportModel: the pipeline saw test rows when it was fitted (${detail}). Refit it on the training split only, evaluate again, then export (CLI: --allow-leak exports anyway; the override is recorded in the manifest).`,
  gatesFailed: (failed: readonly string[]) =>
    `exportModel: the evaluation run's gates failed (${failed.join('; ')}). Improve the model until they pass, or pass allowFailedGates: true (CLI: --allow-failed-gates) to export anyway; the override is recorded in the manifest.`,
  badTarget: (to: unknown) => `exportModel: "to" must be a folder path inside the workspace, e.g. 'models/churn' (got ${JSON.stringify(to)}).`,
  badReference: `exportModel: "reference" must be the training table (an arquero table) the model was fitted on; the input schema and the drift reference are taken from it.`,
  referenceLacksColumns: (missing: readonly string[]) =>
    `exportModel: the reference table lacks the model's input column${missing.length === 1 ? '' : 's'} ${list(missing)}. Pass the table the model was trained on.`,
  badRun: `exportModel: "run" must be the Evaluation that evaluate() returned for this model (its threshold, gates and metrics go into the package).`,

  // fit-run artifacts and the CLI
  fitNotKept: (why: string) => `The fitted model was not kept for \`modelbook export\` (${why}); call exportModel in the notebook instead.`,
  fitNotKeptSize: (bytes: number) =>
    `The fitted model's JSON (${Math.round(bytes / 1048576)} MB) is above 50 MB, so it was not kept for \`modelbook export\`; call exportModel in the notebook instead.`,
  fitNotKeptLayers: 'TF.js models are not kept with their fit run; call exportModel(model, { to, run, reference }) in the notebook to package one.',
  cliUnknownRun: (id: string) => `modelbook export: no run ${JSON.stringify(id)} in this workspace. List runs with \`npx modelbook runs\`.`,
  cliAmbiguousRun: (id: string, ids: readonly string[]) => `modelbook export: ${JSON.stringify(id)} matches ${ids.length} runs (${ids.slice(0, 5).join(', ')}); give more of the id.`,
  cliWrongKind: (id: string, kind: string) => `modelbook export: run ${id} is a ${kind} run; give a fit run or an evaluation run.`,
  cliNoFitRun: (id: string) =>
    `modelbook export: evaluation run ${id} does not say which fit made its model (it was evaluated outside a recorded fit). Call exportModel(model, { to, run, reference }) in the notebook instead.`,
  cliNoArtifacts: (id: string) =>
    `modelbook export: fit run ${id} kept no fitted model (runs recorded before Modelbook kept them, a TF.js model, or a model above 50 MB). Run the notebook again, or call exportModel in the notebook.`,
  cliNeedOut: 'modelbook export: say where to write the package with --out DIR.',
  cliExported: (dir: string, hash: string, files: number) => `Exported ${dir} (${files} files), content hash ${hash}.`,
  cliExportUsage:
    'Usage: modelbook export RUN_ID --out DIR [--name NAME] [--allow-failed-gates] [--allow-leak] [--override-lifecycle REASON]\n  RUN_ID: a fit run, or an evaluation run of a model fitted in a recorded run.\n  --allow-leak: export a pipeline that saw the evaluation\'s test rows when it was fitted (recorded as "leak" in the manifest).\n  --override-lifecycle REASON: export although checkpoints the notebook\'s lifecycle requires have not passed in the run\'s session (recorded as "lifecycle" in the manifest and as a lifecycle:export run).\n  Exit codes: 0 exported, 1 refused (a required approval or checkpoint missing, failed gates, a pipeline that saw test rows, model not fitted), 2 usage error or run not found.',

  // package files
  notAPackage: (dir: string) => `${dir} is not a model package (no modelbook.json). Export one with exportModel(...) in a notebook or \`npx modelbook export RUN_ID --out DIR\`.`,
  refuseOverwrite: (dir: string) => `${dir} exists and is not a model package; refusing to overwrite it. Choose another folder, or remove it first.`,
  badManifest: (dir: string, why: string) => `${dir}/modelbook.json is not a valid package manifest (${why}). Export the package again.`,
  newerFormat: (dir: string, version: unknown) => `${dir} is a package of format version ${String(version)}, newer than this Modelbook reads (1). Update Modelbook.`,
  tampered: (dir: string, file: string) => `${dir}: ${file} does not match the sha256 in modelbook.json: the file was changed after export. Export the package again, or restore the file.`,
  missingFile: (dir: string, file: string) => `${dir}: ${file} is listed in modelbook.json but missing. Export the package again.`,
  contentHashMismatch: (dir: string) => `${dir}: the content hash in modelbook.json does not match its files list. Export the package again.`,
  badPartPath: (path: string) => `writePackage: "${path}" is not a package part path (relative, '/'-separated, no '..').`,
};
