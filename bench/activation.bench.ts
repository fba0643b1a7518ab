// Extension activation: load dist/extension.js and run activate() against a stand-in `vscode`
// module whose every API is a no-op, so what is timed is Modelbook's own module loading and
// wiring. Target (MISSION.md): under 50 ms; TF.js and the data libraries must not load.
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** Any property is a callable, constructible no-op returning another such object. */
function stub(): unknown {
  const fn = function () {
    return stub();
  };
  return new Proxy(fn, {
    // Awaited or `.then`ed (findFiles, executeCommand), a stub settles to an empty list.
    get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' ? (resolve?: (v: unknown) => void) => resolve?.([]) : stub()),
    set: () => true,
    construct: () => stub() as object,
  });
}

/** The `vscode` namespaces and classes the extension refers to (`grep -o 'vscode[0-9]*\.[A-Za-z]*' dist/extension.js`). */
const API = [
  'CommentMode',
  'CommentThreadCollapsibleState',
  'CommentThreadState',
  'CompletionItem',
  'CompletionItemKind',
  'ConfigurationTarget',
  'Disposable',
  'EventEmitter',
  'FilePermission',
  'FileSystemError',
  'FileType',
  'Hover',
  'MarkdownString',
  'NotebookCellData',
  'NotebookCellKind',
  'NotebookCellOutput',
  'NotebookCellOutputItem',
  'NotebookData',
  'NotebookEdit',
  'NotebookEditorRevealType',
  'NotebookRange',
  'ProgressLocation',
  'QuickPickItemKind',
  'Range',
  'RelativePattern',
  'StatusBarAlignment',
  'TabInputNotebookDiff',
  'TabInputTextDiff',
  'TabInputWebview',
  'ThemeColor',
  'ThemeIcon',
  'TreeItem',
  'TreeItemCollapsibleState',
  'Uri',
  'ViewColumn',
  'WorkspaceEdit',
  'commands',
  'comments',
  'env',
  'extensions',
  'languages',
  'notebooks',
  'window',
  'workspace',
];
const vscode = Object.fromEntries(API.map((name) => [name, stub()]));

const load = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load = (req: string, ...rest: unknown[]) => (req === 'vscode' ? vscode : load(req, ...rest));

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ext = require(path.join(REPO, 'dist/extension.js')) as { activate(ctx: unknown): unknown };
const t1 = performance.now();
// The context fields activation reads (the kernel runtime's storage folder, the extension's own files).
ext.activate({
  subscriptions: [],
  extensionUri: stub(),
  extensionPath: REPO,
  globalStorageUri: { fsPath: path.join(os.tmpdir(), 'modelbook-activation-bench') },
  asAbsolutePath: (p: string) => path.join(REPO, p),
});
const t2 = performance.now();
const heavy = Object.keys(require.cache).filter((k) => /tfjs|arquero|vega|esbuild[/\\]lib/.test(k));
console.log(`activation: load ${(t1 - t0).toFixed(1)} ms + activate() ${(t2 - t1).toFixed(1)} ms = ${(t2 - t0).toFixed(1)} ms  [target < 50 ms]`);
console.log(`heavy libraries loaded at activation: ${heavy.length === 0 ? 'none' : heavy.join(', ')}`);
