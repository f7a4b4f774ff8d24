import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layering docs/architecture.md draws, enforced: the domain imports nothing, protocol only
// the domain and zod, no package imports an app, and an app reaches the hub over the wire only.
// Tests and test kits (`testing/` folders) may start a hub; shipped code may not.
const APPS = 'admin|booking|counter|display|kiosk|track|hub';
const PACKAGES = 'client|domain|escpos|protocol|shell|ui|voice';
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'];
const anApp = (apps) => ({
  regex: `^@antre/(${apps})(/|$)|(^|/)(${apps})/src(/|$)`,
  message: 'Apps talk to the hub over the wire (REST, socket.io); code never imports an app.',
});
const anotherPackageByPath = {
  regex: `(^|/)(${PACKAGES})/src(/|$)`,
  message: 'Import a package by its name (@antre/…), not by a path into its folder.',
};
const rawSocket = {
  selector: "MemberExpression[property.name='socket']",
  message:
    "Apps listen with client.on('…') and ask with client.request('…'); the raw socket is for tests.",
};
const onlyImports = (allowed, message) => ({ regex: `^(?!\\.{1,2}/|(${allowed})$)`, message });
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/*/src/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: restrict(anApp(APPS), anotherPackageByPath),
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: TESTS,
    rules: restrict(
      onlyImports(
        'immutable',
        'The domain is pure rules: it imports nothing but immutable (its persistent map).',
      ),
      anotherPackageByPath,
    ),
  },
  {
    files: ['packages/protocol/src/**/*.ts'],
    ignores: TESTS,
    rules: restrict(
      onlyImports('@antre/domain|zod', 'The protocol imports only @antre/domain and zod.'),
      anotherPackageByPath,
    ),
  },
  {
    files: ['apps/{admin,booking,counter,display,kiosk,track}/src/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      ...restrict(anApp(APPS), anotherPackageByPath),
      'no-restricted-syntax': ['error', rawSocket],
    },
  },
  {
    files: ['apps/hub/src/**/*.ts'],
    ignores: TESTS,
    rules: restrict(anApp(APPS.replace('|hub', '')), anotherPackageByPath),
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
