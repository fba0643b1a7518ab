import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import type { RunIndex } from '../../store/runs/runIndex';
import type { RunsService } from '../runs/service';
import { walkthroughKeys, type WalkthroughRun } from './keys';

/** What the extension's API exposes of the walkthrough (the integration tests use it). */
export interface WalkthroughApi {
  /** The context keys VS Code has accepted so far (each `setContext` has resolved). */
  keys(): ReadonlySet<string>;
}

/**
 * Sets the walkthrough's context keys from the workspace's run store: the steps "run it" and
 * "export" complete on `onContext:` when a passing checkpoint or an export is recorded. Keys are only
 * ever turned on; the first time a folder's index reports a change, and after a cell runs, every run is read.
 */
export function registerWalkthrough(service: RunsService, log: vscode.LogOutputChannel): { api: WalkthroughApi; disposables: vscode.Disposable[] } {
  const set = new Set<string>();
  const accepted = new Set<string>();
  const scanned = new WeakSet<RunIndex>();
  const apply = (runs: Iterable<WalkthroughRun | undefined>) => {
    for (const key of walkthroughKeys(runs)) {
      if (set.has(key)) continue;
      set.add(key);
      void vscode.commands.executeCommand('setContext', key, true).then(
        () => accepted.add(key),
        (e: Error) => log.warn(`walkthrough: could not set ${key}: ${e.message}`),
      );
    }
  };
  const subscription = service.onDidChange(({ changes }) => {
    for (const { index, changes: fileChanges } of changes) {
      if (!scanned.has(index)) {
        scanned.add(index);
        apply(index.rows());
        continue;
      }
      apply(fileChanges.filter((c) => (c.kind === 'added' || c.kind === 'updated') && c.id !== undefined).map((c) => index.get(c.id!)));
    }
  });
  // The runs index opens when a notebook first runs a cell, after that cell's records were written:
  // no file event tells of them, so read every run once the indexes are current.
  const executed = vscode.workspace.onDidChangeNotebookDocument((e) => {
    if (e.notebook.notebookType !== NOTEBOOK_TYPE || !e.cellChanges.some((c) => c.executionSummary)) return;
    void service.sync().then(
      (folders) => {
        for (const { index } of folders) {
          scanned.add(index);
          apply(index.rows());
        }
      },
      (e: Error) => log.warn(`walkthrough: could not read the runs: ${e.message}`),
    );
  });
  return { api: { keys: () => accepted }, disposables: [subscription, executed] };
}
