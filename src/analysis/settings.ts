import { dirname, isAbsolute, resolve } from 'node:path';
import { entryById, entryForModule } from '../catalog';
import { isRelativeSpecifier } from './ast';
import type { CatalogEntry } from '../catalog/types';

/** What `settings['backing-services']` may hold, validated once per settings object. */
export interface PluginSettings {
  /** Package specifiers (`'ldapjs-hotfix'`) mapped to the catalog entry whose API they expose. */
  readonly packages: ReadonlyMap<string, CatalogEntry>;
  /** Relative modules (`'./lib/db'`), as absolute paths without extension, mapped likewise. */
  readonly files: ReadonlyMap<string, CatalogEntry>;
  /** Text each mapped module leaves in an importing file: the package name, or a relative module's last segment. */
  readonly mentions: readonly string[];
}

export const SETTINGS_KEY = 'backing-services';

const NO_SETTINGS: PluginSettings = { packages: new Map(), files: new Map(), mentions: [] };

/** A mistake in `settings['backing-services']`, reported with what to write instead. */
export class SettingsError extends Error {
  constructor(detail: string) {
    super(`Invalid settings['${SETTINGS_KEY}']: ${detail}`);
    this.name = 'SettingsError';
    // ESLint prints what a rule throws with its stack; a settings mistake is the user's to fix,
    // not a crash to debug, so the stack is the message alone (with what ESLint adds to it).
    Object.defineProperty(this, 'stack', { get: () => `${this.name}: ${this.message}`, configurable: true });
  }
}

// Settings objects are shared by every file a config applies to: validate each once.
const cache = new WeakMap<object, Map<string, PluginSettings>>();

/**
 * The plugin's settings from ESLint's shared `settings`, validated. Relative module keys are
 * resolved against `cwd` (where the config is). Throws a `SettingsError` naming the bad key.
 */
export function readSettings(settings: unknown, cwd: string): PluginSettings {
  if (!settings || typeof settings !== 'object') return NO_SETTINGS;
  const own = (settings as Record<string, unknown>)[SETTINGS_KEY];
  if (own === undefined) return NO_SETTINGS;
  if (!own || typeof own !== 'object' || Array.isArray(own)) throw new SettingsError('expected an object such as `{ modules: { "ldapjs-hotfix": "ldapjs" } }`.');
  let byCwd = cache.get(own);
  const cached = byCwd?.get(cwd);
  if (cached) return cached;
  const parsed = parse(own as Record<string, unknown>, cwd);
  if (!byCwd) cache.set(own, (byCwd = new Map()));
  byCwd.set(cwd, parsed);
  return parsed;
}

function parse(own: Record<string, unknown>, cwd: string): PluginSettings {
  for (const key of Object.keys(own)) {
    if (key !== 'modules') throw new SettingsError(`unknown key \`${key}\`; the only key is \`modules\`.`);
  }
  const modules = own.modules;
  if (modules === undefined) return NO_SETTINGS;
  if (!modules || typeof modules !== 'object' || Array.isArray(modules)) {
    throw new SettingsError('`modules` must map module specifiers to catalog libraries, such as `{ "./lib/db": "pg" }`.');
  }
  const packages = new Map<string, CatalogEntry>();
  const files = new Map<string, CatalogEntry>();
  const mentions: string[] = [];
  for (const [specifier, target] of Object.entries(modules as Record<string, unknown>)) {
    if (typeof target !== 'string') throw new SettingsError(`\`modules["${specifier}"]\` must be a catalog library name such as "pg".`);
    const entry = entryById(target) ?? entryForModule(target);
    if (!entry) throw new SettingsError(`\`modules["${specifier}"]\`: "${target}" is not a library the plugin knows (see docs/clients.md for the list).`);
    if (specifier.trim() === '') throw new SettingsError('`modules` has an empty module specifier.');
    if (isRelativeSpecifier(specifier)) {
      files.set(withoutExtension(resolve(cwd, specifier)), entry);
      mentions.push(lastSegment(specifier));
    } else {
      packages.set(specifier, entry);
      mentions.push(specifier);
    }
  }
  return { packages, files, mentions };
}

/**
 * The catalog entry an import specifier resolves to in the file `filename` (relative names are
 * under `cwd`): a mapped package or relative module first, then the catalog's own module names.
 */
export function entryForSpecifier(settings: PluginSettings, specifier: string, filename: string, cwd: string): CatalogEntry | undefined {
  return mappedEntry(settings, specifier, filename, cwd) ?? entryForModule(specifier);
}

/** The catalog entry the settings map an import specifier of `filename` to, if they do. */
export function mappedEntry(settings: PluginSettings, specifier: string, filename: string, cwd: string): CatalogEntry | undefined {
  if (settings.packages.size > 0) {
    const mapped = settings.packages.get(specifier);
    if (mapped) return mapped;
  }
  if (settings.files.size > 0 && isRelativeSpecifier(specifier)) {
    const target = withoutExtension(resolve(dirname(isAbsolute(filename) ? filename : resolve(cwd, filename)), specifier));
    return settings.files.get(target) ?? settings.files.get(target.replace(/[\\/]index$/, ''));
  }
  return undefined;
}

/** Whether `text` can import one of the mapped modules (a quote before its name or last segment). */
export function mentionsMappedModule(settings: PluginSettings, text: string): boolean {
  return settings.mentions.some((name) => text.includes(`'${name}`) || text.includes(`"${name}`) || text.includes(`/${name}`) || text.includes(`\`${name}`));
}

function withoutExtension(path: string): string {
  return path.replace(/\.(?:[cm]?[jt]sx?)$/, '');
}

function lastSegment(specifier: string): string {
  const parts = withoutExtension(specifier).split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts[parts.length - 1] ?? specifier;
}
