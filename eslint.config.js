// Lint rules, including the layering rules of docs/architecture.md (design §2):
// - only main/electron/** and preload/index.ts may import `electron`;
// - renderer/** imports neither Node built-ins nor Electron;
// - main/core/** imports neither `electron` nor touches the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronBan = {
  name: 'electron',
  message: 'Only main/electron/** and preload/index.ts may import electron (design §2).',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/fixtures/**', 'bench-results/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { ecmaVersion: 2023, sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: [] }],
    },
  },
  {
    files: [
      'main/**/*.ts',
      'test/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      'build/**/*.{cjs,js}',
      '*.config.{ts,js}',
      'bin/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // electron-builder loads its hooks with require(): CommonJS is the format there.
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['main/electron/**/*.ts', 'preload/index.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'main/web/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronBan,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer imports nothing from Node (design §2).',
            })),
          ],
          patterns: [
            {
              group: ['**/main/**', '**/main'],
              message: 'The renderer talks to the core only through window.gemConsole.',
            },
            { group: ['node:*'], message: 'The renderer imports nothing from Node (design §2).' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
);
