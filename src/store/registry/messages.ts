/** The registry store's sentences. */
export const registryFilesMessage = {
  corrupt: (file: string, reason: string) => `The registry file ${file} is not usable: ${reason}. Fix it by hand or restore it from git (\`git checkout -- ${file}\`); nothing was written.`,
  notRealFolder: (dir: string, link: boolean) => `${dir} is ${link ? 'a symbolic link' : 'not a folder'}; the registry only reads and writes a real folder inside the workspace.`,
  outsideWorkspace: (dir: string) => `The package ${dir} is outside the workspace; the registry keeps workspace-relative paths, so move or export it inside.`,
  tooManyFiles: (dir: string, max: number) => `${dir} holds more than ${max} files; only the first ${max} were read`,
};
