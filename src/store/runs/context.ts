import path from 'node:path';
import { hashCells } from '../../core/runs/codeHash';
import type { RunContext } from '../../core/runs/contract';
import { readGitInfo } from './git';
import { workspaceRelative } from './paths';
import { runMessage } from '../../core/runs/messages';

export interface ContextSource {
  workspaceDir: string;
  /** The notebook file (absolute, or relative to the workspace). */
  notebookPath?: string;
  cellId?: string;
  /** Sources of the cells run so far in this kernel, in order, up to and including the current one. */
  cellSources?: readonly string[];
  libraries?: Record<string, string>;
  backend?: string;
  /** Read git info (spawns `git`; host process only). Default true. */
  git?: boolean;
}

/**
 * The RunContext for the runs a cell will start, gathered on the host side (the sandboxed
 * kernel may not start `git`): workspace-relative notebook path, cell id, code hash of the
 * cells run so far, git commit/branch/dirty, library versions and TF.js backend.
 *
 * @example
 * const context = collectRunContext({ workspaceDir, notebookPath: doc.uri.fsPath, cellId, cellSources });
 * // send it with the cell; in the kernel: recorder.setContext(context)
 */
export function collectRunContext(source: ContextSource): RunContext {
  if (typeof source?.workspaceDir !== 'string' || source.workspaceDir === '')
    throw new TypeError(runMessage.needs('collectRunContext', '{ workspaceDir } (the folder whose .modelbook/runs gets the records)'));
  const ctx: RunContext = {};
  if (source.notebookPath) {
    const rel = workspaceRelative(source.workspaceDir, source.notebookPath);
    ctx.notebook = rel ?? path.resolve(source.workspaceDir, source.notebookPath).split(path.sep).join('/');
  }
  if (source.cellId) ctx.cellId = source.cellId;
  if (source.cellSources) ctx.codeHash = hashCells(source.cellSources);
  if (source.git !== false) {
    const git = readGitInfo(source.workspaceDir);
    if (git) ctx.git = git;
  }
  if (source.libraries) ctx.libraries = { ...source.libraries };
  if (source.backend) ctx.backend = source.backend;
  return ctx;
}
