/**
 * `modelbook lineage RUN_ID|PACKAGE_DIR [--format text|json]`: the chain behind a run or a package,
 * from records only; a missing or broken link is named with its fix. Wired into src/cli/main.ts.
 */
import path from 'node:path';
import { collectLineage } from '../core/lineage/collect';
import type { Lineage } from '../core/lineage/contract';
import { lineageMessage } from '../core/lineage/messages';
import { renderLineageText } from '../core/lineage/renderText';
import { GovernanceWorkspace, type Target } from '../store/lineage/workspace';
import { findRunWorkspace } from '../store/runs/paths';
import { parseFlags, UsageError, type FlagSpec } from './flags';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const LINEAGE_FLAGS = { format: { type: 'string' }, workspace: { type: 'string' } } as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook lineage …`. Exit code 0 complete, 1 a link is missing or broken, 2 bad arguments or not found.
 *
 * @example
 * runLineageCommand(['models/churn', '--format', 'json'], io, process.cwd()) // 0
 */
export function runLineageCommand(argv: string[], io: Io, cwd: string): number {
  try {
    const { values: v, positionals, help } = parseFlags('lineage', argv, LINEAGE_FLAGS);
    if (help) {
      io.out(`${lineageMessage.lineageUsage}\n`);
      return 0;
    }
    const format = v.format ?? 'text';
    if (positionals.length !== 1 || (format !== 'text' && format !== 'json')) throw new UsageError(lineageMessage.lineageUsage);
    const ws = new GovernanceWorkspace(path.resolve(cwd, v.workspace ?? findRunWorkspace(cwd)));
    const lineage = lineageOf(ws, ws.resolve(positionals[0], cwd));
    io.out(format === 'json' ? `${JSON.stringify(lineage, null, 2)}\n` : renderLineageText(lineage));
    return lineage.complete ? 0 : 1;
  } catch (e) {
    io.err(e instanceof UsageError ? `${e.message}\n${lineageMessage.lineageUsage}\n` : `${(e as Error).message}\n`);
    return 2;
  }
}

/**
 * The lineage of a resolved target.
 *
 * @example
 * lineageOf(ws, ws.resolve('models/churn', cwd)).complete // true
 */
export function lineageOf(ws: GovernanceWorkspace, target: Target): Lineage {
  return collectLineage(target.kind === 'run' ? { kind: 'run', id: target.record.id } : { kind: 'package', pkg: target.pkg }, ws.lineageReaders());
}
