/** What `WorkspaceConfiguration.inspect` returns, the parts read here. */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * A setting that decides what cells may do, from the user's own settings only: a workspace's
 * `.vscode/settings.json` is written by whoever wrote the repository, or by a cell (cells may write
 * the workspace), so it must not turn the sandbox off, point kernels at another Node or lift a cap.
 * A value of the wrong type counts as unset.
 *
 * @example
 * userSetting({ defaultValue: true, workspaceValue: false }, true, (v) => typeof v === 'boolean') // true
 */
export function userSetting<T>(inspected: Inspected<T> | undefined, fallback: T, valid: (v: unknown) => v is T): T {
  const user = inspected?.globalValue;
  if (valid(user)) return user;
  const d = inspected?.defaultValue;
  return valid(d) ? d : fallback;
}

/** Whether the workspace tried to set a setting that only the user's settings may set. */
export function ignoredWorkspaceValue(inspected: Inspected<unknown> | undefined): boolean {
  return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
}

export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
export const isString = (v: unknown): v is string => typeof v === 'string';
export const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
export const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
export const isStringRecord = (v: unknown): v is Record<string, string> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string');
