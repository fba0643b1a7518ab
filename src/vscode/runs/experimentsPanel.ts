import { isExperimentsFromWebview } from '../webview/guards';
import * as vscode from 'vscode';
import { compareRuns } from '../../core/runs/compare';
import { buildRunTable } from '../../core/runs/columns';
import { tableToCsv } from '../../core/runs/csv';
import type { RunRecord } from '../../core/runs/contract';
import type { RunSummary } from '../../core/runs/summary';
import type { ExperimentsFromWebview, ExperimentsToWebview, PanelFocus, PanelRun } from '../../protocol/experiments';
import type { Envelope } from '../../protocol/envelope';
import { writeFileAtomic } from '../../store/atomicWrite';
import { PanelHost } from '../webview/panelHost';
import { toPanelRun } from '../../core/runs/collect';
import { openRunCell } from './openCell';
import type { RunsChange, RunsService } from './service';
import { runsPanelMessage } from './messages';
import { REVIEW_COMMAND } from '../review/registerCommand';
import { isPreprocessorRun } from '../../core/runs/preprocessorRuns';

/**
 * The Experiments panel's host side: sends the runs once when the webview is ready, then row
 * deltas as run files change; reads full records for a comparison on request; exports CSV and
 * opens cells. One panel per window.
 */
export class ExperimentsPanel implements vscode.Disposable {
  private static current: ExperimentsPanel | undefined;
  /** The rows the webview last said it rendered (for tests). */
  static lastRendered: ExperimentsFromWebview['rendered'] | undefined;
  private readonly host: PanelHost<ExperimentsToWebview, ExperimentsFromWebview>;
  private readonly disposables: vscode.Disposable[] = [];
  private focus: PanelFocus | undefined;

  static show(extensionUri: vscode.Uri, service: RunsService, focus?: PanelFocus): ExperimentsPanel {
    const open = ExperimentsPanel.current;
    if (open) {
      open.host.reveal();
      if (focus) {
        if (open.host.isReady) open.host.post('focus', focus);
        else open.focus = focus;
      }
      return open;
    }
    ExperimentsPanel.current = new ExperimentsPanel(extensionUri, service, focus);
    return ExperimentsPanel.current;
  }

  private constructor(
    extensionUri: vscode.Uri,
    private readonly service: RunsService,
    focus: PanelFocus | undefined,
  ) {
    this.focus = focus;
    this.host = new PanelHost(extensionUri, { viewType: 'modelbook.experiments', title: 'Experiments', entry: 'experiments', column: vscode.ViewColumn.Active, accepts: isExperimentsFromWebview });
    this.disposables.push(
      this.host,
      this.host.onReady(() => void this.sendAll()),
      this.host.onMessage((m) => void this.handle(m)),
      service.onDidChange((c) => this.sendDelta(c)),
      this.host.panel.onDidDispose(() => this.dispose()),
    );
    void service.open();
  }

  private async sendAll(): Promise<void> {
    await this.service.sync();
    const rows = await this.service.rows();
    const problems = (await this.service.problems()).map(({ path, reason }) => ({ path, reason }));
    const focus = this.focus;
    this.focus = undefined;
    // Preprocessors fitted on their own are recorded for split-before-fit, not compared: the table leaves them out.
    this.host.post('setRuns', { runs: rows.filter(({ row }) => !isPreprocessorRun(row)).map(({ row }) => toPanelRun(row)), problems, ...(focus ? { focus } : {}) });
  }

  /** Only changed rows go over the channel; before `ready` nothing is sent (the full push follows it). */
  private sendDelta(change: RunsChange): void {
    if (!this.host.isReady) return;
    const upsert: PanelRun[] = [];
    const remove: string[] = [];
    for (const { index, changes } of change.changes) {
      for (const c of changes) {
        if (!c.id) continue;
        if (c.kind === 'removed') remove.push(c.id);
        else if (c.kind === 'added' || c.kind === 'updated') {
          const row = index.get(c.id);
          if (row && !isPreprocessorRun(row)) upsert.push(toPanelRun(row));
        }
      }
    }
    void this.service.problems().then((ps) => this.host.post('updateRuns', { upsert, remove, problems: ps.map(({ path, reason }) => ({ path, reason })) }));
  }

  private async handle(m: Envelope<ExperimentsFromWebview>): Promise<void> {
    switch (m.type) {
      case 'ready':
        return;
      case 'rendered':
        ExperimentsPanel.lastRendered = m.payload;
        return;
      case 'compare':
        return this.compare(m.payload.requestId, m.payload.ids);
      case 'exportCsv':
        return this.exportCsv(m.payload.ids, m.payload.columns);
      case 'openCell': {
        const found = await this.service.find(m.payload.id);
        if (!found) return this.host.post('notice', { text: `Run ${m.payload.id} is no longer in the workspace.`, kind: 'error' });
        const problem = await openRunCell(found.folder, found.row);
        if (problem) this.host.post('notice', { text: problem, kind: 'error' });
        return;
      }
      case 'modelDiff':
        return this.modelDiff(m.payload.ids);
      case 'copyId':
        await vscode.env.clipboard.writeText(m.payload.id);
        this.host.post('notice', { text: `Copied ${m.payload.id}`, kind: 'info' });
        return;
      default: {
        const never: never = m;
        void never;
      }
    }
  }

  private async compare(requestId: number, ids: string[]): Promise<void> {
    try {
      const records: RunRecord[] = [];
      for (const id of ids) {
        const found = await this.service.find(id);
        if (!found) throw new Error(runsPanelMessage.runGone(id));
        records.push({ ...found.index.readRecord(id), status: found.row.status });
      }
      this.host.post('comparison', { requestId, ids, comparison: compareRuns(records) });
    } catch (e) {
      this.host.post('comparison', { requestId, ids, error: `Could not compare: ${(e as Error).message}` });
    }
  }

  /** The two runs, older first as the base, through the review command (which checks the ids again). */
  private async modelDiff(ids: string[]): Promise<void> {
    const found = await Promise.all(ids.map((id) => this.service.find(id)));
    const rows = found.map((f) => f?.row).filter((r): r is RunSummary => r !== undefined);
    if (rows.length !== 2) return this.host.post('notice', { text: runsPanelMessage.runGone(ids.join(', ')), kind: 'error' });
    const [base, head] = rows.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    await vscode.commands.executeCommand(REVIEW_COMMAND, { base: `run:${base!.id}`, head: `run:${head!.id}` });
  }

  private async exportCsv(ids: string[], columns: string[]): Promise<void> {
    const byId = new Map((await this.service.rows()).map(({ row }) => [row.id, row]));
    const rows = ids.map((id) => byId.get(id)).filter((r): r is RunSummary => r !== undefined);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({ title: 'Export runs as CSV', filters: { CSV: ['csv'] }, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'runs.csv') } : {}) });
    if (!target) return;
    try {
      const csv = tableToCsv(buildRunTable(rows, columns));
      if (target.scheme === 'file') writeFileAtomic(target.fsPath, csv);
      else await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
      this.host.post('notice', { text: `Exported ${rows.length} runs to ${vscode.workspace.asRelativePath(target)}`, kind: 'info' });
    } catch (e) {
      this.host.post('notice', { text: `Could not export: ${(e as Error).message}`, kind: 'error' });
    }
  }

  dispose(): void {
    if (ExperimentsPanel.current === this) ExperimentsPanel.current = undefined;
    const ds = this.disposables.splice(0);
    for (const d of ds) d.dispose();
  }
}
