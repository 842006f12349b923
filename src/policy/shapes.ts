/**
 * Recognising a library's options by their shape alone, in app configuration modules where no
 * client and no type is in sight (`module.exports = { db: { dialect: 'postgres', host } }`).
 * Each catalog entry's `shape` is data; this is the one place that reads it.
 */
import type { CatalogEntry, ShapeSignature } from '../catalog/types';
import { asEnvDefinition } from './env-defaults';
import { environmentKind } from './env-names';
import { memoizeByName } from './memo';
import { isTable } from './tables';
import { schemeRole } from './plaintext';
import { hasUrlScheme, parseServiceUrl } from './url';
import type { ObjectValue, Value } from './value';
import { lookup, textOf } from './value';

/**
 * Where an object sits: the names that hold it, nearest first: its key or variable name
 * (`providerOptions`), the keys above it (`email`), the export's name, the file's name.
 */
export interface ShapeContext {
  names: readonly string[];
}

/** Whether `object` has the shape `signature` describes (see `ShapeSignature`). */
export function matchesShape<N>(object: ObjectValue<N>, signature: ShapeSignature, context: ShapeContext): boolean {
  if (!signature.anyOf.some((path) => present(object, path))) return false;
  if (signature.allOf && !signature.allOf.every((path) => present(object, path))) return false;
  if (signature.discriminator) {
    const found = lookup(object, signature.discriminator.path);
    // `type: process.env.DB_TYPE || 'postgres'`: the default names the driver.
    const value = found.status === 'present' ? (found.value.kind === 'env' ? found.value.fallback : found.value) : undefined;
    // A literal driver decides (`dialect: 'sqlite'` is not a networked database); without one,
    // the other hints may still say whose options these are.
    if (value?.kind === 'literal' && typeof value.value === 'string') return signature.discriminator.values.includes(value.value.toLowerCase());
  }
  if (signature.names && context.names.some((name) => namesMatch(name, signature.names!))) return true;
  if (signature.markers?.some((path) => present(object, path))) return true;
  if (signature.ports) {
    const port = lookup(object, 'port');
    if (port.status === 'present' && port.value.kind === 'literal' && signature.ports.includes(Number(port.value.value))) return true;
  }
  return false;
}

/**
 * The entry whose shape `object` has, the first in catalog order. Entries with a discriminator
 * are tried first: `dialect: 'postgres'` says more than a `db` key.
 */
export function entryForShape<N>(object: ObjectValue<N>, entries: readonly CatalogEntry[], context: ShapeContext): CatalogEntry | undefined {
  // Only an entry one of whose `anyOf` paths starts at a key of the object can match: most
  // objects (a data table's rows) have none, and are ruled out by their keys alone.
  const byKey = anyOfIndex(entries);
  let candidates: Set<CatalogEntry> | undefined;
  for (const prop of object.props) {
    const found = byKey.get(prop.key);
    if (found) for (const entry of found) (candidates ??= new Set()).add(entry);
  }
  if (!candidates) return undefined;
  for (const pass of [true, false]) {
    for (const entry of entries) {
      const shape = entry.shape;
      if (shape && candidates.has(entry) && (shape.discriminator !== undefined) === pass && matchesShape(object, shape, context)) return entry;
    }
  }
  return undefined;
}

const anyOfIndexes = new WeakMap<readonly CatalogEntry[], Map<string, CatalogEntry[]>>();

/** The entries with a shape, by the first key of each of their `anyOf` paths. */
function anyOfIndex(entries: readonly CatalogEntry[]): Map<string, CatalogEntry[]> {
  let index = anyOfIndexes.get(entries);
  if (!index) {
    index = new Map();
    for (const entry of entries) {
      for (const path of entry.shape?.anyOf ?? []) {
        const key = path.split('.')[0]!;
        const list = index.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        index.set(key, list);
      }
    }
    anyOfIndexes.set(entries, index);
  }
  return index;
}

/** The first entry whose shape names the service a setting's name starts from (`mongoURI` → mongodb). */
export function entryNamedBy(name: string, entries: readonly CatalogEntry[]): CatalogEntry | undefined {
  return entries.find((entry) => entry.wraps === undefined && entry.shape?.names !== undefined && namesMatch(name, entry.shape.names));
}

function present<N>(object: ObjectValue<N>, path: string): boolean {
  return lookup(object, path).status === 'present';
}

/**
 * `redisConfig`, `REDIS`, `redis_options`, `mailer` match `redis`/`mail`: the name split into
 * words (camelCase, `_`, `-`), one word equal to a signature name or starting with it.
 */
export function namesMatch(name: string, names: readonly string[]): boolean {
  return nameWords(name).some((word) => names.some((n) => word === n || (word.startsWith(n) && word.length - n.length <= 3)));
}

const nameWords = memoizeByName((name: string): readonly string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean),
);

/** How far `shapedObjects` looks, and what it may take whole. */
export interface ShapeSearch<N> {
  maxDepth?: number;
  /** The property holding the value, where reports about a URL option go. */
  holder?: N;
  /** Whether a conditional's test reads the environment name (the analysis knows). */
  choosesByEnvironment?: (test: N) => boolean;
}

/**
 * The option objects in an exported configuration value and the entry whose shape each has:
 * the value itself, its properties' objects and list elements, down to `maxDepth` levels, not
 * looking inside an object once it matched. `names` are the names holding the value, nearest
 * first; each key below adds its own, except per-environment keys (`development`). A
 * service URL held by the configuration (`db: 'mongodb://...'`, or an environment read with
 * such a default) stands for the options of the library its scheme belongs to.
 */
