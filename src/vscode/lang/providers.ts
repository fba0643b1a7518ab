/**
 * Completion, hover, signature help and go-to-definition in Modelbook cells from the notebook
 * language service (the whole notebook in view, before anything ran), with the running kernel as
 * the fallback where static types know nothing (a value of type `any`).
 */
import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import type { LangCompletionItem, LangDefinitionTarget, LangCellPosition } from '../../protocol/lang';
import type { KernelRegistry } from '../kernels';
import { kernelCompletionItems, kernelContextAt, kernelHover } from '../completion';
import { notebookOfCell, type NotebookLangSync } from './sync';

const K = vscode.CompletionItemKind;
/** TypeScript's ScriptElementKind → VS Code's kind. */
const KINDS: Record<string, vscode.CompletionItemKind> = {
  method: K.Method,
  function: K.Function,
  'local function': K.Function,
  constructor: K.Constructor,
  var: K.Variable,
  'local var': K.Variable,
  let: K.Variable,
  const: K.Constant,
  parameter: K.Variable,
  property: K.Property,
  getter: K.Property,
  setter: K.Property,
  class: K.Class,
  'local class': K.Class,
  interface: K.Interface,
  type: K.TypeParameter,
  'type parameter': K.TypeParameter,
  enum: K.Enum,
  'enum member': K.EnumMember,
  module: K.Module,
  'external module name': K.Module,
  alias: K.Variable,
  keyword: K.Keyword,
  string: K.Value,
};

function toItem(c: LangCompletionItem): vscode.CompletionItem {
  const item = new vscode.CompletionItem(c.detail ? { label: c.name, description: c.detail } : c.name, KINDS[c.kind] ?? K.Text);
  item.sortText = c.sortText;
  if (c.detail) item.detail = c.detail;
  if (c.insertText !== undefined) item.insertText = c.insertText;
  return item;
}

/** The type a quick info text gives (`const x: number` → `number`): `any` means the kernel may know more. */
const isAny = (text: string) => /:\s*any$/.test(text.trim());

export function registerLangProviders(sync: NotebookLangSync, kernels: KernelRegistry): vscode.Disposable {
  const selector: vscode.DocumentSelector = { notebookType: NOTEBOOK_TYPE, language: 'typescript' };
  /** The notebook and the service's position of a place in a cell. */
  const at = (document: vscode.TextDocument, position: vscode.Position): { nb: vscode.NotebookDocument; pos: LangCellPosition } | undefined => {
    const nb = notebookOfCell(document);
    return nb && { nb, pos: { notebook: nb.uri.toString(), cellId: document.uri.toString(), line: position.line, character: position.character } };
  };
  const completion = vscode.languages.registerCompletionItemProvider(
    selector,
    {
      async provideCompletionItems(document, position) {
        const where = at(document, position);
        if (!where) return undefined;
        const typed = await sync.request(where.nb, 'completions', where.pos).catch(() => []);
        const items = typed.map(toItem);
        const ctx = kernelContextAt(document, position);
        const session = kernels.get(where.nb);
        // The kernel's live values fill in where the types say nothing: no members of an `any`, a name no cell declares.
        if (ctx && session && (ctx.path.length === 0 || typed.length === 0)) {
          const known = new Set(typed.map((c) => c.name));
          const live = await kernelCompletionItems(session, ctx, position).catch(() => []);
          items.push(...live.filter((i) => !known.has(typeof i.label === 'string' ? i.label : i.label.label)));
        }
        return items;
      },
    },
    '.',
  );
  const hover = vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position) {
      const where = at(document, position);
      if (!where) return undefined;
      const info = await sync.request(where.nb, 'quickInfo', where.pos).catch(() => null);
      const session = kernels.get(where.nb);
      if ((!info || isAny(info.text)) && session) {
        const live = await kernelHover(session, document, position).catch(() => undefined);
        if (live) return live;
      }
      if (!info) return undefined;
      const text = new vscode.MarkdownString().appendCodeblock(info.text, 'typescript');
      if (info.documentation) text.appendMarkdown('\n\n').appendText(info.documentation);
      return new vscode.Hover(text, document.getWordRangeAtPosition(position));
    },
  });
  const signature = vscode.languages.registerSignatureHelpProvider(
    selector,
    {
      async provideSignatureHelp(document, position) {
        const where = at(document, position);
        const help = where && (await sync.request(where.nb, 'signatureHelp', where.pos).catch(() => null));
        if (!help) return undefined;
        const out = new vscode.SignatureHelp();
        out.signatures = help.items.map((it) => {
          const s = new vscode.SignatureInformation(it.label, it.documentation || undefined);
          s.parameters = it.parameters.map((p) => new vscode.ParameterInformation(p.label, p.documentation || undefined));
          return s;
        });
        out.activeSignature = help.selectedItemIndex;
        out.activeParameter = help.argumentIndex;
        return out;
      },
    },
    '(',
    ',',
  );
  const definition = vscode.languages.registerDefinitionProvider(selector, {
    async provideDefinition(document, position) {
      const where = at(document, position);
      if (!where) return undefined;
      const targets = await sync.request(where.nb, 'definition', where.pos).catch((): LangDefinitionTarget[] => []);
      return targets.map((t) => new vscode.Location(t.cellId ? vscode.Uri.parse(t.cellId) : vscode.Uri.file(t.file ?? ''), new vscode.Position(t.line, t.character)));
    },
  });
  return vscode.Disposable.from(completion, hover, signature, definition);
}
