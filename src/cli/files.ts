import { existsSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import { JSON_CONFIG_FILES } from '../configs';
import { globMatcher } from '../policy/environment';
import { jsonLanguage } from '../util/json-language';
import { describeFsError, InputError, UsageError } from './errors';

/** What `audit` lints. Declaration files hold no runtime code and are skipped. */
export const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** Folders never walked into, at any depth: dependencies, VCS data and build output. */
export const DEFAULT_IGNORED_DIRECTORIES = ['node_modules', '.git', 'dist', 'build', 'coverage'] as const;

export interface DiscoverOptions {
  /** Files and folders to audit, relative to `cwd` (default `.`). */
  paths: string[];
  cwd: string;
  /** `.gitignore`-style patterns, relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns: string[];
}

/** An ignore file (or the command line's patterns) and the folder its patterns are relative to. */
interface IgnoreLevel {
  dir: string;
  matcher: ignore.Ignore;
}

const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

export function isSourceFile(file: string): boolean {
  return (SOURCE_EXTENSIONS as readonly string[]).includes(extname(file)) && !DECLARATION_FILE.test(file);
}

/**
 * JSON files the tools read as client configuration (`config/config.json`, `ormconfig.json`),
 * audited when ESLint's JSON language is installed (the configs then hold a JSON block).
 */
const isJsonConfigFile: (file: string) => boolean = jsonLanguage ? globMatcher(JSON_CONFIG_FILES) : () => false;

/** What `audit` lints: source files, and the JSON configuration files the configs cover. */
export function isAuditedFile(file: string): boolean {
  return isSourceFile(file) || isJsonConfigFile(file);
}

/**
 * The source files under `paths`, absolute, sorted and without duplicates.
 *
 * Folders are walked without following symbolic links, skipping `DEFAULT_IGNORED_DIRECTORIES`,
 * whatever the `.gitignore` files say (those of the enclosing git repository from its root down,
 * then those met on the way) and `ignorePatterns`. A path named on the command line is always
 * audited: a named file even if ignored, a named folder with only the ignore files inside it
 * when the folder itself is ignored.
 */
export function discoverFiles({ paths, cwd, ignorePatterns }: DiscoverOptions): string[] {
  const patternLevel = createPatternLevel(cwd, ignorePatterns);
  const found = new Set<string>();
  for (const path of paths.length > 0 ? paths : ['.']) {
    const target = resolve(cwd, path);
    const stats = statOrThrow(target, path);
    if (stats.isFile()) {
      if (!isAuditedFile(target)) {
        throw new UsageError(`not a JavaScript or TypeScript source file (or a JSON config file such as config/config.json): ${path}`);
      }
      found.add(target);
    } else if (stats.isDirectory()) {
      const inherited = [...ancestorLevels(target), ...(patternLevel ? [patternLevel] : [])];
      const levels = isIgnored(inherited, target, true) ? [] : inherited;
      walk(target, levels, found);
    } else {
      throw new UsageError(`not a file or folder: ${path}`);
    }
  }
  return [...found].sort();
}

/** The nearest folder at or above `dir` holding a `.git` entry (the repository root), if any. */
export function findRepositoryRoot(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

function walk(dir: string, inherited: IgnoreLevel[], found: Set<string>): void {
  const own = readIgnoreFile(dir);
  const levels = own ? [...inherited, own] : inherited;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read folder ${dir}: ${describeFsError(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if ((DEFAULT_IGNORED_DIRECTORIES as readonly string[]).includes(entry.name)) continue;
      if (isIgnored(levels, path, true)) continue;
      walk(path, levels, found);
    } else if (entry.isFile() && isAuditedFile(path) && !isIgnored(levels, path, false)) {
      found.add(path);
    }
  }
}

/** The `.gitignore` files from the repository root down to `dir` (exclusive: `walk` reads dir's own). */
function ancestorLevels(dir: string): IgnoreLevel[] {
  const root = findRepositoryRoot(dir);
  if (!root) return [];
  const chain: string[] = [];
  for (let current = dirname(dir); ; current = dirname(current)) {
    if (isOutside(relative(root, current))) break;
    chain.unshift(current);
    if (current === root || dirname(current) === current) break;
  }
  return chain.map(readIgnoreFile).filter((level): level is IgnoreLevel => level !== undefined);
}

function readIgnoreFile(dir: string): IgnoreLevel | undefined {
  const file = join(dir, '.gitignore');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT' || (error as { code?: string }).code === 'ENOTDIR') {
      return undefined;
    }
    throw new InputError(`cannot read ${file}: ${describeFsError(error)}`);
  }
  return { dir, matcher: ignore({ ignorecase: IGNORE_CASE }).add(text) };
}

function createPatternLevel(cwd: string, patterns: string[]): IgnoreLevel | undefined {
  if (patterns.length === 0) return undefined;
  return { dir: resolve(cwd), matcher: ignore({ ignorecase: IGNORE_CASE }).add(patterns) };
}

/** Git's rule: the deepest level with a matching pattern decides (a `!pattern` re-includes). */
function isIgnored(levels: IgnoreLevel[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { dir, matcher } of levels) {
    const rel = relative(dir, path).split(sep).join('/');
    if (rel === '' || isOutside(rel)) continue;
    const result = matcher.test(isDirectory ? `${rel}/` : rel);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/** Whether a `relative()` result leaves its base folder. */
function isOutside(rel: string): boolean {
  return rel === '..' || rel.startsWith('../') || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function statOrThrow(target: string, shown: string): Stats {
  try {
    return statSync(target);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`no such file or folder: ${shown}`);
    throw new InputError(`cannot read ${shown}: ${describeFsError(error)}`);
  }
}
