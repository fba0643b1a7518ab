/**
 * A TypeScript server plugin (loaded by VS Code's TypeScript support, see package.json
 * `typescriptServerPlugins`): in notebook cells, the modules a Modelbook kernel provides without
 * installing them — 'modelbook', 'arquero', '@tensorflow/tfjs' — resolve to the type declarations
 * shipped in dist/types, so cells get completion and types instead of "Cannot find module". A copy
 * installed in the workspace still wins, as it does in the kernel.
 *
 * In the cells of Modelbook notebooks this server stays silent for what the extension's notebook
 * language service (src/vscode/lang) answers with the whole notebook in view: it sees each cell alone, so its answers there would repeat the
 * service's (completion, hover, signature help, definition) or contradict it (a name a later cell
 * uses "is declared but never read"; `any` for a name an earlier cell declared). It does so without
 * waiting to be told: VS Code's syntax server, which answers hover and completion while the project
 * loads, never gets the extension's configuration. The extension only says (configurePlugin) when
 * its diagnostics are off, so that this server's syntax errors show again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as ts from 'typescript/lib/tsserverlibrary';

const BUILTIN_TYPES: Record<string, string> = {
  modelbook: 'modelbook.d.ts',
  arquero: 'node_modules/arquero/dist/types/index.d.ts',
  '@tensorflow/tfjs': 'node_modules/@tensorflow/tfjs/dist/index.d.ts',
};

/** dist/types next to the extension: the plugin runs from node_modules/modelbook-ts-plugin (packaged) or tsplugin/ (repository). */
function typesRoot(): string | undefined {
  for (const candidate of [path.join(__dirname, '..', '..', 'dist', 'types'), path.join(__dirname, '..', 'dist', 'types')]) {
    if (fs.existsSync(path.join(candidate, 'modelbook.d.ts'))) return candidate;
  }
  return undefined;
}

function isNotebookCell(file: string): boolean {
  return file.includes('vscode-notebook-cell');
}

/** A cell of a Modelbook notebook, as VS Code names it to tsserver: `^/vscode-notebook-cell/<authority>/dir/nb.mlnb#<cell>`. */
function isModelbookCell(file: string): boolean {
  return /vscode-notebook-cell\/.*\.mlnb(#|$)/i.test(file);
}

/** What the extension told the plugin (configurePlugin): whether its service shows diagnostics (syntax errors too). */
interface PluginConfig {
  diagnostics?: boolean;
}

/** The language service, silent in Modelbook cells for what the extension's service answers there. */
function quietInModelbookCells(service: ts.LanguageService, config: () => PluginConfig): ts.LanguageService {
  const quiet = isModelbookCell;
  const proxy: ts.LanguageService = Object.create(null) as ts.LanguageService;
  for (const key of Object.keys(service) as (keyof ts.LanguageService)[]) {
    const member = (service as unknown as Record<string, unknown>)[key];
    if (typeof member === 'function') (proxy as unknown as Record<string, unknown>)[key] = (member as (...a: unknown[]) => unknown).bind(service);
  }
  proxy.getCompletionsAtPosition = (file, ...rest) => (quiet(file) ? undefined : service.getCompletionsAtPosition(file, ...rest));
  proxy.getQuickInfoAtPosition = (file, ...rest) => (quiet(file) ? undefined : service.getQuickInfoAtPosition(file, ...rest));
  proxy.getSignatureHelpItems = (file, ...rest) => (quiet(file) ? undefined : service.getSignatureHelpItems(file, ...rest));
  proxy.getDefinitionAndBoundSpan = (file, ...rest) => (quiet(file) ? undefined : service.getDefinitionAndBoundSpan(file, ...rest));
  proxy.getDefinitionAtPosition = (file, ...rest) => (quiet(file) ? undefined : service.getDefinitionAtPosition(file, ...rest));
  proxy.getSuggestionDiagnostics = (file) => (quiet(file) ? [] : service.getSuggestionDiagnostics(file));
  // The service reports syntax errors with its type errors; with its diagnostics off, this server's stay.
  proxy.getSyntacticDiagnostics = (file) => (quiet(file) && config().diagnostics !== false ? [] : service.getSyntacticDiagnostics(file));
  return proxy;
}

function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const tsApi = modules.typescript;
  let config: PluginConfig = {};
  return {
    onConfigurationChanged(next: PluginConfig) {
      config = typeof next === 'object' && next !== null ? next : {};
    },
    create(info) {
      const service = quietInModelbookCells(info.languageService, () => config);
      const root = typesRoot();
      const host = info.languageServiceHost;
      const original = host.resolveModuleNameLiterals?.bind(host);
      if (!root || !original) {
        info.project.projectService.logger.info(`modelbook-ts-plugin: ${root ? 'the host resolves modules its own way' : 'no dist/types found'}; nothing to do`);
        return service;
      }
      host.resolveModuleNameLiterals = (literals, containingFile, ...rest) => {
        const results = original(literals, containingFile, ...rest);
        if (!isNotebookCell(containingFile)) return results;
        return results.map((r, i) => {
          const file = BUILTIN_TYPES[literals[i].text];
          if (r.resolvedModule || !file) return r;
          return { resolvedModule: { resolvedFileName: path.join(root, file), extension: tsApi.Extension.Dts, isExternalLibraryImport: true } };
        });
      };
      return service;
    },
  };
}

export = init;
