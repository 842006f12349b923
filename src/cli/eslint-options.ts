import type { ESLint, Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { ConfigName } from '../configs';
import plugin from '../index';

/**
 * Plain, cloneable settings from which the ESLint options are built. With `--concurrency`, ESLint
 * rebuilds its options in each worker thread from an options module (see `lint.ts`), and that
 * module calls `createEslintOptions` with these same settings.
 */
export interface LintSettings {
  config: ConfigName;
  /** Absolute; every linted file must be inside it. */
  cwd: string;
  cache: boolean;
  /** Absolute. */
  cacheLocation: string;
  concurrency: number | 'auto' | 'off';
}

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
 * The audit's own flat config: the plugin's preset over every JS and TS file, the
 * typescript-eslint parser (without type information) for TS files, and nothing from the
 * audited project (`overrideConfigFile: true` means no `eslint.config.*` is looked for).
 */
export function createAuditConfig(config: ConfigName): Linter.Config[] {
  return [
    {
      name: 'backing-services/audit/files',
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: { globals: NODE_GLOBALS },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    { name: 'backing-services/audit/commonjs', files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { name: 'backing-services/audit/module', files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    {
      name: 'backing-services/audit/jsx',
      files: ['**/*.jsx'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: 'backing-services/audit/typescript',
      files: ['**/*.{ts,mts,cts,tsx}'],
      languageOptions: {
        parser: tsParser as Linter.Parser,
        // No `project`: the audit never needs the project's tsconfig or type information.
        parserOptions: { ecmaFeatures: { jsx: false } },
      },
    },
    {
      name: 'backing-services/audit/tsx',
      files: ['**/*.tsx'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    ...plugin.configs[config],
  ];
}

export function createEslintOptions(settings: LintSettings): ESLint.Options {
  const options: ESLint.Options = {
    cwd: settings.cwd,
    overrideConfigFile: true,
    overrideConfig: createAuditConfig(settings.config),
    // The file list is decided by `files.ts` (.gitignore, default and command-line ignores).
    ignore: false,
    errorOnUnmatchedPattern: false,
    cache: settings.cache,
    cacheLocation: settings.cacheLocation,
    // In CI a fresh checkout changes every file's mtime; content hashes keep the cache useful.
    cacheStrategy: 'content',
  };
  // Only passed when used, so ESLint releases older than `concurrency` (9.34) still work.
  if (settings.concurrency !== 'off') options.concurrency = settings.concurrency;
  return options;
}
