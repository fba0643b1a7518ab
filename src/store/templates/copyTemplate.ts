/**
 * Copies a template into a folder: the notebook under its own name and its data under data/. Never
 * overwrites: when any target exists nothing is written and the error lists them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TemplateInfo } from '../../core/templates/catalog';
import { templateTargets } from '../../core/templates/findTemplate';
import { templateMessage } from '../../core/templates/messages';
import { writeFileAtomic } from '../atomicWrite';
import { readRegularFile } from '../readRegularFile';

/** Thrown when a target file exists; `existing` lists them relative to the folder. */
export class TemplateExistsError extends Error {
  override name = 'TemplateExistsError';
  constructor(
    readonly dir: string,
    readonly existing: string[],
  ) {
    super(templateMessage.exists(dir, existing));
  }
}

/**
 * The template files already in `dir` (relative paths); a link or folder of that name counts.
 *
 * @example
 * existingTargets(info, '/work/project') // ['data/titanic.csv']
 */
export function existingTargets(info: TemplateInfo, dir: string): string[] {
  return templateTargets(info).filter((rel) => fs.lstatSync(path.join(dir, rel), { throwIfNoEntry: false }) !== undefined);
}

/**
 * Copies `info` from the shipped `templatesDir` into `dir` (created if needed); returns the files
 * written, relative to `dir`, the notebook first. Throws TemplateExistsError, writing nothing, when any exists.
 *
 * @example
 * copyTemplate(templatesDir(__dirname), findTemplate('regression')!, 'mpg') // ['cars-mpg.mlnb', 'data/cars.json']
 */
export function copyTemplate(templatesDir: string, info: TemplateInfo, dir: string): string[] {
  const existing = existingTargets(info, dir);
  if (existing.length > 0) throw new TemplateExistsError(dir, existing);
  const sources = [info.notebook, ...info.data.map((f) => `data/${f}`)].map((rel) => path.join(templatesDir, rel));
  const contents = sources.map((file) => {
    if (!fs.existsSync(file)) throw new Error(templateMessage.missingShipped(file));
    return readRegularFile(file).bytes;
  });
  const targets = templateTargets(info);
  targets.forEach((rel, i) => writeFileAtomic(path.join(dir, rel), contents[i]));
  return targets;
}

/**
 * The shipped templates folder: `templates/` at the package root, one level above dist/ (the
 * extension's and the CLI's bundles both live in dist/).
 *
 * @example
 * templatesDir(__dirname) // '/…/modelbook/templates'
 */
export function templatesDir(distDir: string): string {
  return path.join(distDir, '..', 'templates');
}
