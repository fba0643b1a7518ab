import * as vscode from 'vscode';
import type { Lineage } from '../../core/lineage/contract';
import { governanceMessage } from '../../core/approvals/messages';
import { collectLineage } from '../../core/lineage/collect';
import { readGovernance } from '../../store/approvals/approvalLog';
import { appendApproval } from '../../store/approvals/appendApproval';
import { GovernanceWorkspace } from '../../store/lineage/workspace';
import type { RenderedLineage } from '../../protocol/lineage';
import { LineagePanel } from './lineagePanel';
import { LineageTreeProvider } from './lineageTree';

/** What tests read: the lineage in the view, the approvals written. */
export interface GovernanceApi {
  lineageShown(): Lineage | undefined;
  /** The lineage in the Lineage panel, and what its webview reported drawing. */
  lineageGraphShown(): { lineage: Lineage | undefined; rendered: RenderedLineage | undefined };
  approvalsWritten(): string[];
}

/** The argument a command accepts (besides none): a run id or package folder, and for Approve a role and note. */
interface Args {
  target?: string;
  role?: string;
  note?: string;
}

const DEFAULT_ROLES = ['model-owner', 'risk', 'validator'];

/**
 * `modelbook.approve` ("Approve…"), `modelbook.showLineage` ("Show Lineage…") and
 * `modelbook.showLineageGraph` ("Show as Graph"): on a run id or a package folder given as an
 * argument, or the active notebook's latest evaluation run; the graph, given none, draws the
 * lineage in the Lineage view.
 */
export function registerGovernance(extensionUri: vscode.Uri): { disposables: vscode.Disposable[]; api: GovernanceApi } {
  const tree = new LineageTreeProvider();
  const panel = new LineagePanel(extensionUri);
  const written: string[] = [];

  const approve = async (arg?: unknown): Promise<void> => {
    const a = argsOf(arg);
    const where = await targetOf(a);
    if (!where) return;
    const role = a.role ?? (await pickRole(where.root));
    if (!role) return;
    const note = a.role !== undefined ? a.note : await vscode.window.showInputBox({ prompt: governanceMessage.notePrompt(role, where.target) });
    if (note === undefined && a.role === undefined) return;
    try {
      const { file, label } = appendApproval(where.root, where.target, where.root, role, note || undefined);
      written.push(file);
      void vscode.window.showInformationMessage(governanceMessage.approvedToast(role, label, file));
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message);
    }
  };

  const lineageOf = async (arg: unknown): Promise<Lineage | undefined> => {
    const where = await targetOf(argsOf(arg));
    if (!where) return undefined;
    try {
      const ws = new GovernanceWorkspace(where.root);
      const t = ws.resolve(where.target, where.root);
      return collectLineage(t.kind === 'run' ? { kind: 'run', id: t.record.id } : { kind: 'package', pkg: t.pkg }, ws.lineageReaders());
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message);
      return undefined;
    }
  };

  const showLineage = async (arg?: unknown): Promise<void> => {
    const lineage = await lineageOf(arg);
    if (!lineage) return;
    tree.show(lineage);
    await vscode.commands.executeCommand('modelbook.lineage.focus');
    // The result offers the graph; not awaited, so the command ends while the toast stays.
    void vscode.window.showInformationMessage(governanceMessage.lineageShown(lineage.subject.ref, lineage.gaps.length), governanceMessage.showAsGraph).then((picked) => {
      if (picked) panel.show(lineage);
    });
  };

  const showLineageGraph = async (arg?: unknown): Promise<void> => {
    const lineage = arg === undefined && tree.shown ? tree.shown : await lineageOf(arg);
    if (lineage) panel.show(lineage);
  };

  return {
    disposables: [
      tree,
      panel,
      vscode.window.createTreeView('modelbook.lineage', { treeDataProvider: tree }),
      vscode.commands.registerCommand('modelbook.approve', approve),
      vscode.commands.registerCommand('modelbook.showLineage', showLineage),
      vscode.commands.registerCommand('modelbook.showLineageGraph', showLineageGraph),
    ],
    api: { lineageShown: () => tree.shown, lineageGraphShown: () => panel.shown, approvalsWritten: () => [...written] },
  };
}

function argsOf(arg: unknown): Args {
  if (typeof arg === 'string') return { target: arg };
  if (arg instanceof vscode.Uri) return { target: arg.fsPath };
  if (typeof arg !== 'object' || arg === null) return {};
  const o = arg as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? { [k]: o[k] } : {});
  return { ...str('target'), ...str('role'), ...str('note') };
}

/** The workspace folder and the run or package: the argument, else the active notebook's latest evaluation run. */
async function targetOf(a: Args): Promise<{ root: string; target: string } | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const nb = vscode.window.activeNotebookEditor?.notebook;
  const root = (nb && vscode.workspace.getWorkspaceFolder(nb.uri)) ?? folder;
  if (!root) {
    void vscode.window.showWarningMessage(governanceMessage.noWorkspace);
    return undefined;
  }
  if (a.target) return { root: root.uri.fsPath, target: a.target };
  if (nb) {
    const id = new GovernanceWorkspace(root.uri.fsPath).latestRun('evaluation', vscode.workspace.asRelativePath(nb.uri, false));
    if (id) return { root: root.uri.fsPath, target: id };
  }
  const typed = await vscode.window.showInputBox({ prompt: governanceMessage.targetPrompt });
  return typed ? { root: root.uri.fsPath, target: typed } : undefined;
}

async function pickRole(root: string): Promise<string | undefined> {
  let required: string[] = [];
  try {
    required = readGovernance(root).requiredRoles;
  } catch {
    // a bad governance file: offer the usual roles; the audit names the problem
  }
  const roles = [...new Set([...required, ...DEFAULT_ROLES])];
  const items = roles.map((r) => ({ label: r, description: required.includes(r) ? governanceMessage.requiredRole : '' }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: governanceMessage.rolePrompt });
  return picked?.label;
}
