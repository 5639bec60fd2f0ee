// Lint, run by `npm test` (and `npm run lint`). Besides typescript-eslint's recommended rules, it
// enforces the layers of ARCHITECTURE.md as import rules, so a boundary is a failing test rather
// than a convention:
//   shared/  imports nothing from the rest of the server (the client bundles it);
//   core/ and rules/  no Node built-ins, no LSP, nothing from the adapters (node/, service/, lsp/, cli/);
//   service/  no Node I/O and no LSP connection (only protocol types); its host injects the I/O;
//   client/  only `shared/` of the server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node modules that do I/O or start processes (path and url only compute strings). */
const NODE_IO = ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:child_process', 'child_process', 'node:net', 'net', 'node:http', 'http', 'node:https', 'https', 'node:os', 'os', 'node:worker_threads', 'worker_threads', 'node:dns', 'dns'];
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'path/*', 'os', 'crypto', 'child_process', 'worker_threads', 'url', 'util', 'stream', 'http', 'https', 'net', 'events'];

/** `no-restricted-imports` patterns that keep a folder off the named layers. */
function offLimits(message, groups) {
  return ['error', { patterns: [{ group: groups, message }] }];
}

export default tseslint.config(
  { ignores: ['.vscode-test/**', 'dist/**', 'out/**', '.tools/**', 'node_modules/**', 'bench/.work/**', 'test/fixtures/**', 'test/e2e/fixtures/**', 'coverage/**', 'examples/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', globalThis: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['server/src/shared/*.ts'],
    rules: { 'no-restricted-imports': offLimits('shared/ imports nothing from the rest of the server: the client bundles it.', ['../*', ...NODE_BUILTINS, 'vscode-languageserver', 'vscode-languageserver/*']) },
  },
  {
    files: ['server/src/shared/*/*.ts'],
    rules: { 'no-restricted-imports': offLimits('shared/ imports nothing from the rest of the server: the client bundles it.', ['../../*', ...NODE_BUILTINS, 'vscode-languageserver', 'vscode-languageserver/*']) },
  },
  {
    files: ['server/src/core/**/*.ts', 'server/src/rules/**/*.ts', 'server/src/audit/**/*.ts'],
    rules: {
      'no-restricted-imports': offLimits('The core is pure: no Node built-ins, no LSP, nothing from the adapters (see ARCHITECTURE.md).', [
        ...NODE_BUILTINS,
        'vscode',
        'vscode-languageserver',
        'vscode-languageserver/*',
        'vscode-languageserver-types',
        'vscode-languageserver-textdocument',
        '**/lsp/*',
        '**/cli/*',
        '**/node/*',
        '**/service/*',
      ]),
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': offLimits('The language service takes its I/O from its host and speaks LSP types, not the connection (see ARCHITECTURE.md).', [
        ...NODE_IO,
        'vscode',
        'vscode-languageserver',
        'vscode-languageserver/*',
        '**/lsp/*',
        '**/cli/*',
        '**/node/*',
      ]),
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': offLimits('The client imports only server/src/shared (typed messages, settings, vocabulary, the audit page).', [
        '../../server/src/*',
        '!../../server/src/shared',
        '../../server/src/*/**',
        '!../../server/src/shared/**',
        'vscode-languageserver',
        'vscode-languageserver/*',
      ]),
    },
  },
  {
    files: ['**/*.cjs', 'test/e2e/suite/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { exports: 'writable', describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly', beforeEach: 'readonly', afterEach: 'readonly', suite: 'readonly', test: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,js,mjs,cjs}', 'bench/**/*.mjs', 'scripts/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
