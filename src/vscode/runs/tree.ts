import * as vscode from 'vscode';
import type { RunProblem } from '../../core/runs/contract';
import { formatTime } from '../../core/runs/format';
import { formatDuration, formatNumber } from '../../core/text/number';
import type { RunSummary } from '../../core/runs/summary';
import { collectRunTree, keyMetric } from '../../core/runs/collect';
import type { RunsService } from './service';
import { isPreprocessorRun } from '../../core/runs/preprocessorRuns';

/** A node of the runs tree: tagged by `kind`. */
export type RunsNode =
  | { kind: 'notebook'; folder: vscode.WorkspaceFolder; notebook: string; label: string; runs: RunSummary[] }
  | { kind: 'run'; folder: vscode.WorkspaceFolder; run: RunSummary; children: RunSummary[] }
  | { kind: 'more'; notebook: string; hidden: number }
  | { kind: 'problems'; problems: (RunProblem & { folder: vscode.WorkspaceFolder })[] }
  | { kind: 'problem'; problem: RunProblem & { folder: vscode.WorkspaceFolder } };

/** Runs shown under one notebook; the panel shows the rest. */
const MAX_PER_NOTEBOOK = 200;

const STATUS_ICON: Record<string, [string, string]> = {
  running: ['sync~spin', 'charts.blue'],
  finished: ['pass', 'testing.iconPassed'],
  failed: ['error', 'testing.iconFailed'],
  interrupted: ['debug-pause', 'editorWarning.foreground'],
};

/**
 * The sidebar's runs: one node per notebook (workspace-relative path; the folder name too in a
 * multi-root workspace), its runs newest first, nested runs (CV folds, trials) under their parent,
 * and the files that are not readable records under "Problems". Updates when the index changes.
 */
export class RunsTreeProvider implements vscode.TreeDataProvider<RunsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RunsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;
  private children = new Map<string, RunSummary[]>();

  constructor(private readonly service: RunsService) {
    this.subscription = service.onDidChange(() => this.emitter.fire(undefined));
  }

  private synced = false;

  /** Re-lists the runs folders (catching files no watcher event told of) and redraws. */
  refresh(): void {
    this.synced = false;
    this.emitter.fire(undefined);
  }

  async getChildren(node?: RunsNode): Promise<RunsNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'notebook') {
      const shown: RunsNode[] = node.runs.slice(0, MAX_PER_NOTEBOOK).map((run) => ({ kind: 'run', folder: node.folder, run, children: this.children.get(run.id) ?? [] }));
      if (node.runs.length > MAX_PER_NOTEBOOK) shown.push({ kind: 'more', notebook: node.notebook, hidden: node.runs.length - MAX_PER_NOTEBOOK });
      return shown;
    }
    if (node.kind === 'run') return node.children.map((run) => ({ kind: 'run', folder: node.folder, run, children: this.children.get(run.id) ?? [] }));
    if (node.kind === 'problems') return node.problems.map((problem) => ({ kind: 'problem', problem }));
    return [];
  }

  private async roots(): Promise<RunsNode[]> {
    const folders = this.synced ? await this.service.open() : await this.service.sync();
    this.synced = true;
    const multi = folders.length > 1;
    const nodes: RunsNode[] = [];
    this.children = new Map();
    for (const { folder, index } of folders) {
      // Preprocessors fitted on their own are recorded for split-before-fit; the tree lists models, searches and evaluations.
      const tree = collectRunTree(index.rows().filter((r) => !isPreprocessorRun(r)));
      for (const [k, v] of tree.children) this.children.set(k, v);
      for (const nb of tree.notebooks) {
        const name = nb.notebook || '(no notebook)';
        nodes.push({ kind: 'notebook', folder, notebook: nb.notebook, label: multi ? `${folder.name}: ${name}` : name, runs: nb.runs });
      }
    }
    const problems = await this.service.problems();
    if (problems.length) nodes.push({ kind: 'problems', problems });
    return nodes;
  }

  getTreeItem(node: RunsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'notebook': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `nb:${node.folder.uri.toString()}:${node.notebook}`;
        item.description = `${node.runs.length} run${node.runs.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('notebook');
        item.contextValue = 'notebook';
        if (node.notebook) item.resourceUri = vscode.Uri.joinPath(node.folder.uri, node.notebook);
        return item;
      }
      case 'run': {
        const r = node.run;
        const item = new vscode.TreeItem(r.name, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `run:${r.id}`;
        const metric = keyMetric(r);
        item.description = [r.kind === 'fit' ? r.status : `${r.kind} · ${r.status}`, metric?.text, r.status === 'running' && r.epochs ? `epoch ${r.epochs}` : undefined].filter(Boolean).join(' · ');
        const [icon, color] = STATUS_ICON[r.status] ?? ['circle-outline', 'foreground'];
        item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
        item.tooltip = runTooltip(r);
        item.contextValue = r.cellId && r.notebook ? 'run.withCell' : 'run';
        item.command = { command: 'modelbook.runs.openInPanel', title: 'Open in Experiments Panel', arguments: [node] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`${node.hidden} older runs…`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = 'Open the Experiments panel to see every run';
        item.command = { command: 'modelbook.openExperiments', title: 'Open Experiments Panel', arguments: [{ notebook: node.notebook }] };
        return item;
      }
      case 'problems': {
        const item = new vscode.TreeItem('Unreadable run files', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.problems.length);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.problem.path.split('/').pop() ?? node.problem.path, vscode.TreeItemCollapsibleState.None);
        item.description = node.problem.reason;
        item.tooltip = `${node.problem.path}: ${node.problem.reason}\nThe file is skipped. Delete or move it if it is not a run record.`;
        item.resourceUri = vscode.Uri.joinPath(node.problem.folder.uri, node.problem.path);
        item.command = { command: 'vscode.open', title: 'Open File', arguments: [item.resourceUri] };
        return item;
      }
    }
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function runTooltip(r: RunSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMd(r.name)}** — ${r.kind}, ${r.status}\n\n`);
  md.appendMarkdown(`started ${formatTime(r.startedAt)} · ${formatDuration(r.durationMs)}${r.epochs ? ` · ${r.epochs} epochs` : ''}\n\n`);
  const metrics = Object.entries(r.metrics).map(([k, v]) => `${k} ${formatNumber(v)}`);
  if (metrics.length) md.appendMarkdown(`metrics: ${escapeMd(metrics.join(', '))}\n\n`);
  const params = Object.entries(r.params).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  if (params.length) md.appendMarkdown(`params: ${escapeMd(params.join(', ').slice(0, 300))}\n\n`);
  if (r.error) md.appendMarkdown(`error: ${escapeMd(r.error)}\n\n`);
  md.appendMarkdown(`\`${r.id}\``);
  return md;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
