import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { findExecutable } from '../../store/findExecutable';
import { message } from '../../core/messages';

/** A Node executable the kernel can run on, and what its permission model supports. */
export interface NodeRuntime {
  path: string;
  version: string;
  /** Extra environment to run it as Node (Electron's binary needs ELECTRON_RUN_AS_NODE). */
  env: Record<string, string>;
  /** `--permission` (Node ≥ 22) or `--experimental-permission` (Node 20), or undefined: no sandbox possible. */
  permissionFlag?: string;
  flags: Set<string>;
  /** Writable memory (VmData, MB) an idle Node of this build already maps; the OS memory cap comes on top. */
  baselineMb: number;
}

const FLAGS = ['--permission', '--experimental-permission', '--allow-addons', '--allow-worker', '--allow-child-process', '--allow-net', '--disable-warning'];
const PROBE = [
  `const f = ${JSON.stringify(FLAGS)}.filter((f) => process.allowedNodeEnvironmentFlags.has(f));`,
  "let d = 0; try { d = Number(/VmData:\\s*(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}",
  'process.stdout.write(JSON.stringify({ v: process.version, f, d }));',
].join('\n');
const cache = new Map<string, NodeRuntime>();

/**
 * Finds the Node that runs kernels: the configured path, else this process's own Node (the CLI,
 * code-server's extension host), else — inside Electron — a `node` on PATH, else Electron run as
 * Node. Probes it once (≈40 ms) for permission-model support and its idle memory footprint.
 * The `node` on PATH is taken only from absolute PATH entries outside `untrusted` (the workspace),
 * so a cell cannot plant the Node the next kernel runs on.
 */
export function findNodeRuntime(configured?: string, untrusted: readonly string[] = []): NodeRuntime {
  const key = `${configured || ''}\0${untrusted.join('\0')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const runtime = configured ? probe(configured, {}) : defaultRuntime(untrusted);
  cache.set(key, runtime);
  return runtime;
}

function defaultRuntime(untrusted: readonly string[]): NodeRuntime {
  if (!process.versions.electron) return probe(process.execPath, {});
  try {
    const node = findExecutable('node', untrusted);
    if (!node) throw new Error('internal: no node on PATH');
    const onPath = probe(node, {});
    if (Number(onPath.version.slice(1).split('.')[0]) >= 20) return onPath;
  } catch {
    // no usable node on PATH: fall back to Electron's
  }
  return probe(process.execPath, { ELECTRON_RUN_AS_NODE: '1' });
}

function probe(path: string, env: Record<string, string>): NodeRuntime {
  if (path.includes('/') && !fs.existsSync(path)) throw new Error(message.kernelNodeMissing(path));
  const out = execFileSync(path, ['-e', PROBE], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 15_000 });
  const parsed = JSON.parse(out) as { v: string; f: string[]; d?: number };
  return withPermission({ path, version: parsed.v, env, flags: new Set(parsed.f), baselineMb: Math.ceil((parsed.d ?? 0) / 1024) });
}

function withPermission(r: NodeRuntime): NodeRuntime {
  const permissionFlag = r.flags.has('--permission') ? '--permission' : r.flags.has('--experimental-permission') ? '--experimental-permission' : undefined;
  return { ...r, ...(permissionFlag ? { permissionFlag } : {}) };
}
