import fs from 'node:fs';
import path from 'node:path';
import { createRequire, isBuiltin } from 'node:module';
import { pathToFileURL } from 'node:url';
import { exports as resolveExports } from 'resolve.exports';
import { message } from '../../core/messages';
import { setupKernelTf } from '../tf/kernelBackend';

/** Modules every notebook can import without installing them, and the bundle that provides each. */
const BUILTINS: Record<string, string> = {
  modelbook: 'modelbook.mjs',
  '@tensorflow/tfjs': 'vendor/tfjs.mjs',
  arquero: 'vendor/arquero.mjs',
};

/**
 * Resolves and loads what cells import: packages from the workspace's node_modules (ESM or
 * CommonJS), files next to the notebook, Node built-ins, and the built-in modules above (a copy in
 * the workspace wins, except for `modelbook` itself).
 */
export class ModuleLoader {
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly versions = new Map<string, string>();
  private readonly require: NodeJS.Require;

  constructor(
    private readonly notebookDir: string,
    private readonly distDir: string,
  ) {
    this.require = createRequire(path.join(notebookDir, '__modelbook__.js'));
  }

  /** The namespace object of `spec`, as `import(spec)` from the notebook's folder would give. */
  load(spec: string): Promise<unknown> {
    let p = this.cache.get(spec);
    if (!p) {
      p = this.loadUncached(spec);
      this.cache.set(spec, p);
      p.catch(() => this.cache.delete(spec));
    }
    return p;
  }

  /** The version a loaded module reports about itself (TF.js does), if it was loaded. */
  loadedVersion(spec: string): string | undefined {
    return this.versions.get(spec);
  }

  /** A CommonJS `require` rooted at the notebook's folder, for cells that prefer it. */
  get cellRequire(): NodeJS.Require {
    return this.require;
  }

  private async loadUncached(spec: string): Promise<unknown> {
    const ns = await import(this.resolve(spec));
    const version = (ns as { version?: unknown }).version;
    const v = typeof version === 'string' ? version : (version as Record<string, unknown> | undefined)?.tfjs;
    if (typeof v === 'string') this.versions.set(spec, v);
    // The first load of TF.js picks its backend (tfjs-node, else wasm with SIMD, else cpu).
    if (spec === '@tensorflow/tfjs') await setupKernelTf(ns, this, this.distDir);
    return ns;
  }

  resolve(spec: string): string {
    if (spec.startsWith('node:') || isBuiltin(spec)) return spec;
    if (spec.startsWith('file:')) return spec;
    if (spec.startsWith('.') || path.isAbsolute(spec)) return this.resolveFile(spec);
    if (spec === 'modelbook') return this.builtin(spec);
    const found = this.resolvePackage(spec);
    if (found) return pathToFileURL(found).href;
    if (BUILTINS[spec]) return this.builtin(spec);
    throw Object.assign(new Error(message.moduleNotFound(spec, this.notebookDir)), { code: 'ERR_MODULE_NOT_FOUND' });
  }

  private builtin(spec: string): string {
    return pathToFileURL(path.join(this.distDir, BUILTINS[spec])).href;
  }

  private resolveFile(spec: string): string {
    const file = path.resolve(this.notebookDir, spec);
    if (/\.(ts|tsx|mts|cts)$/.test(file)) throw new Error(message.moduleTypeScriptLocal(spec));
    for (const candidate of [file, `${file}.js`, `${file}.mjs`, `${file}.cjs`, path.join(file, 'index.js')]) {
      if (isFile(candidate)) return pathToFileURL(candidate).href;
    }
    throw Object.assign(new Error(message.moduleNotFound(spec, this.notebookDir)), { code: 'ERR_MODULE_NOT_FOUND' });
  }

  /** Walks up node_modules folders from the notebook, honouring package.json `exports`. */
  private resolvePackage(spec: string): string | undefined {
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const subpath = '.' + spec.slice(name.length);
    for (let dir = this.notebookDir; ; dir = path.dirname(dir)) {
      const pkgDir = path.join(dir, 'node_modules', name);
      const pkgFile = path.join(pkgDir, 'package.json');
      if (isFile(pkgFile)) return this.entryOf(pkgDir, pkgFile, subpath);
      if (path.dirname(dir) === dir) return undefined;
    }
  }

  private entryOf(pkgDir: string, pkgFile: string, subpath: string): string | undefined {
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    if (pkg.exports !== undefined) {
      for (const opts of [{ conditions: ['node', 'import'] }, { require: true, conditions: ['node'] }]) {
        try {
          const hit = resolveExports(pkg, subpath, opts);
          if (hit?.[0]) return path.join(pkgDir, hit[0]);
        } catch {
          // this condition set does not export the subpath; try the next
        }
      }
    }
    if (subpath !== '.') return this.tryRequire(path.join(pkgDir, subpath));
    const main = typeof pkg.module === 'string' && pkg.type === 'module' ? pkg.module : pkg.main;
    return this.tryRequire(path.join(pkgDir, typeof main === 'string' ? main : 'index.js'));
  }

  private tryRequire(file: string): string | undefined {
    try {
      return this.require.resolve(file);
    } catch {
      return undefined;
    }
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `import x from 'm'`: the default export, or the namespace when the module has none. */
export function defaultOf(ns: unknown): unknown {
  const m = ns as Record<string, unknown>;
  return m && 'default' in m ? m.default : m;
}

/** `import { a } from 'm'`: the export, or the property of a CommonJS default export. */
export function named(ns: unknown, name: string): unknown {
  const m = ns as Record<string, unknown>;
  if (m && name in m) return m[name];
  const d = m?.default as Record<string, unknown> | undefined;
  return d !== null && (typeof d === 'object' || typeof d === 'function') ? d[name] : undefined;
}
