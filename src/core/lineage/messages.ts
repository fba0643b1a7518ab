/** The lineage feature's sentences. */
export const lineageMessage = {
  runMissing: (whose: string, role: string, id: string) => `${whose} ${role} run ${id} is not in .modelbook/runs: commit it (git add .modelbook/runs/${id}.json)`,
  noFitRun: (evaluation: string) =>
    `evaluation run ${evaluation} does not name the fit run of its model (.modelbook/artifacts/${evaluation}/export/source.json): evaluate a model fitted in the notebook, or commit the artifacts`,
  noRuns: (what: string) => `${what} names no fit or evaluation run: export it from a recorded evaluation (exportModel(model, { run: ev }) or modelbook export RUN_ID)`,
  noData: (fit: string) => `fit run ${fit} recorded no training data fingerprint: fit on a table so the data is fingerprinted`,
  dataDiffers: (role: string, pkg: string, run: string) => `the package's ${role} data fingerprint ${pkg} differs from the fit run's ${run}: re-export the package from that run`,
  packageBroken: (path: string, why: string) => `package ${path} cannot be trusted: ${why}; re-export it`,
  wrongKind: (id: string, kind: string) => `run ${id} is a ${kind} run: lineage starts from a fit or evaluation run or a package`,
  gapsTitle: 'Missing links:',
  complete: 'Lineage complete.',
  lineageUsage: 'usage: modelbook lineage RUN_ID|PACKAGE_DIR [--format text|json]',
  notFound: (ref: string) => `${ref} is neither a run id in .modelbook/runs nor a model package folder (modelbook.json)`,
  ambiguous: (ref: string, ids: string[]) => `${ref} matches several runs: ${ids.join(', ')}; give more of the id`,
} as const;