export function shapedObjects<N>(
  value: Value<N>,
  names: readonly string[],
  entries: readonly CatalogEntry[],
  options: ShapeSearch<N> = {},
): Array<{ object: ObjectValue<N>; entry: CatalogEntry; url?: true }> {
  const { maxDepth = 3, holder, choosesByEnvironment } = options;
  if (value.kind === 'conditional') {
    // `uri: isProd ? process.env.MONGODB_URI : 'mongodb://localhost/dev'`: one URL option whose
    // value is the choice, so that the choice is seen as one.
    const whole = choosesByEnvironment?.(value.test) === true && value.branches.every(isStringLike);
    const chosenUrl = whole ? urlOptions(value, entries, holder ?? value.node) : undefined;
    if (chosenUrl) return [chosenUrl];
    return value.branches.flatMap((branch) => shapedObjects(branch, names, entries, options));
  }
  // A row of an option table (`['--db-url', 'DB_URL', 'postgres://...']`) is a definition, not a list.
  const definition = asEnvDefinition(value);
  if (value.kind === 'array' && !definition) return maxDepth === 0 ? [] : value.elements.flatMap((element) => shapedObjects(element, names, entries, { choosesByEnvironment, maxDepth: maxDepth - 1 }));
  const url = urlOptions(definition ?? value, entries, holder ?? value.node);
  if (url) return [url];
  if (value.kind !== 'object') return [];
  const entry = entryForShape(value, entries, { names });
  if (entry) return [{ object: value, entry }];
  if (maxDepth === 0) return [];
  const found = value.props.map((prop) =>
    shapedObjects(prop.value, environmentKind(prop.key) !== undefined ? names : [prop.key, ...names], entries, { choosesByEnvironment, maxDepth: maxDepth - 1, holder: prop.node }),
  );
  // One library's options under many keys (`{ gmail: {...}, outlook: {...} }`) are a list of providers.
  return isTable(found.map((shaped) => (shaped.length === 1 && !shaped[0]!.url ? [shaped[0]!.entry] : []))) ? [] : found.flat();
}

/**
 * A service URL (a literal, a template, or the literal default of an environment read) as the
 * options of the client library its scheme belongs to, at that library's URL option; `holder`
 * (the property that holds it) is where reports about the option go.
 */
function urlOptions<N>(value: Value<N>, entries: readonly CatalogEntry[], holder: N): { object: ObjectValue<N>; entry: CatalogEntry; url: true } | undefined {
  // Of a choice between URLs and environment reads, every URL must name the same library.
  const schemes = new Set((value.kind === 'conditional' ? value.branches : [value]).flatMap((branch) => {
    const text = textOf(branch.kind === 'env' ? branch.fallback : branch);
    return text !== undefined && hasUrlScheme(text) ? [parseServiceUrl(text)?.scheme] : [];
  }));
  const [scheme] = schemes;
  if (schemes.size !== 1 || scheme === undefined || scheme === 'http' || scheme === 'https') return undefined;
  const entry = entries.find((e) => e.wraps === undefined && schemeRole(e, scheme) !== undefined && (e.location.urlPaths.length > 0 || e.location.listPaths.length > 0));
  if (!entry) return undefined;
  const key = entry.location.urlPaths[0] ?? entry.location.listPaths[0]!;
  return { entry, url: true, object: { kind: 'object', props: [{ key, value, node: holder }], open: false, node: holder } };
}

/** A value a URL option can hold: a string, a template, an environment read, or an unknown. */
function isStringLike<N>(value: Value<N>): boolean {
  return value.kind === 'env' || value.kind === 'template' || value.kind === 'unknown' || (value.kind === 'literal' && typeof value.value === 'string');
}

/** The keys some entry's shape needs: the last segment of each `anyOf` path. */
export function shapeKeyWords(entries: readonly CatalogEntry[]): string[] {
  return [...new Set(entries.flatMap((entry) => (entry.shape?.anyOf ?? []).map((path) => path.slice(path.lastIndexOf('.') + 1))))].sort();
}

/**
 * Where one of `words` is written as an object's key (`host:`, `"password":`), a shorthand
 * property (`{ host, port }`) or a getter (`get host() {`), as regular-expression source: the
 * words alone are in most library code (`host`, `url`, `user` in comments and parameters). A key
 * is found at its colon, looking back for the word: colons are rarer than the words' first
 * letters. `extra` adds words that count only as keys (`env`) and more patterns to try after a
 * colon, so that a caller's own tests share the one stop at each colon.
 */
export function shapeKeyPattern(words: readonly string[], extra: { keys?: readonly string[]; afterColon?: readonly string[] } = {}): string {
  const alternation = `(?:${words.join('|')})`;
  const keys = `(?:${[...words, ...(extra.keys ?? [])].join('|')})`;
  const colon = [`(?!:)(?<=\\b${keys}['"]?\\s*:)`, ...(extra.afterColon ?? [])].join('|');
  return `:(?:${colon})|[{,]\\s*${alternation}\\s*[,}]|\\bget\\s+${alternation}\\s*\\(`;
}

/** A test for the keys some entry's shape needs (see `shapeKeyPattern`). */
export function shapeKeysTest(entries: readonly CatalogEntry[]): (text: string) => boolean {
  const words = shapeKeyWords(entries);
  if (words.length === 0) return () => false;
  const key = new RegExp(shapeKeyPattern(words));
  return (text) => key.test(text);
}
