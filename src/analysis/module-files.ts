import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { CatalogEntry } from '../catalog/types';
import { isAttachedResource } from '../policy/environment';

/**
 * Reading another module of the project, for the one question a file cannot answer alone: whether
 * the module it chooses by environment (`require('./prod')`) holds backing-service configuration.
 * Only relative modules, only when such a choice is found, parsed with the parser the file was
 * linted with. ESLint's `--cache` does not know about this read: a change to `./prod` alone does
 * not re-lint the file that chooses it.
 */

/**
 * What another module configures: the file the specifier resolves to (none when it is not there,
 * as a `.gitignore`d `dev.js`), and the catalog entries of its configuration.
 */
export type ModuleReader = (specifier: string) => { file?: string; entries: readonly CatalogEntry[] };

/** The language options a rule's context carries (`context.languageOptions`). */
export type LanguageOptions = TSESLint.FlatConfig.LanguageOptions;

/** How a module file's configuration is found once it is parsed (the file analysis's `sites`). */
export type ConfigurationOf = (context: TSESLint.RuleContext<string, unknown[]>) => readonly CatalogEntry[];

const EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.json'];
const TYPESCRIPT = new Set(['.ts', '.cts', '.mts']);
/** Configuration modules are small; a larger file is data, not worth a parse. */
const MAX_BYTES = 64 * 1024;
const MAX_CACHED = 256;

const cache = new Map<string, { mtimeMs: number; entries: readonly CatalogEntry[] }>();

export function moduleReader(fromFile: string, languageOptions: LanguageOptions | undefined, settings: Record<string, unknown>, configurationOf: ConfigurationOf): ModuleReader {
  return (specifier) => {
    const file = resolveModule(dirname(fromFile), specifier);
    if (!file) return { entries: [] };
    if (TYPESCRIPT.has(extname(file)) && !parsesTypeScript(languageOptions)) return { file, entries: [] };
    const stat = statSync(file);
    const cached = cache.get(file);
    if (cached?.mtimeMs === stat.mtimeMs) return { file, entries: cached.entries };
    const entries = stat.size > MAX_BYTES ? [] : readConfiguration(file, languageOptions, settings, configurationOf);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(file, { mtimeMs: stat.mtimeMs, entries });
    return { file, entries };
  };
}

/** `./prod` as Node resolves it: the file, with an extension added, or the folder's index. */
function resolveModule(dir: string, specifier: string): string | undefined {
  const base = resolve(dir, specifier);
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => resolve(base, `index${ext}`))];
  return candidates.find((candidate) => {
    try {
      return statSync(candidate).isFile() && EXTENSIONS.includes(extname(candidate));
    } catch {
      return false;
    }
  });
}

/** A parser for TypeScript: one with `parseForESLint` (typescript-eslint's); espree has none. */
function parsesTypeScript(languageOptions: LanguageOptions | undefined): boolean {
  const parser = languageOptions?.parser as { parseForESLint?: unknown } | undefined;
  return typeof parser?.parseForESLint === 'function';
}

/**
 * The module's configuration, found by the same analysis in a lint of that file alone. A JSON
 * module is read as the value `module.exports` would hold. A file that does not parse holds none.
 */
function readConfiguration(file: string, languageOptions: LanguageOptions | undefined, settings: Record<string, unknown>, configurationOf: ConfigurationOf): readonly CatalogEntry[] {
  const text = readFileSync(file, 'utf8');
  const json = extname(file) === '.json';
  // eslint is the host of any rule that calls this; required late so loading the plugin stays cheap.
  const { Linter } = require('eslint') as typeof import('eslint');
  const linter = new Linter({ configType: 'flat', cwd: dirname(file) });
  let entries: readonly CatalogEntry[] = [];
  const parserOptions = { ...(languageOptions?.parserOptions as Record<string, unknown> | undefined) };
  // One file on its own: no type information (and no `typescript` program) for a configuration read.
  delete parserOptions.project;
  delete parserOptions.projectService;
  const sourceType = json || extname(file) === '.cjs' || extname(file) === '.cts' ? 'commonjs' : extname(file) === '.mjs' || extname(file) === '.mts' ? 'module' : languageOptions?.sourceType;
  const messages = linter.verify(
    json ? `module.exports = ${text.replace(/^\uFEFF/, '')};` : text,
    [
      {
        // A pattern ending in `*` matches no file on its own in a flat config: name the extensions.
        files: EXTENSIONS.map((ext) => `**/*${ext === '.json' ? '.cjs' : ext}`),
        languageOptions: { ...languageOptions, ...(sourceType ? { sourceType } : {}), parserOptions },
        settings,
        plugins: { 'backing-services-module': { rules: { configuration: { create: (context: TSESLint.RuleContext<string, unknown[]>) => ({ 'Program:exit': () => void (entries = configurationOf(context as never)) }) } } } },
        rules: { 'backing-services-module/configuration': 'error' },
      },
    ] as never,
    { filename: json ? `${file}.cjs` : file },
  );
  if (messages.some((message) => message.fatal)) return [];
  return [...new Set(entries.filter(isAttachedResource))];
}
