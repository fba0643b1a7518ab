import * as vscode from 'vscode';
import { REVISION_SCHEME } from './revisionFs';

const SECTION = 'notebook.diff';
const KEY = 'ignoreOutputs';

/**
 * Opens VS Code's notebook diff of `base` against `head` with outputs hidden. VS Code reads
 * `notebook.diff.ignoreOutputs` unscoped (its own "Hide Outputs Differences" action toggles the
 * user setting), so there is no per-editor switch: when the user has not hidden outputs already,
 * the user setting is turned on while one of our revision diffs is open and put back as it was
 * when the last one closes.
 *
 * @example
 * await openNotebookDiff(revisionUri(file, commit), file, 'churn.mlnb (HEAD~1 ↔ work tree)');
 */
export async function openNotebookDiff(base: vscode.Uri, head: vscode.Uri, title: string): Promise<void> {
  const restoreLater = await hideOutputs();
  // Watching starts before the diff opens: the command's promise need not settle before the user
  // closes the tab (in code-server the setting stayed on when watching started after it).
  restoreLater?.();
  try {
    await vscode.commands.executeCommand('vscode.diff', base, head, title);
  } catch (e) {
    restore?.dispose();
    throw e;
  }
}

let restore: vscode.Disposable | undefined;

/** Turns the setting on unless it is on already; returns what starts watching for the last diff to close. */
async function hideOutputs(): Promise<(() => void) | undefined> {
  const config = vscode.workspace.getConfiguration(SECTION);
  if (restore || config.get<boolean>(KEY) === true) return undefined;
  const before = config.inspect<boolean>(KEY)?.globalValue;
  await config.update(KEY, true, vscode.ConfigurationTarget.Global);
  const putBack = () => {
    restore = undefined;
    void vscode.workspace.getConfiguration(SECTION).update(KEY, before, vscode.ConfigurationTarget.Global);
  };
  restore = { dispose: putBack };
  return () => {
    let seen = false;
    // The event's closed tabs may still be listed while it fires: they do not count.
    const listener = vscode.window.tabGroups.onDidChangeTabs((e) => {
      const open = openRevisionDiffs(e.closed);
      if (open > 0) seen = true;
      if (!seen || open > 0) return;
      listener.dispose();
      putBack();
    });
    restore = {
      dispose: () => {
        listener.dispose();
        putBack();
      },
    };
  };
}

function openRevisionDiffs(closed: readonly vscode.Tab[] = []): number {
  const key = (t: vscode.Tab) =>
    t.input instanceof vscode.TabInputNotebookDiff || t.input instanceof vscode.TabInputTextDiff ? `${t.input.original.toString()}\n${t.input.modified.toString()}` : undefined;
  const gone = new Set(closed.map(key));
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => (t.input instanceof vscode.TabInputNotebookDiff || t.input instanceof vscode.TabInputTextDiff) && t.input.original.scheme === REVISION_SCHEME && !gone.has(key(t))).length;
}
