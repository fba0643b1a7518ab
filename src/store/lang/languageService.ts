/**
 * Type information across a notebook's cells, as one TypeScript program scoped the way the kernel
 * runs the cells (see notebookProgram.ts). Positions are `{ cellId, line, character }`, 0-based, in
 * the cell's own text; nothing the program generates is ever reported.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { buildNotebookScope, GENERATED_PREFIX, type CellDeclaration, type NotebookCellSource, type NotebookScope } from './notebookProgram';
import { NotebookServiceHost, type HostedCell } from './serviceHost';
import { langMessage } from './messages';
import type { CellDiagnostic } from '../../core/lang/cellDiagnostic';
import { toCellDiagnostic } from './diagnostics';
import { dependenciesOf, signatureOf, wordsOf } from './dependencies';
import { userDiagnostics } from './userCheck';

export type { CellDiagnostic } from '../../core/lang/cellDiagnostic';

/** One completion item; `detail` (the type) is given for names the notebook's cells declare. */
export interface LangCompletion {
  name: string;
  kind: string;
  sortText: string;
  detail?: string;
  insertText?: string;
}

/** A plain-object form of ts.SignatureHelpItems. */
export interface LangSignatureHelp {
  items: { label: string; documentation: string; parameters: { label: string; documentation: string }[] }[];
  selectedItemIndex: number;
  argumentIndex: number;
}

export interface LangDefinition {
  cellId?: string;
  file?: string;
  line: number;
  character: number;
}

export interface NotebookLanguageServiceOptions {
  /** dist/types: the shipped declarations of 'modelbook', 'arquero', '@tensorflow/tfjs' and the ES library. */
  typesRoot?: string;
  /** The folder of a notebook whose URI is not a file (untitled). */
  fallbackDir?: string;
}

interface NotebookState {
  host: NotebookServiceHost;
  service: ts.LanguageService;
  stem: string;
  scope: NotebookScope;
  cellIds: string[];
  declarationCache: Map<string, CellDeclaration[]>;
  wordCache: Map<string, Set<string>>;
  /** Each cell's words (dependencies.ts), in order. */
  words: Set<string>[];
  /** By cell file: its signature and (once asked for) semantic diagnostics, with the dependency key they were computed for. */
  checked: Map<string, { key: string; signature: string; diagnostics: CellDiagnostic[] | undefined }>;
}

/**
 * One TypeScript language service per open notebook (sharing parsed library files), incremental:
 * an edit re-parses and re-checks the edited cell, and re-checks the cells that use what it declares
 * only when what they see of it changed (dependencies.ts).
 *
 * @example
 * const lang = new NotebookLanguageService({ typesRoot: path.join(distDir, 'types') });
 * lang.update(uri, [{ id: 'a', source: 'const n = 1;' }, { id: 'b', source: "n.toUpperCase()" }]);
 * lang.diagnostics(uri)[0].message // "Property 'toUpperCase' does not exist on type 'number'."
 */
export class NotebookLanguageService {
  private readonly notebooks = new Map<string, NotebookState>();
  private readonly registry = ts.createDocumentRegistry();

  constructor(private readonly options: NotebookLanguageServiceOptions = {}) {}

  /** Sets a notebook's code cells, in order. */
  update(notebookUri: string, cells: NotebookCellSource[]): void {
    const state = this.notebooks.get(notebookUri) ?? this.open(notebookUri);
    state.words = cells.map((c) => state.wordCache.get(c.source) ?? wordsOf(c.source));
    state.wordCache = new Map(cells.map((c, i) => [c.source, state.words[i]]));
    const { program, scope } = buildNotebookScope(cells, state.stem, state.declarationCache, state.words);
    state.declarationCache = new Map(cells.map((c, i) => [c.source, scope.declarations[i]]));
    state.scope = scope;
    state.cellIds = cells.map((c) => c.id);
    state.host.setCells(program.files);
    for (const file of state.checked.keys()) if (!state.host.cells.has(file)) state.checked.delete(file);
  }

  /** Forgets a notebook (closed). */
  close(notebookUri: string): void {
    this.notebooks.get(notebookUri)?.service.dispose();
    this.notebooks.delete(notebookUri);
  }

  /**
   * Syntactic and semantic errors of every cell, on the cell's own lines; `@ts-nocheck` and
   * `@ts-expect-error` as in a .ts file. Only the cells an edit can have changed are re-checked.
   */
  diagnostics(notebookUri: string): CellDiagnostic[] {
    return this.diagnosticsFor(notebookUri, this.state(notebookUri).cellIds);
  }

