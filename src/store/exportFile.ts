import { writeFileAtomic } from './atomicWrite';
import { message } from '../core/messages';

export interface ExportRequest {
  format: 'svg' | 'png' | 'markdown';
  /** SVG or Markdown text; PNG as a base64 `data:image/png` URL (what a webview's canvas gives). */
  content: string;
}

/**
 * The bytes of an exported chart or report: SVG and Markdown as UTF-8, PNG decoded from its data: URL.
 *
 * @example
 * exportBytes({ format: 'png', content: canvas.toDataURL('image/png') });
 */
export function exportBytes(request: ExportRequest): Uint8Array {
  if (request.format !== 'png') return new TextEncoder().encode(request.content);
  const m = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(request.content);
  if (!m) throw new TypeError(message.exportNotPng(request.content.slice(0, 40)));
  return Buffer.from(m[1], 'base64');
}

/** Writes an export to a local file atomically: readers never see half a chart. */
export function writeExport(file: string, request: ExportRequest): void {
  writeFileAtomic(file, exportBytes(request));
}
