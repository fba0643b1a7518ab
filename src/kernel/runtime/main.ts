/**
 * The kernel process: runs a notebook's cells, one at a time, in one long-lived global scope.
 * Started by `src/kernel/host` (from the extension or the CLI) under Node's permission model.
 */
import v8 from 'node:v8';
import { KERNEL_ENV, type Envelope, type HostToKernel, type KernelStartOptions } from '../../protocol/kernel';
import { KERNEL_SERVICE, type KernelService, type DisplayOptions } from '../../core/kernel/service';
import { KERNEL_GLOBAL } from '../../core/cells/kernelGlobals';
import { onMessage, send } from './channel';
import { installAsyncDriver } from './asyncDriver';
import { installStackMapping, toCellError } from './errors';
import { flushStreams, installConsole, outputLimit, stderr } from './streams';
import { limitBundle } from '../../core/notebook/outputLimit';
import { enqueueCell } from './execute';
import { ModuleLoader, defaultOf, named } from './modules';
import { toMimeBundle } from './display';
import { currentExecId, currentRunContext, currentSignal, failRunningCell, requestInterrupt } from './state';
import { tfBackendReport } from '../tf/kernelBackend';
import { HostTrialTransport } from './trials';
import { completeAt } from './complete';
import { recordBaselineGlobals } from './inspect';
import { variablesAt } from './variables';
import { clearTablePages, tablePage, type ArqueroHelpers } from './tables/page';
import { tableStats } from './tables/stats';
import { installGuards } from './guards';

const trials = new HostTrialTransport();

declare const MODELBOOK_VERSION: string;

function main(): void {
  const options = JSON.parse(process.env[KERNEL_ENV.options] ?? '{}') as KernelStartOptions;
  delete process.env[KERNEL_ENV.options];
  const osLayer = process.env.MODELBOOK_CONFINE;
  delete process.env.MODELBOOK_CONFINE;
  if (options.sandbox) installGuards(options.sandbox);
  const loader = new ModuleLoader(options.notebookDir ?? process.cwd(), options.distDir ?? __dirname);

  installStackMapping(__filename);
  installAsyncDriver();
  installConsole();
  installGlobals(loader, options.workspaceDir ?? process.cwd());
  recordBaselineGlobals();

  // With a listener, a SIGINT outside cell code (e.g. while a cell awaits) interrupts instead of
  // killing the kernel; inside cell code vm's watchdog takes it first (see asyncDriver.ts).
  process.on('SIGINT', () => requestInterrupt());
  process.on('uncaughtException', (e) => reportUncaught(e));
  process.on('unhandledRejection', (e) => reportUncaught(e));

  onMessage((msg) => {
    switch (msg.type) {
      case 'runCell':
        clearTablePages(); // the cell may change a value in place: page its tables afresh
        enqueueCell(msg.payload);
        break;
      case 'interrupt':
        requestInterrupt(msg.payload.execId);
        break;
      case 'trialResult':
      case 'trialsDone':
        trials.handle(msg);
        break;
      case 'complete': {
        let items: ReturnType<typeof completeAt> = [];
        try {
          items = completeAt(msg.payload.path);
        } catch {
          // A Proxy trap threw: no completions.
        }
        send('completions', { requestId: msg.payload.requestId, items });
        break;
      }
      case 'variables':
      case 'tablePage':
      case 'tableStats':
        void answerInspection(msg, loader);
        break;
      case 'shutdown':
        process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));

  send('ready', {
    pid: process.pid,
    nodeVersion: process.version,
    sandboxed: hasPermissionModel(),
    heapLimitMb: Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20),
    ...(osLayer ? { osLayer } : {}),
  });
}

/** Answers the Variables view and the data viewer; a value whose code throws (a Proxy, a broken table) gives an error, never a dead kernel. */
async function answerInspection(msg: Envelope<Pick<HostToKernel, 'variables' | 'tablePage' | 'tableStats'>>, loader: ModuleLoader): Promise<void> {
  const { requestId } = msg.payload;
  const failed = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 1000);
  switch (msg.type) {
    case 'variables': {
      let answer: ReturnType<typeof variablesAt>;
      try {
        answer = variablesAt(msg.payload.path);
      } catch (e) {
        answer = { items: [], error: failed(e) };
      }
      send('variablesResult', { requestId, ...answer });
      break;
    }
    case 'tablePage': {
      const arquero = async () => (await loader.load('arquero')) as ArqueroHelpers;
      send('tablePageResult', { requestId, ...(await tablePage(msg.payload, arquero).catch((e) => ({ error: failed(e) }))) });
      break;
    }
    case 'tableStats': {
      let answer: ReturnType<typeof tableStats>;
      try {
        answer = tableStats(msg.payload.path, msg.payload.column);
      } catch (e) {
        answer = { error: failed(e) };
      }
      send('tableStatsResult', { requestId, ...answer });
      break;
    }
  }
}

function installGlobals(loader: ModuleLoader, workspaceDir: string): void {
  const g = globalThis as Record<string | symbol, unknown>;
  const display = (value: unknown, opts: DisplayOptions = {}) => {
    flushStreams();
    send('display', { execId: currentExecId(), data: limitBundle(toMimeBundle(value), outputLimit()), ...(opts.id ? { displayId: opts.id } : {}), ...(opts.update ? { update: true } : {}) });
  };
  const service: KernelService = {
    display,
    get signal() {
      return currentSignal();
    },
    importModule: (spec: string) => loader.load(spec),
    trialTransport: trials,
    workspaceDir,
    runContext: () => ({ ...currentRunContext(), libraries: libraryVersions(loader), ...backendOf() }),
  };
  Object.defineProperty(g, KERNEL_SERVICE, { value: service, enumerable: false });
  Object.defineProperty(g, KERNEL_GLOBAL, {
    value: Object.freeze({ import: (spec: string) => loader.load(spec), defaultOf, named, importMeta: Object.freeze({ url: 'file:///modelbook-cell.js' }) }),
    writable: false,
    configurable: false,
    enumerable: false,
  });
  g.display = display;
  g.require = loader.cellRequire;
}

/** Versions recorded with every run: this Modelbook, Node, and the TF.js the kernel loaded (if any). */
function libraryVersions(loader: ModuleLoader): Record<string, string> {
  const v: Record<string, string> = { modelbook: MODELBOOK_VERSION, node: process.version };
  const tfVersion = loader.loadedVersion('@tensorflow/tfjs');
  if (tfVersion) v['@tensorflow/tfjs'] = tfVersion;
  return v;
}

function backendOf(): { backend?: string } {
  const report = tfBackendReport();
  return report ? { backend: report.backend + (report.simd ? ' (simd)' : '') } : {};
}

/**
 * An uncaught error fails the cell that runs while it happens (its work went wrong, e.g. a write
 * the sandbox refused asynchronously); raised after the cell ended, it is background output.
 * Either way it must not kill the kernel.
 */
function reportUncaught(e: unknown): void {
  if (failRunningCell(e)) return;
  const err = toCellError(e);
  stderr.write(`Uncaught error in background code: ${err.stack || `${err.name}: ${err.message}`}\n`);
}

function hasPermissionModel(): boolean {
  const p = (process as unknown as { permission?: { has(scope: string, ref?: string): boolean } }).permission;
  return p !== undefined && !p.has('child');
}

main();
