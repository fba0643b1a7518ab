import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { closeAllEditors, openNotebook, waitFor } from './helpers';

describe('IntelliSense in cells for the built-in modules', () => {
  after(closeAllEditors);

  it("resolves 'modelbook', 'arquero' and '@tensorflow/tfjs' without installing them, and completes their API", async function () {
    this.timeout(180_000);
    const nb = (await openNotebook('intellisense.mlnb')).notebook;
    const cell = nb.cellAt(0).document;
    const end = cell.lineAt(cell.lineCount - 1).range.end;
    // The TypeScript server starts on demand; completions come once it has loaded the project.
    let names: string[] = [];
    await waitFor(
      'TypeScript completions from the modelbook types',
      () => {
        void vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', cell.uri, end).then((list) => {
          names = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
        });
        return names.includes('predictProba') ? names : undefined;
      },
      150_000,
    );
    assert.ok(names.includes('fit') && names.includes('coef'), names.slice(0, 20).join(', '));
    const diagnostics = vscode.languages.getDiagnostics(cell.uri).map((d) => d.message);
    assert.ok(!diagnostics.some((m) => /Cannot find module/.test(m)), diagnostics.join('\n'));
  });
});
