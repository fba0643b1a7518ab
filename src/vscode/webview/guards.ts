/**
 * Runtime checks for messages that arrive from webviews and from the notebook renderer. They run
 * our code, but they show data a cell or a cloned repository wrote (run names, parameters, chart
 * labels): if that ever got script running in them, what they post must still not steer the host.
 */
import type { Envelope } from '../../protocol/envelope';
import type { ExperimentsFromWebview } from '../../protocol/experiments';
import type { EvaluationFromWebview } from '../../protocol/evaluation';
import type { RendererToHost } from '../../protocol/renderer';
import type { ReviewFromWebview } from '../../protocol/review';
import type { MonitorFromWebview } from '../../protocol/monitor';
import { isMonitorReport } from '../../core/monitor/isMonitorReport';
import type { CardFromWebview } from '../../protocol/card';
import type { LineageFromWebview } from '../../protocol/lineage';
import type { DataViewerFromWebview } from '../../protocol/dataViewer';
import { MAX_FILTER_LENGTH, MAX_PAGE_ROWS } from '../../core/kernel/variables';
import { CARD_SECTIONS, MODEL_CARD_KIND, MODEL_CARD_VERSION, type ModelCard } from '../../core/card/contract';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length <= max;
const isStrings = (v: unknown, maxItems = 100_000, maxLen = 4096): v is string[] => Array.isArray(v) && v.length <= maxItems && v.every((s) => isStr(s, maxLen));
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Largest export a panel may hand over (a PNG of a big chart is a few MB). */
export const MAX_EXPORT_CHARS = 64 * 2 ** 20;

/** A guard over `{ type, payload }` messages from one check per type; an unknown type fails. */
function guardOf<M>(checks: { [K in keyof M]: (payload: unknown) => boolean }): (m: unknown) => m is Envelope<M> {
  return (m: unknown): m is Envelope<M> => isObj(m) && typeof m.type === 'string' && Object.prototype.hasOwnProperty.call(checks, m.type) && checks[m.type as keyof M](m.payload);
}

const isRendered = (p: unknown): boolean => isObj(p) && isStr(p.name) && isStr(p.task, 64) && isStrings(p.metrics, 1000) && isStrings(p.charts, 1000);
const isRenderedMonitor = (p: unknown): boolean =>
  isObj(p) && ['ok', 'warning', 'critical'].includes(p.status as string) && isStrings(p.features, 100_000) && isStrings(p.charts, 100_000) && (p.selected === undefined || isStr(p.selected));
const isRunId = (p: unknown): boolean => isObj(p) && isStr(p.id, 512);
const isRenderedCard = (p: unknown): boolean => isObj(p) && isStr(p.name) && isStrings(p.sections, 100, 64) && isStrings(p.missing, 1000, 256) && isStrings(p.charts, 1000, 512) && isCount(p.links);
/** A run id as the recorder writes it (a ULID: 26 of Crockford's base-32 characters) and a record field path. */
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const isCardSource = (p: unknown): boolean => isObj(p) && typeof p.runId === 'string' && ULID.test(p.runId) && isStr(p.field, 512);

/**
 * A model card of this version, as far as the views rely on it: its kind, version, name, run ids
 * and every section present as an object with its `missing` list.
 *
 * @example
 * isModelCard(JSON.parse(fs.readFileSync('card.json', 'utf8'))) // true for `modelbook card --format json` output
 * isModelCard({ kind: 'modelbook.card', version: 99 }) // false
 */
export function isModelCard(v: unknown): v is ModelCard {
  if (!isObj(v) || v.kind !== MODEL_CARD_KIND || v.version !== MODEL_CARD_VERSION || !isStr(v.name) || !isStrings(v.runIds, 10_000, 512) || !isStrings(v.missing, 1000, 256)) return false;
  const sections = v.sections;
  return isObj(sections) && CARD_SECTIONS.every(({ id }) => isObj(sections[id]) && isStrings(sections[id].missing, 1000, 256)) && Array.isArray(v.annexIv);
}

