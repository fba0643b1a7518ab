/**
 * The `.mlnb` file format: nbformat 4.5 JSON, so Jupyter, nbdime and GitHub can read it.
 * These types describe the file; `EditorNotebook` (see `editor.ts`) describes what an editor holds.
 */

/** A MIME bundle: MIME type → value (string for text, object for JSON types, base64 for binary). */
export type MimeBundle = Record<string, unknown>;

export interface StreamOutput {
  output_type: 'stream';
  name: 'stdout' | 'stderr';
  text: string;
}

export interface RichOutput {
  output_type: 'execute_result' | 'display_data';
  data: MimeBundle;
  metadata: Record<string, unknown>;
  execution_count?: number | null;
}

export interface ErrorOutput {
  output_type: 'error';
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | RichOutput | ErrorOutput;

interface CellBase {
  id: string;
  metadata: Record<string, unknown>;
  source: string;
  /** Keys nbformat does not define for a cell; kept so a round trip loses nothing. */
  extra?: Record<string, unknown>;
}

export interface CodeCell extends CellBase {
  cell_type: 'code';
  execution_count: number | null;
  outputs: Output[];
}

export interface MarkdownCell extends CellBase {
  cell_type: 'markdown';
  attachments?: Record<string, MimeBundle>;
}

export interface RawCell extends CellBase {
  cell_type: 'raw';
  attachments?: Record<string, MimeBundle>;
}

export type Cell = CodeCell | MarkdownCell | RawCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
  /** Top-level keys this version does not know; kept so a round trip loses nothing. */
  extra?: Record<string, unknown>;
}

/** The kernelspec every Modelbook notebook carries. */
export const MODELBOOK_KERNELSPEC = {
  display_name: 'Modelbook (TypeScript)',
  language: 'typescript',
  name: 'modelbook',
} as const;

export const MODELBOOK_LANGUAGE_INFO = {
  file_extension: '.ts',
  mimetype: 'text/typescript',
  name: 'typescript',
} as const;

/**
 * The largest notebook file Modelbook reads (`modelbook run` checks the size before reading): a
 * bigger one would not fit in a JavaScript string once decoded, or would take gigabytes to parse.
 */
export const NOTEBOOK_MAX_BYTES = 256 * 2 ** 20;

/** The notebook type id registered with VS Code (package.json: notebooks, for *.mlnb). */
export const NOTEBOOK_TYPE = 'modelbook';
