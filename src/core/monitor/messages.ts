/** Sentences of the monitoring feature (check-messages.mjs: user-facing text lives here). */
export const monitorMessage = {
  methodReason: (numeric: boolean, small: boolean, distinct: number) =>
    `${numeric ? 'numeric' : distinct <= 5 && distinct > 0 ? `few values (${distinct})` : 'categorical'}, reference ${small ? '≤' : '>'} 1000 rows`,
  notProfile: (fn: string, got: string) => `${fn}: the reference must be a package folder, a loaded model or a data profile (profile(train)), got ${got}.`,
  notTable: (fn: string, got: string) => `${fn}: the current data must be an arquero table or a file path, got ${got}.`,
  columnAbsent: (name: string) => `'${name}' is not in the current batch`,
  noReferenceValues: () => `the reference has no values`,
  noCurrentValues: () => `the current batch has no values`,
  unsupportedType: (type: string) => `a ${type} column has no drift statistics`,
  noScoreColumn: (names: string) => `No score column (${names}) in the current batch: prediction drift skipped.`,
  noScoreProfile: () => `The reference has no score profile: prediction drift skipped.`,
  noLabels: (col: string) => `The labels column '${col}' is not in the current batch.`,
  noPredictionsForLabels: (col: string) => `Labels '${col}' given but no prediction or score column in the current batch: performance skipped.`,
  noReferenceMetrics: () => `The reference has no metrics.json: current metrics are shown without a comparison.`,
  ruleSyntax: (text: string, what: string, at: number) =>
    `Rule '${text}': ${what} at column ${at + 1}.\n  ${text}\n  ${' '.repeat(at)}^\n  Forms: 'psi(income) > 0.25', 'drifted_share > 0.3', 'auc < reference.auc - 0.02', 'invalid_rows > 1%'.`,
  ruleUnknownName: (text: string, name: string, known: string) => `Rule '${text}': unknown name '${name}'. Known: ${known}.`,
  ruleNeedsColumn: (text: string, name: string) => `Rule '${text}': '${name}' needs a column, e.g. ${name}(income).`,
  ruleBadSeverity: (where: string, got: string) => `${where}: severity must be 'warning' or 'critical', got ${got}.`,
  rulesFileShape: (file: string) => `${file}: expected a list of rules, e.g. [{ "rule": "psi(income) > 0.25", "severity": "critical" }] (or { "rules": [...] }).`,
  cliNeedsTwo: (got: number) => `modelbook monitor needs DIR and CURRENT, got ${got} argument${got === 1 ? '' : 's'}.`,
  cliBadFormat: (formats: string, got: string) => `--format must be one of ${formats}, got '${got}'.`,
  cliFailed: (reason: string) => `monitor could not run: ${reason}`,
  unreadableReference: (file: string, reason: string) => `${file}: ${reason}`,
  notProfileFile: (file: string) => `${file}: not a Modelbook data profile (profile(train).toJSON()).`,
  noTrainingProfile: (file: string) => `${file}: missing or not a data profile; a model package exported by Modelbook has one.`,
  ruleSubjectAbsent: (subject: string) => `${subject} not available`,
};