/**
 * A message the Experiments panel may send.
 *
 * @example
 * isExperimentsFromWebview({ type: 'openCell', payload: { id: 'r1' } }) // true
 * isExperimentsFromWebview({ type: 'openCell', payload: { id: 42 } }) // false
 */
export const isExperimentsFromWebview = guardOf<ExperimentsFromWebview>({
  ready: () => true,
  rendered: (p) => isObj(p) && isStrings(p.rowIds) && isCount(p.matched) && isCount(p.total),
  compare: (p) => isObj(p) && isCount(p.requestId) && isStrings(p.ids, 100, 512),
  exportCsv: (p) => isObj(p) && isStrings(p.ids, 1_000_000, 512) && isStrings(p.columns, 10_000),
  openCell: isRunId,
  copyId: isRunId,
  modelDiff: (p) => isObj(p) && isStrings(p.ids, 2, 512) && p.ids.length === 2,
});

/**
 * A message the Evaluation panel may send. A file name it suggests for a save dialog is a plain
 * name: no folder, no `..`.
 *
 * @example
 * isEvaluationFromWebview({ type: 'saveFile', payload: { format: 'svg', suggestedName: 'roc.svg', content: '<svg/>' } }) // true
 * isEvaluationFromWebview({ type: 'saveFile', payload: { format: 'svg', suggestedName: '../../.bashrc', content: '' } }) // false
 */
export const isEvaluationFromWebview = guardOf<EvaluationFromWebview>({
  ready: () => true,
  rendered: isRendered,
  saveFile: (p) => isObj(p) && ['svg', 'png', 'markdown'].includes(p.format as string) && isPlainFileName(p.suggestedName) && isStr(p.content, MAX_EXPORT_CHARS),
});

/**
 * A message the notebook renderer may send (an output's button, or a report drawn).
 *
 * @example
 * isRendererToHost({ type: 'rendered', payload: { name: 'test', task: 'binary', metrics: [], charts: [] } }) // true
 */
export const isRendererToHost = guardOf<RendererToHost>({
  rendered: isRendered,
  openEvaluation: (p) => isObj(p) && isObj(p.view),
  openExperiments: (p) => isObj(p) && (p.notebook === undefined || isStr(p.notebook)) && isStrings(p.runIds, 1000, 512),
  openMonitoring: (p) => isObj(p) && isMonitorReport(p.report),
  monitorRendered: isRenderedMonitor,
  openCard: (p) => isObj(p) && isModelCard(p.card),
  openRun: isCardSource,
  cardRendered: isRenderedCard,
});

/**
 * A message the Model Card panel may send. A run id is a ULID; anything else is dropped.
 *
 * @example
 * isCardFromWebview({ type: 'openRun', payload: { runId: '01JD5Z8X1Q2W3E4R5T6Y7U8I9O', field: 'metrics.auc' } }) // false: 'I' and 'O' are not in a ULID
 * isCardFromWebview({ type: 'openRun', payload: { runId: '01JD5Z8X1Q2W3E4R5T6Y7U8V9W', field: 'metrics.auc' } }) // true
 */
export const isCardFromWebview = guardOf<CardFromWebview>({
  ready: () => true,
  rendered: isRenderedCard,
  openRun: isCardSource,
});

/**
 * A message the Lineage panel may send: only a run id (a ULID) can be asked to open.
 *
 * @example
 * isLineageFromWebview({ type: 'openRun', payload: { runId: '01JD5Z8X1Q2W3E4R5T6Y7Z8V9W' } }) // true
 * isLineageFromWebview({ type: 'openRun', payload: { runId: 'models/churn' } }) // false
 */
export const isLineageFromWebview = guardOf<LineageFromWebview>({
  ready: () => true,
  rendered: (p) => isObj(p) && isStr(p.subject) && isStrings(p.nodes, 10_000, 64) && isCount(p.edges) && isCount(p.dashedEdges),
  openRun: (p) => isObj(p) && typeof p.runId === 'string' && ULID.test(p.runId),
});

