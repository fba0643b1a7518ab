import { TEMPLATES, type TemplateInfo } from './catalog';

/**
 * The template with this id, or undefined.
 *
 * @example
 * findTemplate('regression')?.notebook // 'regression/cars-mpg.mlnb'
 */
export function findTemplate(id: string): TemplateInfo | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

/**
 * The files a template writes, relative to the target folder: the notebook under its own name, the data under data/.
 *
 * @example
 * templateTargets(findTemplate('regression')!) // ['cars-mpg.mlnb', 'data/cars.json']
 */
export function templateTargets(t: TemplateInfo): string[] {
  return [t.notebook.slice(t.notebook.lastIndexOf('/') + 1), ...t.data.map((f) => `data/${f}`)];
}
