import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../core/notebook/contract';
import { completionContext, isModuleCell, topLevelNames } from '../core/cells/completionContext';
import type { KernelCompletion } from '../protocol/kernel';
import type { KernelRegistry } from './kernels';

function itemKind(kind: KernelCompletion['kind']): vscode.CompletionItemKind {
  const K = vscode.CompletionItemKind;
  return { method: K.Method, function: K.Function, class: K.Class, property: K.Property, variable: K.Variable }[kind];
}

/**
 * Completion and hover from the running kernel, as Jupyter offers them: `model.` in a cell lists the members
 * of the live `model` when TypeScript cannot see it — VS Code checks each cell as its own file, so
 * names declared in a cell that imports are unknown to the others. Names TypeScript already knows
 * (declared in this cell, or in a cell without imports) are left to it, so nothing shows twice.
 */
export function registerKernelCompletions(kernels: KernelRegistry): vscode.Disposable {
  const selector = { notebookType: NOTEBOOK_TYPE, language: 'typescript' };
  /** The kernel of the cell's notebook, and the names TypeScript already sees in that cell. */
  const contextOf = (document: vscode.TextDocument) => {
    const uri = document.uri.toString();
    const notebook = vscode.workspace.notebookDocuments.find((nb) => nb.notebookType === NOTEBOOK_TYPE && nb.getCells().some((c) => c.document.uri.toString() === uri));
    const session = notebook && kernels.get(notebook);
    if (!notebook || !session) return undefined;
    const visibleToTypeScript = new Set(topLevelNames(document.getText()));
    for (const cell of notebook.getCells()) {
      const text = cell.document.uri.toString() === uri || cell.kind !== vscode.NotebookCellKind.Code ? '' : cell.document.getText();
      if (text && !isModuleCell(text)) for (const n of topLevelNames(text)) visibleToTypeScript.add(n);
    }
    return { session, visibleToTypeScript };
  };
  const hover = vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position) {
      const word = document.getWordRangeAtPosition(position, /[A-Za-z_$][\w$]*/);
      if (!word) return undefined;
      const ctx = completionContext(document.lineAt(position.line).text.slice(0, word.end.character));
      const k = ctx && contextOf(document);
      if (!ctx || !k || k.visibleToTypeScript.has(ctx.path[0] ?? ctx.prefix)) return undefined;
      const item = (await k.session.complete(ctx.path)).find((i) => i.name === ctx.prefix);
      if (!item) return undefined;
      const text = new vscode.MarkdownString().appendCodeblock(`(${item.kind}) ${[...ctx.path, item.name].join('.')}: ${item.detail}`, 'typescript').appendMarkdown('*from the running kernel*');
      return new vscode.Hover(text, word);
    },
  });
  const completion = vscode.languages.registerCompletionItemProvider(
    selector,
    {
      async provideCompletionItems(document, position) {
        const ctx = completionContext(document.lineAt(position.line).text.slice(0, position.character));
        if (!ctx) return undefined;
        const k = contextOf(document);
        if (!k) return undefined;
        const { session, visibleToTypeScript } = k;
        if (ctx.path.length > 0 && visibleToTypeScript.has(ctx.path[0])) return undefined;
        const items = await session.complete(ctx.path);
        const range = new vscode.Range(position.translate(0, -ctx.prefix.length), position);
        return items
          .filter((i) => ctx.path.length > 0 || !visibleToTypeScript.has(i.name))
          .map((i) => {
            const item = new vscode.CompletionItem({ label: i.name, description: i.detail }, itemKind(i.kind));
            item.detail = `${i.detail} — from the running kernel`;
            item.range = range;
            item.sortText = (i.name.startsWith('_') ? '~' : '') + i.name;
            return item;
          });
      },
    },
    '.',
  );
  return vscode.Disposable.from(completion, hover);
}
