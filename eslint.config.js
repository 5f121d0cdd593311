// ESLint, configured once for the whole tree: JavaScript and TypeScript (typescript-eslint's recommended
// rules, without type information so a run stays quick on a laptop) and Svelte 5 components.
// Formatting is Prettier's job (.prettierrc.json); nothing here is about layout.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.stress/**', 'assets/**'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  // Svelte's rules only where Svelte is (its no-inner-declarations wrapper fails on plain CommonJS files).
  ...svelte.configs['flat/recommended'].map((c) => ({ ...c, files: c.files ?? ['**/*.svelte', '**/*.svelte.ts'] })),
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // `_name` marks a parameter or binding kept for its position or its type.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Empty catch blocks are deliberate where a failure is already reported another way (they carry a comment).
      'no-empty': ['error', { allowEmptyCatch: true }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // The tool matches control characters on purpose: it escapes them before quoting client text.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] },
    },
    // `let { a } = $props()` is Svelte 5's idiom; svelte/prefer-const knows the runes.
    rules: {
      'prefer-const': 'off',
      'svelte/prefer-const': 'error',
      // State lives in $state fields of controller classes; a Set or Map built inside a method to compute
      // an answer is not state, and wrapping it in SvelteSet would only add tracking cost.
      'svelte/prefer-svelte-reactivity': 'off',
      // `{' '}` keeps a space at a tag's edge that the formatter would otherwise fold away.
      'svelte/no-useless-mustaches': 'off',
    },
  },
  {
    // Tests and benches drive a browser page too (callbacks run in the page), and fake Electron's loose types.
    files: ['test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
