import type { ESLint, Linter } from 'eslint';
import type { ConfigName } from '../configs';
import plugin from '../index';
import { languageConfigs } from './language-config';

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

/**
 * The audit's own flat config: the plugin's preset over every JS and TS file, the
 * typescript-eslint parser (without type information) for TS files, and nothing from the
 * audited project (`overrideConfigFile: true` means no `eslint.config.*` is looked for).
 */
export function createAuditConfig(config: ConfigName): Linter.Config[] {
  return [...languageConfigs('backing-services/audit'), ...plugin.configs[config]];
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
