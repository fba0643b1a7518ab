import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { closeAllEditors, openNotebook, runCell } from './helpers';

async function labelsAt(doc: vscode.TextDocument, position: vscode.Position): Promise<Map<string, vscode.CompletionItem>> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, '.');
  return new Map((list?.items ?? []).map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i]));
}

describe('IntelliSense from the running kernel', () => {
  after(closeAllEditors);

  it("completes a name whose static type is `any` from the kernel's live value", async function () {
    this.timeout(120_000);
    const nb = (await openNotebook('completion.mlnb')).notebook;
    const second = nb.cellAt(1).document;
    const end = second.lineAt(second.lineCount - 1).range.end;
    // Before the first cell ran, the kernel has no `model` to offer.
    assert.ok(!(await labelsAt(second, end)).has('predictProba'), 'no kernel completions before the cell ran');
    const ran = await runCell(nb, 0);
    assert.equal(ran.executionSummary?.success, true);
    const items = await labelsAt(second, end);
    const proba = items.get('predictProba');
    assert.ok(proba, [...items.keys()].slice(0, 30).join(', '));
    assert.equal(proba.kind, vscode.CompletionItemKind.Method);
    assert.match(String(proba.detail), /from the running kernel/);
    assert.ok(items.has('fit') && items.has('score'));
    // The .vsix ships minified bundles: parameters must still read as declared, internals stay hidden.
    assert.match(String(items.get('fit')?.detail), /\(features, target, options/);
    assert.deepEqual(
      [...items.keys()].filter((k) => k.startsWith('_')),
      [],
    );
    // Hover over `model` in the second cell: its class, from the kernel.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', second.uri, new vscode.Position(0, 2));
    const text = (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\(variable\) model: LogisticRegression/);
    assert.match(text, /from the running kernel/);
  });
});
