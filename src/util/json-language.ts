import type { ESLint } from 'eslint';

/**
 * ESLint's JSON language from @eslint/json, an optional dependency: when it is installed the
 * plugin offers it as `backing-services/json` and the configs lint the tools' JSON config files
 * (`config/config.json`, `ormconfig.json`) with it. Registered under this plugin's namespace so
 * it never clashes with a `json` plugin the user registers from their own copy.
 */
export const jsonLanguage: NonNullable<ESLint.Plugin['languages']>[string] | undefined = (() => {
  try {
    const loaded = require('@eslint/json') as { default?: ESLint.Plugin } & ESLint.Plugin;
    return (loaded.default ?? loaded).languages?.json;
  } catch {
    return undefined;
  }
})();
