// Builds every target with one esbuild context each (see CONTRIBUTING.md):
// extension host, kernel, CLI, the `modelbook` module and vendored libraries for cells,
// the notebook renderer (browser), and the test bundles.
// usage: node esbuild.mjs [--production] [--watch] [--no-tests]
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkLayers } from './scripts/check-layers.mjs';
import { privateMembers } from './scripts/privateMembers.mjs';

const layerProblems = checkLayers('.');
if (layerProblems.length) {
  for (const p of layerProblems) console.error(`layer rule: ${p}`);
  console.error('build failed: layer violations (see CONTRIBUTING.md "The layer rule")');
  process.exit(1);
}

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = !args.has('--no-tests') && !production;
// Type declarations for cells' IntelliSense (tsc, ~20 s of CPU): packaging and the test run need them.
const withTypes = args.has('--types') || production;
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const define = { MODELBOOK_VERSION: JSON.stringify(pkg.version) };
const node = { platform: 'node', target: 'node20', bundle: true, sourcemap: !production, minify: production, define, logLevel: 'warning', legalComments: 'none' };
// ESM bundles for Node still meet `require(...)` inside CommonJS dependencies.
const esmRequire = { js: "import { createRequire as __mbCreateRequire } from 'node:module'; const require = __mbCreateRequire(import.meta.url);" };

/**
 * The `modelbook` module shares arquero with cells through the vendored bundle next to it, and
 * must never bundle its own TensorFlow.js (core code gets it from getTf(), see src/core/tf).
 * @type {esbuild.Plugin}
 */
const sharedLibraries = {
  name: 'shared-libraries',
  setup(build) {
    build.onResolve({ filter: /^arquero$/ }, () => ({ path: './vendor/arquero.mjs', external: true }));
    build.onResolve({ filter: /^@tensorflow\/tfjs(-core|-layers|-backend-\w+)?$/ }, (args) => ({
      errors: [{ text: `${args.importer} imports ${args.path}: use getTf() from src/core/tf/provider.ts (type-only imports are fine)` }],
    }));
  },
};

/**
 * vega's SVG rendering in Node (the CLI's HTML report) needs no canvas, but vega-canvas's Node build
 * looks for the optional `canvas` package with a top-level await, which a CommonJS bundle cannot
 * hold. Its browser build falls back to no canvas outside a DOM: text is measured by estimate, as
 * vega does whenever no canvas is installed.
 * @type {esbuild.Plugin}
 */
const vegaWithoutCanvas = {
  name: 'vega-without-canvas',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: path.resolve('node_modules/vega-canvas/build/vega-canvas.browser.js') }));
  },
};

