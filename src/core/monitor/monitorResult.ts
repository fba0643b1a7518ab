/** The value `monitor()` returns in a cell: the report, shown compactly, carrying its JSON for VS Code. */
import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { MONITOR_MIME, type MonitorReport } from './contract';
import { monitorExitCode } from './computeMonitor';
import { renderMonitorCellHtml } from './report/renderHtml';
import { renderMonitorText } from './report/renderText';

/**
 * A monitoring result: `report` is the plain JSON; `status` and `exitCode` for scripts.
 *
 * @example
 * const m = await monitor('models/churn', batch); m.status; // 'ok'
 */
export class MonitorResult implements Displayable {
  constructor(readonly report: MonitorReport) {}

  get status(): MonitorReport['summary']['status'] {
    return this.report.summary.status;
  }

  /** 0 nothing fired, 1 a warning, 2 a critical rule. */
  get exitCode(): 0 | 1 | 2 {
    return monitorExitCode(this.report);
  }

  toJSON(): MonitorReport {
    return this.report;
  }

  [MIME_BUNDLE](): MimeBundle {
    return { [MONITOR_MIME]: this.report, 'text/html': renderMonitorCellHtml(this.report), 'text/plain': renderMonitorText(this.report) } as MimeBundle;
  }
}
