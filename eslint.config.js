// The project lints itself: typescript-eslint for the sources and eslint-plugin-eslint-plugin
// for rule metadata. Fixtures are inputs for tests and stay as they are.
const tseslint = require('typescript-eslint');
// ESM-only package: require() gives its namespace.
const eslintPlugin = require('eslint-plugin-eslint-plugin').default;

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'docs/example/**',
      '**/__testfixtures__/**',
      'test/fixtures/**',
      'test/codemods/fixtures/**',
      'test/rules/fixtures/**',
      'bench/corpus/**',
      // The field corpus, rebuilt from third-party repositories by `npm run field`.
      '.field/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
