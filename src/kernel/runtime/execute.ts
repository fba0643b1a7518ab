import vm from 'node:vm';
import type { CellDone, RunCell } from '../../protocol/kernel';
import { send } from './channel';
import { runInterruptible } from './asyncDriver';
import { cellFileName, registerCellScript, toCellError } from './errors';
import { toMimeBundle } from './display';
import { beginOutput, endOutput, outputLimit } from './streams';
import { limitBundle } from '../../core/notebook/outputLimit';
import { InterruptedError, beginCell, endCell, setRunContext } from './state';
import { KernelPromise } from './intrinsics';

const queue: RunCell[] = [];
let busy = false;

/** Queues a cell; cells run one at a time in arrival order. */
export function enqueueCell(cell: RunCell): void {
  queue.push(cell);
  if (!busy) void drain();
}

async function drain(): Promise<void> {
  busy = true;
  try {
    for (let cell = queue.shift(); cell; cell = queue.shift()) {
      let done: CellDone;
      try {
        done = await runCell(cell);
      } catch (e) {
        done = { execId: cell.execId, status: 'error', error: toCellError(e) };
      }
      endOutput(cell.execId);
      send('done', done);
    }
  } finally {
    busy = false;
  }
}

/** Runs one cell to completion, error or interrupt (a throw here is a kernel bug, reported as the cell's error). */
async function runCell(cell: RunCell): Promise<CellDone> {
  const { execId } = cell;
  let stop!: (error: unknown) => void;
  const stopped = new KernelPromise<never>((_, reject) => {
    stop = reject;
  });
  stopped.catch(() => undefined);
  beginCell(execId, (error) => stop(error));
  beginOutput(execId, cell.maxOutput);
  setRunContext(cell.context);
  send('started', { execId });
  try {
    const fileName = cellFileName(execId);
    registerCellScript(fileName, cell.label, cell.source, cell.maps);
    const script = new vm.Script(cell.code, { filename: fileName });
    const pending = runInterruptible(() => script.runInThisContext({ displayErrors: false })) as Promise<unknown>;
    const value = await KernelPromise.race([pending, stopped]);
    if (!cell.hasResult || value === undefined) return { execId, status: 'ok' };
    return { execId, status: 'ok', result: limitBundle(toMimeBundle(value), outputLimit()) };
  } catch (e) {
    if (e instanceof InterruptedError) return { execId, status: 'interrupted' };
    return { execId, status: 'error', error: toCellError(e) };
  } finally {
    endCell(execId);
  }
}
