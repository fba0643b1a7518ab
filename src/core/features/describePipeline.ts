import { isDisplayable, MIME_BUNDLE } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import type { FeatureStep } from './contract';
import { escapeHtml } from '../text/html';

/** The parts of a pipeline its display needs. */
interface PipelineView {
  steps: FeatureStep[];
  estimator: unknown;
  inputColumns: string[];
  featureNames: string[];
  fitted: boolean;
}

/**
 * A pipeline as a cell shows it: steps with their columns, the output features, the estimator.
 *
 * @example
 * describePipeline(pipe)['text/plain']
 */
export function describePipeline(p: PipelineView): MimeBundle {
  const stepLines = p.steps.map((s, i) => {
    const cols = (s as { columns?: string[] }).columns;
    return `${i + 1}. ${s.name} (${s.type})${p.fitted && cols?.length ? ` on ${cols.join(', ')}` : ''}`;
  });
  const est = p.estimator as { spec?: () => { type: string } } | undefined;
  const estText = est?.spec ? est.spec().type : 'none';
  const head = p.fitted ? `Pipeline · ${p.inputColumns.length} input columns → ${p.featureNames.length} features → ${estText}` : `Pipeline (not fitted) → ${estText}`;
  const lines = [head, ...stepLines];
  if (p.fitted) lines.push(`features: ${p.featureNames.join(', ')}`);
  const inner = p.fitted && isDisplayable(p.estimator) ? p.estimator[MIME_BUNDLE]() : undefined;
  const html = `<div><b>${escapeHtml(head)}</b><ol>${stepLines.map((l) => `<li>${escapeHtml(l.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>${p.fitted ? `<div>features: ${escapeHtml(p.featureNames.join(', '))}</div>` : ''}${typeof inner?.['text/html'] === 'string' ? inner['text/html'] : ''}</div>`;
  const text = lines.join('\n') + (typeof inner?.['text/plain'] === 'string' ? `\n${inner['text/plain']}` : '');
  return { 'text/plain': text, 'text/html': html };
}
