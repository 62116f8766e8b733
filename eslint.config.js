// Lint rules, including the layer rule (at error, no exemptions):
//   shared/         imports nothing from electron/, renderer/, node:*, electron, DOM libs or better-sqlite3
//   renderer/       imports shared/ and browser libraries only; never electron/ or better-sqlite3
//   electron/core/  never imports the electron package (only main.ts, preload.ts and shell/ may)
// and the i18n rule: no literal user-visible strings in JSX.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// Static imports are caught by no-restricted-imports; dynamic import() and require()
// are not, so the same packages are also refused as call sources. `pattern` is a
// regular expression over the module name, e.g. '^(electron|better-sqlite3)(/|$)'.
function forbidDynamic(pattern, message) {
  const regex = `/${pattern.replaceAll('/', '\\/')}/`;
  return [
    'error',
    { selector: `ImportExpression[source.value=${regex}]`, message },
    { selector: `CallExpression[callee.name='require'][arguments.0.value=${regex}]`, message },
  ];
}

export default tseslint.config(
  { ignores: ['build/**', 'release/**', 'node_modules/**', 'bench/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...['electron', 'better-sqlite3', 'react', 'react-dom', ...nodeBuiltins].map((name) => ({
              name,
              message: 'shared/ is pure TypeScript used by both sides: no Node, Electron, DOM or database imports.',
            })),
            // The note editor's node classes are named in shared/ (host and windows must agree
            // on them) as types only: nothing of Lexical is loaded from here.
            { name: 'lexical', allowTypeImports: true, message: 'shared/ may name Lexical types only (import type).' },
          ],
          patterns: [
            { group: ['node:*', '**/electron/**', '**/renderer/**', '../electron', '../renderer'], message: 'shared/ must not import from electron/ or renderer/.' },
            {
              group: ['electron/*', 'better-sqlite3/*', 'react/*', 'react-dom/*', '@lexical/*', '@dnd-kit/*', '@tanstack/*'],
              message: 'shared/ is pure TypeScript used by both sides: no Electron, DOM, UI or database imports.',
            },
          ],
        },
      ],
      'no-restricted-syntax': forbidDynamic(
        `^(node:|(electron|better-sqlite3|react|react-dom|lexical|@lexical|@dnd-kit|${builtinModules.join('|')})(/|$))`,
        'shared/ loads no Node, Electron, DOM or database module, not even dynamically.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, i18next },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', ...nodeBuiltins].map((name) => ({
            name,
            message: 'The renderer talks only to window.api; it never imports Electron, Node or the database.',
          })),
          patterns: [
            { group: ['node:*', '**/electron/**', '../electron'], message: 'The renderer never imports electron/.' },
            { group: ['electron/*', 'better-sqlite3/*'], message: 'The renderer talks only to window.api; it never imports Electron or the database.' },
          ],
        },
      ],
      'no-restricted-syntax': forbidDynamic(
        `^(node:|(electron|better-sqlite3|${builtinModules.join('|')})(/|$))`,
        'The renderer talks only to window.api; it never loads Electron, Node or the database, not even dynamically.',
      ),
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['title', 'aria-label', 'placeholder', 'alt', 'label'] },
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core runs on plain Node: only main.ts, preload.ts and electron/shell/ may import electron.' }],
          patterns: [
            { group: ['electron/*'], message: 'electron/core runs on plain Node: only main.ts, preload.ts and electron/shell/ may import electron.' },
            { group: ['**/renderer/**'], message: 'The core never imports the renderer.' },
            { group: ['../../shell/**', '../shell/**', '**/electron/shell/**'], message: 'The core never imports the Electron shell.' },
          ],
        },
      ],
      'no-restricted-syntax': forbidDynamic('^electron(/|$)', 'electron/core runs on plain Node: it never loads the electron package, not even dynamically.'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The main process never imports the renderer.' }] }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
