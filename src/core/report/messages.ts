/** The stakeholder report's sentences (the numbers go where `{0}`, `{1}`, … stand) and its refusals. */
export const reportMessage = {
  title: (name: string) => `${name}: what it does and how well`,
  subtitle: 'A one-page summary for people who decide about this model. Every number is computed from the run records named at the end.',
  // Section titles
  decides: 'What it decides, and for whom',
  right: 'How often it is right',
  worse: 'Where it works worse',
  risks: 'What could go wrong, and what is done about it',
  watch: 'What to watch after launch',
  // What it decides
  objective: (text: string) => `Purpose: ${text}`,
  decision: (text: string) => `Decision it feeds: ${text}`,
  users: (text: string) => `Used by: ${text}`,
  target: (text: string) => `What it predicts: ${text}`,
  intendedUse: (text: string) => `Intended use: ${text}`,
  outOfScope: (text: string) => `Not for: ${text}`,
  noProblem: 'No problem definition was recorded for this notebook (add a problem({ … }) cell at the top).',
  // How often it is right
  testedOn: (who: string) => `It was tested on {0} ${who} it had not seen while learning.`,
  precision: (who: string, flags: string, positive: string, ci: string) => `Out of 100 ${who} it ${flags}, about {0} ${positive}${ci}.`,
  recall: (who: string, flags: string, positive: string, ci: string) => `Of 100 ${who} that ${positive}, it ${flags} about {0}${ci}.`,
  falsePositives: (who: string, flags: string, negative: string, ci: string) => `Of 100 ${who} that ${negative}, it wrongly ${flags} about {0}${ci}.`,
  accuracy: (ci: string) => `Overall it is right about {0} times in 100${ci}.`,
  mae: (ci: string) => `Its estimates are off by {0} on average (in the target's units)${ci}.`,
  ci: (first: number) => ` (95% CI {${first}}–{${first + 1}})`,
  noMetrics: 'The evaluation recorded none of accuracy, precision, recall or mean absolute error, so this report cannot say how often it is right.',
  // Where it works worse
  worseGroup: (column: string, key: string, who: string) =>
    `For ${column} ${key} ({0} ${who}) it is right about {1} times in 100, against about {2} for the other {3} — a gap unlikely to be chance (p = {4}).`,
  noneWorse: (columns: string) => `No group of ${columns} is significantly worse than the rest (a two-proportion test at the 5% level).`,
  lowest: (column: string, key: string, who: string) => `The lowest is ${column} ${key}: right about {0} times in 100, on {1} ${who}.`,
  smallGroups: (column: string, groups: string) => `Too few to judge for ${column}: ${groups}.`,
  untested: (columns: string) => `Results by ${columns} are averages of errors, which this report does not test for significance; see the model card.`,
  noSlices: 'The evaluation measured no groups (evaluate with `slices: [...]` to see where it works worse).',
  // Risks
  limitations: (text: string) => `Known limitations: ${text}`,
  ethics: (text: string) => `Ethical considerations: ${text}`,
  oversight: (text: string) => `Human oversight: ${text}`,
  constraints: (text: string) => `Constraints: ${text}`,
  notWritten: (what: string) => `${what}: not written yet — the model card lists it as missing.`,
  gatePassed: (name: string) => `Check before release passed: ${name} (it measured {0}).`,
  gateFailed: (name: string) => `Check before release FAILED: ${name} (it measured {0}).`,
  gateNoValue: (name: string, passed: boolean) => `Check before release ${passed ? 'passed' : 'FAILED'}: ${name}.`,
  noGates: 'No checks (gates) were set before release.',
  // Watch
  successCriteria: (text: string) => `Success means: ${text}`,
  watchGates: (rules: string) => `Re-check the model when it no longer meets: ${rules}.`,
  driftReference: (hash: string) => `New data is compared with the training data profile stored in the model package (${hash}); run \`modelbook monitor\` on each new batch.`,
  noDriftReference: 'No drift reference yet: export the model (exportModel) so new data can be compared with the training data.',
  monitoring: (status: string, when: string) => `Latest monitoring (${when}): ${status}, {0} of {1} inputs drifted.`,
  recommendations: (text: string) => `Recommendations: ${text}`,
  // Footer
  sources: (runs: string) => `Numbers computed from run records ${runs}. The model card (modelbook card) has every detail.`,
  missingProse: (fields: string) => `The model card is missing required prose: ${fields}.`,
  // CLI
  cliUsage: 'usage: modelbook report RUN_ID|NOTEBOOK [--format md|html] [--out FILE] [--who NOUN] [--flags VERB] [--positive PHRASE] [--negative PHRASE]',
  cliWrote: (file: string, format: string) => `wrote the stakeholder report (${format}) to ${file}`,
} as const;
