import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import kotae from './scripts/eslint/service-boundaries.mjs';

// Import boundaries (DESIGN.md, README "Layout"), each tested by scripts/eslint/boundaries.test.ts:
// - a core service is reached from elsewhere only through its index.ts (kotae/service-boundaries);
// - the renderer reaches electron/ only through `import type`, and has no Node;
// - shared/ runs in main, renderer and CLI alike: no Node, Electron or DOM, only pure-JS packages.
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const nodeOnlyPackages = [
  'electron',
  'better-sqlite3',
  'fluent-ffmpeg',
  'ffmpeg-static',
  'jsdom',
  'mailparser',
  'yauzl',
  'tsx',
];
const nodeModules = [...nodeBuiltins, ...nodeOnlyPackages];
/** Globals a browser has and Node lacks (the DOM), and those only Node has. */
const domGlobals = Object.keys(globals.browser).filter((name) => !(name in globals.node));
const nodeGlobals = Object.keys(globals.node).filter((name) => !(name in globals.browser));
/** The packages shared/ may use: pure JavaScript, the same in every process. */
const sharedPackages = ['zod', 'i18next', '@noble/hashes'];

// The screens (renderer/src/screens/<Screen>/): none imports another's files.
const screens = readdirSync(new URL('./renderer/src/screens/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

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
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { kotae },
    rules: { 'kotae/service-boundaries': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // typescript-eslint's version: ESLint's own ignores allowTypeImports (it rejected `import type`).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'The renderer has no Node.js.' })),
          patterns: [
            { regex: '^node:', message: 'The renderer has no Node.js.' },
            {
              regex: '^(\\.\\./)+electron(/|$)',
              allowTypeImports: true,
              message: 'The renderer talks to the core only through window.kotae (import type is fine).',
            },
            {
              // One folder per screen: what two screens show lives in components/ (issue 19).
              regex: `^(\\.\\./)+(${screens.join('|')})(/|$)`,
              message:
                'A screen does not import another screen: move what both use to renderer/src/components/.',
            },
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
              regex: `^(?!\\.|(${sharedPackages.join('|')})(/|$))`,
              message: `shared/ runs in main, renderer and CLI alike: only ${sharedPackages.join(', ')} and shared/ itself.`,
            },
            {
              regex: '^(\\.\\./)+(electron|renderer)(/|$)',
              message:
                'shared/ runs in main, renderer and CLI alike: it imports neither electron/ nor renderer/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'shared/ runs in main and the CLI too: no DOM.' })),
        ...nodeGlobals.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node.' })),
      ],
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
