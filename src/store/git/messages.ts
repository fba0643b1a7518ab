/** What reading git revisions says when it refuses a revision or path or cannot read the repository, in one place. */
export const gitMessage = {
  notInRepository: (dir: string) => `${dir} is not inside a git repository.`,
  noCommit: (workTree: string) => `The repository at ${workTree} has no commit yet (or its HEAD cannot be read).`,
  gitNotFound: 'git was not found on PATH (outside the workspace).',
  noPrivateGitDir: (workTree: string) => `Could not prepare a private git dir to read ${workTree} (is the temporary folder inside the repository?).`,
  revisionRefused: (rev: string, why: string) => `Revision ${rev} is refused: it ${why}.`,
  notACommit: (rev: string, workTree: string) => `Revision ${rev} is not a commit of ${workTree}.`,
  folderRefused: (dir: string, why: string) => `Folder ${dir} ${why}.`,
  cannotList: (dir: string, commit: string, err: string) => `Could not list ${dir} at ${commit}: ${err}`,
  pathRefused: (file: string, why: string) => `Path ${file} ${why}.`,
  notObjectId: (oid: string) => `Not an object id: ${oid}.`,
  catFileFailed: (err: string) => `git cat-file failed: ${err}`,
  notCommitId: (commit: string) => `Not a commit id: ${commit} (resolve a revision first).`,
};
