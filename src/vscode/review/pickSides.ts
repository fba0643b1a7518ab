import * as vscode from 'vscode';
import type { GitRevisions } from '../../store/git/revisions';
import { pickDefaultBase } from '../../store/review/defaultBase';
import { WORKTREE } from '../../store/review/loadSide';
import type { RunsService } from '../runs/service';
import { reviewUiMessage } from './messages';

/** The two sides to diff (as `loadDiffSide` specs) and how to name them. */
export interface ReviewSides {
  base: string;
  head: string;
  /** How the panel names the sides (`HEAD~1`, `main`, `work tree`); default: the specs. */
  baseLabel?: string;
  headLabel?: string;
}

interface SideItem extends vscode.QuickPickItem {
  sides?: ReviewSides;
  twoRuns?: true;
}

const RECENT_COMMITS = 15;
const MAX_REFS = 60;

/**
 * Asks which base to compare the work tree with: the default (see pickDefaultBase) first and
 * preselected, then recent commits, branches and tags, then "Two runs…". Every revision is passed
 * on as the commit id git listed (`rev:<id>`), never as a name a repository could have made up.
 * `onShown` receives the picker while it is open (the tests accept it).
 *
 * @example
 * await pickReviewSides(git, runs, folder) // { base: 'rev:3f2a…', head: 'WORKTREE' }
 */
export async function pickReviewSides(git: GitRevisions | undefined, runs: RunsService, folder: vscode.WorkspaceFolder, onShown?: (open: boolean) => void): Promise<ReviewSides | undefined> {
  const items = git ? await revisionItems(git) : [];
  items.push({ label: reviewUiMessage.runs, kind: vscode.QuickPickItemKind.Separator }, { label: reviewUiMessage.twoRuns, detail: reviewUiMessage.twoRunsDetail, twoRuns: true });
  const picked = await showPick(items, onShown);
  if (!picked) return undefined;
  if (picked.twoRuns) return pickTwoRuns(runs, folder);
  return picked.sides;
}

async function revisionItems(git: GitRevisions): Promise<SideItem[]> {
  const against = (commit: string, name = commit.slice(0, 8)): ReviewSides => ({ base: `rev:${commit}`, head: WORKTREE, baseLabel: name, headLabel: reviewUiMessage.workTree });
  const head = await git.resolve('HEAD');
  const [fallback, commits, refs] = await Promise.all([pickDefaultBase(git), git.log(head, RECENT_COMMITS + 1), git.refs()]);
  const items: SideItem[] = [];
  if (fallback) items.push({ label: `$(git-compare) ${fallback.commit.slice(0, 8)}`, description: reviewUiMessage.defaultDetail(fallback.label), sides: against(fallback.commit, fallback.ref) });
  items.push({ label: reviewUiMessage.recentCommits, kind: vscode.QuickPickItemKind.Separator });
  for (const c of commits.slice(0, RECENT_COMMITS))
    items.push({ label: `$(git-commit) ${c.commit.slice(0, 8)}`, description: c.subject, detail: `${c.author}, ${new Date(c.time * 1000).toLocaleString()}`, sides: against(c.commit) });
  items.push({ label: reviewUiMessage.branches, kind: vscode.QuickPickItemKind.Separator });
  for (const r of refs.slice(0, MAX_REFS))
    items.push({ label: `$(${r.kind === 'tag' ? 'tag' : r.kind === 'remote' ? 'cloud' : 'git-branch'}) ${r.name}`, description: r.commit.slice(0, 8), sides: against(r.commit, r.name) });
  return items;
}

function showPick(items: SideItem[], onShown?: (open: boolean) => void): Promise<SideItem | undefined> {
  const pick = vscode.window.createQuickPick<SideItem>();
  pick.title = reviewUiMessage.pickTitle;
  pick.placeholder = reviewUiMessage.pickPlaceholder;
  pick.matchOnDescription = true;
  pick.items = items;
  const first = items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
  if (first) pick.activeItems = [first];
  return new Promise((resolve) => {
    let chosen: SideItem | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0] ?? pick.activeItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      onShown?.(false);
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
    onShown?.(true);
  });
}

async function pickTwoRuns(runs: RunsService, folder: vscode.WorkspaceFolder): Promise<ReviewSides | undefined> {
  const rows = (await runs.rows())
    .filter(({ folder: f, row }) => f.uri.toString() === folder.uri.toString() && row.kind === 'evaluation' && row.status === 'finished')
    .map(({ row }) => row)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  if (rows.length === 0) return void vscode.window.showWarningMessage(reviewUiMessage.noEvaluationRuns);
  const picked = await vscode.window.showQuickPick(
    rows.map((r) => ({ label: r.name, description: `${r.id.slice(0, 10)} · ${r.notebook ?? ''}`, detail: new Date(r.startedAt).toLocaleString(), run: r })),
    { canPickMany: true, title: reviewUiMessage.pickRunsTitle },
  );
  if (!picked) return undefined;
  if (picked.length !== 2) return void vscode.window.showWarningMessage(reviewUiMessage.needTwoRuns(picked.length));
  const [older, newer] = [...picked].sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt));
  return { base: `run:${older!.run.id}`, head: `run:${newer!.run.id}` };
}
