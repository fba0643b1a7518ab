import * as vscode from 'vscode';
import { LINEAGE_KINDS, type Lineage, type LineageNode } from '../../core/lineage/contract';

type Item = { kind: 'node'; node: LineageNode; index: number } | { kind: 'gap'; text: string };

const ICON: Record<LineageNode['status'], [string, string]> = {
  ok: ['pass', 'testing.iconPassed'],
  missing: ['error', 'testing.iconFailed'],
  broken: ['error', 'testing.iconFailed'],
  older: ['history', 'list.warningForeground'],
};

/** The "Lineage" view: the chain of the lineage last shown, each link under the one it came from, then the gaps. */
export class LineageTreeProvider implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private lineage: Lineage | undefined;
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** The lineage shown (tests read it). */
  get shown(): Lineage | undefined {
    return this.lineage;
  }

  show(lineage: Lineage): void {
    this.lineage = lineage;
    this.changed.fire(undefined);
  }

  getChildren(parent?: Item): Item[] {
    const l = this.lineage;
    if (!l) return [];
    const depths = [...new Set(l.nodes.map(depthOf))].sort((a, b) => a - b);
    const at = (d: number | undefined) => l.nodes.map((node, index) => ({ kind: 'node' as const, node, index })).filter((i) => depthOf(i.node) === d);
    if (!parent) return [...at(depths[0]), ...l.gaps.map((text) => ({ kind: 'gap' as const, text }))];
    if (parent.kind === 'gap') return [];
    const d = depthOf(parent.node);
    const siblings = at(d);
    // The next links hang under the last link of this level (a chain, not a fan).
    return siblings.at(-1)?.index === parent.index ? at(depths[depths.indexOf(d) + 1]) : [];
  }

  getTreeItem(item: Item): vscode.TreeItem {
    if (item.kind === 'gap') {
      const t = new vscode.TreeItem(item.text, vscode.TreeItemCollapsibleState.None);
      t.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
      t.tooltip = item.text;
      return t;
    }
    const n = item.node;
    const hasChildren = this.getChildren(item).length > 0;
    const t = new vscode.TreeItem(`${n.kind}: ${n.label}`, hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    t.description = n.detail;
    t.tooltip = `${n.kind} ${n.id}${n.detail ? `\n${n.detail}` : ''}`;
    t.iconPath = new vscode.ThemeIcon(ICON[n.status][0], new vscode.ThemeColor(ICON[n.status][1]));
    t.id = `${item.index}`;
    return t;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const depthOf = (n: LineageNode) => Math.min(LINEAGE_KINDS.indexOf(n.kind), 6);
