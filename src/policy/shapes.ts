/**
 * Recognising a library's options by their shape alone, in app configuration modules where no
 * client and no type is in sight (`module.exports = { db: { dialect: 'postgres', host } }`).
 * Each catalog entry's `shape` is data; this is the one place that reads it.
 */
import type { CatalogEntry, ShapeSignature } from '../catalog/types';
import { environmentKind } from './env-names';
import type { ObjectValue, Value } from './value';
import { lookup } from './value';

/** Where an object sits: the key or variable name that holds it (`redis`, `mailConfig`). */
export interface ShapeContext {
  name?: string;
}

/** Whether `object` has the shape `signature` describes (see `ShapeSignature`). */
export function matchesShape<N>(object: ObjectValue<N>, signature: ShapeSignature, context: ShapeContext): boolean {
  if (!signature.anyOf.some((path) => present(object, path))) return false;
  if (signature.allOf && !signature.allOf.every((path) => present(object, path))) return false;
  if (signature.discriminator) {
    const found = lookup(object, signature.discriminator.path);
    if (found.status !== 'present') return false;
    // `type: process.env.DB_TYPE || 'postgres'`: the default names the driver.
    const value = found.value.kind === 'env' ? found.value.fallback : found.value;
    if (value?.kind !== 'literal' || typeof value.value !== 'string') return false;
    return signature.discriminator.values.includes(value.value.toLowerCase());
  }
  if (signature.names && context.name !== undefined && namesMatch(context.name, signature.names)) return true;
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
  for (const pass of [true, false]) {
    for (const entry of entries) {
      const shape = entry.shape;
      if (shape && (shape.discriminator !== undefined) === pass && matchesShape(object, shape, context)) return entry;
    }
  }
  return undefined;
}

function present<N>(object: ObjectValue<N>, path: string): boolean {
  return lookup(object, path).status === 'present';
}

/**
 * `redisConfig`, `REDIS`, `redis_options`, `mailer` match `redis`/`mail`: the name split into
 * words (camelCase, `_`, `-`), one word equal to a signature name or starting with it.
 */
export function namesMatch(name: string, names: readonly string[]): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((word) => names.some((n) => word === n || (word.startsWith(n) && word.length - n.length <= 3)));
}

/**
 * The option objects in an exported configuration value and the entry whose shape each has:
 * the value itself and its properties' objects, down to `maxDepth` levels, not looking inside
 * an object once it matched. Per-environment maps (`{ development: {...}, production: {...} }`)
 * pass their entries on with the parent's name.
 */
export function shapedObjects<N>(
  value: Value<N>,
  name: string | undefined,
  entries: readonly CatalogEntry[],
  maxDepth = 3,
): Array<{ object: ObjectValue<N>; entry: CatalogEntry }> {
  if (value.kind === 'conditional') return value.branches.flatMap((branch) => shapedObjects(branch, name, entries, maxDepth));
  if (value.kind !== 'object') return [];
  const entry = entryForShape(value, entries, name === undefined ? {} : { name });
  if (entry) return [{ object: value, entry }];
  if (maxDepth === 0) return [];
  return value.props.flatMap((prop) => shapedObjects(prop.value, environmentKind(prop.key) !== undefined ? name : prop.key, entries, maxDepth - 1));
}

/** A test for the words some entry's shape needs (the last segment of each `anyOf` path). */
export function shapeWordsPattern(entries: readonly CatalogEntry[]): RegExp {
  const words = new Set(entries.flatMap((entry) => (entry.shape?.anyOf ?? []).map((path) => path.slice(path.lastIndexOf('.') + 1))));
  if (words.size === 0) return /(?!)/;
  return new RegExp(`\\b(?:${[...words].sort().join('|')})\\b`);
}
