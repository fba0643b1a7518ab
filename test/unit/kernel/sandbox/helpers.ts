import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, type RunArgs } from '../../../../src/cli/args';
import { runNotebook, type RunReport } from '../../../../src/cli/run';
import { DIST } from '../../paths';

/** A notebook of code cells, as nbformat JSON. */
export function notebookJson(cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source, outputs: [], execution_count: null })),
  });
}

export interface CliRun {
  report: RunReport;
  stderr: string;
  ms: number;
  /** The notebook as written back. */
  cells: { outputs: { output_type: string; name?: string; text?: string[]; ename?: string; evalue?: string }[]; execution_count: number | null }[];
}

/** Runs `cells` with `modelbook run` in this process (as the CLI does), in a fresh workspace. */
export async function runCli(cells: string[], flags: string[] = []): Promise<CliRun> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-attack-')));
  try {
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const file = path.join(dir, 'n.mlnb');
    fs.writeFileSync(file, notebookJson(cells));
    let stderr = '';
    const t0 = Date.now();
    const report = await runNotebook(parseArgs(['run', file, ...flags]) as RunArgs, DIST, { out: () => undefined, err: (t) => (stderr += t) });
    const ms = Date.now() - t0;
    return { report, stderr, ms, cells: JSON.parse(fs.readFileSync(file, 'utf8')).cells };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