  /**
   * The diagnostics of some cells only (as `diagnostics` gives them), checking no cell after the last
   * of them: an adapter publishes the edited cell's at once, then the rest with `diagnostics`, which
   * reuses what this checked. Unknown ids are ignored.
   *
   * @example
   * lang.update(uri, cells);
   * publish(lang.diagnosticsFor(uri, [editedCellId]));
   * publish(lang.diagnostics(uri));
   */
  diagnosticsFor(notebookUri: string, cellIds: readonly string[]): CellDiagnostic[] {
    const state = this.state(notebookUri);
    const program = state.service.getProgram();
    if (!program) return [];
    const wanted = new Set(cellIds);
    const cells = [...state.host.cells.values()];
    const last = cells.reduce((m, c, k) => (wanted.has(c.cellId) ? k : m), -1);
    const checker = program.getTypeChecker();
    const signatures: string[] = [];
    const out: CellDiagnostic[] = [];
    for (const cell of cells.slice(0, last + 1)) {
      const k = cell.index;
      const sf = program.getSourceFile(cell.fileName);
      if (!sf) {
        signatures.push('');
        continue;
      }
      const upstream = dependenciesOf(state.scope, state.words, k).map((j) => signatures[j]);
      const key = `${cell.version}<-${upstream.join(',')}`;
      const cached = state.checked.get(cell.fileName);
      // A cell before the wanted ones needs only its signature (what later cells see of it).
      const entry = cached?.key === key ? cached : { key, signature: signatureOf(checker, sf, cell.userLength, upstream), diagnostics: undefined };
      if (wanted.has(cell.cellId)) {
        entry.diagnostics ??= convert(userDiagnostics(program, sf, cell.userLength), cell, sf);
        out.push(...convert(program.getSyntacticDiagnostics(sf), cell, sf), ...entry.diagnostics);
      }
      signatures.push(entry.signature);
      state.checked.set(cell.fileName, entry);
    }
    return out;
  }

  completions(notebookUri: string, cellId: string, line: number, character: number): LangCompletion[] {
    const { state, cell, offset } = this.at(notebookUri, cellId, line, character);
    const info = state.service.getCompletionsAtPosition(cell.fileName, offset, { includeCompletionsWithInsertText: true });
    if (!info) return [];
    const ours = new Set([...state.scope.visible[cell.index].keys(), ...state.scope.declarations[cell.index].map((d) => d.name)]);
    return info.entries
      .filter((e) => !e.name.startsWith(GENERATED_PREFIX))
      .map((e) => {
        const item: LangCompletion = { name: e.name, kind: e.kind, sortText: e.sortText };
        if (e.insertText !== undefined) item.insertText = e.insertText;
        if (ours.has(e.name) && !info.isMemberCompletion) item.detail = this.detailOf(state, cell, offset, e);
        return item;
      });
  }

  quickInfo(notebookUri: string, cellId: string, line: number, character: number): { text: string; documentation: string } | undefined {
    const { state, cell, offset } = this.at(notebookUri, cellId, line, character);
    const here = state.service.getQuickInfoAtPosition(cell.fileName, offset);
    if (!here) return undefined;
    // A name from an earlier cell is a generated alias here: describe it as its declaring cell does.
    const origin = this.aliasedOrigin(state, cell, offset, here);
    const info = (origin && state.service.getQuickInfoAtPosition(origin.cell.fileName, origin.offset)) || here;
    return { text: ts.displayPartsToString(info.displayParts), documentation: ts.displayPartsToString(info.documentation) };
  }

  signatureHelp(notebookUri: string, cellId: string, line: number, character: number): LangSignatureHelp | undefined {
    const { state, cell, offset } = this.at(notebookUri, cellId, line, character);
    const help = state.service.getSignatureHelpItems(cell.fileName, offset, undefined);
    if (!help) return undefined;
    const text = ts.displayPartsToString;
    return {
      items: help.items.map((it) => ({
        label: text(it.prefixDisplayParts) + it.parameters.map((p) => text(p.displayParts)).join(text(it.separatorDisplayParts)) + text(it.suffixDisplayParts),
        documentation: text(it.documentation),
        parameters: it.parameters.map((p) => ({ label: text(p.displayParts), documentation: text(p.documentation) })),
      })),
      selectedItemIndex: help.selectedItemIndex,
      argumentIndex: help.argumentIndex,
    };
  }

  /** Where the name at a position is declared: a cell (through any number of later re-uses) or a file (a library's declarations). */
  definition(notebookUri: string, cellId: string, line: number, character: number): LangDefinition[] {
    const { state, cell, offset } = this.at(notebookUri, cellId, line, character);
    const defs = state.service.getDefinitionAtPosition(cell.fileName, offset) ?? [];
    const out: LangDefinition[] = [];
    for (const d of defs) {
      const target = state.host.cells.get(d.fileName);
      const program = state.service.getProgram();
      const sf = program?.getSourceFile(d.fileName);
      if (!sf) continue;
      if (!target) {
        const pos = sf.getLineAndCharacterOfPosition(d.textSpan.start);
        out.push({ file: d.fileName, line: pos.line, character: pos.character });
        continue;
      }
      const origin = d.textSpan.start < target.userLength ? { cell: target, offset: d.textSpan.start } : this.originOf(state, target, d.name);
      if (!origin) continue;
      const pos = ts.getLineAndCharacterOfPosition(program!.getSourceFile(origin.cell.fileName)!, origin.offset);
      out.push({ cellId: origin.cell.cellId, line: pos.line, character: pos.character });
    }
    return dedupeDefinitions(out);
  }

