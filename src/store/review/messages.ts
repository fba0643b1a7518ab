/** What loading one side of a model diff says when the side cannot be found or read, in one place. */
export const diffSideMessage = {
  badSide: 'A diff side must be a run id (or prefix), a git revision, or WORKTREE.',
  notRunId: (prefix: string) => `${prefix} is not a run id or prefix (run ids are 26 characters of 0-9 and A-Z without I, L, O, U).`,
  noRun: (prefix: string, folder: string) => `No run ${prefix}… in ${folder}.`,
  ambiguousPrefix: (prefix: string, ids: string[]) =>
    `Run prefix ${prefix} is ambiguous: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}. Give more characters.`,
  unreadableRun: (idsValue: string, reason: string) => `Run ${idsValue} cannot be read: ${reason}.`,
};

/** How the review command names the base it picked by default. */
export const reviewBaseMessage = {
  pullRequest: (ref: string) => `merge-base with ${ref} (the pull request's base)`,
  defaultBranch: (ref: string) => `merge-base with ${ref} (the default branch)`,
  parent: 'HEAD~1 (the parent commit)',
};
