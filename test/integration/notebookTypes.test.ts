import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { closeAllEditors, openNotebook, waitFor } from './helpers';

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const typeErrors = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.code === 2322);

/** types.mlnb: cell 1 declares `rate`, `scale` and `model`; cell 3 uses them; nothing has run. */
describe('Types across cells (the notebook language service)', () => {
  let nb: vscode.NotebookDocument;
  let third: vscode.TextDocument;
  before(async function () {
    this.timeout(120_000);
    nb = (await openNotebook('types.mlnb')).notebook;
    third = nb.cellAt(2).document;
  });
  after(async () => {
    await vscode.workspace.getConfiguration('modelbook').update('typeCheck.diagnostics', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it("shows a type error in cell 3 on a name from cell 1 on cell 3's line, before anything ran", async function () {
    this.timeout(120_000);
    const [error] = await waitFor('the type error in cell 3', () => typeErrors(third.uri).length > 0 && typeErrors(third.uri), 90_000);
    assert.match(error.message, /Type 'number' is not assignable to type 'string'/);
    assert.deepEqual([error.range.start.line, error.range.start.character], [0, 6]);
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    // One answer: nothing says `rate`, `scale` or `model` is missing, and cells 1 and 2 are clean.
    const all = [0, 1, 2].flatMap((i) => vscode.languages.getDiagnostics(nb.cellAt(i).document.uri));
    assert.deepEqual(
      all.filter((d) => d !== error).map((d) => d.message),
      [],
    );
    assert.equal(nb.cellAt(0).executionSummary?.executionOrder, undefined);
  });

  it('completes a cell-1 name in cell 3 with its type, once, before anything ran', async function () {
    this.timeout(60_000);
    const line = third.lineAt(1).text;
    const at = new vscode.Position(1, line.lastIndexOf('rate') + 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', third.uri, at);
    const rate = list.items.filter((i) => labelOf(i) === 'rate');
    assert.equal(rate.length, 1, list.items.map(labelOf).slice(0, 40).join(', '));
    assert.match(String(rate[0].detail), /rate: number/);
    // Members of a value declared in cell 1, from its static type (LogisticRegression).
    const members = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', third.uri, new vscode.Position(2, 6), '.');
    const names = members.items.map(labelOf);
    assert.ok(names.includes('fit') && names.includes('predictProba'), names.slice(0, 40).join(', '));
    assert.equal(names.filter((n) => n === 'fit').length, 1);
  });

  it('hovers, helps with a signature and goes to the definition in another cell', async function () {
    this.timeout(60_000);
    const at = new vscode.Position(1, third.lineAt(1).text.indexOf('= scale') + 4);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', third.uri, at);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /scale\(values: number\[\], by: number\): number\[\]/);
    assert.equal(text.match(/scale\(/g)?.length, 1, text);
    assert.doesNotMatch(text, /import scale/);
    const inArgs = new vscode.Position(1, third.lineAt(1).text.indexOf('[1, 2]') + 1);
    const help = await vscode.commands.executeCommand<vscode.SignatureHelp>('vscode.executeSignatureHelpProvider', third.uri, inArgs, '(');
    assert.match(help.signatures[0]?.label ?? '', /values: number\[\], by: number/);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', third.uri, at);
    const targets = defs.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetRange } : d));
    assert.equal(targets.length, 1, JSON.stringify(targets));
    assert.equal(targets[0].uri.toString(), nb.cellAt(0).document.uri.toString());
    assert.equal(targets[0].range.start.line, 2);
  });

  it('turns diagnostics off with modelbook.typeCheck.diagnostics, and on again', async function () {
    this.timeout(90_000);
    await waitFor('the type error in cell 3', () => typeErrors(third.uri).length > 0, 60_000);
    await vscode.workspace.getConfiguration('modelbook').update('typeCheck.diagnostics', false, vscode.ConfigurationTarget.Global);
    await waitFor('no type errors with the setting off', () => typeErrors(third.uri).length === 0);
    await vscode.workspace.getConfiguration('modelbook').update('typeCheck.diagnostics', true, vscode.ConfigurationTarget.Global);
    await waitFor('the type error again with the setting on', () => typeErrors(third.uri).length === 1, 60_000);
  });
});
