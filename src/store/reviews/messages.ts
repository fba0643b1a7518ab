/** What the review files store says when it refuses a write or a delete. */
export const reviewFilesMessage = {
  notThreadId: (id: string) => `deleteThread: ${JSON.stringify(id)} is not a thread id`,
  notUlidName: (id: string) => `review files are named by a ULID, not ${JSON.stringify(id)}`,
  notRealFolder: (dir: string, symlink: boolean) => `${dir} is ${symlink ? 'a symbolic link' : 'not a folder'}; review files are only written into real folders of the workspace`,
};
