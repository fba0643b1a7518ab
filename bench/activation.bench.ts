// Extension activation: load dist/extension.js and run activate() against a stand-in `vscode`
// module whose every API is a no-op, so what is timed is Modelbook's own module loading and
// wiring. Target (MISSION.md): under 50 ms; TF.js and the data libraries must not load.
import Module from 'node:module';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** Any property is a callable, constructible no-op returning another such object. */
function stub(): unknown {
  const fn = function () {
    return stub();
  };
  return new Proxy(fn, {
    get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' ? undefined : stub()),
    set: () => true,
    construct: () => stub() as object,
  });
}

/** The `vscode` namespaces and classes the extension touches at activation. */
const API = [
  'window',
  'workspace',
  'notebooks',
  'commands',
  'env',
  'extensions',
  'languages',
  'Uri',
  'EventEmitter',
  'ThemeColor',
  'StatusBarAlignment',
  'NotebookCellKind',
  'NotebookCellData',
  'NotebookData',
  'NotebookCellOutput',
  'NotebookCellOutputItem',
  'NotebookEdit',
  'WorkspaceEdit',
  'ConfigurationTarget',
  'Disposable',
];
const vscode = Object.fromEntries(API.map((name) => [name, stub()]));

const load = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load = (req: string, ...rest: unknown[]) => (req === 'vscode' ? vscode : load(req, ...rest));

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ext = require(path.join(REPO, 'dist/extension.js')) as { activate(ctx: unknown): unknown };
const t1 = performance.now();
ext.activate({ subscriptions: [], extensionUri: stub() });
const t2 = performance.now();
const heavy = Object.keys(require.cache).filter((k) => /tfjs|arquero|vega|esbuild[/\\]lib/.test(k));
console.log(`activation: load ${(t1 - t0).toFixed(1)} ms + activate() ${(t2 - t1).toFixed(1)} ms = ${(t2 - t0).toFixed(1)} ms  [target < 50 ms]`);
console.log(`heavy libraries loaded at activation: ${heavy.length === 0 ? 'none' : heavy.join(', ')}`);
