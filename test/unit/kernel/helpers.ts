import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KernelSession, type ExecutionResult } from '../../../src/kernel/host/session';
import { DEFAULT_SANDBOX, type SandboxSettings } from '../../../src/kernel/host/sandbox';
import type { KernelProcessOptions } from '../../../src/kernel/host/kernelProcess';
import type { MimeBundle } from '../../../src/core/notebook/contract';

export { DIST } from '../paths';
import { DIST } from '../paths';

/** A temporary workspace with an ESM and a CommonJS package in node_modules. */
export function makeWorkspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-ws-')));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"ws","private":true}');
  const pkg = (name: string, files: Record<string, string>) => {
    const p = path.join(dir, 'node_modules', name);
    fs.mkdirSync(p, { recursive: true });
    for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(p, f), c);
  };
  pkg('esm-pkg', {
    'package.json': '{"name":"esm-pkg","type":"module","exports":{".":"./index.js","./sub":"./sub.js"}}',
    'index.js': 'export const hello = (n) => `hello ${n}`; export default 42;',
    'sub.js': 'export const sub = "sub";',
  });
  pkg('cjs-pkg', { 'package.json': '{"name":"cjs-pkg","main":"lib.js"}', 'lib.js': 'module.exports = { add: (a, b) => a + b }; module.exports.version = "1";' });
  fs.writeFileSync(path.join(dir, 'local.mjs'), 'export const local = "from a file";');
  return dir;
}

/** The Node that test kernels run on: `MODELBOOK_TEST_KERNEL_NODE` (e.g. the pinned Node 26) or the default choice. */
export const TEST_KERNEL_NODE = process.env.MODELBOOK_TEST_KERNEL_NODE || undefined;

export function newSession(workspace: string, overrides: Omit<Partial<KernelProcessOptions>, 'sandbox'> & { sandbox?: Partial<SandboxSettings> } = {}): KernelSession {
  return new KernelSession({
    notebookDir: workspace,
    workspaceDir: workspace,
    distDir: DIST,
    memoryLimitMb: 2048,
    ...(TEST_KERNEL_NODE ? { nodePath: TEST_KERNEL_NODE } : {}),
    ...overrides,
    sandbox: { ...DEFAULT_SANDBOX, ...overrides.sandbox },
  });
}

export interface Recorded extends ExecutionResult {
  streams: { name: string; text: string; at: number }[];
  displays: MimeBundle[];
  text?: string;
}

/** Runs one cell and records everything it produced. */
export async function run(session: KernelSession, source: string, timeoutSeconds?: number): Promise<Recorded> {
  const streams: Recorded['streams'] = [];
  const displays: MimeBundle[] = [];
  const r = await session.execute(source, { stream: (name, text) => streams.push({ name, text, at: Date.now() }), display: (d) => displays.push(d) }, timeoutSeconds ? { timeoutSeconds } : {});
  const text = r.result?.['text/plain'];
  return { ...r, streams, displays, ...(typeof text === 'string' ? { text } : {}) };
}

/**
 * A workspace and a real kernel session for the enclosing `describe`: made before its tests,
 * disposed and removed after them. Read `k.ws` and `k.session` inside hooks and tests.
 */
export function useKernel(overrides: Parameters<typeof newSession>[1] = {}): { readonly ws: string; readonly session: KernelSession } {
  const k = { ws: '', session: undefined as unknown as KernelSession };
  before(() => {
    k.ws = makeWorkspace();
    k.session = newSession(k.ws, overrides);
  });
  after(() => {
    k.session?.dispose();
    if (k.ws) fs.rmSync(k.ws, { recursive: true, force: true });
  });
  return k;
}

/** Every run record under `<workspace>/.modelbook/runs`, parsed (none when the folder does not exist). */
export function readRunRecords<T = Record<string, unknown>>(workspace: string): T[] {
  const dir = path.join(workspace, '.modelbook', 'runs');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as T);
}
