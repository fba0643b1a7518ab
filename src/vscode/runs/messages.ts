/** What the Experiments panel says, in one place. */
export const runsPanelMessage = {
  runGone: (id: string) => `run ${id} is no longer in the workspace`,
};
