/**
 * The TypeScript host of one notebook's program: its virtual cell files (with versions, so an edit
 * re-checks what it affects), compiler options like the kernel's, and module resolution from the
 * notebook's folder with the shipped declarations of the modules the kernel provides as fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { VirtualCellFile } from './notebookProgram';

/**
 * The modules cells import without installing them, under dist/types. The same table as
 * src/tsplugin/index.ts, which runs inside tsserver and may import nothing of ours.
 */
const BUILTIN_TYPES: Record<string, string> = {
  modelbook: 'modelbook.d.ts',
  arquero: 'node_modules/arquero/dist/types/index.d.ts',
  '@tensorflow/tfjs': 'node_modules/@tensorflow/tfjs/dist/index.d.ts',
};

/**
 * What the kernel defines on `globalThis` for every cell (src/kernel/runtime/main.ts, installGlobals),
 * as a script the program includes: `display(…)` works without an import, as it does when the cell runs.
 * (`require` comes with Node's types.)
 */
const KERNEL_GLOBALS = `// The kernel's globals (src/kernel/runtime/main.ts).
declare const display: typeof import('modelbook').display;
`;
const KERNEL_GLOBALS_FILE = '__modelbook_kernel_globals.d.ts';

const TYPED_EXTENSIONS = new Set<string>([ts.Extension.Ts, ts.Extension.Tsx, ts.Extension.Dts, ts.Extension.Mts, ts.Extension.Dmts, ts.Extension.Cts, ts.Extension.Dcts]);

/** A cell file the host serves from memory. */
export interface HostedCell extends VirtualCellFile {
  version: number;
  index: number;
}

/**
 * The compiler options of a notebook's program: the kernel's module semantics (ES modules, ES2022,
 * top-level await), Node's globals without the DOM, not strict (cells are exploratory code).
 */
export function notebookCompilerOptions(): ts.CompilerOptions {
  return {
    module: ts.ModuleKind.ESNext,
    target: ts.ScriptTarget.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: false,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    resolveJsonModule: true,
    useDefineForClassFields: true,
    skipLibCheck: true,
    noEmit: true,
  };
}

/**
 * The host of one notebook's language service.
 *
 * @example
 * const host = new NotebookServiceHost('/ws/nb', '/ext/dist/types');
 * host.setCells(buildNotebookProgram(cells, 'nb').files);
 * ts.createLanguageService(host, registry);
 */
export class NotebookServiceHost implements ts.LanguageServiceHost {
  readonly cells = new Map<string, HostedCell>();
  private readonly options = notebookCompilerOptions();
  private readonly libDir: string;
  private readonly roots: string[];
  /** The kernel's globals, served from memory. */
  private readonly globalsFile: string;
  private readonly snapshots = new Map<string, ts.IScriptSnapshot | undefined>();
  private resolutionCache: ts.ModuleResolutionCache;
  private imports = '';
  private readonly moduleHost: ts.ModuleResolutionHost;

  constructor(
    readonly dir: string,
    private readonly typesRoot: string | undefined,
  ) {
    const shippedLib = typesRoot && path.join(typesRoot, 'lib');
    this.libDir = shippedLib && fs.existsSync(path.join(shippedLib, 'lib.es2022.d.ts')) ? shippedLib : path.dirname(ts.getDefaultLibFilePath(this.options));
    const nodeTypes = findUp(dir, 'node_modules/@types/node/index.d.ts') ?? (typesRoot && existing(path.join(typesRoot, 'node_modules/@types/node/index.d.ts')));
    this.globalsFile = path.join(dir, KERNEL_GLOBALS_FILE);
    this.roots = [...(nodeTypes ? [nodeTypes] : []), this.globalsFile];
    this.moduleHost = {
      fileExists: (f) => this.fileExists(f),
      readFile: (f) => this.readFile(f),
      directoryExists: (d) => ts.sys.directoryExists(d),
      getDirectories: (d) => ts.sys.getDirectories(d),
      realpath: (f) => (this.cells.has(f) ? f : (ts.sys.realpath?.(f) ?? f)),
      getCurrentDirectory: () => dir,
    };
    this.resolutionCache = ts.createModuleResolutionCache(dir, (f) => f, this.options);
  }

