import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Import boundaries (DESIGN.md): shared/ runs in both processes, so it imports neither Node, Electron
// nor the DOM; the renderer reaches electron/ only through `import type`.
const nodeModules = [
  'electron',
  'better-sqlite3',
  'fluent-ffmpeg',
  'child_process',
  'fs',
  'path',
  'os',
  'crypto',
  'node:*',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'native/**',
      'node_modules/**',
      'test-results/**',
      'e2e/test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'resources/**/*.js',
      'e2e/harness/bridge.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron'],
              allowTypeImports: true,
              message: 'The renderer talks to the core only through window.kotae (import type is fine).',
            },
            { group: nodeModules, message: 'The renderer has no Node.js.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeModules, '**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ must run in main, renderer and CLI alike.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Core services run under plain Node: no Electron here.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bin/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
