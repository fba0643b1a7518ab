/**
 * The host's side of the language worker (worker.ts): starts it on first use, sends typed
 * requests and checks every answer, starts it again (with the notebooks it had) if it stops.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LangCell, LangMethod, LangRequests, LangWorkerData } from '../../protocol/lang';
import { isLangResponse } from './workerGuards';

interface Pending {
  method: LangMethod;
  resolve: (result: unknown) => void;
  reject: (e: Error) => void;
}

/** The worker's heap cap: a runaway program (a huge generated cell) stops the worker, not the host. */
const HEAP_MB = 2048;

/**
 * A client of `<distDir>/langWorker.js`.
 *
 * @example
 * const lang = new LangWorkerClient(distDir, { typesRoot, roots: [workspaceDir] });
 * await lang.request('update', { notebook: uri, version: 1, cells });
 * const errors = await lang.request('diagnostics', { notebook: uri });
 */
export class LangWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The last cells and version sent per notebook (edits applied), sent again to a restarted worker. */
  private readonly notebooks = new Map<string, { version: number; cells: LangCell[] }>();
  private closed = false;

  constructor(
    private readonly distDir: string,
    private readonly data: LangWorkerData,
  ) {}

  /** Sends one request; resolves with the worker's checked answer. */
  request<M extends LangMethod>(method: M, params: LangRequests[M]['params']): Promise<LangRequests[M]['result']> {
    if (this.closed) return Promise.reject(new Error('internal: the language worker is closed'));
    // Started first: a new worker is sent the notebooks it had before this request, not this one twice.
    const worker = this.worker ?? this.start();
    if (method === 'update') {
      const p = params as LangRequests['update']['params'];
      this.notebooks.set(p.notebook, { version: p.version, cells: p.cells });
    } else if (method === 'edit') {
      const p = params as LangRequests['edit']['params'];
      const known = this.notebooks.get(p.notebook);
      const text = new Map(p.cells.map((c) => [c.id, c.source]));
      // The worker refuses an edit not newer than what it has; so does the copy it would be restarted with.
      if (known && p.version > known.version) this.notebooks.set(p.notebook, { version: p.version, cells: known.cells.map((c) => ({ id: c.id, source: text.get(c.id) ?? c.source })) });
    } else if (method === 'close') this.notebooks.delete((params as LangRequests['close']['params']).notebook);
    const requestId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { method, resolve: resolve as (r: unknown) => void, reject });
      worker.postMessage({ requestId, method, params });
    });
  }

  /** Stops the worker; pending requests fail. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failPending('internal: the language worker is closed');
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(path.join(this.distDir, 'langWorker.js'), { workerData: this.data, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
    // The extension host may exit while the worker is busy.
    worker.unref();
    worker.on('message', (m: unknown) => this.receive(m));
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failPending('internal: the language worker stopped');
    });
    this.worker = worker;
    for (const [notebook, { version, cells }] of this.notebooks) {
      const requestId = this.nextId++;
      this.pending.set(requestId, { method: 'update', resolve: () => undefined, reject: () => undefined });
      worker.postMessage({ requestId, method: 'update', params: { notebook, version, cells } });
    }
    return worker;
  }

  private receive(m: unknown): void {
    const requestId = (m as { requestId?: unknown })?.requestId;
    const p = typeof requestId === 'number' ? this.pending.get(requestId) : undefined;
    if (!p) return;
    this.pending.delete(requestId as number);
    if (!isLangResponse(m, p.method)) p.reject(new Error('internal: a malformed answer from the language worker'));
    else if ('error' in m) p.reject(new Error(m.error));
    else p.resolve(m.result);
  }

  private failPending(why: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(new Error(why));
  }
}
