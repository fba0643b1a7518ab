import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import type { activate } from '../../src/extension';

const decoder = new TextDecoder();

export const EXTENSION_ID = 'modelbook.modelbook';

/** What the extension's `activate` returns, as the tests see it. */
export type ExtensionApi = Awaited<ReturnType<typeof activate>>;

/** Activates the extension (once) and returns its API. */
export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return ext.activate();
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Polls until `check` returns a value (not undefined/false) or fails after `ms`. */
export async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 30_000): Promise<T> {
  return waitForAsync(what, async () => check(), ms);
}

/** As waitFor, for a check that has to await (a file, a tree view). */
export async function waitForAsync<T>(what: string, check: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves with the first event that `matches`, or fails after `ms`; subscribe before causing it. */
export function nextEvent<T>(what: string, event: vscode.Event<T>, matches: (e: T) => boolean = () => true, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event((e) => {
      if (!matches(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** Opens a notebook from the test workspace in an editor, with the Modelbook controller selected. */
export async function openNotebook(name: string): Promise<vscode.NotebookEditor> {
  const doc = await vscode.workspace.openNotebookDocument(workspaceUri(name));
  const editor = await vscode.window.showNotebookDocument(doc);
  await vscode.commands.executeCommand('notebook.selectKernel', { id: 'modelbook.kernel', extension: EXTENSION_ID });
  return editor;
}

/** Runs cell `index` and waits until it has finished (or failed). */
export async function runCell(nb: vscode.NotebookDocument, index: number, ms = 60_000): Promise<vscode.NotebookCell> {
  const started = Date.now();
  void vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: index, end: index + 1 }], document: nb.uri });
  return waitFor(
    `cell ${index} to finish`,
    () => {
      const cell = nb.cellAt(index);
      const s = cell.executionSummary;
      const done = s?.timing?.endTime !== undefined && s.timing.startTime >= started - 5;
      return done ? cell : undefined;
    },
    ms,
  );
}

/** Starts cell `index` without waiting for it to finish; resolves once it has printed `marker`. */
export async function startCell(nb: vscode.NotebookDocument, index: number, marker: string): Promise<void> {
  void vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: index, end: index + 1 }], document: nb.uri });
  await waitFor(`cell ${index} to print "${marker}"`, () => textOf(nb.cellAt(index), 'application/vnd.code.notebook.stdout').includes(marker));
}

/** All output items of a cell as { mime, text }. */
export function outputsOf(cell: vscode.NotebookCell): { mime: string; text: string }[] {
  return cell.outputs.flatMap((o) => o.items.map((i) => ({ mime: i.mime, text: decoder.decode(i.data) })));
}

export function textOf(cell: vscode.NotebookCell, mime: string): string {
  return outputsOf(cell)
    .filter((o) => o.mime === mime)
    .map((o) => o.text)
    .join('');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
