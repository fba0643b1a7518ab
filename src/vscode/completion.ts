import * as vscode from 'vscode';
import { completionContext, type CompletionContext } from '../core/cells/completionContext';
import type { KernelCompletion } from '../protocol/kernel';
import type { KernelSession } from '../kernel/host/session';

function itemKind(kind: KernelCompletion['kind']): vscode.CompletionItemKind {
  const K = vscode.CompletionItemKind;
  return { method: K.Method, function: K.Function, class: K.Class, property: K.Property, variable: K.Variable }[kind];
}

/** The member path and prefix being completed at `position` (`model.fi|` → path ['model'], prefix 'fi'). */
export function kernelContextAt(document: vscode.TextDocument, position: vscode.Position): CompletionContext | undefined {
  return completionContext(document.lineAt(position.line).text.slice(0, position.character));
}

/**
 * Completion from the running kernel, as Jupyter offers it: `model.` lists the members of the live
 * `model`. The notebook language service (src/vscode/lang) asks for it where static types say
 * nothing — a value whose type is `any`, a name no cell declares — and leaves out names it already offers.
 */
export async function kernelCompletionItems(session: KernelSession, ctx: CompletionContext, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const items = await session.complete(ctx.path);
  const range = new vscode.Range(position.translate(0, -ctx.prefix.length), position);
  return items.map((i) => {
    const item = new vscode.CompletionItem({ label: i.name, description: i.detail }, itemKind(i.kind));
    item.detail = `${i.detail} — from the running kernel`;
    item.range = range;
    item.sortText = (i.name.startsWith('_') ? '~' : '') + i.name;
    return item;
  });
}

/** Hover from the running kernel: the live value's kind and type, for a name whose static type is `any`. */
export async function kernelHover(session: KernelSession, document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
  const word = document.getWordRangeAtPosition(position, /[A-Za-z_$][\w$]*/);
  if (!word) return undefined;
  const ctx = completionContext(document.lineAt(position.line).text.slice(0, word.end.character));
  if (!ctx) return undefined;
  const item = (await session.complete(ctx.path)).find((i) => i.name === ctx.prefix);
  if (!item) return undefined;
  const text = new vscode.MarkdownString().appendCodeblock(`(${item.kind}) ${[...ctx.path, item.name].join('.')}: ${item.detail}`, 'typescript').appendMarkdown('*from the running kernel*');
  return new vscode.Hover(text, word);
}
