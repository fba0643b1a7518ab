/** The registry's sentences: refused files and bad edits. */
export const registryMessage = {
  badName: (what: 'model name' | 'alias', got: unknown) =>
    `The ${what} ${JSON.stringify(got)?.slice(0, 80)} is not usable: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.`,
  badNameAt: (where: string, what: 'model name' | 'alias', got: string) => `${where}: ${registryMessage.badName(what, got)}`,
  badKind: (got: unknown) => `kind must be 'modelbook.registry-model' (this file says ${JSON.stringify(got)?.slice(0, 40)})`,
  newerFormat: (got: unknown) => `formatVersion ${JSON.stringify(got)?.slice(0, 20)} is newer than this Modelbook reads (1); update Modelbook`,
  badVersionNumber: (where: string, expected: number) => `${where} must be ${expected}: versions are numbered 1, 2, 3… in order`,
  badHash: (where: string) => `${where} must be 64 lowercase hex digits (a package content hash)`,
  badPath: (where: string) => `${where} must be a workspace-relative path with / separators and no ".." segments`,
  repeatedHash: (where: string, version: number) => `${where} repeats the content hash of version ${version}`,
  aliasToNowhere: (alias: string, version: unknown) => `aliases.${alias} points at version ${JSON.stringify(version)?.slice(0, 20)}, which the file does not have`,
  unknownVersion: (name: string, spec: string, known: string) => `${name} has no version or alias ${JSON.stringify(spec)}; it has ${known}.`,
  noVersions: (name: string) => `${name} has no versions yet; register one with \`modelbook registry register DIR --name ${name}\`.`,
  nameMismatch: (file: string, name: string) => `the file ${file} holds the model ${JSON.stringify(name)}; a model's file is named after it`,
};

/** Why `retrain` promoted a challenger or kept the champion: the sentences written to the registry history. */
export const decisionMessage = {
  nothingCompared: (verdict: string) => `the champion's and the challenger's evaluations could not be compared (${verdict})`,
  gateFails: (gate: string, value: number | null) => `gate ${gate} fails on the challenger${value === null ? '' : ` (${value})`}`,
  noSharedRows: 'the two evaluations share no rows, so they were not compared on the same evaluation rows: evaluate both on the same test set with an idColumn (or the same rows), keeping predictions',
  worse: (metric: string) => `significantly worse on ${metric}`,
  gatesPass: (n: number) => (n === 1 ? 'the gate passes on the challenger' : `all ${n} gates pass on the challenger`),
  noGates: 'the evaluation has no gates',
  notWorse: (metrics: number, rows: string) => `not significantly worse on any of ${metrics} metric${metrics === 1 ? '' : 's'} (paired on ${rows} rows)`,
  better: (metrics: string) => `significantly better on ${metrics}`,
};

/** `modelbook registry` and `modelbook retrain`: usage, refusals and what they did. */
export const registryCliMessage = {
  registryUsage: `Usage: modelbook registry list [--json] [--workspace DIR]
       modelbook registry show NAME [--json] [--workspace DIR]
       modelbook registry register DIR [--name N] [--alias A] [--workspace DIR]
       modelbook registry alias NAME VERSION ALIAS [--workspace DIR]
  The registry is .modelbook/registry/<name>.json, one file per model, committed with the code.
  VERSION  a number (3 or v3) or an alias (champion)
  exit code  0 done, 2 bad arguments, an unknown model or version, or an unreadable registry file or package`,
  retrainUsage: `Usage: modelbook retrain NOTEBOOK --champion NAME [--promote [--override-lifecycle REASON]] [--format text|md|json] [--out FILE] [--workspace DIR]
  Runs NOTEBOOK headless (as modelbook run), takes the package it exported (manifest name NAME) as the challenger,
  diffs its evaluation run against the champion's (modelbook diff) and promotes it when its gates pass and no
  headline metric is significantly worse. Without --promote it only reports; with it the decision is recorded.
  --promote is refused when checkpoints the notebook's lifecycle requires for "promote" have not passed in the
  challenger's session; --override-lifecycle REASON promotes anyway (recorded in the registry and as a lifecycle:promote run).
  exit code  0 promoted (or would be) or nothing changed, 1 not promoted (worse, a gate failed, a required approval or checkpoint missing),
             2 the challenger run failed (a cell failed, the kernel crashed, no package exported), 3 could not run
             (bad arguments, no such model or no champion alias, an unreadable registry)`,
  unknownSubcommand: (got: string | undefined) => `modelbook registry needs one of list, show, register, alias${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}.`,
  wrongArguments: (verb: string, want: string, got: number) => `modelbook registry ${verb} needs ${want} (got ${got} argument${got === 1 ? '' : 's'}).`,
  noSuchModel: (name: string) =>
    `The registry has no model ${JSON.stringify(name)} (no .modelbook/registry/${name}.json); register its package first: \`modelbook registry register models/${name} --name ${name} --alias champion\`.`,
  noChampion: (name: string) => `${name} has no champion alias; point one at a version: \`modelbook registry alias ${name} 1 champion\`.`,
  championNoEvaluation: (name: string, version: number) =>
    `The champion ${name} v${version} names no evaluation run in its package manifest; export it with exportModel(model, { run: ev, … }) so retrain can compare evaluations.`,
  registered: (name: string, version: number, added: boolean, path: string) => `${added ? 'registered' : 'already registered'} ${name} v${version} (${path})`,
  aliasSet: (name: string, alias: string, version: number, previous: number | undefined) =>
    `${name}: ${alias} → v${version}${previous !== undefined && previous !== version ? ` (was v${previous})` : ''}`,
  noModels: 'The registry is empty: register a package with `modelbook registry register DIR --name NAME`.',
  badChoice: (flag: string, values: readonly string[], got: unknown) => `Option ${flag} must be one of ${values.join(', ')} (got ${JSON.stringify(got)}).`,
  needsNotebook: 'Name the notebook to retrain, e.g. `modelbook retrain churn.mlnb --champion churn`.',
  oneNotebook: (got: number) => `modelbook retrain takes one NOTEBOOK (got ${got} arguments).`,
  needsChampion: 'Name the registered model to challenge: --champion NAME.',
  runFailed: (failed: number) => `The challenger run failed (${failed} cell${failed === 1 ? '' : 's'} failed); nothing was compared or recorded.`,
  noChallenger: (name: string) =>
    `The notebook exported no package named ${JSON.stringify(name)} during this run; call exportModel(model, { to: 'models/${name}', name: '${name}', run: ev, reference: train }) in it.`,
  challengerNoEvaluation: (dir: string) => `The challenger package ${dir} names no evaluation run; pass run: ev to exportModel so it can be compared.`,
  sameAsChampion: (name: string, version: number) => `no change: the challenger is the champion ${name} v${version} (same content hash)`,
  decisionPromote: (name: string, challenger: number, champion: number, applied: boolean) =>
    `${applied ? 'promoted' : 'would promote (run with --promote to apply)'}: ${name} v${challenger} replaces v${champion} as champion`,
  decisionReject: (name: string, challenger: number, champion: number) => `not promoted: ${name} v${champion} stays champion; challenger v${challenger}`,
  championOverwritten: (dir: string, version: number) =>
    `${dir} now holds the rejected challenger, not the champion v${version} the registry names; restore it (\`git checkout -- ${dir}\`) before deploying, or export challengers to their own folder.`,
  writeFailed: (file: string, why: string) => `Cannot write ${file}: ${why}`,
};
