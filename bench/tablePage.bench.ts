// Data viewer paging on a 1M-row × 50-column arquero table (issue 15): a page of 100 rows unsorted,
// the first page of a sort (arquero orderby: the sort itself), later pages of the same sort (the kept
// row order), an arquero filter expression, text searches (a longer text typed after a shorter one
// searches only the rows the shorter one kept), and one column's statistics. Each is timed at the host
// (wall, request → answer) and in the kernel process (CPU, from /proc). Reference, measured in the
// same run: the same sorted page computed by a cell with arquero's own verbs
// (`orderby(desc).slice().objects()`), the way a user would without the viewer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KernelSession } from '../src/kernel/host/session';
import { DEFAULT_SANDBOX } from '../src/kernel/host/sandbox';

const REPO = path.resolve(__dirname, '../..');
const TICK_MS = 10; // USER_HZ is 100 on Linux

function kernelCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function timed(pid: number, n: number, fn: (i: number) => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c0 = kernelCpuMs(pid);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return { wall: (performance.now() - t0) / n, cpu: (kernelCpuMs(pid) - c0) / n };
}

const fmt = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(1)} ms wall, ${t.cpu.toFixed(1)} ms kernel CPU`;

async function main(): Promise<void> {
  const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-')));
  fs.writeFileSync(path.join(ws, 'package.json'), '{}');
  const session = new KernelSession({ notebookDir: ws, workspaceDir: ws, distDir: path.join(REPO, 'dist'), memoryLimitMb: 4096, sandbox: DEFAULT_SANDBOX });
  const made = await session.execute(
    [
      "import * as aq from 'arquero';",
      'let seed = 7;',
      'const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);',
      'const cols: Record<string, Float64Array> = {};',
      'for (let c = 0; c < 50; c++) { const a = new Float64Array(1_000_000); for (let i = 0; i < a.length; i++) a[i] = rand(); cols[`c${c}`] = a; }',
      'const big = aq.table(cols);',
    ].join('\n'),
    {},
    { timeoutSeconds: 600 },
  );
  if (made.status !== 'ok') throw new Error(`setup cell failed: ${JSON.stringify(made.error)}`);
  const pid = session.status!.info.pid;
  const page = async (req: Partial<Parameters<KernelSession['tablePage']>[0]>) => {
    const r = await session.tablePage({ path: ['big'], offset: 0, limit: 100, ...req }, 600_000);
    if (!r.page) throw new Error(r.error);
  };
  const sort = [{ column: 'c3', descending: true }];
  console.log(`unsorted page of 100 × 50 (20 pages):      ${fmt(await timed(pid, 20, (i) => page({ offset: i * 49_999 })))}`);
  console.log(`first sorted page (the sort, 1M rows):      ${fmt(await timed(pid, 1, () => page({ sort })))}`);
  console.log(`later sorted pages (kept order, 20 pages):  ${fmt(await timed(pid, 20, (i) => page({ sort, offset: i * 49_999 })))}`);
  console.log(`filter d => d.c0 > 0.5, first page:         ${fmt(await timed(pid, 1, () => page({ filter: 'd => d.c0 > 0.5' })))}`);
  console.log(`text filter "abc" (skips number columns):   ${fmt(await timed(pid, 1, () => page({ filter: 'abc' })))}`);
  console.log(`text filter "0.123" (reads every number):   ${fmt(await timed(pid, 1, () => page({ filter: '0.123' })))}`);
  console.log(`then "0.1234" as the user types (narrowed):  ${fmt(await timed(pid, 1, () => page({ filter: '0.1234' })))}`);
  console.log(`statistics of one column:                   ${fmt(await timed(pid, 1, async () => (await session.tableStats(['big'], 'c7', 600_000)).stats))}`);
  const ref = await timed(pid, 1, () => session.execute("big.orderby(aq.desc('c4')).slice(0, 100).objects().length", {}, { timeoutSeconds: 600 }));
  console.log(`reference, a cell: orderby(desc).slice(0, 100).objects(): ${fmt(ref)}`);
  session.dispose();
  fs.rmSync(ws, { recursive: true, force: true });
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
