// Lint for every TypeScript folder. src/core must stay pure: no vscode, no Node built-ins, no DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
          patterns: [
            { group: ['vscode', 'node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'util'], message: 'src/core is pure: no vscode and no Node built-ins.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require'],
    },
  },
  {
    // The extension also runs in a web worker (vscode.dev): no Node built-ins outside the one
    // Node transport of the analysis worker.
    files: ['src/extension/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/extension/analysis/nodeTransport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'util', 'worker_threads'], message: 'src/extension and src/shared run in a web worker too: use vscode.workspace.fs, Web Crypto, and the analysis transport interface.' },
          ],
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
