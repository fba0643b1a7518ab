/**
 * What the run store, the filter language and `modelbook runs` say to people, in one place (the
 * runs counterpart of src/core/messages.ts). Each names the problem and, where there is one, the fix.
 */
const unknownRun = (id: string, hint: string) => `No run with id ${id} ${hint}.`;

export const runMessage = {
  // arguments of the run functions
  needs: (fn: string, what: string) => `${fn} needs ${what}.`,
  badNumber: (fn: string, name: string, expected: string, got: unknown) => `${fn}: ${name} must be ${expected}, got ${got}.`,
  badTag: (v: unknown) => `Tags are non-empty strings, got ${JSON.stringify(v)}.`,
  badNotes: 'notes must be a string.',
  sortKeyNotString: 'A sort key is a column such as "metrics.auc" or "-startedAt".',
  unknownRun,
  runStillRunning: (id: string) => `Run ${id} is still running; tag it from its cell with run.tag(), or wait until it ends.`,
  runsNoWorkspace: 'runs() shows the runs recorded in a workspace: run it in a Modelbook notebook (VS Code or `modelbook run`).',

  // records
  recordNotJson: (detail: string) => `not valid JSON (${detail}); it may be a half-copied file or a merge conflict — fix or delete it`,
  recordNotRegular: (reason: string) => `${reason} (only <run id>.json record files belong in .modelbook/runs)`,
  recordNotObject: 'not a run record: the file must hold one JSON object',
  recordNoVersion: (v: unknown) => `not a run record: "version" must be a whole number ≥ 1, got ${JSON.stringify(v) ?? 'nothing'}`,
  recordTooNew: (v: number, current: number) => `written by a newer Modelbook (record version ${v}; this one reads up to ${current}): upgrade Modelbook to read it`,
  recordNoMigration: (from: number, to: number) => `record version ${from} cannot be migrated to ${to}: no migration step from ${from}`,
  recordBadMigration: (from: number) => `the migration from record version ${from} did not produce version ${from + 1}`,
  recordInvalid: (errors: { path: string; message: string }[]) =>
    `does not match schemas/run-record.schema.json: ${errors
      .slice(0, 3)
      .map((e) => `${e.path || '(record)'}: ${e.message}`)
      .join('; ')}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`,
  recordNameMismatch: (id: string) => `the file name does not match the run id ${id} (expected ${id}.json); rename it or delete the copy`,
  recordFileError: (file: string, reason: string) => `${file}: ${reason}`,
  recordDuplicateId: (id: string, other: string) => `run id ${id} is also used by ${other}; delete one of the copies`,

  // recorder
  recorderBadName: (v: unknown) => `A run needs a non-empty name (a string), got ${JSON.stringify(v)}.`,
  recorderBadKind: (v: unknown, kinds: readonly string[]) => `Run kind must be one of ${kinds.join(', ')}, got ${JSON.stringify(v)}.`,
  recorderBadRole: (v: unknown, roles: readonly string[]) => `Data role must be one of ${roles.join(', ')}, got ${JSON.stringify(v)}.`,
  recorderBadEpoch: (v: unknown) => `logEpoch needs a finite epoch number ≥ 0, got ${JSON.stringify(v)}.`,
  recorderBadMetrics: (what: string) => `${what} needs an object of metric name → number, e.g. { loss: 0.41 }.`,
  recorderBadMetric: (name: string, v: unknown) => `Metric "${name}" must be a number (or null, or { value, low, high }), got ${JSON.stringify(v) ?? typeof v}.`,
  recorderEnded: (id: string, status: string) => `Run ${id} is ${status}; start a new run to record more.`,
  recorderBadArtifactName: (name: string) => `Artifact name "${name}" must be a relative file name without ".." (e.g. "weights.bin" or "model/weights.bin").`,
  recorderBadFingerprint: 'attachData needs a data fingerprint ({ hash, rows, columns }); get one with dataFingerprint(table).',
  recorderIncomplete: (detail: string) => `Modelbook could not record everything about this run: ${detail}`,
  predictionsNotKept: (detail: string) => `Modelbook could not keep this evaluation's predictions for model diffs: ${detail}`,
  recorderWriteFailed: (id: string, detail: string) => `Modelbook could not write run ${id}: ${detail}. Training continues; the run record may be out of date.`,

  // filter language
  filterNotString: 'A filter is a string, e.g. "metrics.auc > 0.8".',
  filterEmpty: 'The filter is empty; write a condition such as metrics.auc > 0.8.',
  filterUnexpectedChar: (ch: string) => `Unexpected character "${ch}"`,
  filterUnterminatedString: 'This string has no closing quote',
  filterSingleEquals: 'Use == to compare (a single = is not an operator)',
  filterSingleAndOr: (ch: string) => `Use ${ch}${ch} (or ${ch === '&' ? 'and' : 'or'})`,
  filterExpectedValue: (after: string) => `Expected a value${after ? ` after "${after}"` : ''}`,
  filterExpected: (what: string, got: string) => `Expected ${what}, found ${got}`,
  filterChained: 'Comparisons cannot be chained; join them with && (e.g. a > 1 && a < 5)',
  filterUnknownField: (name: string, known: readonly string[], suggestion: string | undefined) =>
    `Unknown field "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; fields: ${known.join(', ')}`,
  filterListOnly: 'in needs a list on its right, e.g. status in ["failed", "interrupted"]',
  filterTooDeep: 'The filter nests too deeply',

  // sort, columns
  sortBadKey: (key: string, detail: string) => `Cannot sort by "${key}": ${detail}`,

  // CLI
  cliRunsUsage: `Usage: modelbook runs [--notebook NOTEBOOK] [--filter EXPR] [--sort KEY] [--limit N] [--json | --csv] [--workspace DIR]
       modelbook runs show RUN_ID [--json] [--workspace DIR]
  --filter   e.g. 'metrics.auc > 0.8 && params.lr <= 0.01', 'tags has "baseline"', 'status == "failed"', 'notebook ~ "churn"'
  --sort     a column, '-' first for descending (default -startedAt), e.g. --sort=-metrics.auc
  RUN_ID     the id or a unique prefix of it`,
  cliRunsNone: (dir: string) => `No runs recorded yet in ${dir} (runs are written by fits and evaluations in notebooks).`,
  cliRunsNoMatch: (total: number) => `No run matches (of ${total}).`,
  cliRunsShowing: (shown: number, matched: number) => `showing ${shown} of ${matched} runs (use --limit N to see more)`,
  cliRunsPreprocessorsHidden: (count: number) => `${count} preprocessor fit${count === 1 ? '' : 's'} not listed (--filter 'tags has "preprocessor"' lists them)`,
  cliRunsUnknownId: (id: string) => unknownRun(id, '(see `modelbook runs` for ids)'),
  cliRunsAmbiguousId: (id: string, matches: string[]) => `Run id prefix ${id} matches ${matches.length} runs (${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}); type more of it.`,
  cliRunsSkipped: (file: string, reason: string) => `skipped ${file}: ${reason}`,
  cliRunsNoId: 'Name the run to show, e.g. `modelbook runs show 01JD…` (see `modelbook runs` for ids).',
  cliRunsBadLimit: (v: string) => `--limit needs a whole number ≥ 1, got "${v}".`,
  cliRunsShowOneId: (extra: string) => `Unexpected "${extra}": show takes one run id.`,
  cliRunsShowCsv: '--csv lists runs; use --json with show.',
  cliRunsJsonOrCsv: 'Choose one of --json and --csv.',
  cliRunsUnknownCommand: (word: string) => `Unknown command "runs ${word}".`,
  ulidTimeOutOfRange: (now: number) => `createRunId: time ${now} is outside the ULID range`,
} as const;
