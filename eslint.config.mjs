// Lint, and the runtime boundaries as rules (VS Code's "code-layering" idea):
// src-shared is pure (no electron, Node or DOM), src-renderer never reaches into main or
// Node, and only src-main/electron/ may import electron.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodePaths = nodeBuiltins.map((name) => ({ name, message: 'Node APIs belong in src-main (or src-server).' }));
// Node built-ins are matched by exact name (as `paths`): as patterns, "domain" would also
// match our own src-shared/domain folder.
const restrict = (...patterns) => {
  const withNode = patterns.includes(noNode);
  return ['error', { paths: withNode ? nodePaths : [], patterns: patterns.filter((p) => p !== noNode) }];
};
const noNode = { group: nodeBuiltins, message: 'Node APIs belong in src-main (or src-server).' };
const noElectron = { group: ['electron', 'electron/*', 'electron-updater'], message: 'Only src-main/electron/ imports electron.' };
const noMain = { group: ['**/src-main', '**/src-main/**'], message: 'Cross the boundary through the contract, not by importing main.' };
// The sync server shares main's Node layer (src-main/platform: password hashing, schema version,
// row schemas) and nothing else of main.
const noMainButPlatform = {
  regex: 'src-main(/(?!platform(/|$))|$)',
  message: 'The server shares only src-main/platform with main; features, db and hosts stay in main.',
};
// platform is what main and the server share, so it depends on neither.
const platformOnly = {
  group: ['**/features', '**/features/**', '**/db', '**/db/**', '**/host/**', '**/app/**', '**/cli/**', '**/documents/**', '**/electron/**', '**/src-server/**'],
  message: 'src-main/platform is shared with the server: it imports only src-shared and Node.',
};
const noRenderer = { group: ['**/src-renderer', '**/src-renderer/**'], message: 'Main and shared code never import the renderer.' };
const noServer = { group: ['**/src-server', '**/src-server/**'], message: 'The central server is a separate program.' };
const noDomDeps = { group: ['react', 'react-dom', 'react-dom/*', 'react-intl', '@tanstack/*'], message: 'UI libraries belong in src-renderer.' };
// where SQL may live in main
const DATA_ACCESS_ALLOWED = ['src-main/db/**', 'src-main/**/*.repository.ts', 'src-main/features/write-transaction.ts', 'src-main/**/*.test.ts', 'src-main/**/*.test-kit.ts', 'src-main/**/*.fixture.ts', 'src-main/testing/**'];
const noSqlDeps = { group: ['better-sqlite3', 'kysely'], message: 'SQL belongs in a repository (*.repository.ts) or src-main/db/.' };
const noDataAccess = [
  { selector: 'MemberExpression[computed=false][property.name=/^(kysely|sync|sqlite|prepare|q|sql)$/]', message: 'SQL and database handles belong in a repository (*.repository.ts) or src-main/db/.' },
];
const noDbDeps = { group: ['better-sqlite3', 'kysely'], message: 'Database access belongs in src-main.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'e2e/.artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(noNode, noElectron, noMain, noRenderer, noServer, noDomDeps, noDbDeps),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(noNode, noElectron, noMain, noServer, noDbDeps),
      // Every user-visible string lives in the ky/ru/en catalogs (src-shared/i18n).
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-zА-Яа-яЁёҢңӨөҮү]/]', message: 'User-visible text belongs in the i18n catalogs.' },
        {
          selector: 'JSXAttribute[name.name=/^(title|placeholder|alt|aria-label)$/] > Literal',
          message: 'User-visible text belongs in the i18n catalogs.',
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: { 'no-restricted-imports': restrict(noElectron, noRenderer, noServer, noDomDeps) },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noRenderer, noServer, noDomDeps) },
  },
  {
    // SQL only in repositories (*.repository.ts), src-main/db/ and the write transaction: services
    // get data through a narrow interface (Signal's rule), one style everywhere (docs/architecture.md)
    files: ['src-main/**/*.ts'],
    ignores: [...DATA_ACCESS_ALLOWED, 'src-main/electron/**'],
    rules: {
      'no-restricted-imports': restrict(noElectron, noRenderer, noServer, noDomDeps, noSqlDeps),
      'no-restricted-syntax': ['error', ...noDataAccess],
    },
  },
  {
    files: ['src-main/platform/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(platformOnly, noElectron, noRenderer, noDomDeps, noDbDeps) },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(noElectron, noRenderer, noMainButPlatform, noDomDeps) },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
