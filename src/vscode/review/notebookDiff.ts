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
  await vscode.commands.executeCommand('vscode.diff', base, head, title);
  restoreLater?.();
}

let restore: vscode.Disposable | undefined;

/** Turns the setting on unless it is on already; returns what starts watching for the last diff to close. */
async function hideOutputs(): Promise<(() => void) | undefined> {
  const config = vscode.workspace.getConfiguration(SECTION);
  if (restore || config.get<boolean>(KEY) === true) return undefined;
  const before = config.inspect<boolean>(KEY)?.globalValue;
  await config.update(KEY, true, vscode.ConfigurationTarget.Global);
  restore = { dispose: () => undefined };
  return () => {
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (openRevisionDiffs() > 0) return;
      listener.dispose();
      restore = undefined;
      void vscode.workspace.getConfiguration(SECTION).update(KEY, before, vscode.ConfigurationTarget.Global);
    });
    restore = listener;
  };
}

function openRevisionDiffs(): number {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => (t.input instanceof vscode.TabInputNotebookDiff || t.input instanceof vscode.TabInputTextDiff) && t.input.original.scheme === REVISION_SCHEME).length;
}
