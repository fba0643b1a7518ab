import os from 'node:os';
import { trustedPathEntries } from '../findExecutable';

/** `-c` settings every git the host runs gets: no fsmonitor, no hooks, no submodule recursion. */
export const SAFE_GIT_CONFIG: readonly string[] = ['core.fsmonitor=false', `core.hooksPath=${os.devNull}`, 'core.untrackedCache=false', 'submodule.recurse=false'];

/**
 * The environment for a git the host runs: no GIT_* variables from the environment, no system or
 * global config, no prompts, no lazy fetch, no optional locks, a PATH without the workspace.
 *
 * @example
 * execFileSync(git, args, { env: safeGitEnv([workspaceDir]) })
 */
export function safeGitEnv(untrusted: string[]): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^GIT_/i.test(k)) env[k] = v;
  return {
    ...env,
    PATH: trustedPathEntries(untrusted).join(process.platform === 'win32' ? ';' : ':'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_LAZY_FETCH: '1',
    // No index.lock: reading must never block (or be blocked by) the user's own git commands.
    GIT_OPTIONAL_LOCKS: '0',
    // Paths we pass are paths, never pathspec magic such as ':(glob)'.
    GIT_LITERAL_PATHSPECS: '1',
    LC_ALL: 'C',
  };
}
