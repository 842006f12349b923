/**
 * Literal defaults of environment reads anywhere in a file, and literal settings of exported
 * configuration, judged by their name: `process.env.REDIS_HOST || 'cache.internal'` and
 * `{ redis_host: '127.0.0.1' }` are hard-coded locations, `process.env.DB_PASSWORD || 'secret'`
 * and `{ mail: { pass: 'secret' } }` hard-coded credentials, `process.env.DB_USER || 'root'` a
 * privileged account, whether or not a client is in sight (config modules hand them to clients
 * elsewhere). Loopback environment defaults are `no-local-service-fallback`'s.
 */
import { LDAP_ACCOUNTS, MONGODB_ACCOUNTS, MYSQL_ACCOUNTS, POSTGRES_ACCOUNTS, REDIS_ACCOUNTS, SQL_ACCOUNTS, SQLSERVER_ACCOUNTS } from '../catalog/accounts';
import { privilegedAccount } from './accounts';
import { catalog } from '../catalog';
import { isAttachedResource } from './environment';
import { isServiceLocationEnvName, isServiceSecretEnvName, namesOnlyMail, serviceOfUserEnvName } from './env-names';
import { serviceSchemes } from './plaintext';
import { hasUrlScheme, parseServiceUrl } from './url';
import { describeLocation, isLoopbackLocation, parseLocation, type LocationHost } from './location';
import { isPlaceholderSecret } from './secrets';
import type { ArrayValue, EnvValue, ObjectValue, Value } from './value';
import { getProperty, isLiteral, textOf } from './value';

/** Accounts privileged on the service a variable's name says (`DB`, `MONGO`, `RABBITMQ`). */
const ACCOUNTS_BY_SERVICE: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...words(['DB', 'DATABASE', 'SQL'], SQL_ACCOUNTS),
  ...words(['PG', 'POSTGRES', 'POSTGRESQL', 'PSQL'], POSTGRES_ACCOUNTS),
  ...words(['MYSQL', 'MARIADB', 'MARIA'], MYSQL_ACCOUNTS),
  ...words(['MSSQL', 'SQLSERVER'], SQLSERVER_ACCOUNTS),
  ...words(['MONGO', 'MONGODB'], MONGODB_ACCOUNTS),
  ...words(['REDIS', 'CACHE', 'KV', 'VALKEY'], REDIS_ACCOUNTS),
  ...words(['AMQP', 'RABBIT', 'RABBITMQ', 'MQ', 'BROKER'], ['guest']),
  ...words(['ELASTIC', 'ELASTICSEARCH', 'ES'], ['elastic']),
  ...words(['LDAP'], LDAP_ACCOUNTS),
]);

function words(names: readonly string[], accounts: readonly string[]): Array<[string, readonly string[]]> {
  return names.map((name) => [name, accounts]);
}

/**
 * An option definition that names its environment variable and its default, as the
 * environment read it stands for: convict's and many CLIs' schema object (`{ env: 'DATABASE_URI',
 * help: '...', default: 'mongodb://localhost/app' }`), or a row of a CLI option table that
 * starts with the flag (`['--ldap-url', 'LDAP_URL', 'ldap://localhost', 'string']`); a
 * one-element list default (a plural option's) stands for its element.
 */
export function asEnvDefinition<N>(value: Value<N>): EnvValue<N> | undefined {
  const definition = value.kind === 'object' ? objectDefinition(value) : value.kind === 'array' ? tableRow(value) : undefined;
  if (!definition) return undefined;
  const { name, fallback } = definition;
  const single = fallback.kind === 'array' && fallback.elements.length === 1 && !fallback.open ? fallback.elements[0]! : fallback;
  return { kind: 'env', name, source: 'convict', fallback: single, fallbackNode: single.node, node: single.node };
}

/**
 * `{ type: 'object', properties: { RABBITMQ_URI: { type: 'string', default: '...' } } }`: a JSON
 * Schema of the environment (fastify's env-schema, @fastify/env), each variable's default read
 * as an option definition's.
 */
export function jsonSchemaDefinitions<N>(schema: Value<N>): EnvValue<N>[] {
  const properties = schema.kind === 'object' && isLiteral(getProperty(schema, 'type')?.value, 'object') ? getProperty(schema, 'properties')?.value : undefined;
  if (properties?.kind !== 'object') return [];
  return properties.props.flatMap((prop): EnvValue<N>[] => {
    const fallback = prop.value.kind === 'object' && ENV_NAME.test(prop.key) && getProperty(prop.value, 'type') ? getProperty(prop.value, 'default')?.value : undefined;
    return fallback ? [{ kind: 'env', name: prop.key, source: 'convict', fallback, fallbackNode: fallback.node, node: fallback.node }] : [];
  });
}

