// The flat config a field file is linted with: every rule of the plugin, the parser its
// extension needs (espree for JavaScript, typescript-eslint for TypeScript, ESLint's JSON language
// through the plugin when @eslint/json is installed), and CommonJS or ES module by its syntax.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsParser = require('@typescript-eslint/parser');
const ESM_SYNTAX = /^\s*(?:import\s[\s\S]*?from\s*['"]|import\s*['"]|export\s)/m;

/** The config array for `path` (relative to its repository), or undefined when no parser reads it. */
export function lintOptionsFor(path, text, plugin) {
  // The `all` config's rules, without its own file scoping (the JSON block names its language).
  const all = [].concat(plugin.configs.all).map(({ language: _language, files: _files, ...rest }) => rest);
  const linterOptions = { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off', noInlineConfig: true };
  if (/\.json$/.test(path)) {
    if (!plugin.languages?.json) return undefined;
    const files = ['**/*.json'];
    return [...all.map((c) => ({ ...c, files })), { files, language: 'backing-services/json', linterOptions }];
  }
  const ts = /\.[cm]?tsx?$/.test(path);
  const sourceType = ts || /\.mjs$/.test(path) ? 'module' : /\.cjs$/.test(path) ? 'commonjs' : ESM_SYNTAX.test(text) ? 'module' : 'commonjs';
  const languageOptions = ts
    ? { parser: tsParser, sourceType, parserOptions: { ecmaFeatures: { jsx: /\.tsx$/.test(path) } } }
    : { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: true } } };
  // A universal `**/*` does not make ESLint lint a `.ts` file: name the extension.
  const files = [`**/*${path.slice(path.lastIndexOf('.'))}`];
  return [{ files, languageOptions, linterOptions }, ...all.map((c) => ({ ...c, files }))];
}
