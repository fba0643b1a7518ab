import * as vscode from 'vscode';
import type { KernelVariable } from '../../core/kernel/variables';
import { variablesMessage } from '../../core/kernel/messages';
import { formatBytes } from '../../core/text/number';
import type { KernelRegistry } from '../kernels';

/** One row of the view: a variable or a member, with the path that names it in the kernel. */
export interface VariableNode {
  path: string[];
  variable: KernelVariable;
}

const PRIMITIVES = new Set(['number', 'string', 'boolean', 'bigint', 'symbol', 'undefined', 'null']);

/** The "Variables" view: the shown notebook's kernel variables, members asked for when a row expands. */
export class VariablesTreeProvider implements vscode.TreeDataProvider<VariableNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private shownNotebook: vscode.NotebookDocument | undefined;
  private lastTop: VariableNode[] = [];

  /** A top-level listing is under way; a refresh asked for meanwhile runs after it (one request at a time, however many cells end). */
  private listing = false;
  private again = false;

  constructor(
    private readonly kernels: KernelRegistry,
    /** Told what is wrong with the top level (undefined when nothing is). */
    private readonly onProblem: (problem: string | undefined) => void = () => {},
  ) {}

  get notebook(): vscode.NotebookDocument | undefined {
    return this.shownNotebook;
  }

  /** The top-level rows last given to VS Code (tests read them). */
  get shown(): readonly VariableNode[] {
    return this.lastTop;
  }

  show(notebook: vscode.NotebookDocument | undefined): void {
    if (notebook === this.shownNotebook) return;
    this.shownNotebook = notebook;
    this.refresh();
  }

  refresh(): void {
    if (this.listing) this.again = true;
    else this.changed.fire(undefined);
  }

  async getChildren(parent?: VariableNode): Promise<VariableNode[]> {
    const nb = this.shownNotebook;
    const session = nb && this.kernels.get(nb);
    const running = session && (session.state === 'idle' || session.state === 'busy');
    if (!running) {
      if (!parent) this.setTop([], undefined);
      return [];
    }
    const path = parent ? parent.path : [];
    if (!parent) this.listing = true;
    let answer: Awaited<ReturnType<typeof session.variables>>;
    try {
      answer = await session.variables(path);
    } finally {
      if (!parent) this.listed();
    }
    const nodes = answer.items.map((variable) => ({ path: [...path, variable.name], variable }));
    if (parent) return answer.error ? [errorNode(path, answer.error)] : nodes;
    // A busy kernel keeps the last list on screen, with the reason it is not fresh.
    if (answer.error) this.setTop(this.lastTop, variablesMessage.viewFailed(answer.error));
    else this.setTop(nodes, undefined);
    return this.lastTop;
  }

  private setTop(nodes: VariableNode[], problem: string | undefined): void {
    this.lastTop = nodes;
    this.onProblem(problem);
  }

  private listed(): void {
    this.listing = false;
    if (this.again) {
      this.again = false;
      this.changed.fire(undefined);
    }
  }

  getTreeItem(node: VariableNode): vscode.TreeItem {
    const v = node.variable;
    const t = new vscode.TreeItem(v.name, v.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    t.id = node.path.join('\u0000');
    t.description = descriptionOf(v);
    t.tooltip = tooltipOf(v);
    t.iconPath = new vscode.ThemeIcon(iconOf(v));
    t.contextValue = v.viewable ? 'variable.viewable' : 'variable';
    return t;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** `ColumnTable · 1,309 × 5 · 52.4 kB`, `Float64Array(1,024) · 8.2 kB`; a primitive shows its value alone. */
export function descriptionOf(v: KernelVariable): string {
  // Arrays read as `Float64Array(1,024)`, as devtools print them: the sidebar is narrow.
  const length = /^length ([\d,]+)(?:: (.*))?$/.exec(v.summary);
  const head = PRIMITIVES.has(v.type) ? v.summary || v.type : length ? [`${v.type}(${length[1]})`, length[2]].filter(Boolean).join(' ') : [v.type, v.summary].filter(Boolean).join(' · ');
  return v.bytes !== undefined ? `${head} · ${formatBytes(v.bytes)}` : head;
}

function tooltipOf(v: KernelVariable): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escapeMd(v.name)}**: \`${v.type}\``);
  if (v.summary) md.appendText(`\n\n${v.summary}`);
  if (v.shape) md.appendText(`\nshape [${v.shape.join(', ')}]`);
  if (v.bytes !== undefined) md.appendText(`\n${formatBytes(v.bytes)}`);
  return md;
}

const escapeMd = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

function iconOf(v: KernelVariable): string {
  if (v.viewable && v.shape?.length === 2 && v.type !== 'Tensor') return 'table';
  if (v.type === 'getter') return 'symbol-property';
  if (v.type === 'Tensor' || v.type === 'Array' || v.type.endsWith('Array')) return 'symbol-array';
  if (v.type === 'number' || v.type === 'bigint') return 'symbol-number';
  if (v.type === 'string') return 'symbol-string';
  if (v.type === 'boolean') return 'symbol-boolean';
  if (v.summary === 'fitted' || v.summary === 'not fitted') return 'symbol-class';
  return v.expandable ? 'symbol-object' : 'symbol-variable';
}

function errorNode(path: string[], error: string): VariableNode {
  return { path: [...path, '\u0000error'], variable: { name: '', type: '', summary: error, expandable: false, viewable: false } };
}
