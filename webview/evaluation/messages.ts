/** What the evaluation panel's webview says, in one place. */
export const chartsMessage = {
  noChart: (id: string) => `no chart "${id}"`,
};
