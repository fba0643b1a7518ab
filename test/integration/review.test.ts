import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import { createThread } from '../../src/core/review/threadEdits';
import { serializeThread } from '../../src/core/review/threads';
import type { ReviewRecord, ReviewThread } from '../../src/core/review/threadContract';
import { activateExtension, closeAllEditors, waitFor, waitForAsync, workspaceUri, type ExtensionApi } from './helpers';

const NOTEBOOK = 'review-threads.mlnb';

function notebookJson(): string {
  const cell = (id: string, source: string) => ({ cell_type: 'code', execution_count: null, id, metadata: {}, outputs: [], source: [source] });
  return JSON.stringify({
    cells: [cell('r0', 'const a = 1;'), cell('r1', 'const auc = 0.8;'), cell('r2', 'auc')],
    metadata: { kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'modelbook' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

async function readJson<T>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

describe('review threads and review records in a real VS Code', () => {
  let api: ExtensionApi;
  const nbUri = workspaceUri(NOTEBOOK);
  const threadsDir = workspaceUri('.modelbook', 'reviews', 'threads');

  before(async () => {
    api = await activateExtension();
    await vscode.workspace.fs.writeFile(nbUri, new TextEncoder().encode(notebookJson()));
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(nbUri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(workspaceUri('.modelbook', 'reviews'), { recursive: true }).then(undefined, () => undefined);
  });

  it('a thread started on a cell is written under .modelbook/reviews/threads, and survives a reload, an edit above its cell and the cell being removed (outdated)', async function () {
    this.timeout(120_000);
    const nb = await vscode.workspace.openNotebookDocument(nbUri);
    await vscode.window.showNotebookDocument(nb);
    const thread = await api.review.startThreadOnCell(nbUri, 'r1', { metric: 'auc' }, 'Why did **AUC** drop?');
    assert.ok(thread);
    const file = vscode.Uri.joinPath(threadsDir, `${thread.id}.json`);
    const stored = await readJson<ReviewThread>(file);
    assert.deepEqual(stored.anchor, { notebook: NOTEBOOK, cellId: 'r1', metric: 'auc' });
    assert.equal(stored.comments[0]!.body, 'Why did **AUC** drop?');
    const onCell = (index: number) => api.review.commentThread(thread.id)?.uri.toString() === nb.cellAt(index).document.uri.toString();
    assert.ok(onCell(1), 'shown on the cell with id r1');

    // Reply and resolve through the commands the comment widget's buttons run.
    await vscode.commands.executeCommand('modelbook.review.reply', { thread: api.review.commentThread(thread.id)!, text: 'The split changed.' });
    await vscode.commands.executeCommand('modelbook.review.resolveThread', api.review.commentThread(thread.id)!);
    const replied = await readJson<ReviewThread>(file);
    assert.deepEqual(
      replied.comments.map((c) => c.body),
      ['Why did **AUC** drop?', 'The split changed.'],
    );
    assert.equal(replied.status, 'resolved');
    assert.equal(api.review.commentThread(thread.id)!.state, vscode.CommentThreadState.Resolved);

    // A cell inserted above: the thread stays on its cell, now at index 2, and after a reload too.
    const edit = new vscode.WorkspaceEdit();
    edit.set(nbUri, [vscode.NotebookEdit.insertCells(0, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, '// new first cell', 'typescript')])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the thread to follow its cell', () => onCell(2));
    api.review.reload();
    await waitFor('the thread to be placed again from its file after the reload', () => onCell(2));
    assert.equal(api.review.commentThread(thread.id)!.comments.length, 2);

    // Save, close and reopen the notebook: placed again by cell id.
    await nb.save();
    await closeAllEditors();
    const reopened = await vscode.workspace.openNotebookDocument(nbUri);
    await vscode.window.showNotebookDocument(reopened);
    await waitFor('the thread on the reopened notebook', () => api.review.commentThread(thread.id)?.uri.toString() === reopened.cellAt(2).document.uri.toString());

    // The cell removed: the thread is kept, marked outdated.
    const remove = new vscode.WorkspaceEdit();
    remove.set(nbUri, [vscode.NotebookEdit.deleteCells(new vscode.NotebookRange(2, 3))]);
    assert.ok(await vscode.workspace.applyEdit(remove));
    const outdated = await waitFor('the thread to be outdated', () => {
      const vs = api.review.commentThread(thread.id);
      return vs?.contextValue?.endsWith('.outdated') ? vs : undefined;
    });
    assert.match(outdated.label ?? '', /^Outdated: cell r1/);
  });

  it('a thread file that arrives with a pull is picked up by the watcher and placed on its cell', async function () {
    this.timeout(60_000);
    const nb = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === nbUri.toString()) ?? (await vscode.workspace.openNotebookDocument(nbUri));
    let n = 0;
    const pulled = createThread({ notebook: NOTEBOOK, cellId: 'r2' }, { name: 'Colleague', email: 'colleague@example.com' }, 'From the team', {
      newId: () => ['01JDQ7Z8K5W3M2T9XG4E6HRB1C', '01JDQ7Z8K5W3M2T9XG4E6HRB1D'][n++]!,
      now: () => '2026-12-07T05:00:00.000Z',
    });
    // Written behind VS Code's back, as git does.
    fs.writeFileSync(vscode.Uri.joinPath(threadsDir, `${pulled.id}.json`).fsPath, serializeThread(pulled));
    const index = nb.getCells().findIndex((c) => c.metadata.id === 'r2');
    await waitFor('the pulled thread on cell r2', () => api.review.commentThread(pulled.id)?.uri.toString() === nb.cellAt(index).document.uri.toString(), 20_000);
    assert.equal(api.review.commentThread(pulled.id)!.comments[0]!.contextValue, 'theirs', 'not editable by someone else');
  });

  it('Discuss on a Model Diff finding opens a thread on the cell that made the evaluation; submitted, its file names the run and the metric', async function () {
    this.timeout(60_000);
    const HEAD_RUN = '01JDQ7Z8K5W3M2T9XG4E6HRB9Z';
    const metric = { name: 'auc', base: 0.8, head: 0.75, delta: -0.05, ci: [-0.08, -0.02], pValue: 0.01, significant: true, higherIsBetter: true, verdict: 'worse', method: 'paired-bootstrap' };
    const pair = { notebook: NOTEBOOK, cellId: 'r2', name: 'eval', base: { runId: '01JDQ7Z8K5W3M2T9XG4E6HRB8Z' }, head: { runId: HEAD_RUN }, params: [], metrics: [metric], slices: [], fairness: [] };
    const diff = {
      schemaVersion: 1,
      base: { spec: 'main', kind: 'revision', runIds: [] },
      head: { spec: 'HEAD', kind: 'revision', runIds: [HEAD_RUN] },
      code: [],
      pairs: [pair],
      unpaired: [],
      verdict: 'worse',
      failed: false,
      failOn: 'gates',
    };
    // A finding the diff does not have is refused: no thread.
    assert.equal(await vscode.commands.executeCommand('modelbook.review.startThread', { notebook: NOTEBOOK, cellId: 'r2', metric: 'bogus' }, diff), undefined);
    const draft = await vscode.commands.executeCommand<vscode.CommentThread>('modelbook.review.startThread', { notebook: NOTEBOOK, cellId: 'r2', metric: 'auc' }, diff);
    assert.ok(draft, 'an empty thread was opened');
    const nb = vscode.window.activeNotebookEditor?.notebook;
    assert.equal(nb?.uri.toString(), nbUri.toString(), 'the notebook is shown');
    const cell = nb.getCells().find((c) => c.metadata.id === 'r2')!;
    assert.equal(draft.uri.toString(), cell.document.uri.toString(), 'on the cell that made the evaluation');
    await vscode.commands.executeCommand('modelbook.review.createThread', { thread: draft, text: 'Is the AUC drop real?' });
    const stored = await waitFor('the thread from the finding', () => api.review.threads().find((t) => t.comments[0]?.body === 'Is the AUC drop real?'));
    const file = await readJson<ReviewThread>(vscode.Uri.joinPath(threadsDir, `${stored.id}.json`));
    assert.deepEqual(file.anchor, { notebook: NOTEBOOK, cellId: 'r2', runId: HEAD_RUN, metric: 'auc' });
    assert.equal(api.review.commentThread(stored.id)?.uri.toString(), cell.document.uri.toString());
  });

  it('approving and requesting changes write review records with the hash of the diff seen', async function () {
    this.timeout(60_000);
    const diff = {
      schemaVersion: 1,
      base: { spec: 'main', kind: 'revision', commit: 'a'.repeat(40), runIds: ['b1'] },
      head: { spec: 'HEAD', kind: 'revision', runIds: ['h1'] },
      verdict: 'same',
      failed: false,
    };
    const file = await vscode.commands.executeCommand<string>('modelbook.approveModelChange', { diff });
    assert.ok(file, 'a file was written');
    const record = await readJson<ReviewRecord>(vscode.Uri.file(file));
    assert.equal(record.verdict, 'approve');
    assert.deepEqual(record.base, { rev: 'a'.repeat(40), runIds: ['b1'] });
    assert.deepEqual(record.head, { rev: 'HEAD', runIds: ['h1'] });
    assert.match(record.diffHash, /^[0-9a-f]{64}$/);
    assert.ok(file.includes('.modelbook/reviews/approvals/'));
    const asked = await vscode.commands.executeCommand<string>('modelbook.requestModelChanges', { base: { rev: 'main', runIds: [] }, head: { rev: 'HEAD', runIds: [] }, body: 'Fix the split.' });
    const change = await waitForAsync('the change request', async () => readJson<ReviewRecord>(vscode.Uri.file(asked)));
    assert.equal(change.verdict, 'request-changes');
    assert.equal(change.body, 'Fix the split.');
    assert.equal(change.diffHash, '');
  });
});
