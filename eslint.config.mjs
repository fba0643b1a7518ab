// ESLint (flat config), run by `npm run lint` and by `npm test` before the tests (CONTRIBUTING.md, "Lint and format").
// Formatting is Prettier's alone (.prettierrc.json): eslint-config-prettier, last, turns off every stylistic rule.
// The layer rule is not here: scripts/check-layers.mjs is its one source of truth (it runs in every build).
// Unused exports are knip's (knip.jsonc, also run by `npm run lint`): no-unused-vars sees one file at a time and cannot
// tell that nothing imports an export; knip reads the whole module graph and is maintained (ts-prune, in maintenance,
// points to it; eslint-plugin-import's no-unused-modules still needs an .eslintrc beside a flat config, its issue #3079).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', '.vscode-test', 'tsplugin/index.js', '**/*.d.ts', 'src/core/runs/runRecordValidator.ts', 'src/core/monitor/monitorReportValidator.ts'] },

  // TypeScript: type-aware, each file against the project it is compiled in.
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The first project that holds a file wins: src/core and src/protocol are also in tsconfig.webview.json,
        // and are checked against the Node project (lib without DOM), the stricter of the two.
        project: ['./tsconfig.json', './tsconfig.webview.json', './test/webview/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // The rules this config exists for (issue 10).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A `default:` counts: it is where a switch over a union says what to do with the rest on purpose.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': unusedVars,
      // Passing on a caught value (reject(e) in a catch) is fine; inventing a non-Error rejection is not.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],

      // A `let` that callbacks read before its one assignment stays `let`: as `const` they could meet it in its temporal dead zone.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],

      // Off, each because it is noise here:
      // any-flow: every `Array.isArray(rows)` argument check a public core function does (STYLE.md) turns a readonly T[] into any[] (TypeScript#17002); untyped data enters through runtime guards (isX) instead.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Stringifying an unknown value (a table cell, a name read from notebook JSON, a caught non-Error) is deliberate wherever it happens.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // An async method that implements a Promise-returning contract (Estimator.fit/predict, importModule) need not await: `async` makes its throws rejections.
      '@typescript-eslint/require-await': 'off',
      // Its fix removed 114 assertions across 62 files for no behaviour, and some it called unnecessary broke the type check in 3 files (narrowed generics, narrowed unknown).
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests and benches reach into page globals (window.x in Chromium) and private state; the assertion is the type check.
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests destructure functions from dynamically imported modules (`const { f } = await load()`): namespace objects, no `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The fixture generator, bundled and run by hand (see its header), in no tsconfig: the untyped rules only.
    files: ['test/fixtures/**/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  // Plain JavaScript run by Node (the build, scripts, bench runner, test host driver): the lighter, untyped rules.
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: { 'no-unused-vars': unusedVars },
  },
  // Pages the Chromium tier loads into its harness: browser modules.
  {
    files: ['test/webview/pages/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },

  prettier,
);
