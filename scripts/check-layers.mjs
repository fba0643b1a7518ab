// The layer rule (CONTRIBUTING.md, "The layer rule"), enforced: run by `npm run build` (esbuild.mjs) and `npm test`.
// Dependencies point inward only; only src/vscode (and src/extension.ts) may import `vscode`;
// src/core stays pure (no Node, no DOM-only code, nothing of ours outside core);
// src/protocol holds types only; webview/ is browser code.
// usage: node scripts/check-layers.mjs [root]   (exit 1 and one line per violation)
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const NODE_BUILTINS = new Set(builtinModules);
const IMPORT_RE = /(?:^|[^.\w$])(?:import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|(?:^|[^.\w$])(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Which part of the tree a file belongs to. */
function layerOf(rel) {
  if (rel === 'src/extension.ts') return 'vscode';
  const m = /^src\/([^/]+)\//.exec(rel);
  if (m) return m[1];
  if (rel.startsWith('webview/')) return 'webview';
  return undefined;
}

/** What each layer may import from our own tree. */
const ALLOWED = {
  core: ['core'],
  protocol: ['core', 'protocol'],
  kernel: ['core', 'protocol', 'kernel', 'store'],
  store: ['core', 'protocol', 'store'],
  cli: ['core', 'protocol', 'kernel', 'store', 'cli'],
  // The plain-Node library (`require('modelbook')`): package loading without VS Code or the kernel.
  lib: ['core', 'store', 'lib'],
  vscode: ['core', 'protocol', 'kernel', 'store', 'vscode'],
  webview: ['core', 'protocol', 'webview'],
  // The TypeScript server plugin runs inside tsserver: it stands alone.
  tsplugin: ['tsplugin'],
};
const MAY_USE_NODE = new Set(['kernel', 'store', 'cli', 'vscode', 'tsplugin', 'lib']);

function* sourceFiles(root, dir) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return;
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(root, rel);
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield rel;
  }
}

/** Every import of every file under src/ and webview/ that breaks the layer rule. */
export function checkLayers(root) {
  const problems = [];
  for (const rel of [...sourceFiles(root, 'src'), ...sourceFiles(root, 'webview')]) {
    const layer = layerOf(rel);
    if (!layer || !ALLOWED[layer]) continue;
    const text = fs.readFileSync(path.join(root, rel), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const m of text.matchAll(IMPORT_RE)) {
      const typeOnly = Boolean(m[1]);
      const spec = m[2] ?? m[3];
      const problem = judge(rel, layer, spec, typeOnly);
      if (problem) problems.push(`${rel}: imports '${spec}': ${problem}`);
    }
  }
  return problems;
}

function judge(rel, layer, spec, typeOnly) {
  if (spec === 'vscode') return layer === 'vscode' ? undefined : 'only src/vscode/ and src/extension.ts may import the VS Code API';
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  if (spec.startsWith('node:') || NODE_BUILTINS.has(bare.split('/')[0])) {
    return MAY_USE_NODE.has(layer)
      ? undefined
      : `only modules from src/kernel, src/store, src/cli and src/vscode may use Node; src/${layer === 'webview' ? '../webview' : layer} must run in ${layer === 'webview' ? 'a browser' : 'the kernel, the CLI, webviews and plain Node alike'}`;
  }
  if (!spec.startsWith('.')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
  const targetLayer = layerOf(target.endsWith('.ts') ? target : `${target}.ts`) ?? layerOf(`${target}/index.ts`);
  if (!targetLayer) return `imports from outside src/ and webview/`;
  if (layer === 'protocol' && !typeOnly) return 'src/protocol holds type-only contracts: use `import type`';
  if (!ALLOWED[layer].includes(targetLayer)) return `src/${layer} may import only from ${ALLOWED[layer].map((l) => (l === 'webview' ? 'webview/' : `src/${l}/`)).join(', ')}`;
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const problems = checkLayers(path.resolve(process.argv[2] ?? '.'));
  for (const p of problems) console.error(`layer rule: ${p}`);
  if (problems.length) {
    console.error(`${problems.length} layer violation(s); see CONTRIBUTING.md "The layer rule".`);
    process.exit(1);
  }
  console.log('layer rule: ok');
}
