/** The approvals feature's sentences. */
export const approvalMessage = {
  badRole: (role: string) => `--role ${JSON.stringify(role)} is not a role name: use lower-case letters, digits and '-', e.g. model-owner or risk`,
  badEntry: (why: string) => `not an approval entry: ${why}`,
  badGovernance: (file: string, why: string) => `${file}: ${why}; expected e.g. {"requiredRoles": ["model-owner", "risk"]}`,
  selfHashMismatch: 'its content does not match the hash it carries (edited after it was written)',
  runChanged: (id: string) => `run ${id}'s record changed since`,
  runGone: (id: string) => `run ${id} is no longer in .modelbook/runs`,
  packageChanged: (path: string) => `package ${path} changed since (content hash differs)`,
  packageGone: (path: string) => `package ${path} is no longer there`,
  cardChanged: (path: string) => `card ${path} changed since`,
  cardAdded: (path: string) => `package ${path} got a card since`,
  cardGone: (path: string) => `card ${path} is no longer there`,
  missingRoles: (what: string, roles: string[]) =>
    `${what} needs a current approval from ${roles.join(', ')} (.modelbook/governance.json requiredRoles); run ${roles.map((r) => `npx modelbook approve ${what} --role ${r}`).join(' and ')}`,
  approved: (role: string, what: string, file: string) => `Approved ${what} as ${role}: ${file}`,
  statusLine: (status: string, role: string, who: string, at: string, what: string) => `${status.padEnd(8)} ${role.padEnd(14)} ${who}  ${at}  ${what}`,
  noApprovals: 'No approvals recorded.',
  olderNote: 'approved an older version',
  approveUsage: 'usage: modelbook approve RUN_ID|PACKAGE_DIR --role ROLE [--note TEXT]',
  approvalsUsage: 'usage: modelbook approvals [RUN_ID|PACKAGE_DIR] [--json]',
  exists: (file: string) => `${file} exists already: approvals are never rewritten`,
} as const;

/** The VS Code commands' sentences. */
export const governanceMessage = {
  notePrompt: (role: string, what: string) => `Note for your approval of ${what} as ${role} (optional)`,
  approvedToast: (role: string, what: string, file: string) => `Approved ${what} as ${role} (${file}).`,
  noWorkspace: 'Open a folder first: approvals and lineage are read from its .modelbook folder.',
  targetPrompt: 'Run id or model package folder (no evaluation run of the active notebook was found)',
  rolePrompt: 'Approve as…',
  requiredRole: 'required by .modelbook/governance.json',
  lineageShown: (ref: string, gaps: number) => `Lineage of ${ref}: ${gaps === 0 ? 'complete' : `${gaps} missing link${gaps === 1 ? '' : 's'}`}.`,
  showAsGraph: 'Show as Graph',
} as const;
