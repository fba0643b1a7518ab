import * as vscode from 'vscode';
import type { MonitorReport } from '../../core/monitor/contract';
import { monitorReportProblem } from '../../core/monitor/isMonitorReport';
import { message } from '../../core/messages';
import type { RenderedMonitor } from '../../protocol/monitor';
import { readRegularFileAsync } from '../../store/readRegularFile';
import type { RendererHandlers } from '../renderer/messaging';
import { MonitorPanel } from './monitorPanel';

/** What the extension's API exposes about monitoring (tests read what the webviews drew). */
export interface MonitorApi {
  /** The panel's last `rendered` report. */
  panelRendered(): RenderedMonitor | undefined;
  /** The feature last selected in the panel. */
  panelSelected(): string | undefined;
  /** The compact reports drawn in cell outputs, latest last. */
  cellRendered(): RenderedMonitor[];
}

/** The largest report file opened (a report is a few kB per feature). */
const MAX_REPORT_BYTES = 64 * 2 ** 20;

/**
 * `modelbook.openMonitoring` ("Open Monitoring Report…"): with a report (or `{ report }`, what the
 * cell output's button sends) it shows that; with a file URI, or none (a JSON file picked from the
 * workspace), it reads the file, checks it is a report, and shows it or says why not.
 */
export function registerMonitoring(extensionUri: vscode.Uri): { disposables: vscode.Disposable[]; api: MonitorApi; renderer: Pick<RendererHandlers, 'openMonitoring' | 'monitorRendered'> } {
  const panel = new MonitorPanel(extensionUri);
  const cellReports: RenderedMonitor[] = [];
  const open = async (arg?: unknown): Promise<void> => {
    const report = arg instanceof vscode.Uri ? await readReport(arg) : arg === undefined ? await pickReport() : given(arg);
    if (report) panel.show(report);
  };
  const disposables = [panel, vscode.commands.registerCommand('modelbook.openMonitoring', open)];
  const renderer: Pick<RendererHandlers, 'openMonitoring' | 'monitorRendered'> = {
    openMonitoring: (payload) => panel.show(payload.report),
    monitorRendered: (rendered) => {
      cellReports.push(rendered);
      if (cellReports.length > 50) cellReports.shift();
    },
  };
  return { disposables, renderer, api: { panelRendered: () => panel.rendered, panelSelected: () => panel.selected, cellRendered: () => [...cellReports] } };
}

/** A report passed as an argument, or `{ report }`; says why not otherwise. */
function given(arg: unknown): MonitorReport | undefined {
  const inner = typeof arg === 'object' && arg !== null && 'report' in arg ? (arg as { report: unknown }).report : arg;
  const problem = monitorReportProblem(inner);
  if (problem === undefined) return inner as MonitorReport;
  void vscode.window.showErrorMessage(message.notAMonitorReport('the argument', problem));
  return undefined;
}

/** Reads a saved report (no symlinks, no FIFOs, bounded size) and checks it. */
async function readReport(uri: vscode.Uri): Promise<MonitorReport | undefined> {
  const name = vscode.workspace.asRelativePath(uri);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode((await readRegularFileAsync(uri.fsPath, { maxBytes: MAX_REPORT_BYTES })).bytes)) as unknown;
  } catch (e) {
    void vscode.window.showErrorMessage(message.unreadableMonitorReport(name, (e as Error).message));
    return undefined;
  }
  const problem = monitorReportProblem(value);
  if (problem === undefined) return value as MonitorReport;
  void vscode.window.showErrorMessage(message.notAMonitorReport(name, problem));
  return undefined;
}

/** A JSON file of the workspace, picked from a list. */
async function pickReport(): Promise<MonitorReport | undefined> {
  const files = await vscode.workspace.findFiles('**/*.json', '**/{node_modules,.git,.modelbook}/**', 500);
  if (!files.length) {
    void vscode.window.showWarningMessage(message.noMonitorReports);
    return undefined;
  }
  const items = files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })).sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: message.pickMonitorReport, matchOnDescription: true });
  return picked ? readReport(picked.uri) : undefined;
}
