/** What "New Notebook from Template…" says, in one place. */
export const templateUiMessage = {
  pickTitle: 'New Notebook from Template',
  pickPlaceholder: 'Choose a template: it copies a notebook and its data into a folder',
  whereTitle: (template: string) => `${template}: where should the notebook go?`,
  folderItem: (name: string) => `$(folder) ${name}`,
  folderDetail: (files: readonly string[]) => `creates ${files.join(', ')}`,
  otherFolder: '$(folder-opened) Another folder…',
  openLabel: 'Create Here',
  exists: (files: readonly string[], folder: string) => `${files.join(', ')} already exist${files.length === 1 ? 's' : ''} in ${folder}. Nothing was overwritten.`,
  chooseAnother: 'Choose Another Folder…',
  failed: (reason: string) => `Modelbook: could not create the notebook: ${reason}`,
} as const;
