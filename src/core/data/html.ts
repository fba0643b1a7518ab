import { escapeHtml } from '../text/html';
import { formatNumber } from '../text/number';

/* Small helpers for the self-contained HTML the data reports render in a cell. */

/** A value for a table cell: numbers as `formatNumber`, ISO timestamps without their empty parts, other text as is. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))
    return v
      .replace('T00:00:00.000Z', '')
      .replace(/:00\.000Z$|\.000Z$|Z$/, '')
      .replace('T', ' ');
  if (typeof v === 'number' || v === null || v === undefined) return formatNumber(v as number | null | undefined);
  return String(v);
}

/** Theme-aware styles (VS Code's CSS variables, with fallbacks for other notebook viewers). */
export const REPORT_CSS = `
.mb-report{font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:13px;color:var(--vscode-editor-foreground,#1f1f1f);line-height:1.4}
.mb-report h3{margin:4px 0 8px;font-size:15px}
.mb-report h4{margin:12px 0 4px;font-size:13px}
.mb-report table{border-collapse:collapse;margin:4px 0}
.mb-report th,.mb-report td{padding:2px 10px 2px 0;text-align:left;vertical-align:top;border-bottom:1px solid var(--vscode-editorWidget-border,#ddd)}
.mb-report td.num{text-align:right;font-variant-numeric:tabular-nums}
.mb-report .sev{display:inline-block;min-width:56px;padding:0 6px;border-radius:3px;font-size:11px;font-weight:600;text-align:center;color:#fff}
.mb-report .error{background:#c72e2e}.mb-report .warning{background:#b8860b}.mb-report .info{background:#3a78c9}.mb-report .ok{background:#2e8b57}
.mb-report .bar{display:inline-block;height:9px;background:var(--vscode-charts-blue,#3a78c9);vertical-align:middle}
.mb-report .muted{opacity:.7}
`;

/** A coloured severity label. */
export function badge(kind: 'error' | 'warning' | 'info' | 'ok', text: string = kind): string {
  return `<span class="sev ${kind}">${escapeHtml(text)}</span>`;
}
