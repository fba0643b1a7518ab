/** The sentences of the notebook language service and `modelbook check`. */
export const langMessage = {
  unknownNotebook: (uri: string) => `No notebook ${uri} was given to the language service (call update first).`,
  unknownCell: (cellId: string) => `The notebook has no code cell with id ${cellId}.`,
  checkUsage:
    'usage: modelbook check NOTEBOOK... [--format text|json]\n' +
    "  Type-checks the notebooks' code cells as the kernel runs them (names from earlier cells, imports, top-level await).\n" +
    '  Prints file:cell:line:col: message (cell = its number among all cells, from 1).\n' +
    '  Exit code 0 no errors, 1 a type error, 2 bad arguments or an unreadable notebook.',
  checkClean: (count: number) => `${count === 1 ? 'no type errors' : `no type errors in ${count} notebooks`}`,
  checkSummary: (errors: number, notebooks: number) => `${errors} type error${errors === 1 ? '' : 's'} in ${notebooks} notebook${notebooks === 1 ? '' : 's'}`,
  runNotChecked: 'not run: the notebook has type errors (modelbook run --check)',
};
