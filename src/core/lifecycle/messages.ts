/** The lifecycle gates' sentences: bad configuration, refusals and their fixes. */
import type { LifecycleStep } from '../checkpoints/contract';

const STEP_VERB: Record<LifecycleStep, string> = { export: 'export', promote: 'promote' };

export const lifecycleMessage = {
  badConfig: (file: string, field: string, why: string) =>
    `${file}: ${field} ${why}; fix it to list checkpoint ids per step, e.g. {"export": ["data-quality", "split-before-fit"], "promote": ["beats-baseline"]}`,
  notAnObject: 'is not an object',
  unknownStep: (key: string) => `has an unknown step ${JSON.stringify(key)} (the steps are "export" and "promote")`,
  notIdList: (step: string) => `.${step} is not a list of checkpoint ids (strings)`,
  emptyId: (step: string) => `.${step} has an empty checkpoint id`,
  notRun: (id: string) => `no checkpoint('${id}') run in this notebook's current session`,
  failedNoDetail: (id: string) => `checkpoint('${id}') did not pass`,
  missingLine: (id: string, reason: 'not-run' | 'failed', detail: string) =>
    `- ${id}: ${reason === 'not-run' ? 'not run' : 'failed'} (${detail}); fix: run \`await checkpoint('${id}')\` in the notebook and make it pass`,
  refused: (what: string, step: LifecycleStep, lines: string[], override: string) =>
    `${what}: the notebook's lifecycle requires checkpoints to pass before it can ${STEP_VERB[step]}; missing:\n${lines.join('\n')}\nTo ${STEP_VERB[step]} anyway, give a reason: ${override}`,
  overrideInCell: "exportModel(model, { …, overrideLifecycle: 'the reason' })",
  overrideInCli: '--override-lifecycle "the reason"',
  emptyReason: (where: string) => `${where}: the lifecycle override needs a reason (a sentence a reviewer will read), not an empty string`,
  overriddenNote: (reason: string, missing: string[]) => `lifecycle gate overridden (${missing.length ? `missing ${missing.join(', ')}` : 'nothing missing'}): ${reason}`,
  gateWhy: 'the notebook declares this checkpoint must pass before this step (metadata.modelbook.lifecycle or .modelbook/governance.json)',
  gateFix: (id: string) => `run \`await checkpoint('${id}')\` in the notebook and make it pass`,
  runTitle: (step: LifecycleStep) => `Lifecycle gate before ${step}`,
  checkedLine: (id: string, reason: 'not-run' | 'failed' | undefined) => `${id}: ${reason === undefined ? 'passed' : reason === 'not-run' ? 'not run' : 'failed'} in this notebook's current runs`,
  noNotebook: 'no notebook recorded for this run: no lifecycle declared',
} as const;
