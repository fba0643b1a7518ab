import path from 'node:path';
import { NOTEBOOK_MAX_BYTES, type Notebook } from '../core/notebook/contract';
import { parseNotebook } from '../core/notebook/parse';
import { message } from '../core/messages';
import { FileReadError, readRegularFile } from '../store/readRegularFile';
import { UsageError } from './args';

/**
 * The notebook `modelbook run` was given. Its size and type are checked before it is read, so a
 * FIFO or a 700 MB file fails with one sentence (a FileReadError naming the file, its size and
 * the limit) instead of hanging or a V8 stack. A link is followed: the user named it.
 *
 * @example
 * const nb = readNotebookFile(path.resolve('churn.mlnb'), 'churn.mlnb');
 */
export function readNotebookFile(file: string, shown: string): Notebook {
  let bytes: Buffer;
  try {
    ({ bytes } = readRegularFile(file, { maxBytes: NOTEBOOK_MAX_BYTES, followSymlinks: true }));
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    if (e.problem === 'missing') throw new UsageError(message.cliNotFound(shown));
    const reason = e.problem === 'tooBig' ? message.cliNotebookTooBig(e.reason, shown) : e.reason;
    throw new FileReadError(shown, e.problem, reason, e.code, e.stat);
  }
  return parseNotebook(bytes.toString('utf8'), path.basename(file));
}