/**
 * A message the Monitoring panel may send.
 *
 * @example
 * isMonitorFromWebview({ type: 'selectFeature', payload: { name: 'delay' } }) // true
 * isMonitorFromWebview({ type: 'selectFeature', payload: { name: 3 } }) // false
 */
export const isMonitorFromWebview = guardOf<MonitorFromWebview>({
  ready: () => true,
  rendered: isRenderedMonitor,
  selectFeature: (p) => isObj(p) && isStr(p.name),
});

/** A workspace-relative notebook path: '/'-separated, no '..' segment, not absolute. */
const isNotebookPath = (v: unknown): v is string =>
  isStr(v, 1024) && v.length > 0 && !v.startsWith('/') && !/^[a-zA-Z]:/.test(v) && !v.includes('\\') && !v.includes('\0') && !v.split('/').includes('..');
const isCellRef = (p: unknown): p is Obj => isObj(p) && isNotebookPath(p.notebook) && isStr(p.cellId, 256) && p.cellId.length > 0;
const isOptStr = (v: unknown): boolean => v === undefined || isStr(v, 256);

/**
 * A message the Model Diff panel may send. Notebooks are workspace-relative paths with no `..`.
 *
 * @example
 * isReviewFromWebview({ type: 'openCell', payload: { notebook: 'churn.mlnb', cellId: 'c-eval' } }) // true
 * isReviewFromWebview({ type: 'openCell', payload: { notebook: '../../etc/passwd', cellId: 'x' } }) // false
 */
export const isReviewFromWebview = guardOf<ReviewFromWebview>({
  ready: () => true,
  openCell: isCellRef,
  showNotebookDiff: (p) => isObj(p) && isNotebookPath(p.notebook),
  startThread: (p) => isCellRef(p) && isOptStr(p.metric) && isOptStr(p.slice),
});

/** A sort and filter as the kernel takes them: at most 64 sort columns, a filter no longer than the kernel accepts. */
const isTableQuery = (q: unknown): boolean =>
  isObj(q) && isStr(q.filter, MAX_FILTER_LENGTH) && Array.isArray(q.sort) && q.sort.length <= 64 && q.sort.every((s) => isObj(s) && isStr(s.column, 1024) && typeof s.descending === 'boolean');

/**
 * A message the data viewer may send: pages of at most the kernel's page size, a filter no longer
 * than the kernel accepts.
 *
 * @example
 * isDataViewerFromWebview({ type: 'getPage', payload: { requestId: 1, offset: 0, limit: 500, query: { sort: [], filter: '' } } }) // true
 * isDataViewerFromWebview({ type: 'getPage', payload: { requestId: 1, offset: -5, limit: 1e9, query: { sort: [], filter: '' } } }) // false
 */
export const isDataViewerFromWebview = guardOf<DataViewerFromWebview>({
  ready: () => true,
  getPage: (p) => isObj(p) && isCount(p.requestId) && isCount(p.offset) && isCount(p.limit) && (p.limit as number) <= MAX_PAGE_ROWS && isTableQuery(p.query),
  getStats: (p) => isObj(p) && isCount(p.requestId) && isStr(p.column, 1024),
  exportCsv: (p) => isObj(p) && isTableQuery(p.query),
  rendered: (p) =>
    isObj(p) &&
    isCount(p.totalRows) &&
    isCount(p.firstRow) &&
    isStrings(p.columns, 10_000, 1024) &&
    Array.isArray(p.cells) &&
    p.cells.length <= 1000 &&
    p.cells.every((row) => isStrings(row, 10_000, 4096)),
});

function isPlainFileName(v: unknown): boolean {
  return isStr(v, 255) && v.length > 0 && !/[\\/\0]/.test(v) && v !== '.' && v !== '..';
}