/** @type {esbuild.BuildOptions[]} */
const targets = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode', 'esbuild'] },
  // The kernel's completion hides what the modelbook module's classes declare private or protected (read once per build, not per watch rebuild).
  {
    ...node,
    entryPoints: ['src/kernel/runtime/main.ts'],
    outfile: 'dist/kernel.js',
    format: 'cjs',
    define: { ...define, MODELBOOK_PRIVATE_MEMBERS: JSON.stringify(privateMembers(['src/core', 'src/kernel/modelbook'])) },
  },
  { ...node, entryPoints: ['src/kernel/trialWorker/main.ts'], outfile: 'dist/trialWorker.js', format: 'cjs' },
  { ...node, entryPoints: ['src/store/review/replicateWorker.ts'], outfile: 'dist/replicateWorker.js', format: 'cjs' },
  // The notebook language service (src/store/lang): a worker thread the extension host owns.
  { ...node, entryPoints: ['src/store/lang/worker.ts'], outfile: 'dist/langWorker.js', format: 'cjs' },
  // `require('modelbook')` in plain Node (package.json "exports"; VS Code reads "main"): TF.js is the caller's own.
  { ...node, entryPoints: ['src/lib/index.ts'], outfile: 'dist/lib.js', format: 'cjs', external: ['@tensorflow/*'] },
  // `modelbook check` (and run --check) on its own: the TypeScript compiler it bundles would add ~10 MB for every other verb to load.
  { ...node, entryPoints: ['src/cli/check.ts'], outfile: 'dist/check.js', format: 'cjs' },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', format: 'cjs', external: ['esbuild'], banner: { js: '#!/usr/bin/env node' }, plugins: [vegaWithoutCanvas] },
  // Loaded by tsserver from node_modules/modelbook-ts-plugin (a file: dependency on tsplugin/).
  { ...node, entryPoints: ['src/tsplugin/index.ts'], outfile: 'tsplugin/index.js', format: 'cjs', external: ['typescript'], sourcemap: false },
  // keepNames: cells see the classes' own names (console.log, hover), not esbuild's `_LogisticRegression`.
  // minifyIdentifiers off: completion and hover from the kernel show parameters as declared (fit(x, y, options), not fit(o,i,s)).
  {
    ...node,
    entryPoints: ['src/kernel/modelbook/index.ts'],
    outfile: 'dist/modelbook.mjs',
    format: 'esm',
    banner: esmRequire,
    plugins: [sharedLibraries],
    keepNames: true,
    minify: false,
    minifyWhitespace: production,
    minifySyntax: production,
  },
  {
    ...node,
    entryPoints: { tfjs: 'src/kernel/vendor/tfjs.ts', arquero: 'src/kernel/vendor/arquero.ts' },
    outdir: 'dist/vendor',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    banner: esmRequire,
    sourcemap: false,
    mainFields: ['module', 'main'],
    keepNames: true,
  },
  // The WASM backend registers into the same TF.js engine cells use (tfjs-core → ./tfjs.mjs);
  // Emscripten's Node glue reads __dirname, which ES modules lack.
  {
    ...node,
    entryPoints: { 'tfjs-backend-wasm': 'src/kernel/tf/vendorWasmBackend.ts' },
    outdir: 'dist/vendor',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    sourcemap: false,
    mainFields: ['module', 'main'],
    banner: { js: `${esmRequire.js} import { fileURLToPath as __mbPath } from 'node:url'; const __filename = __mbPath(import.meta.url); const __dirname = __mbPath(new URL('.', import.meta.url));` },
    plugins: [{ name: 'shared-tfjs-core', setup: (b) => b.onResolve({ filter: /^@tensorflow\/tfjs-core$/ }, () => ({ path: './tfjs.mjs', external: true })) }],
  },
  {
    // Code splitting: the Vega chunk loads with the first chart, not with every table.
    entryPoints: Object.fromEntries(
      ['renderer', 'evaluation', 'experiments', 'review', 'monitor', 'card', 'lineage', 'dataViewer'].filter((e) => fs.existsSync(`webview/${e}/index.ts`)).map((e) => [e, `webview/${e}/index.ts`]),
    ),
    outdir: 'dist/webview',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    define,
    logLevel: 'warning',
    legalComments: 'none',
  },
];

if (withTests) {
  const testEntries = (dir) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir, { recursive: true })
          .filter((f) => /\.test\.ts$|^index\.ts$/.test(String(f)))
          .map((f) => path.join(dir, String(f)))
      : [];
  const unit = testEntries('test/unit');
  if (unit.length) targets.push({ ...node, entryPoints: unit, outdir: 'out/test/unit', outbase: 'test/unit', format: 'cjs', packages: 'external' });
  const webviewTests = testEntries('test/webview');
  if (webviewTests.length) targets.push({ ...node, entryPoints: webviewTests, outdir: 'out/test/webview', outbase: 'test/webview', format: 'cjs', packages: 'external' });
  const benches = fs.existsSync('bench')
    ? fs
        .readdirSync('bench', { recursive: true })
        .filter((f) => /\.(bench|host)\.ts$/.test(String(f)))
        .map((f) => path.join('bench', String(f)))
    : [];
  if (benches.length) targets.push({ ...node, entryPoints: benches, outdir: 'out/bench', outbase: 'bench', format: 'cjs', packages: 'external' });
  const integration = testEntries('test/integration');
  if (integration.length) targets.push({ ...node, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', format: 'cjs', external: ['vscode', 'mocha'] });
}

// A test or bench deleted or moved in the sources would otherwise keep running from its old compiled copy.
if (withTests && !watch) for (const dir of ['out/test', 'out/bench']) fs.rmSync(dir, { recursive: true, force: true });
// Stale chunks (hashed names) would otherwise pile up in the package. dist/types is rebuilt only with --types.
if (!watch && fs.existsSync('dist')) for (const entry of fs.readdirSync('dist')) if (entry !== 'types' || withTypes) fs.rmSync(path.join('dist', entry), { recursive: true, force: true });
const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  const t0 = performance.now();
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  copyWasm();
  copyLauncher();
  if (withTypes) buildTypes();
  console.log(`built ${targets.length} targets${withTypes ? ' and type declarations' : ''} in ${Math.round(performance.now() - t0)} ms`);
}

