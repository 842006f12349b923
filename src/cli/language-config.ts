import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

/** Globals of CommonJS and Node, so that `require('pg')` resolves in any file. */
const NODE_GLOBALS: Linter.Globals = {
  require: 'readonly',
  module: 'readonly',
  exports: 'writable',
  process: 'readonly',
  Buffer: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
  global: 'readonly',
};

/**
 * How every JS and TS file is parsed: espree for JavaScript (CommonJS for `.cjs`, JSX for
 * `.jsx`), the typescript-eslint parser without type information for TypeScript. The audit lints
 * with these, and the codemods analyse with them, so both see the same tree.
 */
export function languageConfigs(name: string): Linter.Config[] {
  return [
    {
      name: `${name}/files`,
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: { globals: NODE_GLOBALS },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    { name: `${name}/commonjs`, files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { name: `${name}/module`, files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    {
      name: `${name}/jsx`,
      files: ['**/*.jsx'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: `${name}/typescript`,
      files: ['**/*.{ts,mts,cts,tsx}'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        // No `project`: neither the audit nor the codemods need type information.
        parserOptions: { ecmaFeatures: { jsx: false } },
      },
    },
    {
      name: `${name}/tsx`,
      files: ['**/*.tsx'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ];
}
