// `npm run bench`: runs every benchmark (bench/*.bench.ts, built to out/bench/) one after another.
// Each prints its numbers and the ratio against a reference measured in the same run, and says so
// when a reference is not installed. BENCH=name,name selects some.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve('out/bench');
const only = process.env.BENCH?.split(',').map((s) => s.trim());
const files = fs.existsSync(dir)
  ? fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.bench.js'))
      .sort()
  : [];
let failed = 0;
for (const f of files) {
  const name = path.basename(f, '.bench.js');
  if (only && !only.includes(name)) continue;
  console.log(`\n### ${name}`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(dir, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
