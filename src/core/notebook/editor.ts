import type { Cell, MimeBundle, Notebook, Output } from './contract';
import { MIME, isJsonMime, isTextMime } from './mime';
import { hashText } from '../hash';

/**
 * What an editor (VS Code's NotebookData) holds for a notebook, without depending on `vscode`:
 * output items are bytes, cell kinds are code/markup. `src/vscode/serializer.ts` maps these
 * one-to-one onto VS Code's types; the conversion logic lives here so plain-Node tests cover it.
 */
export interface EditorOutputItem {
  mime: string;
  data: Uint8Array;
}

export interface EditorOutput {
  items: EditorOutputItem[];
  metadata?: Record<string, unknown>;
}

export interface EditorCell {
  kind: 'code' | 'markup';
  languageId: string;
  source: string;
  outputs: EditorOutput[];
  executionOrder?: number;
  metadata: Record<string, unknown>;
}

export interface EditorNotebook {
  cells: EditorCell[];
  metadata: Record<string, unknown>;
}

/** An error as VS Code's error output item carries it. */
export interface ErrorItem {
  name: string;
  message: string;
  stack?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Maps a notebook file onto an editor's cells; `fromEditorNotebook` is its exact inverse.
 *
 * @example
 * const data = toEditorNotebook(parseNotebook(text));
 */
export function toEditorNotebook(nb: Notebook): EditorNotebook {
  const metadata: Record<string, unknown> = { metadata: nb.metadata, nbformat_minor: nb.nbformat_minor };
  if (nb.extra) metadata.extra = nb.extra;
  return { metadata, cells: nb.cells.map(toEditorCell) };
}

/** The inverse of `toEditorNotebook`: what gets written to disk. */
export function fromEditorNotebook(data: EditorNotebook): Notebook {
  const m = data.metadata ?? {};
  const seen = new Set<string>();
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: typeof m.nbformat_minor === 'number' ? m.nbformat_minor : 5,
    metadata: isRecord(m.metadata) ? m.metadata : {},
    cells: data.cells.map((c, i) => fromEditorCell(c, i, seen)),
  };
  if (isRecord(m.extra)) nb.extra = m.extra;
  return nb;
}

function toEditorCell(cell: Cell): EditorCell {
  const metadata: Record<string, unknown> = { id: cell.id, metadata: cell.metadata };
  if (cell.extra) metadata.extra = cell.extra;
  if (cell.cell_type !== 'code' && cell.attachments) metadata.attachments = cell.attachments;
  if (cell.cell_type === 'code') {
    return {
      kind: 'code',
      languageId: cellLanguage(cell.metadata),
      source: cell.source,
      outputs: cell.outputs.map(toEditorOutput),
      ...(cell.execution_count !== null ? { executionOrder: cell.execution_count } : {}),
      metadata,
    };
  }
  if (cell.cell_type === 'raw') return { kind: 'code', languageId: 'raw', source: cell.source, outputs: [], metadata };
  return { kind: 'markup', languageId: 'markdown', source: cell.source, outputs: [], metadata };
}

function fromEditorCell(cell: EditorCell, index: number, seen: Set<string>): Cell {
  const m = cell.metadata ?? {};
  let id = typeof m.id === 'string' && m.id !== '' ? m.id : 'c' + hashText(`${index}\n${cell.source}`).slice(0, 11);
  while (seen.has(id)) id = `${id}-${index}`;
  seen.add(id);
  const base = { id, metadata: isRecord(m.metadata) ? m.metadata : {}, source: cell.source, ...(isRecord(m.extra) ? { extra: m.extra } : {}) };
  const attachments = isRecord(m.attachments) ? { attachments: m.attachments as Record<string, MimeBundle> } : {};
  if (cell.kind === 'markup') return { cell_type: 'markdown', ...base, ...attachments };
  if (cell.languageId === 'raw') return { cell_type: 'raw', ...base, ...attachments };
  if (cell.languageId !== cellLanguage(base.metadata)) base.metadata = withLanguage(base.metadata, cell.languageId);
  return { cell_type: 'code', ...base, execution_count: cell.executionOrder ?? null, outputs: mergeStreams(cell.outputs.flatMap(fromEditorOutput)) };
}

