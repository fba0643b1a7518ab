/**
 * `modelbook registry list|show|register|alias`: the models kept in `.modelbook/registry/`.
 * Wired into src/cli/main.ts as `case 'registry'`.
 */
import path from 'node:path';
import type { RegistryModel } from '../core/registry/contract';
import { addVersion, newRegistryModel, resolveVersion, setAlias } from '../core/registry/edits';
import { registryCliMessage } from '../core/registry/messages';
import { readGitAuthor } from '../store/reviews/gitAuthor';
import { listRegistryModels, readRegistryModel, versionFromPackage, writeRegistryModel } from '../store/registry/registryFiles';
import { findRunWorkspace } from '../store/runs/paths';
import { parseFlags, UsageError, type FlagSpec } from './flags';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const REGISTRY_FLAGS = {
  json: { type: 'boolean' },
  name: { type: 'string' },
  alias: { type: 'string' },
  workspace: { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook registry …` (argv without the word 'registry'). Exit code 0 when done, 2 for
 * bad arguments, an unknown model or version, or a registry file or package that cannot be read.
 *
 * @example
 * await runRegistryCommand(['register', 'models/churn', '--alias', 'champion'], io, process.cwd()) // 0
 */
export async function runRegistryCommand(argv: string[], io: Io, cwd: string, now: () => Date = () => new Date()): Promise<number> {
  try {
    const { values: v, positionals, help } = parseFlags('registry', argv, REGISTRY_FLAGS);
    if (help) {
      io.out(`${registryCliMessage.registryUsage}\n`);
      return 0;
    }
    const workspace = path.resolve(cwd, v.workspace ?? findRunWorkspace(cwd));
    const [verb, ...rest] = positionals;
    const want = (n: number, what: string) => {
      if (rest.length !== n) throw new UsageError(registryCliMessage.wrongArguments(verb!, what, rest.length));
    };
    switch (verb) {
      case 'list':
        want(0, 'no arguments');
        list(workspace, v.json === true, io);
        return 0;
      case 'show':
        want(1, 'NAME');
        show(existing(workspace, rest[0]!), v.json === true, io);
        return 0;
      case 'register': {
        want(1, 'DIR (a model package folder)');
        const by = readGitAuthor(workspace);
        const at = now().toISOString();
        const { entry, manifestName } = versionFromPackage(workspace, path.resolve(cwd, rest[0]!), by, at);
        const name = v.name ?? manifestName;
        let model = readRegistryModel(workspace, name) ?? newRegistryModel(name);
        const added = addVersion(model, entry);
        model = added.model;
        io.out(`${registryCliMessage.registered(name, added.version.version, added.added, added.version.path)}\n`);
        if (v.alias !== undefined) {
          const previous = Object.hasOwn(model.aliases, v.alias) ? model.aliases[v.alias] : undefined;
          model = setAlias(model, v.alias, added.version.version, { by, at });
          io.out(`${registryCliMessage.aliasSet(name, v.alias, added.version.version, previous)}\n`);
        }
        writeRegistryModel(workspace, model);
        return 0;
      }
      case 'alias': {
        want(3, 'NAME VERSION ALIAS');
        const model = existing(workspace, rest[0]!);
        const version = resolveVersion(model, rest[1]!).version;
        const alias = rest[2]!;
        const previous = Object.hasOwn(model.aliases, alias) ? model.aliases[alias] : undefined;
        writeRegistryModel(workspace, setAlias(model, alias, version, { by: readGitAuthor(workspace), at: now().toISOString() }));
        io.out(`${registryCliMessage.aliasSet(model.name, alias, version, previous)}\n`);
        return 0;
      }
      default:
        throw new UsageError(registryCliMessage.unknownSubcommand(verb));
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${registryCliMessage.registryUsage}\n`);
      return 2;
    }
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
}

function existing(workspace: string, name: string): RegistryModel {
  const model = readRegistryModel(workspace, name);
  if (!model) throw new Error(registryCliMessage.noSuchModel(name));
  return model;
}

function list(workspace: string, json: boolean, io: Io): void {
  const { models, problems } = listRegistryModels(workspace);
  for (const p of problems) io.err(`warning: ${p.file}: ${p.reason}\n`);
  if (json) {
    io.out(`${JSON.stringify(models, null, 2)}\n`);
    return;
  }
  if (models.length === 0) {
    io.out(`${registryCliMessage.noModels}\n`);
    return;
  }
  const rows = models.map((m) => {
    const last = m.versions[m.versions.length - 1];
    const aliases = Object.entries(m.aliases)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([a, n]) => `${a}=v${n}`)
      .join(' ');
    return [m.name, String(m.versions.length), last ? `v${last.version} ${last.createdAt.slice(0, 10)}` : '-', aliases || '-'];
  });
  io.out(table(['model', 'versions', 'latest', 'aliases'], rows));
}

function show(m: RegistryModel, json: boolean, io: Io): void {
  if (json) {
    io.out(`${JSON.stringify(m, null, 2)}\n`);
    return;
  }
  const aliasesOf = (n: number) =>
    Object.keys(m.aliases)
      .filter((a) => m.aliases[a] === n)
      .sort()
      .join(', ');
  let text = `${m.name}: ${m.versions.length} version${m.versions.length === 1 ? '' : 's'}\n\n`;
  text += table(
    ['version', 'aliases', 'content hash', 'path', 'evaluation run', 'created', 'by'],
    m.versions.map((v) => [`v${v.version}`, aliasesOf(v.version) || '-', v.contentHash.slice(0, 12), v.path, v.runs.evaluation ?? '-', v.createdAt, v.createdBy.name]),
  );
  if (m.history.length) {
    text += '\nhistory\n';
    for (const d of m.history) {
      const what = d.alias ? `${d.action} v${d.version} as ${d.alias}${d.previous !== undefined ? ` (was v${d.previous})` : ''}` : `${d.action} v${d.version}`;
      text += `  ${d.at}  ${d.by.name}  ${what}${d.diff ? `  diff ${d.diff.hash.slice(0, 12)}` : ''}\n`;
      for (const r of d.reasons) text += `      - ${r}\n`;
    }
  }
  io.out(text);
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd() + '\n';
  return line(head) + rows.map(line).join('');
}
