import path from 'node:path';
import type { Repository } from './repository';
import { readRegularText } from './safeRead';

const CONFIG_MAX = 1024 * 1024;

/**
 * The values of `[section "subsection"] key` in the repository's own config file, read as a file:
 * no git runs for it. A tiny reader: no includes, no multi-line values; quoted values lose their
 * quotes.
 * The values are data a cell could have written: callers check them before use.
 *
 * @example
 * readConfigValues(repo, 'branch', 'feature/x', 'github-pr-base-branch') // ['octo/churn:main']
 */
export function readConfigValues(repo: Repository, section: string, subsection: string, key: string): string[] {
  const text = readRegularText(path.join(repo.commonDir, 'config'), CONFIG_MAX);
  if (text === undefined) return [];
  const out: string[] = [];
  let inSection = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*(.*)$/.exec(line);
    let rest = line;
    if (header) {
      inSection = header[1]!.toLowerCase() === section.toLowerCase() && (header[2] ?? '').replace(/\\(.)/g, '$1') === subsection;
      rest = header[3] ?? '';
    } else if (line.startsWith('[')) {
      inSection = false;
      continue;
    }
    const kv = inSection ? /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(.*)$/.exec(rest) : null;
    if (kv && kv[1]!.toLowerCase() === key.toLowerCase()) out.push(unquote(kv[2]!));
  }
  return out;
}

/**
 * The remotes the config names, with their URLs.
 *
 * @example
 * readRemotes(repo) // [{ name: 'origin', url: 'git@github.com:octo/churn.git' }]
 */
export function readRemotes(repo: Repository): { name: string; url: string }[] {
  const text = readRegularText(path.join(repo.commonDir, 'config'), CONFIG_MAX) ?? '';
  const names = [...text.matchAll(/^\s*\[\s*remote\s+"([^"\\\n]+)"\s*\]/gim)].map((m) => m[1]!);
  return [...new Set(names)].map((name) => ({ name, url: readConfigValues(repo, 'remote', name, 'url')[0] ?? '' }));
}

function unquote(value: string): string {
  const v = value.replace(/\s+[#;].*$/, '').trim();
  return v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}
