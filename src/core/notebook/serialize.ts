import type { Cell, MimeBundle, Notebook, Output } from './contract';
import { MODELBOOK_KERNELSPEC, MODELBOOK_LANGUAGE_INFO } from './contract';
import { isJsonMime, isSplitMime } from './mime';
import { sanitizeBundle } from './sanitize';
import { stringifyStable } from './stableJson';

/**
 * Writes a notebook as Jupyter does: nbformat 4.5, sorted keys, one-space indent, multi-line
 * strings as lists of lines, a trailing newline. The same notebook always gives the same bytes.
 *
 * @example
 * fs.writeFileSync('a.mlnb', serializeNotebook(parseNotebook(text)));
 */
export function serializeNotebook(nb: Notebook): string {
  const metadata = { ...nb.metadata };
  if (metadata.kernelspec === undefined) metadata.kernelspec = { ...MODELBOOK_KERNELSPEC };
  if (metadata.language_info === undefined) metadata.language_info = { ...MODELBOOK_LANGUAGE_INFO };
  const doc = {
    ...(nb.extra ?? {}),
    cells: nb.cells.map(writeCell),
    metadata,
    nbformat: 4,
    nbformat_minor: Math.max(nb.nbformat_minor, 5),
  };
  return stringifyStable(doc) + '\n';
}

function writeCell(cell: Cell): Record<string, unknown> {
  const base = { ...(cell.extra ?? {}), cell_type: cell.cell_type, id: cell.id, metadata: cell.metadata, source: splitLines(cell.source) };
  if (cell.cell_type === 'code') {
    return { ...base, execution_count: cell.execution_count, outputs: cell.outputs.map((o) => writeOutput(o, cell.execution_count)) };
  }
  return cell.attachments ? { ...base, attachments: Object.fromEntries(Object.entries(cell.attachments).map(([k, v]) => [k, writeBundle(v)])) } : base;
}

function writeOutput(o: Output, count: number | null): Record<string, unknown> {
  switch (o.output_type) {
    case 'stream':
      return { output_type: 'stream', name: o.name, text: splitLines(o.text) };
    case 'error':
      return { output_type: 'error', ename: o.ename, evalue: o.evalue, traceback: o.traceback };
    case 'execute_result':
      return { output_type: o.output_type, data: writeBundle(o.data), metadata: o.metadata, execution_count: o.execution_count ?? count };
    case 'display_data':
      return { output_type: o.output_type, data: writeBundle(o.data), metadata: o.metadata };
  }
}

function writeBundle(data: MimeBundle): MimeBundle {
  const out: MimeBundle = {};
  for (const [mime, raw] of Object.entries(data)) {
    // parseNotebook refuses a text or binary value that is not a string: never write one.
    const value = isJsonMime(mime) || typeof raw === 'string' ? raw : sanitizeBundle({ [mime]: raw }).data[mime];
    if (value === undefined) continue;
    out[mime] = isSplitMime(mime) && typeof value === 'string' ? splitLines(value) : value;
  }
  return out;
}

/** Jupyter's `str.splitlines(True)` for '\n' line ends: each line keeps its newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((l) => l + '\n');
  const last = lines.length - 1;
  lines[last] = lines[last].slice(0, -1);
  return lines[last] === '' ? lines.slice(0, last) : lines;
}