  /** Replaces the cell files, keeping the version of every file whose text did not change. */
  setCells(files: VirtualCellFile[]): void {
    const next = new Map<string, HostedCell>();
    files.forEach((f, index) => {
      const fileName = path.join(this.dir, f.fileName);
      const old = this.cells.get(fileName);
      next.set(fileName, { ...f, fileName, index, version: old === undefined ? 1 : old.text === f.text ? old.version : old.version + 1 });
    });
    const imports = files.map((f) => importsOf(f.text.slice(0, f.userLength))).join('\n');
    this.cells.clear();
    for (const [k, v] of next) this.cells.set(k, v);
    // An edited import may now resolve (a package installed, a file written) where it did not before.
    // Otherwise the cache stays: it also holds every package.json read, which each program needs.
    if (imports !== this.imports) this.resolutionCache = ts.createModuleResolutionCache(this.dir, (f) => f, this.options);
    this.imports = imports;
  }

  /**
   * The resolution cache, given to TypeScript too: every program it builds then reads each
   * package.json once (to decide each file's module format) instead of once per program, ~20 ms an edit.
   */
  getModuleResolutionCache(): ts.ModuleResolutionCache {
    return this.resolutionCache;
  }
  getCompilationSettings(): ts.CompilerOptions {
    return this.options;
  }
  getScriptFileNames(): string[] {
    return [...this.roots, ...this.cells.keys()];
  }
  getScriptVersion(fileName: string): string {
    return String(this.cells.get(fileName)?.version ?? 0);
  }
  getScriptSnapshot(fileName: string): ts.IScriptSnapshot | undefined {
    const cell = this.cells.get(fileName);
    if (cell) return ts.ScriptSnapshot.fromString(cell.text);
    if (fileName === this.globalsFile) return ts.ScriptSnapshot.fromString(KERNEL_GLOBALS);
    if (!this.snapshots.has(fileName)) {
      const text = ts.sys.readFile(fileName);
      this.snapshots.set(fileName, text === undefined ? undefined : ts.ScriptSnapshot.fromString(text));
    }
    return this.snapshots.get(fileName);
  }
  getCurrentDirectory(): string {
    return this.dir;
  }
  getDefaultLibFileName(options: ts.CompilerOptions): string {
    return path.join(this.libDir, ts.getDefaultLibFileName(options));
  }
  fileExists(fileName: string): boolean {
    return this.cells.has(fileName) || fileName === this.globalsFile || ts.sys.fileExists(fileName);
  }
  readFile(fileName: string): string | undefined {
    if (fileName === this.globalsFile) return KERNEL_GLOBALS;
    return this.cells.get(fileName)?.text ?? ts.sys.readFile(fileName);
  }
  directoryExists(dir: string): boolean {
    return ts.sys.directoryExists(dir);
  }
  getDirectories(dir: string): string[] {
    return ts.sys.getDirectories(dir);
  }
  useCaseSensitiveFileNames(): boolean {
    return ts.sys.useCaseSensitiveFileNames;
  }

  resolveModuleNameLiterals(literals: readonly ts.StringLiteralLike[], containingFile: string): readonly ts.ResolvedModuleWithFailedLookupLocations[] {
    return literals.map((lit) => {
      const r = ts.resolveModuleName(lit.text, containingFile, this.options, this.moduleHost, this.resolutionCache);
      const builtin = BUILTIN_TYPES[lit.text];
      // A copy installed next to the notebook wins, as it does in the kernel, when it has types
      // (the repository's own package.json names `modelbook`, whose lib.js has none).
      const typed = r.resolvedModule && TYPED_EXTENSIONS.has(r.resolvedModule.extension);
      if (typed || !builtin || !this.typesRoot) return r;
      return { resolvedModule: { resolvedFileName: path.join(this.typesRoot, builtin), extension: ts.Extension.Dts, isExternalLibraryImport: true } };
    });
  }
}

/** The module specifiers a cell's text names (import … from, import(), export … from), in order. */
function importsOf(text: string): string {
  return [...text.matchAll(/\b(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1/g)].map((m) => m[2]).join(',');
}

function existing(file: string): string | undefined {
  return fs.existsSync(file) ? file : undefined;
}

/** `rel` in `start` or the nearest folder above it that has it. */
function findUp(start: string, rel: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const found = existing(path.join(dir, rel));
    if (found) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}
