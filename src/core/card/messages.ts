/** What the model card says to people: argument errors of problem() / modelCard() and the CLI's refusals. */
export const cardMessage = {
  lifecycleOverridden: (step: string, missing: string[], reason: string) => `Lifecycle gate before ${step} overridden (missing ${missing.join(', ') || 'nothing'}): ${reason}`,
  checkpointFailed: (id: string, problems: string[]) => `Checkpoint ${id} failed: ${problems.join('; ')}`,
  notObject: (fn: string, example: string) => `${fn}: pass an object, e.g. ${fn}(${example}).`,
  unknownField: (fn: string, field: string, known: readonly string[]) => `${fn}: unknown field ${JSON.stringify(field)}; the fields are ${known.join(', ')}.`,
  notText: (fn: string, field: string, max: number) => `${fn}: ${field} must be text (Markdown, at most ${max} characters).`,
  notTextList: (fn: string, field: string) => `${fn}: ${field} must be a list of column names, e.g. ['sex', 'age'].`,
  problemRequired: (fields: readonly string[]) => `problem: write ${fields.join(', ')} (empty text counts as missing), e.g. problem({ objective: 'Flag customers likely to leave', … }).`,
  noEvaluation: (what: string) => `modelCard: ${what} has no finished evaluation run; run evaluate(model, test, …) first and pass the evaluation or its run.`,
  badImportance: `modelCard: importance must be a permutationImportance result or a list of { feature, importance } with finite numbers.`,
  missingProse: (sections: readonly string[]) => `The card is missing required prose: ${sections.join(', ')}. Write it in modelCard({ … }) and run the cell again.`,
  // CLI
  cliUsage: 'usage: modelbook card RUN_ID|NOTEBOOK [--format md|html|json|mct|hf] [--out FILE] [--package DIR] [--monitor REPORT.json]',
  badPackage: (dir: string, why: string) => `model card: ${dir} is not a readable model package (${why}).`,
  packageOtherEvaluation: (dir: string, from: string, evaluation: string) =>
    `model card: the package ${dir} was exported from evaluation run ${from}, not ${evaluation}; give that run (or export this one).`,
  badMonitor: (file: string, why: string) => `model card: ${file} is not a monitoring report (${why}); write one with modelbook monitor DIR CURRENT --format json --out FILE.`,
  badPackageOption: `modelCard: package must be a package folder path or the manifest exportModel returned.`,
  cliNotFound: (spec: string) => `modelbook card: no run or notebook ${JSON.stringify(spec)} (give an evaluation run id, a prefix of one, or a notebook path).`,
  cliNoEvaluation: (spec: string) => `modelbook card: ${spec} has no finished evaluation run; run the notebook first (modelbook run ${spec}).`,
  cliNotEvaluation: (id: string, kind: string) => `modelbook card: run ${id} is a ${kind} run; give an evaluation run (or the notebook).`,
  cliWrote: (file: string, format: string) => `wrote the model card (${format}) to ${file}`,
} as const;
