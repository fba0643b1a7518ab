import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { DIST, REPO } from '../../paths';

const ESM_REQUIRE = "import { createRequire as __mbCreateRequire } from 'node:module'; const require = __mbCreateRequire(import.meta.url);";

/**
 * A copy of dist/ that also holds dist/vendor/tfjs-backend-wasm.mjs, built the way the lead is
 * asked to build it (src/kernel/tf/vendorWasmBackend.ts, '@tensorflow/tfjs-core' mapped to the
 * sibling ./tfjs.mjs so there is one TF.js engine), or without it (`withWasmBundle: false`).
 * vendor/tfjs.mjs is rebuilt from the ESM builds (`mainFields: ['module', 'main']`, as on main),
 * since this branch's build of it exports nothing.
 */
export async function makeDist(withWasmBundle: boolean): Promise<string> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-dist-')));
  fs.cpSync(DIST, dir, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(REPO, 'src/kernel/vendor/tfjs.ts')],
    outfile: path.join(dir, 'vendor', 'tfjs.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE },
  });
  const bundle = path.join(dir, 'vendor', 'tfjs-backend-wasm.mjs');
  fs.rmSync(bundle, { force: true });
  if (withWasmBundle) {
    await esbuild.build({
      entryPoints: [path.join(REPO, 'src/kernel/tf/vendorWasmBackend.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'error',
      mainFields: ['module', 'main'],
      // Emscripten's Node glue reads __dirname, which ES modules lack.
      banner: { js: `${ESM_REQUIRE} import { fileURLToPath as __mbPath } from 'node:url'; const __filename = __mbPath(import.meta.url); const __dirname = __mbPath(new URL('.', import.meta.url));` },
      plugins: [{ name: 'shared-tfjs-core', setup: (b) => b.onResolve({ filter: /^@tensorflow\/tfjs-core$/ }, () => ({ path: './tfjs.mjs', external: true })) }],
    });
  }
  return dir;
}

/** The real folder behind the repository's node_modules (a symlink in worktrees). */
export const NODE_MODULES = fs.realpathSync(path.join(REPO, 'node_modules'));

/** Links @tensorflow/* from the repository into a workspace's node_modules (the sandbox must be allowed to read NODE_MODULES). */
export function linkTfPackages(workspace: string, names: string[]): void {
  const scope = path.join(workspace, 'node_modules', '@tensorflow');
  fs.mkdirSync(scope, { recursive: true });
  for (const n of names) fs.symlinkSync(path.join(NODE_MODULES, '@tensorflow', n), path.join(scope, n));
}