/**
 * dist/types: the declarations of the `modelbook` module (tsc) and copies of the declarations of
 * the libraries cells get built in (arquero, TF.js), laid out as node_modules so they resolve
 * from each other. The TypeScript plugin points cells' imports here.
 */
function buildTypes() {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('type declarations failed (tsc -p tsconfig.types.json)');
    process.exit(1);
  }
  fs.writeFileSync('dist/types/modelbook.d.ts', "// The 'modelbook' module cells import.\nexport * from './kernel/modelbook/index';\n");
  const libs = [
    'arquero',
    '@uwdata/flechette',
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-core',
    '@tensorflow/tfjs-layers',
    '@tensorflow/tfjs-converter',
    '@tensorflow/tfjs-data',
    '@tensorflow/tfjs-backend-cpu',
    '@tensorflow/tfjs-backend-webgl',
  ];
  // The notebook language service (src/store/lang) type-checks cells against these too: Node's
  // globals (console, setTimeout, process) and the ES2022 library, which a bundled TypeScript cannot find.
  libs.push('@types/node', 'undici-types');
  fs.mkdirSync('dist/types/lib', { recursive: true });
  for (const f of fs.readdirSync('node_modules/typescript/lib')) {
    if (/^lib\.(es5|es20(1[5-9]|2[0-2])(\.\w+)?|decorators(\.legacy)?)\.d\.ts$/.test(f) && !f.endsWith('.full.d.ts'))
      fs.copyFileSync(path.join('node_modules/typescript/lib', f), path.join('dist/types/lib', f));
  }
  for (const lib of libs) {
    const from = path.join('node_modules', lib);
    const to = path.join('dist/types/node_modules', lib);
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(to, { recursive: true });
    fs.copyFileSync(path.join(from, 'package.json'), path.join(to, 'package.json'));
    for (const f of fs.readdirSync(from, { recursive: true }).map(String)) {
      if (!f.endsWith('.d.ts') || f.startsWith('node_modules')) continue;
      fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
      fs.copyFileSync(path.join(from, f), path.join(to, f));
    }
  }
}

/** The sandbox's OS layer on Linux (native/confine, prebuilt and committed): kernels start through it. */
function copyLauncher() {
  for (const arch of ['x64', 'arm64']) {
    const from = `native/confine/confine-linux-${arch}`;
    if (!fs.existsSync(from)) continue;
    fs.copyFileSync(from, `dist/confine-linux-${arch}`);
    fs.chmodSync(`dist/confine-linux-${arch}`, 0o755);
  }
}

/** The TF.js WASM backend loads its .wasm files from next to the kernel's vendor bundle. */
function copyWasm() {
  const from = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
  if (!fs.existsSync(from)) return;
  fs.mkdirSync('dist/wasm', { recursive: true });
  for (const f of fs.readdirSync(from)) if (f.endsWith('.wasm')) fs.copyFileSync(path.join(from, f), path.join('dist/wasm', f));
}
