/**
 * Runtime checks for messages that arrive from webviews and from the notebook renderer. They run
 * our code, but they show data a cell or a cloned repository wrote (run names, parameters, chart
 * labels): if that ever got script running in them, what they post must still not steer the host.
 */
import type { Envelope } from '../../protocol/envelope';
import type { ExperimentsFromWebview } from '../../protocol/experiments';
import type { EvaluationFromWebview, RendererToHost } from '../../protocol/evaluation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;
const isStrings = (v: unknown, maxItems = 100_000, maxLen = 4096): v is string[] => Array.isArray(v) && v.length <= maxItems && v.every((s) => isStr(s, maxLen));
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Largest export a panel may hand over (a PNG of a big chart is a few MB). */
export const MAX_EXPORT_CHARS = 64 * 2 ** 20;

function envelope(m: unknown): { type: string; payload: unknown } | undefined {
  return isObj(m) && typeof m.type === 'string' ? { type: m.type, payload: m.payload } : undefined;
}

function isRendered(p: unknown): boolean {
  return isObj(p) && isStr(p.name) && isStr(p.task, 64) && isStrings(p.metrics, 1000) && isStrings(p.charts, 1000);
}

/**
 * A message the Experiments panel may send.
 *
 * @example
 * isExperimentsFromWebview({ type: 'openCell', payload: { id: 'r1' } }) // true
 * isExperimentsFromWebview({ type: 'openCell', payload: { id: 42 } }) // false
 */
export function isExperimentsFromWebview(m: unknown): m is Envelope<ExperimentsFromWebview> {
  const e = envelope(m);
  if (!e) return false;
  const p = e.payload as Obj;
  switch (e.type) {
    case 'ready':
      return true;
    case 'rendered':
      return isObj(p) && isStrings(p.rowIds) && isCount(p.matched) && isCount(p.total);
    case 'compare':
      return isObj(p) && isCount(p.requestId) && isStrings(p.ids, 100, 512);
    case 'exportCsv':
      return isObj(p) && isStrings(p.ids, 1_000_000, 512) && isStrings(p.columns, 10_000);
    case 'openCell':
    case 'copyId':
      return isObj(p) && isStr(p.id, 512);
    default:
      return false;
  }
}

/**
 * A message the Evaluation panel may send. A file name it suggests for a save dialog is a plain
 * name: no folder, no `..`.
 *
 * @example
 * isEvaluationFromWebview({ type: 'saveFile', payload: { format: 'svg', suggestedName: 'roc.svg', content: '<svg/>' } }) // true
 * isEvaluationFromWebview({ type: 'saveFile', payload: { format: 'svg', suggestedName: '../../.bashrc', content: '' } }) // false
 */
export function isEvaluationFromWebview(m: unknown): m is Envelope<EvaluationFromWebview> {
  const e = envelope(m);
  if (!e) return false;
  const p = e.payload as Obj;
  switch (e.type) {
    case 'ready':
      return true;
    case 'rendered':
      return isRendered(p);
    case 'saveFile':
      return isObj(p) && ['svg', 'png', 'markdown'].includes(p.format as string) && isPlainFileName(p.suggestedName) && isStr(p.content, MAX_EXPORT_CHARS);
    default:
      return false;
  }
}

/**
 * A message the notebook renderer may send (an output's button, or a report drawn).
 *
 * @example
 * isRendererToHost({ type: 'rendered', payload: { name: 'test', task: 'binary', metrics: [], charts: [] } }) // true
 */
export function isRendererToHost(m: unknown): m is Envelope<RendererToHost> {
  const e = envelope(m);
  if (!e) return false;
  if (e.type === 'rendered') return isRendered(e.payload);
  if (e.type === 'openEvaluation') return isObj(e.payload) && isObj(e.payload.view);
  return false;
}

function isPlainFileName(v: unknown): boolean {
  return isStr(v, 255) && v.length > 0 && !/[\\/\0]/.test(v) && v !== '.' && v !== '..';
}
