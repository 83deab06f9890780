// Lint for every TypeScript folder. src/core must stay pure: no vscode, no Node built-ins, no DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Every Node built-in module, bare and with the node: prefix, and their subpaths (fs/promises). */
const NODE_BUILTINS = ['node:*', ...builtinModules.flatMap((m) => [m, `${m}/*`])];
/** Node's globals that a web worker does not have. */
const NODE_GLOBALS = ['process', 'require', 'Buffer', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'];
/**
 * The Node roles of dist/extension.js (the Node host, its worker_threads transport and worker):
 * src/extension/main.ts reaches them only on Node, lazily; webMain.ts and webWorker.ts are the web twins.
 */
const NODE_ONLY_EXTENSION_FILES = ['src/extension/nodeMain.ts', 'src/extension/analysis/nodeTransport.ts', 'src/extension/analysis/nodeWorker.ts'];
/** The bundle's entry: picks its role with require() of bundled modules (lazy in esbuild's output), nothing else. */
const ROLE_ENTRY = 'src/extension/main.ts';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.unit/**', 'node_modules/**', '.cache/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['vscode', ...NODE_BUILTINS], message: 'src/core is pure: no vscode and no Node built-ins.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', ...NODE_GLOBALS],
    },
  },
  {
    // The extension also runs in a web worker (vscode.dev, github.dev): no Node built-ins, by
    // import or by global, outside the Node entry files named here.
    files: ['src/extension/**/*.ts', 'src/shared/**/*.ts'],
    ignores: NODE_ONLY_EXTENSION_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: NODE_BUILTINS,
              message: 'src/extension and src/shared run in a web worker too: use vscode.workspace.fs, Web Crypto, and the analysis transport interface.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...NODE_GLOBALS],
    },
  },
  {
    // require() here is esbuild's lazy inclusion of a bundled role, so only relative paths.
    files: [ROLE_ENTRY],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-globals': ['error', ...NODE_GLOBALS.filter((g) => g !== 'require')],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value!=/^\\.\\.?\\//]",
          message: 'main.ts requires bundled modules only (relative paths): Node built-ins live in the Node-only files.',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'esbuild.js', '*.mjs', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'readonly', __dirname: 'readonly' } },
  },
  {
    // The build script is CommonJS by design (node esbuild.js, no loader).
    files: ['esbuild.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
