import type { Cell, MimeBundle, Notebook, Output } from './contract';
import { MODELBOOK_KERNELSPEC, MODELBOOK_LANGUAGE_INFO } from './contract';
import { isJsonMime } from './mime';
import { hashText } from '../hash';
import { message } from '../messages';

/** Thrown for a file that is not an nbformat-4 notebook; the message names the problem and the fix. */
export class NotebookFormatError extends Error {
  override name = 'NotebookFormatError';
}

const CELL_KEYS = new Set(['cell_type', 'id', 'metadata', 'source', 'execution_count', 'outputs', 'attachments']);
const NOTEBOOK_KEYS = new Set(['nbformat', 'nbformat_minor', 'metadata', 'cells']);

/**
 * Reads `.mlnb` text. An empty file is a new, empty notebook; anything that is not nbformat 4 throws
 * a `NotebookFormatError` (the editor then refuses to open it, so the file is never overwritten).
 *
 * @example
 * const nb = parseNotebook(text);
 * nb.cells[0].source // the first cell's text
 */
export function parseNotebook(text: string, fileName = 'notebook'): Notebook {
  if (text.trim() === '') return createNotebook();
  const raw = parseJson(text, fileName);
  if (!isRecord(raw)) throw new NotebookFormatError(message.notebookNotObject(fileName));
  if (raw.nbformat !== 4) throw new NotebookFormatError(message.notebookWrongVersion(fileName, raw.nbformat));
  if (!Array.isArray(raw.cells)) throw new NotebookFormatError(message.notebookNoCells(fileName));
  const metadata = raw.metadata === undefined ? {} : record(raw.metadata, `${fileName}: metadata`);
  const seen = new Set<string>();
  const cells = raw.cells.map((c, i) => readCell(c, i, fileName, seen));
  const extra = pickExtra(raw, NOTEBOOK_KEYS);
  const minor = typeof raw.nbformat_minor === 'number' ? Math.max(raw.nbformat_minor, 5) : 5;
  return { nbformat: 4, nbformat_minor: minor, metadata, cells, ...(extra ? { extra } : {}) };
}

/** A new notebook with Modelbook's kernelspec and no cells. */
export function createNotebook(cells: Cell[] = []): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { ...MODELBOOK_KERNELSPEC }, language_info: { ...MODELBOOK_LANGUAGE_INFO } },
    cells,
  };
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const col = before.length - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${col}`;
    }
    throw new NotebookFormatError(message.notebookBadJson(fileName, msg, where));
  }
}

function readCell(raw: unknown, index: number, fileName: string, seen: Set<string>): Cell {
  const where = `${fileName}: cell ${index + 1}`;
  const c = record(raw, where);
  const source = joinText(c.source, `${where}: source`);
  const metadata = c.metadata === undefined ? {} : record(c.metadata, `${where}: metadata`);
  let id = typeof c.id === 'string' && c.id !== '' ? c.id : 'c' + hashText(`${index}\n${source}`).slice(0, 11);
  while (seen.has(id)) id = id + '-' + index;
  seen.add(id);
  const extra = pickExtra(c, CELL_KEYS);
  const base = { id, metadata, source, ...(extra ? { extra } : {}) };
  switch (c.cell_type) {
    case 'code': {
      const outputs = c.outputs === undefined ? [] : array(c.outputs, `${where}: outputs`);
      const count = typeof c.execution_count === 'number' ? c.execution_count : null;
      return { cell_type: 'code', ...base, execution_count: count, outputs: outputs.map((o, j) => readOutput(o, `${where}: output ${j + 1}`)) };
    }
    case 'markdown':
    case 'raw': {
      const attachments = c.attachments === undefined ? undefined : readAttachments(c.attachments, where);
      return { cell_type: c.cell_type, ...base, ...(attachments ? { attachments } : {}) };
    }
    default:
      throw new NotebookFormatError(message.notebookBadCellType(where, c.cell_type));
  }
}

function readOutput(raw: unknown, where: string): Output {
  const o = record(raw, where);
  switch (o.output_type) {
    case 'stream':
      return { output_type: 'stream', name: o.name === 'stderr' ? 'stderr' : 'stdout', text: joinText(o.text, `${where}: text`) };
    case 'execute_result':
    case 'display_data': {
      const out = { output_type: o.output_type, data: readBundle(o.data, where), metadata: o.metadata === undefined ? {} : record(o.metadata, where) } as Output;
      if (o.output_type === 'execute_result') (out as { execution_count?: number | null }).execution_count = typeof o.execution_count === 'number' ? o.execution_count : null;
      return out;
    }
    case 'error':
      return {
        output_type: 'error',
        ename: String(o.ename ?? 'Error'),
        evalue: String(o.evalue ?? ''),
        traceback: Array.isArray(o.traceback) ? o.traceback.map(String) : [],
      };
    default:
      throw new NotebookFormatError(message.notebookBadOutputType(where, o.output_type));
  }
}

function readAttachments(raw: unknown, where: string): Record<string, MimeBundle> {
  const all = record(raw, `${where}: attachments`);
  return Object.fromEntries(Object.entries(all).map(([name, bundle]) => [name, readBundle(bundle, `${where}: attachment ${name}`)]));
}

function readBundle(raw: unknown, where: string): MimeBundle {
  if (raw === undefined) return {};
  const data = record(raw, `${where}: data`);
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(data)) out[mime] = isJsonMime(mime) ? value : joinText(value, `${where}: ${mime}`);
  return out;
}

function joinText(value: unknown, where: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('');
  throw new NotebookFormatError(message.notebookBadText(where));
}

function pickExtra(obj: Record<string, unknown>, known: Set<string>): Record<string, unknown> | undefined {
  const extra = Object.fromEntries(Object.entries(obj).filter(([k]) => !known.has(k)));
  return Object.keys(extra).length > 0 ? extra : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (!isRecord(v)) throw new NotebookFormatError(message.notebookExpectedObject(where));
  return v;
}

function array(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new NotebookFormatError(message.notebookExpectedArray(where));
  return v;
}
