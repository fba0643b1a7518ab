/** What the model card's VS Code side says, in one place. */
export const cardUiMessage = {
  notACard: (what: string) => `Modelbook: ${what} is not a model card of this version (run modelCard(...) again, or \`modelbook card … --format json\`).`,
  unreadableCard: (name: string, reason: string) => `Modelbook: could not read the model card ${name}: ${reason}`,
  noCardOutput: 'Modelbook: no model card in this notebook. Run a cell that calls modelCard(...), or open a card JSON file.',
  notARun: (what: string) => `Modelbook: ${what} is not a run id.`,
};
