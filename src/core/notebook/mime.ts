/** MIME types Modelbook reads and writes, in one place. */
export const MIME = {
  text: 'text/plain',
  html: 'text/html',
  markdown: 'text/markdown',
  json: 'application/json',
  vegaLite: 'application/vnd.vegalite.v5+json',
  vegaLiteV6: 'application/vnd.vegalite.v6+json',
  table: 'application/vnd.modelbook.table+json',
  /** An Evaluation's view model (src/core/evaluation/contract.ts), drawn as the compact report. */
  evaluation: 'application/vnd.modelbook.evaluation+json',
  /** An inline run history (RunHistoryView): VS Code adds a "Compare in the Experiments panel" button. */
  runs: 'application/vnd.modelbook.runs+json',
  svg: 'image/svg+xml',
  png: 'image/png',
  /** VS Code's own output item types for streams and errors. */
  stdout: 'application/vnd.code.notebook.stdout',
  stderr: 'application/vnd.code.notebook.stderr',
  error: 'application/vnd.code.notebook.error',
} as const;

/** nbformat stores these as JSON values, everything else as (multi-line) strings. */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

/**
 * nbformat writes these values as lists of lines (Jupyter's `_split_mimebundle`): text/*, SVG
 * and JavaScript. Binary data such as image/png stays one base64 string.
 */
export function isSplitMime(mime: string): boolean {
  return mime.startsWith('text/') || mime === 'image/svg+xml' || mime === 'application/javascript';
}

/** Text-like MIME types whose values are strings (not base64). */
export function isTextMime(mime: string): boolean {
  return mime.startsWith('text/') || mime === 'image/svg+xml' || mime === 'application/javascript';
}
