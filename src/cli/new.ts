/**
 * `modelbook new TEMPLATE [DIR]` copies a template notebook and its data into DIR (default: the
 * current folder); `modelbook new --list` lists the templates. Wired into src/cli/main.ts.
 */
import path from 'node:path';
import { TEMPLATES } from '../core/templates/catalog';
import { findTemplate } from '../core/templates/findTemplate';
import { templateMessage } from '../core/templates/messages';
import { copyTemplate, TemplateExistsError, templatesDir } from '../store/templates/copyTemplate';
import { parseFlags, UsageError, type FlagSpec } from './flags';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const NEW_FLAGS = { list: { type: 'boolean' } } as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook new …`. Exit code 0 created (or listed), 1 a target file exists (nothing written),
 * 2 bad arguments or an unknown template.
 *
 * @example
 * runNewCommand(['binary-classification', 'titanic'], io, process.cwd(), __dirname) // 0
 */
export function runNewCommand(argv: string[], io: Io, cwd: string, distDir: string): number {
  try {
    const { values, positionals, help } = parseFlags('new', argv, NEW_FLAGS);
    if (help) {
      io.out(`${templateMessage.newUsage}\n`);
      return 0;
    }
    if (values.list) {
      if (positionals.length > 0) throw new UsageError(templateMessage.newUsage);
      io.out(listTemplates());
      return 0;
    }
    if (positionals.length < 1 || positionals.length > 2) throw new UsageError(templateMessage.newUsage);
    const info = findTemplate(positionals[0]);
    if (!info) {
      io.err(
        `${templateMessage.unknown(
          positionals[0],
          TEMPLATES.map((t) => t.id),
        )}\n`,
      );
      return 2;
    }
    const dir = path.resolve(cwd, positionals[1] ?? '.');
    const written = copyTemplate(templatesDir(distDir), info, dir);
    const shown = written.map((f) => path.relative(cwd, path.join(dir, f)) || f);
    io.out(templateMessage.created(shown, shown[0]));
    return 0;
  } catch (e) {
    if (e instanceof TemplateExistsError) {
      io.err(`${e.message}\n`);
      return 1;
    }
    io.err(e instanceof UsageError ? `${e.message}\n${templateMessage.newUsage}\n` : `${(e as Error).message}\n`);
    return 2;
  }
}

function listTemplates(): string {
  const width = Math.max(...TEMPLATES.map((t) => t.id.length));
  return TEMPLATES.map((t) => `${t.id.padEnd(width)}  ${t.title}: ${t.description}\n`).join('');
}
