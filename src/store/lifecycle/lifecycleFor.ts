/**
 * The lifecycle a notebook is held to: its own `metadata.modelbook.lifecycle` and the workspace's
 * `.modelbook/governance.json` `lifecycle` (the union applies).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LifecycleConfig } from '../../core/checkpoints/contract';
import { mergeLifecycle, notebookLifecycle } from '../../core/lifecycle/parseConfig';
import { NOTEBOOK_MAX_BYTES } from '../../core/notebook/contract';
import { parseNotebook } from '../../core/notebook/parse';
import { readGovernance } from '../approvals/approvalLog';
import { FileReadError, readRegularFile } from '../readRegularFile';

/**
 * The lifecycle declared for `notebookRel` (workspace-relative, '/'-separated) in `workspace`.
 * The notebook is read as a regular file inside the workspace only: a path leaving it, a symlink
 * (the file or a folder on the way) pointing out of it, or a notebook that is gone leaves the
 * workspace's declaration alone in force. A bad declaration throws, naming the file and the field.
 *
 * @example
 * lifecycleFor('/work/churn', 'notebooks/churn.mlnb') // { export: ['data-quality', 'fairness'] }
 */
export function lifecycleFor(workspace: string, notebookRel: string | undefined): LifecycleConfig {
  const governance = readGovernance(workspace).lifecycle;
  const text = notebookRel ? readNotebookInside(workspace, notebookRel) : undefined;
  const own = text !== undefined ? notebookLifecycle(parseNotebook(text, notebookRel).metadata, notebookRel!) : undefined;
  return mergeLifecycle(own, governance);
}

function readNotebookInside(workspace: string, rel: string): string | undefined {
  if (path.isAbsolute(rel) || rel.split('/').some((s) => s === '..' || s === '')) return undefined;
  const file = path.join(workspace, ...rel.split('/'));
  try {
    const root = fs.realpathSync(workspace);
    const folder = fs.realpathSync(path.dirname(file));
    if (folder !== root && !folder.startsWith(root + path.sep)) return undefined;
    return readRegularFile(path.join(folder, path.basename(file)), { maxBytes: NOTEBOOK_MAX_BYTES }).bytes.toString('utf8');
  } catch (e) {
    if ((e instanceof FileReadError && e.problem === 'missing') || (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
