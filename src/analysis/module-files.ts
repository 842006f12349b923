import { readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * Reading another module of the project, for the questions a file cannot answer alone: whether a
 * module it chooses by environment (`require('./prod')`) holds backing-service configuration, and
 * whether a helper it imports chooses between its arguments by environment. Only relative
 * modules, only when such a choice or call is found, parsed with the parser the file was linted
 * with. ESLint's `--cache` does not know about these reads: a change to `./prod` alone does not
 * lint the file that chooses it again.
 */

/** The language options a rule's context carries (`context.languageOptions`). */
export type LanguageOptions = TSESLint.FlatConfig.LanguageOptions;

/** A question about another module, answered from a lint of that file alone. */
export type ModuleQuery<T> = (context: TSESLint.RuleContext<string, unknown[]>) => T;

/** The project modules one file names, resolved and read on demand. */
export interface ModuleFiles {
  /** `./prod` as Node resolves it from the file; undefined when it is not there. */
  resolve(specifier: string): string | undefined;
  /**
   * The answer of `query` (cached per file and `key` while the file is unchanged), or `fallback`
   * for a module that cannot be read with this parser, is too large, does not parse, or whose
   * text fails `mayAnswer` (a test that spares the parse of a module that cannot answer).
   */
  read<T>(file: string, key: string, query: ModuleQuery<T>, fallback: T, mayAnswer?: (text: string) => boolean): T;
}

const EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.json'];
const TYPESCRIPT = new Set(['.ts', '.cts', '.mts', '.tsx']);
const TS_FIRST = ['.ts', '.cts', '.mts', '.js', '.cjs', '.mjs', '.json'];
/** Configuration modules are small; a larger file is data, not worth a parse. */
const MAX_BYTES = 64 * 1024;
const MAX_CACHED = 256;

const cache = new Map<string, { mtimeMs: number; answers: Map<string, unknown> }>();
const reading = new Set<string>();

export function moduleFiles(fromFile: string, languageOptions: LanguageOptions | undefined, settings: Record<string, unknown> | undefined): ModuleFiles {
  return {
    // A TypeScript file's `./env` is `env.ts` first, as TypeScript resolves it.
    resolve: (specifier) => resolveModule(dirname(fromFile), specifier, TYPESCRIPT.has(extname(fromFile)) ? TS_FIRST : EXTENSIONS),
    read<T>(file: string, key: string, query: ModuleQuery<T>, fallback: T, mayAnswer?: (text: string) => boolean): T {
      if (TYPESCRIPT.has(extname(file)) && !parsesTypeScript(languageOptions)) return fallback;
      const stat = statOf(file);
      if (!stat) return fallback;
      let cached = cache.get(file);
      if (cached?.mtimeMs !== stat.mtimeMs) {
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
        cached = { mtimeMs: stat.mtimeMs, answers: new Map() };
        cache.set(file, cached);
      }
      if (!cached.answers.has(key)) {
        // Two modules that import from each other: the one already being read answers nothing.
        if (reading.has(file)) return fallback;
        reading.add(file);
        try {
          const text = stat.size > MAX_BYTES ? undefined : textOf(file);
          const answers = text !== undefined && (!mayAnswer || mayAnswer(text));
          cached.answers.set(key, answers ? (lintAlone(file, text, languageOptions, settings, query) ?? fallback) : fallback);
        } finally {
          reading.delete(file);
        }
      }
      return cached.answers.get(key) as T;
    },
  };
}

/** A file's size and time, or undefined when it cannot be read (removed since, no permission). */
function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** A file's text, or undefined when it cannot be read. */
function textOf(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * `./prod` as Node resolves it: the file, with an extension added, or the folder's index. `.`,
 * `..` and `./config/` name a folder, so only its index.
 */
function resolveModule(dir: string, specifier: string, extensions: readonly string[]): string | undefined {
  const base = resolve(dir, specifier);
  const folder = specifier === '.' || specifier === '..' || specifier.endsWith('/');
  const indexes = extensions.map((ext) => resolve(base, `index${ext}`));
  const candidates = folder ? indexes : [base, ...extensions.map((ext) => base + ext), ...indexes];
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
 * `query`'s answer in a lint of that file alone, with the file's parser. A JSON module is read as
 * the value `module.exports` would hold. Undefined when the file does not parse.
 */
function lintAlone<T>(file: string, text: string, languageOptions: LanguageOptions | undefined, settings: Record<string, unknown> | undefined, query: ModuleQuery<T>): T | undefined {
  const json = extname(file) === '.json';
  // eslint is the host of any rule that calls this; required late so loading the plugin stays cheap.
  const { Linter } = require('eslint') as typeof import('eslint');
  const linter = new Linter({ configType: 'flat', cwd: dirname(file) });
  let answer: T | undefined;
  const parserOptions = { ...(languageOptions?.parserOptions as Record<string, unknown> | undefined) };
  // One file on its own: no type information (and no `typescript` program) for this read.
  delete parserOptions.project;
  delete parserOptions.projectService;
  const ext = extname(file);
  const sourceType = json || ext === '.cjs' || ext === '.cts' ? 'commonjs' : ext === '.mjs' || ext === '.mts' ? 'module' : languageOptions?.sourceType;
  let messages: Array<{ fatal?: boolean }>;
  try {
    messages = linter.verify(
      json ? `module.exports = ${text.replace(/^\uFEFF/, '')};` : text,
      [
        {
          // A pattern ending in `*` matches no file on its own in a flat config: name the extensions.
          files: EXTENSIONS.map((e) => `**/*${e === '.json' ? '.cjs' : e}`),
          languageOptions: { ...languageOptions, ...(sourceType ? { sourceType } : {}), parserOptions },
          settings: settings ?? {},
          plugins: { 'backing-services-module': { rules: { read: { create: (context: TSESLint.RuleContext<string, unknown[]>) => ({ 'Program:exit': () => void (answer = query(context)) }) } } } },
          rules: { 'backing-services-module/read': 'error' },
        },
      ] as never,
      { filename: json ? `${file}.cjs` : file },
    );
  } catch {
    // Whatever goes wrong reading another module (a file gone since, a parser that rejects these
    // options, a configuration this host refuses) must not stop the lint of the file that asked.
    return undefined;
  }
  return messages.some((message) => message.fatal) ? undefined : answer;
}