const ENV_NAME = /^[A-Z][A-Z0-9_]+$/;
const CLI_FLAG = /^--[a-z0-9][a-z0-9-]*$/;

function objectDefinition<N>(value: ObjectValue<N>): { name: string; fallback: Value<N> } | undefined {
  const env = getProperty(value, 'env');
  const fallback = getProperty(value, 'default');
  const name = env?.value.kind === 'literal' ? env.value.value : undefined;
  return typeof name === 'string' && ENV_NAME.test(name) && fallback ? { name, fallback: fallback.value } : undefined;
}

/** `['--flag', 'ENV_NAME', default, ...]`. */
function tableRow<N>(value: ArrayValue<N>): { name: string; fallback: Value<N> } | undefined {
  const [flag, env, fallback] = value.elements;
  const flagText = flag && textOf(flag);
  const name = env && textOf(env);
  return flagText !== undefined && CLI_FLAG.test(flagText) && name !== undefined && ENV_NAME.test(name) && fallback ? { name, fallback } : undefined;
}

export interface EnvDefaultFinding<N> {
  node: N;
  /** For a location: how it reads (`host`, `URL`) and its first host. */
  what?: string;
  host?: string;
  /** For an account: the privileged name. */
  account?: string;
}

/**
 * Schemes of attached resources (not the web's, not WebSockets'): a default `nats://...` says the
 * variable locates a backing service.
 */
const SERVICE_SCHEMES: ReadonlySet<string> = new Set(serviceSchemes(catalog.filter(isAttachedResource)).filter((s) => s !== 'http' && s !== 'https'));

/**
 * Whether an environment read locates a backing service: its name says so (`REDIS_HOST`), or
 * its literal default is a service URL (`process.env.CLUSTER_URL || 'nats://localhost:4222'`).
 */
export function isServiceLocationRead<N>(name: string, fallback: Value<N> | undefined): boolean {
  const text = fallback && textOf(fallback);
  if (isServiceLocationEnvName(name)) return !(text !== undefined && /^https?:\/\//i.test(text) && namesOnlyMail(name));
  if (text === undefined || !hasUrlScheme(text)) return false;
  const scheme = parseServiceUrl(text)?.scheme;
  return scheme !== undefined && SERVICE_SCHEMES.has(scheme);
}

/**
 * A literal location as the default of a service-location variable (not a loopback one: that
 * is a local fallback), or as a service-location setting in configuration (any host: a local
 * one written there is as hard-coded). `urlHost`: the read is the host part of a service URL
 * built around it, so its name need not say so.
 */
export function locationDefault<N>(name: string, fallback: Value<N> | undefined, { setting = false, urlHost = false }: { setting?: boolean; urlHost?: boolean } = {}): EnvDefaultFinding<N> | undefined {
  if (!fallback || (!urlHost && !isServiceLocationRead(name, fallback))) return undefined;
  const text = textOf(fallback);
  // node-config's `custom-environment-variables` maps a setting to a variable's name (`db_host:
  // 'PGHOST'`): a name, not a host.
  if (text === undefined || (ENV_NAME.test(text) && isServiceLocationEnvName(text))) return undefined;
  const parsed = parseLocation(text, 'host');
  if (!parsed || (!setting && isLoopbackLocation(parsed))) return undefined;
  const host: LocationHost = parsed.hosts[0]!;
  return { node: fallback.node, what: describeLocation({ format: parsed.format, slot: 'host', inList: false }), host: host.host };
}

/** A literal, non-placeholder default of a service-secret variable (never the value itself). */
export function secretDefault<N>(name: string, fallback: Value<N> | undefined): EnvDefaultFinding<N> | undefined {
  if (!fallback || fallback.kind !== 'literal' || typeof fallback.value !== 'string' || !isServiceSecretEnvName(name)) return undefined;
  return isPlaceholderSecret(fallback.value) ? undefined : { node: fallback.node };
}

/** A privileged account as the default of a service-user variable. */
export function accountDefault<N>(name: string, fallback: Value<N> | undefined, allow: readonly string[] = []): EnvDefaultFinding<N> | undefined {
  const service = serviceOfUserEnvName(name);
  if (!fallback || service === undefined || fallback.kind !== 'literal' || typeof fallback.value !== 'string') return undefined;
  const account = privilegedAccount(fallback.value, ACCOUNTS_BY_SERVICE.get(service) ?? []);
  return account === undefined || allow.includes(account) ? undefined : { node: fallback.node, account };
}
