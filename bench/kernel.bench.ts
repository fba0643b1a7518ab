// Kernel latency: cold start, trivial-cell round trip (p50/p95 over 1,000 cells), and run-all of a
// 200-cell notebook through the CLI. Reference, measured in the same run: a bare forked Node child
// answering IPC messages — the floor any out-of-process kernel pays.
// Targets (MISSION.md): round trip < 5 ms p50; 200 cells < 2 s.
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KernelSession } from '../src/kernel/host/session';
import { DEFAULT_SANDBOX } from '../src/kernel/host/sandbox';

const REPO = path.resolve(__dirname, '../..');
const DIST = path.join(REPO, 'dist');

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function rawIpc(dir: string, n: number): Promise<number[]> {
  const echo = path.join(dir, 'echo.js');
  fs.writeFileSync(echo, "process.on('message', (m) => process.send(m));");
  const child = fork(echo, [], { stdio: 'ignore', serialization: 'advanced' });
  const times: number[] = [];
  await new Promise((r) => setTimeout(r, 200));
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      child.once('message', () => resolve());
      child.send({ i });
    });
    times.push(performance.now() - t0);
  }
  child.kill();
  return times;
}

async function main(): Promise<void> {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-')));
  fs.writeFileSync(path.join(ws, 'package.json'), '{}');
  const options = { notebookDir: ws, workspaceDir: ws, distDir: DIST, memoryLimitMb: 4096, sandbox: DEFAULT_SANDBOX };

  // Alternating with and without the Linux OS layer (Landlock, seccomp), so both see the same load.
  const starts: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 8; i++) {
    for (const [into, opts] of [
      [starts, options],
      [bare, { ...options, osLayer: false as const }],
    ] as const) {
      const s = new KernelSession(opts);
      const t0 = performance.now();
      await s.ensureKernel();
      into.push(performance.now() - t0);
      s.dispose();
    }
  }
  console.log(`kernel cold start (spawn → ready, sandboxed): p50 ${fmt(pct(starts, 50))}, min ${fmt(Math.min(...starts))} over ${starts.length}`);
  console.log(
    `  without the OS layer (permission model only): p50 ${fmt(pct(bare, 50))} → the OS layer costs ${(pct(starts, 50) / pct(bare, 50)).toFixed(2)}× (${fmt(pct(starts, 50) - pct(bare, 50))})`,
  );

  const session = new KernelSession(options);
  await session.execute('0');
  for (let i = 0; i < 50; i++) await session.execute(`${i} + 1`);
  const rt: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    const r = await session.execute(`${i} + 1`);
    rt.push(performance.now() - t0);
    if (r.status !== 'ok') throw new Error(`cell failed: ${JSON.stringify(r.error)}`);
  }
  const same: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    await session.execute('1 + 1');
    same.push(performance.now() - t0);
  }
  session.dispose();
  const raw = await rawIpc(ws, 1000);
  console.log(`trivial cell round trip (TS transform + IPC + run + display), 1,000 cells: p50 ${fmt(pct(rt, 50))}, p95 ${fmt(pct(rt, 95))}  [target p50 < 5 ms]`);
  console.log(`the same cell re-run 1,000 times (transform cached): p50 ${fmt(pct(same, 50))}, p95 ${fmt(pct(same, 95))}`);
  console.log(`reference: bare IPC echo to a forked Node child: p50 ${fmt(pct(raw, 50))}, p95 ${fmt(pct(raw, 95))}; ratio p50 ${(pct(rt, 50) / pct(raw, 50)).toFixed(1)}x`);

  const cells = Array.from({ length: 200 }, (_, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source: `const v${i} = ${i};\nv${i} * 2`, outputs: [], execution_count: null }));
  fs.writeFileSync(path.join(ws, 'many.mlnb'), JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'run', 'many.mlnb'], { cwd: ws, encoding: 'utf8' });
    runs.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  console.log(`run-all of a 200-cell notebook via \`modelbook run\` (process start to file written): p50 ${fmt(pct(runs, 50))}  [target < 2 s]`);
  fs.rmSync(ws, { recursive: true, force: true });
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
