/**
 * Value-model builders for policy tests: nodes are plain strings (`'obj'`, `'prop:host'`,
 * `'env:DATABASE_URL'`), so an assertion can name the node a finding points at.
 */
import { entryById } from '../../src/catalog';
import type { CatalogEntry } from '../../src/catalog/types';
import type { ObjectValue, Value } from '../../src/policy/value';

export type V = Value<string>;

export const lit = (value: string | number, node = String(value)): V => ({ kind: 'literal', value, node });

export const obj = (props: Record<string, V>, open = false, node = 'obj'): ObjectValue<string> => ({
  kind: 'object',
  props: Object.entries(props).map(([key, value]) => ({ key, value, node: `prop:${key}` })),
  open,
  node,
});

export const arr = (...elements: V[]): V => ({ kind: 'array', elements, open: false, node: 'arr' });

export const env = (name: string, fallback?: V): V =>
  fallback ? { kind: 'env', name, source: 'process.env', fallback, node: `env:${name}` } : { kind: 'env', name, source: 'process.env', node: `env:${name}` };

export const template = (...parts: Array<string | V>): V => ({ kind: 'template', parts, node: 'tpl' });

export const unknown: V = { kind: 'unknown', node: 'unknown' };

/** A catalog entry by id; the id must exist. */
export const entry = (id: string): CatalogEntry => entryById(id)!;
