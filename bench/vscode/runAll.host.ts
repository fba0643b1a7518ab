// The extension-host half of bench/vscodeRunAll.bench.ts: VS Code loads this module as the
// extensionTestsPath and awaits run(). It opens the 200-cell notebook, runs it once to warm up
// (kernel start, transform cache), then times BENCH_REPS Run Alls from the command to the last
// cell's execution completing, as the extension host sees it. Results go to BENCH_OUT as JSON.
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import * as vscode from 'vscode';
import type { activate } from '../../src/extension';

type ExtensionApi = Awaited<ReturnType<typeof activate>>;

const EXTENSION_ID = 'modelbook.modelbook';

/** Resolves once the notebook's last cell reports an execution order above `after` with an end time. */
function lastCellDone(nb: vscode.NotebookDocument, after: number): Promise<void> {
  const last = () => nb.cellAt(nb.cellCount - 1).executionSummary;
  const done = () => {
    const s = last();
    return (s?.executionOrder ?? 0) > after && s?.timing?.endTime !== undefined;
  };
  return new Promise((resolve) => {
    if (done()) return resolve();
    const sub = vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.notebook === nb && done()) {
        sub.dispose();
        resolve();
      }
    });
  });
}

/** One timed Run All: until the last cell's end reached the extension host, and until the kernel session finished its last cell. */
interface Timing {
  ms: number;
  kernelMs: number;
}

async function runAll(nb: vscode.NotebookDocument, api: ExtensionApi): Promise<Timing> {
  const before = nb.cellAt(nb.cellCount - 1).executionSummary?.executionOrder ?? 0;
  const finished = lastCellDone(nb, before);
  let kernelMs = 0;
  const idle = api.kernels.onDidChangeState((e) => {
    if (e.notebook === nb && e.state === 'idle') kernelMs = performance.now() - t0;
  });
  const t0 = performance.now();
  await vscode.commands.executeCommand('notebook.execute', nb.uri);
  await finished;
  const ms = performance.now() - t0;
  idle.dispose();
  const failed = nb.getCells().filter((c) => c.executionSummary?.success !== true).length;
  if (failed) throw new Error(`${failed} cells did not succeed`);
  return { ms, kernelMs };
}

/** A CPU profile of the extension host over `work` (BENCH_PROFILE=file.cpuprofile), for finding where the time goes. */
async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((res, rej) => session.post(method, params ?? {}, (e, r) => (e ? rej(e) : res(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

export async function run(): Promise<void> {
  const report = process.env.MOCHA_REPORT_FILE;
  const out = process.env.BENCH_OUT;
  const reps = Number(process.env.BENCH_REPS ?? 5);
  try {
    const api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as ExtensionApi;
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const nb = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder, 'many.mlnb'));
    await vscode.window.showNotebookDocument(nb);
    await vscode.commands.executeCommand('notebook.selectKernel', { id: 'modelbook.kernel', extension: EXTENSION_ID });
    await runAll(nb, api);
    const times: Timing[] = [];
    for (let i = 0; i < reps; i++) times.push(await runAll(nb, api));
    // Profiled apart from the timed runs: the profiler slows the host.
    if (process.env.BENCH_PROFILE) await profiled(process.env.BENCH_PROFILE, () => runAll(nb, api));
    if (out) fs.writeFileSync(out, JSON.stringify({ times, cells: nb.cellCount }));
    if (report) fs.writeFileSync(report, `run-all timed ${reps} times\n1 passed, 0 failed\n`);
  } catch (e) {
    if (report) fs.writeFileSync(report, `${(e as Error).stack ?? e}\n0 passed, 1 failed\n`);
    throw e;
  }
}
