import os from 'node:os';
import path from 'node:path';
import type { ReviewAuthor } from '../../core/review/threadContract';
import { findRepository } from '../git/repository';
import { readRegularText } from '../git/safeRead';

const CONFIG_MAX = 1 << 20;

/** Where git config files are looked for; tests pass their own. */
export interface GitAuthorSources {
  home?: string;
  xdgConfigHome?: string;
}

/**
 * Who is reviewing: `user.name` and `user.email` as git would resolve them (the repository's
 * config over `~/.gitconfig` over `$XDG_CONFIG_HOME/git/config`), read from the files directly —
 * no git runs, so nothing a config names (a pager, an fsmonitor, a credential helper) can run.
 * `include` directives are not followed. Falls back to the OS user name and an empty email.
 *
 * @example
 * readGitAuthor('/work/churn') // { name: 'Ada Lovelace', email: 'ada@example.com' }
 */
export function readGitAuthor(workspace: string, sources: GitAuthorSources = {}): ReviewAuthor {
  const home = sources.home ?? os.homedir();
  const xdg = sources.xdgConfigHome ?? (process.env.XDG_CONFIG_HOME || path.join(home, '.config'));
  const files = [path.join(xdg, 'git', 'config'), path.join(home, '.gitconfig')];
  const repo = findRepository(workspace);
  if (repo) files.push(path.join(repo.commonDir, 'config'));
  const user: { name?: string; email?: string } = {};
  for (const file of files) {
    const text = readRegularText(file, CONFIG_MAX);
    if (text !== undefined) Object.assign(user, parseGitUser(text));
  }
  return { name: user.name?.trim() || fallbackName(), email: user.email?.trim() ?? '' };
}

/**
 * The `[user]` section's `name` and `email` from git config text (the last one wins, as in git).
 * Follows git's syntax for comments (`#`, `;`), quotes and escapes; anything else is ignored.
 *
 * @example
 * parseGitUser('[user]\n\tname = "Ada L." # me\n') // { name: 'Ada L.' }
 */
export function parseGitUser(text: string): { name?: string; email?: string } {
  const out: { name?: string; email?: string } = {};
  let inUser = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      const m = /^\[\s*([A-Za-z0-9.-]+)\s*(?:"[^"]*")?\s*\]/.exec(line);
      inUser = !!m && m[1]!.toLowerCase() === 'user' && !/"/.test(line);
      continue;
    }
    if (!inUser) continue;
    const m = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!m || m[2] === undefined) continue;
    const key = m[1]!.toLowerCase();
    if (key === 'name' || key === 'email') out[key] = configValue(m[2]).slice(0, 256);
  }
  return out;
}

function configValue(v: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\' && i + 1 < v.length) {
      const next = v[++i]!;
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '' : next;
    } else if ((ch === '#' || ch === ';') && !quoted) break;
    else out += ch;
  }
  return quoted ? out : out.trimEnd();
}

function fallbackName(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
