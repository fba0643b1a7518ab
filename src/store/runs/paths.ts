import fs from 'node:fs';
import path from 'node:path';
import { writeRunFile } from './writeFile';
import { runMessage } from '../../core/runs/messages';

/** Where runs live in a workspace: `.modelbook/runs/<id>.json`, artefacts in `.modelbook/artifacts/<id>/`. */
export const MODELBOOK_DIR = '.modelbook';
export const RUNS_DIR = '.modelbook/runs';
export const ARTIFACTS_DIR = '.modelbook/artifacts';
/** An evaluation's kept predictions: `.modelbook/runs/<id>.predictions` beside `<id>.json`. */
export const PREDICTIONS_EXT = '.predictions';

/** Keeps large artefacts (weights) out of git by default; records stay in git. */
const GITIGNORE = '# Written by Modelbook: run records (runs/) belong in git, large artefacts do not.\nartifacts/\n';

/**
 * The runs folder of a workspace.
 *
 * @example
 * runsFolder('/work/churn') // '/work/churn/.modelbook/runs'
 */
export function runsFolder(workspaceDir: string): string {
  return path.join(workspaceDir, RUNS_DIR);
}

/**
 * The artefacts folder of a workspace, or of one run.
 *
 * @example
 * artifactsFolder('/work/churn', run.id) // '/work/churn/.modelbook/artifacts/01JD…'
 */
export function artifactsFolder(workspaceDir: string, runId?: string): string {
  return runId ? path.join(workspaceDir, ARTIFACTS_DIR, runId) : path.join(workspaceDir, ARTIFACTS_DIR);
}

/**
 * Creates `.modelbook/runs/` and, if there is none, `.modelbook/.gitignore` ignoring `artifacts/`.
 * An existing .gitignore is never changed (the team may have edited it). Safe to call from
 * several processes at once.
 *
 * @example
 * ensureRunFolders('/work/churn') // '/work/churn/.modelbook/runs'
 */
export function ensureRunFolders(workspaceDir: string): string {
  if (typeof workspaceDir !== 'string' || workspaceDir === '') throw new TypeError(runMessage.needs('ensureRunFolders', 'the workspace folder'));
  const runs = runsFolder(workspaceDir);
  fs.mkdirSync(runs, { recursive: true });
  const ignore = path.join(workspaceDir, MODELBOOK_DIR, '.gitignore');
  if (!fs.existsSync(ignore)) writeRunFile(ignore, GITIGNORE);
  return runs;
}

/**
 * The workspace-relative, '/'-separated form of a path (what records store), or undefined when
 * the path is outside the workspace.
 *
 * @example
 * workspaceRelative('/work/churn', '/work/churn/nb/a.mlnb') // 'nb/a.mlnb'
 */
export function workspaceRelative(workspaceDir: string, file: string): string | undefined {
  const rel = path.relative(workspaceDir, path.resolve(workspaceDir, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * The workspace of a folder: the nearest folder at or above it with `.modelbook/runs`, else
 * the nearest git root, else the folder itself.
 *
 * @example
 * findRunWorkspace('/work/churn/notebooks') // '/work/churn'
 */
export function findRunWorkspace(dir: string): string {
  const start = path.resolve(dir);
  let gitRoot: string | undefined;
  for (let d = start; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, RUNS_DIR))) return d;
    if (!gitRoot && fs.existsSync(path.join(d, '.git'))) gitRoot = d;
    if (path.dirname(d) === d) return gitRoot ?? start;
  }
}
