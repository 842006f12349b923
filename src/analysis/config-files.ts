import { basename, dirname } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { catalog } from '../catalog';
import type { CatalogEntry, ConfigFileConvention } from '../catalog/types';
import { environmentKind } from '../policy/env-names';
import type { ObjectValue, Value } from '../policy/value';
import type { ExportedConfiguration } from './exports';
import type { ClientSite } from './file-analysis';

type Node = TSESTree.Node;

const CONVENTIONS: ReadonlyArray<{ entry: CatalogEntry; convention: ConfigFileConvention }> = catalog.flatMap((entry) =>
  (entry.configFiles ?? []).map((convention) => ({ entry, convention })),
);
const NAMES: ReadonlySet<string> = new Set(CONVENTIONS.map(({ convention }) => convention.name));

/** The tool whose config-file convention the file's name follows (`knexfile.ts`, `config/config.js`). */
export function configFileConvention(filename: string): { entry: CatalogEntry; convention: ConfigFileConvention } | undefined {
  const slash = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
  const base = filename.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const name = base.slice(0, dot);
  // Asked of every file linted: one lookup rules out almost all of them.
  if (dot <= 0 || !NAMES.has(name)) return undefined;
  const extension = base.slice(dot + 1);
  const dir = basename(dirname(filename));
  return CONVENTIONS.find(({ convention }) => convention.name === name && convention.extensions.includes(extension) && (convention.dir === undefined || convention.dir === dir));
}

/**
 * The options a tool's config file exports, one site per configuration: the exported object,
 * each element of an exported list, or each entry of a per-environment map.
 */
export function configFileSites(exports: () => readonly ExportedConfiguration[], filename: string): ClientSite[] {
  const match = configFileConvention(filename);
  if (!match) return [];
  const sites: ClientSite[] = [];
  for (const { value, name } of exports()) {
    // `module.exports.development = {...}` is one entry of the map.
    const configs = name !== undefined && environmentKind(name) !== undefined ? [value] : configurations(value, match.convention.layout);
    for (const options of configs) {
      if (options.kind === 'object') sites.push({ entry: match.entry, origin: 'config-file', node: options.node, args: [options], options });
    }
  }
  return sites;
}

/** The same for a JSON config file, whose document is the exported value. */
export function jsonConfigFileSites(document: Value<Node> | undefined, filename: string): ClientSite[] {
  const match = configFileConvention(filename);
  if (!match || !document) return [];
  return configurations(document, match.convention.layout).flatMap((options) =>
    options.kind === 'object' ? [{ entry: match.entry, origin: 'config-file' as const, node: options.node, args: [options], options }] : [],
  );
}

/** The configurations in an exported value by the convention's layout. */
function configurations(value: Value<Node>, layout: ConfigFileConvention['layout']): Value<Node>[] {
  if (value.kind === 'array') return value.elements;
  if (value.kind === 'conditional') return value.branches.flatMap((branch) => configurations(branch, layout));
  if (value.kind !== 'object') return [];
  const perEnvironment = isPerEnvironment(value);
  if (layout === 'per-environment' || (layout === 'either' && perEnvironment)) {
    return value.props.filter((p) => environmentKind(p.key) !== undefined).map((p) => p.value);
  }
  return [value];
}

/** `{ development: {...}, production: {...} }`: every key an environment name, every value an object. */
function isPerEnvironment(value: ObjectValue<Node>): boolean {
  return value.props.length > 0 && value.props.every((p) => environmentKind(p.key) !== undefined && p.value.kind === 'object');
}
