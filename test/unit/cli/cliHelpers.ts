/** What the CLI tests share: the built CLI run in a workspace, and notebooks of code cells. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, REPO } from '../paths';

const CLI = path.join(DIST, 'cli.js');

/** An .mlnb of code cells with ids c0, c1, … (the kernel records runs by cell id). */
export function codeNotebook(cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source, outputs: [], execution_count: null })),
  });
}

/**
 * Runs `modelbook ARGS` in `cwd`; `home` gives the CLI a fixed HOME (and git identity files under it),
 * so nothing is read from the machine's own.
 */
export function runCli(args: string[], cwd: string, options: { timeout?: number; home?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  const env = options.home !== undefined ? { ...process.env, HOME: options.home, XDG_CONFIG_HOME: path.join(options.home, '.config') } : process.env;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: options.timeout ?? 90_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A temporary workspace with the bundled penguins data under data/, a git identity (Ada Lovelace)
 * in `.home/.gitconfig`, and `file` holding `cells`; returns its real path.
 */
export function penguinsWorkspace(prefix: string, cells: string[], file = 'adelie.mlnb'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  fs.mkdirSync(path.join(dir, '.home'));
  fs.writeFileSync(path.join(dir, '.home', '.gitconfig'), '[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n');
  fs.mkdirSync(path.join(dir, 'data'));
  fs.copyFileSync(path.join(REPO, 'examples', 'data', 'penguins.json'), path.join(dir, 'data', 'penguins.json'));
  fs.writeFileSync(path.join(dir, file), codeNotebook(cells));
  return dir;
}
