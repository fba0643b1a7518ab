/**
 * A TypeScript server plugin (loaded by VS Code's TypeScript support, see package.json
 * `typescriptServerPlugins`): in notebook cells, the modules a Modelbook kernel provides without
 * installing them — 'modelbook', 'arquero', '@tensorflow/tfjs' — resolve to the type declarations
 * shipped in dist/types, so cells get completion and types instead of "Cannot find module". A copy
 * installed in the workspace still wins, as it does in the kernel.
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

function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const tsApi = modules.typescript;
  return {
    create(info) {
      const root = typesRoot();
      const host = info.languageServiceHost;
      const original = host.resolveModuleNameLiterals?.bind(host);
      if (!root || !original) {
        info.project.projectService.logger.info(`modelbook-ts-plugin: ${root ? 'the host resolves modules its own way' : 'no dist/types found'}; nothing to do`);
        return info.languageService;
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
      return info.languageService;
    },
  };
}

export = init;