/** Code cells are TypeScript unless `metadata.vscode.languageId` says otherwise (as VS Code's Jupyter support stores it). */
function cellLanguage(metadata: Record<string, unknown>): string {
  const vscode = metadata.vscode;
  return isRecord(vscode) && typeof vscode.languageId === 'string' ? vscode.languageId : 'typescript';
}

function withLanguage(metadata: Record<string, unknown>, languageId: string): Record<string, unknown> {
  const vscode = isRecord(metadata.vscode) ? { ...metadata.vscode } : {};
  if (languageId === 'typescript') delete vscode.languageId;
  else vscode.languageId = languageId;
  const next = { ...metadata, vscode };
  if (Object.keys(vscode).length === 0) delete (next as Record<string, unknown>).vscode;
  return next;
}

/** One file output → one editor output (streams and errors use VS Code's own item types). */
export function toEditorOutput(o: Output): EditorOutput {
  switch (o.output_type) {
    case 'stream':
      return { items: [{ mime: o.name === 'stderr' ? MIME.stderr : MIME.stdout, data: encoder.encode(o.text) }] };
    case 'error': {
      const item: ErrorItem = { name: o.ename, message: o.evalue, stack: o.traceback.join('\n') };
      return { items: [{ mime: MIME.error, data: encoder.encode(JSON.stringify(item)) }] };
    }
    default: {
      const items = Object.entries(o.data).map(([mime, value]) => ({ mime, data: encodeValue(mime, value) }));
      const metadata: Record<string, unknown> = { outputType: o.output_type };
      if (Object.keys(o.metadata).length > 0) metadata.metadata = o.metadata;
      return { items, metadata };
    }
  }
}

/** One editor output → file outputs (an editor output may mix stdout and stderr items). */
export function fromEditorOutput(out: EditorOutput): Output[] {
  const result: Output[] = [];
  const bundle: MimeBundle = {};
  for (const item of out.items) {
    if (item.mime === MIME.stdout || item.mime === MIME.stderr) {
      result.push({ output_type: 'stream', name: item.mime === MIME.stderr ? 'stderr' : 'stdout', text: decoder.decode(item.data) });
    } else if (item.mime === MIME.error) {
      const e = parseErrorItem(decoder.decode(item.data));
      result.push({ output_type: 'error', ename: e.name, evalue: e.message, traceback: (e.stack ?? '').split('\n') });
    } else {
      bundle[item.mime] = decodeValue(item.mime, item.data);
    }
  }
  if (Object.keys(bundle).length > 0) {
    const m = out.metadata ?? {};
    const type = m.outputType === 'display_data' ? 'display_data' : 'execute_result';
    const metadata = isRecord(m.metadata) ? m.metadata : {};
    result.push(type === 'execute_result' ? { output_type: type, data: bundle, metadata, execution_count: null } : { output_type: type, data: bundle, metadata });
  }
  return result;
}

/** Consecutive stream outputs of the same stream become one, as Jupyter shows and stores them. */
export function mergeStreams(outputs: Output[]): Output[] {
  const merged: Output[] = [];
  for (const o of outputs) {
    const prev = merged[merged.length - 1];
    if (o.output_type === 'stream' && prev?.output_type === 'stream' && prev.name === o.name) {
      merged[merged.length - 1] = { ...prev, text: prev.text + o.text };
    } else merged.push(o);
  }
  return merged;
}

/** Bytes for one MIME value: UTF-8 text, compact JSON, or the decoded base64 of binary data. */
export function encodeValue(mime: string, value: unknown): Uint8Array {
  if (isJsonMime(mime)) return encoder.encode(JSON.stringify(value));
  if (typeof value !== 'string') return encoder.encode(JSON.stringify(value));
  if (isTextMime(mime)) return encoder.encode(value);
  return base64ToBytes(value);
}

/** The inverse of `encodeValue`. */
export function decodeValue(mime: string, data: Uint8Array): unknown {
  if (isJsonMime(mime)) return JSON.parse(decoder.decode(data));
  if (isTextMime(mime)) return decoder.decode(data);
  return bytesToBase64(data);
}

function parseErrorItem(text: string): ErrorItem {
  try {
    const v = JSON.parse(text);
    if (isRecord(v)) return { name: String(v.name ?? 'Error'), message: String(v.message ?? ''), stack: typeof v.stack === 'string' ? v.stack : undefined };
  } catch {
    // not JSON: keep the raw text as the message below
  }
  return { name: 'Error', message: text };
}

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ''));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
