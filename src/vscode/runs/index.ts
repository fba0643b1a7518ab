import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import type { ExperimentsFromWebview, PanelFocus } from '../../protocol/experiments';
import { notebookFilter } from '../../core/runs/collect';
import type { RendererHandlers } from '../renderer/messaging';
import { ExperimentsPanel } from './experimentsPanel';
import { openRunCell } from './openCell';
import { RunsService } from './service';
import { RunsTreeProvider, type RunsNode } from './tree';

/** What the extension's API exposes of the runs UI (the integration tests use it). */
export interface RunsApi {
  service: RunsService;
  tree: RunsTreeProvider;
  /** Test-only: what the Experiments panel last reported as rendered. */
  lastRendered(): ExperimentsFromWebview['rendered'] | undefined;
}

/** The runs service, the sidebar tree, the Experiments panel, their commands and the inline history's renderer message. */
export function registerRuns(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): { api: RunsApi; disposables: vscode.Disposable[]; renderer: Pick<RendererHandlers, 'openExperiments'> } {
  const service = new RunsService(context.storageUri ?? context.globalStorageUri, log);
  const tree = new RunsTreeProvider(service);
  const openPanel = (focus?: PanelFocus) => ExperimentsPanel.show(context.extensionUri, service, focus);
  const runOf = async (arg: unknown) => {
    const node = arg as RunsNode | undefined;
    if (node?.kind === 'run') return node;
    return undefined;
  };
  const disposables: vscode.Disposable[] = [
    service,
    tree,
    vscode.window.createTreeView('modelbook.runs', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand('modelbook.openExperiments', (arg?: { notebook?: string; filter?: string; select?: string[] }) => {
      const focus: PanelFocus = {};
      if (arg?.filter !== undefined) focus.filter = arg.filter;
      else if (arg?.notebook !== undefined) focus.filter = notebookFilter(arg.notebook);
      if (arg?.select) focus.select = arg.select;
      openPanel(Object.keys(focus).length ? focus : undefined);
    }),
    vscode.commands.registerCommand('modelbook.runs.openInPanel', async (arg: unknown) => {
      const node = await runOf(arg);
      openPanel(node ? { select: [node.run.id] } : undefined);
    }),
    vscode.commands.registerCommand('modelbook.runs.openCell', async (arg: unknown) => {
      const node = await runOf(arg);
      if (!node) return;
      const problem = await openRunCell(node.folder, node.run);
      if (problem) void vscode.window.showWarningMessage(problem);
    }),
    vscode.commands.registerCommand('modelbook.runs.copyId', async (arg: unknown) => {
      const node = await runOf(arg);
      if (node) await vscode.env.clipboard.writeText(node.run.id);
    }),
    vscode.commands.registerCommand('modelbook.runs.refresh', () => tree.refresh()),
    // A notebook that runs cells may record runs: start watching then, so the tree and panel see them.
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.notebook.notebookType === NOTEBOOK_TYPE && e.cellChanges.some((c) => c.executionSummary)) void service.open();
    }),
  ];
  const renderer: Pick<RendererHandlers, 'openExperiments'> = {
    openExperiments: ({ notebook, runIds }) => openPanel({ ...(notebook !== undefined ? { filter: notebookFilter(notebook) } : {}), select: runIds.slice(0, 2) }),
  };
  return { api: { service, tree, lastRendered: () => ExperimentsPanel.lastRendered }, disposables, renderer };
}
