/** The templates feature's sentences (`modelbook new`, "New Notebook from Template…"). */
export const templateMessage = {
  newUsage: `usage: modelbook new TEMPLATE [DIR]   copy a template notebook and its data into DIR (default: .)
       modelbook new --list                list the templates
exit codes: 0 created, 1 a target file exists (nothing is overwritten), 2 usage or unknown template`,
  unknown: (id: string, ids: readonly string[]) => `Unknown template "${id}"; the templates are: ${ids.join(', ')} (modelbook new --list).`,
  exists: (dir: string, files: readonly string[]) =>
    `Not copied: ${files.join(', ')} already exist${files.length === 1 ? 's' : ''} in ${dir}. Nothing was overwritten; choose another folder (modelbook new TEMPLATE DIR) or move those files away.`,
  created: (files: readonly string[], notebook: string) => `Created ${files.join(', ')}.\nRun it: open ${notebook} in VS Code, or modelbook run ${notebook}\n`,
  missingShipped: (file: string) => `The template file ${file} is missing from this Modelbook installation; reinstall Modelbook.`,
} as const;
