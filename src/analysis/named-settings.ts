import type { TSESTree } from '@typescript-eslint/utils';
import { isServiceLocationEnvName, isServiceSecretEnvName, isServiceTlsEnvName, serviceOfUserEnvName } from '../policy/env-names';
import { asEnvDefinition, jsonSchemaDefinitions } from '../policy/env-defaults';
import { isTable } from '../policy/tables';
import type { EnvValue, ObjectValue, Value } from '../policy/value';
import type { ExportedConfiguration } from './exports';

type Node = TSESTree.Node;

/** A literal setting of exported configuration, under the name that says what it is. */
export interface NamedSetting {
  /** `REDIS_HOST` for `{ redis_host }` or `{ redis: { host } }`. */
  name: string;
  value: Value<Node>;
}

/**
 * Option definitions of exported configuration (`{ env: 'X', default: 'y' }`) as the
 * environment reads they stand for.
 */
export function definitionReads(exports: readonly ExportedConfiguration[]): Array<{ name: string; node: Node; value: EnvValue<Node> }> {
  const found: Array<{ name: string; node: Node; value: EnvValue<Node> }> = [];
  const visit = (value: Value<Node>, depth: number): void => {
    if (depth > 4 || (value.kind !== 'object' && value.kind !== 'array')) return;
    for (const read of jsonSchemaDefinitions(value)) found.push({ name: read.name!, node: read.node, value: read });
    const read = asEnvDefinition(value);
    if (read) {
      found.push({ name: read.name!, node: read.node, value: read });
      return;
    }
    // An option table is a list of definitions (`[['--db-url', 'DB_URL', '...'], ...]`).
    if (value.kind === 'array') for (const element of value.elements) visit(element, depth + 1);
    else for (const prop of value.props) visit(prop.value, depth + 1);
  };
  for (const { value } of exports) visit(value, 0);
  return found;
}

/**
 * The literal settings of exported configuration whose key says they locate, log in to or
 * unlock a backing service: `redis_host: '127.0.0.1'`, `DB_PASSWORD: 'x'`, and generic keys
 * under a key that names the service (`ldap: { server, admindn, adminpw }`,
 * `mail: { host, user, pass }`). An object also judged as a client's options may hold such
 * keys besides the library's own; the rules report each node once.
 */
export function namedSettings(exports: readonly ExportedConfiguration[]): NamedSetting[] {
  const found: NamedSetting[] = [];
  const visit = (value: Value<Node>, holder: string | undefined, depth: number): void => {
    if (depth > 4 || value.kind !== 'object' || asEnvDefinition(value)) return;
    // `{ gmail: { host }, outlook: { host }, ... }`: a list of providers, not settings.
    const table = isTable(value.props.map((prop) => (prop.value.kind === 'object' ? settingKeys(prop.value, prop.key) : [])));
    for (const prop of value.props) {
      if (prop.value.kind === 'object') {
        if (!table) visit(prop.value, prop.key, depth + 1);
        continue;
      }
      const literal = prop.value.kind === 'literal' || prop.value.kind === 'template';
      // `{ NO_CACHED_ACCESS_TOKEN: '2' }`: one character is an enumeration's code, not a setting.
      if (!literal || (prop.value.kind === 'literal' && String(prop.value.value).length <= 1)) continue;
      const name = [prop.key, holder === undefined ? undefined : `${holder}_${prop.key}`].find((n) => n !== undefined && namesSetting(n));
      if (name !== undefined) found.push({ name, value: prop.value });
    }
  };
  for (const { value, name } of exports) visit(value, name, 0);
  return found;
}

/**
 * TLS settings of exported configuration named for a service (`export const DB_SSL =
 * isProduction ? { rejectUnauthorized: false } : undefined`, `{ redis: { tls: {...} } }`),
 * whatever their value: another module hands them to its client as they are.
 */
export function namedTlsSettings(exports: readonly ExportedConfiguration[]): NamedSetting[] {
  const found: NamedSetting[] = [];
  const visit = (value: Value<Node>, holder: string | undefined, depth: number): void => {
    if (depth > 2 || value.kind !== 'object' || asEnvDefinition(value)) return;
    for (const prop of value.props) {
      // The key itself must say SSL or TLS: most keys of exported data tables are ruled out here.
      if (!TLS_WORD.test(prop.key)) {
        visit(prop.value, prop.key, depth + 1);
        continue;
      }
      // `redis.tls` as it is written, which names the setting as well as `REDIS_TLS`.
      const name = [prop.key, holder === undefined ? undefined : `${holder}.${prop.key}`].find((n) => n !== undefined && isServiceTlsEnvName(n));
      if (name !== undefined) found.push({ name, value: prop.value });
      else visit(prop.value, prop.key, depth + 1);
    }
  };
  for (const { value, name } of exports) {
    if (name !== undefined && isServiceTlsEnvName(name)) found.push({ name, value });
    else visit(value, name, 0);
  }
  return found;
}

const TLS_WORD = /ssl|tls/i;

/** The keys of an object's literal values that name a setting (under `holder`, its key). */
function settingKeys(object: ObjectValue<Node>, holder: string): string[] {
  return object.props.filter((prop) => (prop.value.kind === 'literal' || prop.value.kind === 'template') && (namesSetting(prop.key) || namesSetting(`${holder}_${prop.key}`))).map((prop) => prop.key);
}

function namesSetting(name: string): boolean {
  return isServiceLocationEnvName(name) || isServiceSecretEnvName(name) || serviceOfUserEnvName(name) !== undefined;
}

/**
 * Keys of exported configuration that name where a backing service is, whatever their value
 * (`{ mongoURI: process.env.MONGO_URI }`): what a configuration module read for another file's
 * choice configures when no option shape is in it.
 */
export function serviceLocationKeys(exports: ReadonlyArray<{ value: Value<Node> }>): string[] {
  return exports.flatMap(({ value }) => serviceLocationValues(value).props.map((prop) => prop.key));
}

/** What a configuration holds under keys that name a service's location, down to three levels, as one object (to compare two). */
export function serviceLocationValues(value: Value<Node>): ObjectValue<Node> {
  const props: Array<{ key: string; value: Value<Node>; node: Node }> = [];
  const visit = (current: Value<Node>, depth: number): void => {
    if (depth > 3 || current.kind !== 'object') return;
    for (const prop of current.props) {
      if (isServiceLocationEnvName(prop.key)) props.push(prop);
      visit(prop.value, depth + 1);
    }
  };
  visit(value, 0);
  return { kind: 'object', props, open: false, node: value.node };
}
