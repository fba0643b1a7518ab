import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import { escapeHtml as e } from '../text/html';
import type { ReportNumber, StakeholderReport } from './contract';
import { reportMessage as msg } from './messages';
import { fillLine } from './numbers';
import { renderReportMarkdown, reportTableHtml } from './render';

/** Styles scoped to the report in a cell output (the output's theme colours, no page-wide rules). */
const CELL_STYLE = `.modelbook-report h3{font-size:1.05em;margin:10px 0 2px}.modelbook-report ul{margin:0;padding-left:18px}.modelbook-report .n{font-weight:600}.modelbook-report .fail{color:var(--vscode-errorForeground,#b42318);font-weight:600}.modelbook-report .muted{opacity:.75}.modelbook-report table.confusion{border-collapse:collapse}.modelbook-report table.confusion th,.modelbook-report table.confusion td{padding:1px 8px;text-align:left}.modelbook-report table.confusion .num{text-align:right}.modelbook-report table.confusion tbody th{font-weight:normal}`;

const numberHtml = (n: ReportNumber): string => `<span class="n" title="${e(n.sources.map((s) => `${s.runId} ${s.field}`).join('; '))}">${e(n.text)}</span>`;

/**
 * What `stakeholderReport()` returns in a cell: the report's words as HTML and Markdown (the
 * charts are in `modelbook report --format html`), and the report itself in `.report`.
 */
export class StakeholderReportDisplay implements Displayable {
  constructor(readonly report: StakeholderReport) {}

  /** The report as Markdown (the same text `modelbook report` writes). */
  markdown(): string {
    return renderReportMarkdown(this.report);
  }

  [MIME_BUNDLE](): MimeBundle {
    const r = this.report;
    const sections = r.sections
      .map(
        (s) =>
          `<h3>${e(s.title)}</h3><ul>${s.lines.map((l) => `<li${/FAILED/.test(l.template) ? ' class="fail"' : ''}>${fillLine(l, e, numberHtml)}</li>`).join('')}</ul>${s.table ? reportTableHtml(s.table, numberHtml) : ''}`,
      )
      .join('');
    const footer = [msg.sources(r.runIds.join(', ')), ...(r.missing.length ? [msg.missingProse(r.missing.join(', '))] : [])].map((f) => `<p class="muted">${e(f)}</p>`).join('');
    const html = `<div class="modelbook-report"><style>${CELL_STYLE}</style><strong>${e(msg.title(r.name))}</strong>${sections}${footer}</div>`;
    const md = this.markdown();
    return { [MIME.html]: html, [MIME.markdown]: md, [MIME.text]: md };
  }
}