  /**
   * The type of a name the notebook declares, as its declaring cell sees it: a name the cell does not
   * mention is an import there (notebookProgram.ts), which TypeScript would describe as an alias.
   */
  private detailOf(state: NotebookState, cell: HostedCell, offset: number, entry: ts.CompletionEntry): string | undefined {
    const origin = state.scope.declarations[cell.index].some((d) => d.name === entry.name) ? undefined : this.originOf(state, cell, entry.name);
    if (origin) {
      const info = state.service.getQuickInfoAtPosition(origin.cell.fileName, origin.offset);
      if (info) return ts.displayPartsToString(info.displayParts);
    }
    const details = state.service.getCompletionEntryDetails(cell.fileName, offset, entry.name, undefined, entry.source, undefined, entry.data);
    return details && ts.displayPartsToString(details.displayParts);
  }

  /**
   * The declaration in an earlier cell of the name at `offset`, if the name resolves to this cell's
   * generated alias of it (an import or a `declare const|let`); not for a member or a name the cell declares.
   */
  private aliasedOrigin(state: NotebookState, cell: HostedCell, offset: number, info: ts.QuickInfo): { cell: HostedCell; offset: number } | undefined {
    const { start, length } = info.textSpan;
    const name = cell.text.slice(start, start + length);
    if (!state.scope.visible[cell.index].has(name) || state.scope.declarations[cell.index].some((d) => d.name === name)) return undefined;
    if (/\.\s*$/.test(cell.text.slice(0, start))) return undefined; // `obj.name`: a member
    const toAlias =
      info.kind === ts.ScriptElementKind.alias || (state.service.getDefinitionAtPosition(cell.fileName, offset) ?? []).some((d) => d.fileName === cell.fileName && d.textSpan.start >= cell.userLength);
    return toAlias ? this.originOf(state, cell, name) : undefined;
  }

  /** The user's declaration behind a generated alias of `name` in `cell`. */
  private originOf(state: NotebookState, cell: HostedCell, name: string): { cell: HostedCell; offset: number } | undefined {
    const from = state.scope.visible[cell.index].get(name) ?? cell.index;
    const decl = state.scope.declarations[from]?.find((d) => d.name === name);
    const fromCell = [...state.host.cells.values()][from];
    return decl && fromCell ? { cell: fromCell, offset: decl.offset } : undefined;
  }

  private open(notebookUri: string): NotebookState {
    const file = notebookUri.startsWith('file:') ? fileURLToPath(notebookUri) : /^[a-z][\w+.-]+:/i.test(notebookUri) ? undefined : path.resolve(notebookUri);
    const dir = file ? path.dirname(file) : (this.options.fallbackDir ?? process.cwd());
    const stem = `${file ? path.basename(file).replace(/[^\w.-]/g, '_') : 'untitled'}`;
    const host = new NotebookServiceHost(dir, this.options.typesRoot);
    const state: NotebookState = {
      host,
      service: ts.createLanguageService(host, this.registry),
      stem,
      scope: { declarations: [], visible: [] },
      cellIds: [],
      declarationCache: new Map(),
      wordCache: new Map(),
      words: [],
      checked: new Map(),
    };
    this.notebooks.set(notebookUri, state);
    return state;
  }

  private state(notebookUri: string): NotebookState {
    const state = this.notebooks.get(notebookUri);
    if (!state) throw new RangeError(langMessage.unknownNotebook(notebookUri));
    return state;
  }

  private at(notebookUri: string, cellId: string, line: number, character: number): { state: NotebookState; cell: HostedCell; offset: number } {
    const state = this.state(notebookUri);
    const index = state.cellIds.indexOf(cellId);
    const cell = [...state.host.cells.values()][index];
    if (!cell) throw new RangeError(langMessage.unknownCell(cellId));
    return { state, cell, offset: offsetOf(cell.text.slice(0, cell.userLength), line, character) };
  }
}

/** The offset of a 0-based line and character in text, clamped to the text. */
function offsetOf(text: string, line: number, character: number): number {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return text.length;
    start = next + 1;
  }
  return Math.min(start + Math.max(character, 0), text.length);
}

function convert(found: readonly ts.Diagnostic[], cell: HostedCell, sf: ts.SourceFile): CellDiagnostic[] {
  return found.map((d) => toCellDiagnostic(d, cell, sf)).filter((d): d is CellDiagnostic => d !== undefined);
}

function dedupeDefinitions(defs: LangDefinition[]): LangDefinition[] {
  const seen = new Set<string>();
  return defs.filter((d) => {
    const key = `${d.cellId ?? d.file}:${d.line}:${d.character}`;
    return !seen.has(key) && seen.add(key);
  });
}
