/**
 * Where a client's configuration names its service: literal hosts, IPs, URLs, connection
 * strings and host lists found at the catalog's location paths, with the host class of each.
 *
 * Shared by `no-hardcoded-service-location` (any literal location), `no-local-service-fallback`
 * (loopback defaults of environment reads) and the credential and account rules (URL userinfo
 * lives in the same values). Pure: no AST types, only the value model and catalog entries.
 */
import type { CatalogEntry } from '../catalog/types';
import { looksLikeAdoConnectionString, parseAdoConnectionString } from './connection-string';
import { classifyHost, parseHostPort, looksLikeHost, withoutServiceName, type HostClass } from './host';
import { isPlaceholderSecret } from './secrets';
import { hasUrlScheme, parseServiceUrl, type ServiceUrl } from './url';
import type { EnvValue, ObjectValue, Value } from './value';
import { HOLE, getProperty, lookup, textOf } from './value';

/** Which kind of catalog location path a value was found at. */
export type LocationSlot = 'url' | 'host' | 'list';

export type LocationFormat = 'url' | 'host' | 'connection-string';

export interface LocationHost {
  /** As written (IPv6 without brackets); never a template hole. */
  host: string;
  port?: number;
  hostClass: Exclude<HostClass, 'dynamic'>;
}

/** A string-like value reached from one of the catalog's location paths. */
export interface LocationValue<N> {
  /** The catalog option path (`host`, `connectionString`, `brokers`, `connection.host`). */
  path: string;
  slot: LocationSlot;
  /** The literal or template holding the text. */
  value: Value<N>;
  /** Where a report goes: the value's node (the property node for a host-map key). */
  node: N;
  /** The text with unknown parts as `HOLE`. */
  text: string;
  /** Set when the value is the literal default of an environment read. */
  envFallback?: EnvValue<N>;
  /** The value is the option's own value: not a branch, a list element or a default. */
  direct: boolean;
  /** A list element (or a key of a host map). */
  inList: boolean;
  /** The list (array or host map) an element belongs to: one report per list. */
  list?: N;
}

/** A location value whose text names at least one static (non-template) host. */
export interface ServiceLocation<N> extends LocationValue<N> {
  format: LocationFormat;
  /** Static hosts only; a location with only dynamic hosts is never returned. */
  hosts: LocationHost[];
  /** Parsed URL when `format` is `'url'` (for userinfo). */
  url?: ServiceUrl;
}

/** Schemes that name a file or memory store rather than a network location. */
const NON_NETWORK_SCHEMES = new Set(['sqlite', 'sqlite3', 'file', 'memory', 'unix', 'redis+unix', 'jdbc', 'data', 'blob']);

/** Option keys that name a multi-driver library's driver (`client`, `dialect`, `type`). */
const DRIVER_KEYS = new Set(['client', 'dialect', 'type', 'driver']);

/** Drivers of databases kept in a file or in memory: a `host` beside them reaches nothing. */
const FILE_DATABASE_DRIVERS = new Set(['sqlite', 'sqlite3', 'better-sqlite3', 'sqljs', 'sql.js', 'capacitor', 'cordova', 'expo', 'nativescript', 'react-native']);

/**
 * Whether option `key: value` names a file-backed driver (`client: 'sqlite'`): Strapi's and
 * sequelize's templates keep `host` and `username` defaults beside it that no server receives.
 */
export function namesFileDatabase(key: string, value: unknown): boolean {
  return DRIVER_KEYS.has(key) && typeof value === 'string' && FILE_DATABASE_DRIVERS.has(value.toLowerCase());
}

/** Keys of list-element objects that hold a host or URL (`{ host, port }`, `{ url }`). */
const ELEMENT_HOST_KEYS: ReadonlyArray<[string, LocationSlot]> = [
  ['host', 'host'],
  ['hostname', 'host'],
  ['url', 'url'],
];

function excluded(entry: CatalogEntry, path: string): boolean {
  return (entry.location.notLocations ?? []).some((n) => path === n || path.startsWith(`${n}.`));
}

interface Expanded<N> {
  value: Value<N>;
  direct: boolean;
  envFallback?: EnvValue<N>;
}

/**
 * Each concrete value an option can take: both branches of a conditional, and the literal
 * default of an environment read (`process.env.X || 'db.internal'`). Unknown values are kept
 * so callers can see them, but they never parse as locations.
 */
export function* expandValue<N>(value: Value<N>, direct = true, envFallback?: EnvValue<N>): Generator<Expanded<N>> {
  if (value.kind === 'conditional') {
    for (const branch of value.branches) yield* expandValue(branch, false, envFallback);
    return;
  }
  if (value.kind === 'env') {
    if (value.fallback) yield* expandValue(value.fallback, false, value);
    return;
  }
  yield envFallback ? { value, direct, envFallback } : { value, direct };
}

/**
 * Every string-like value at the entry's location paths (`urlPaths`, `hostPaths`, `listPaths`,
 * minus `notLocations`), through conditionals, environment defaults, arrays and list-element
 * objects. Values that are not string-like (numbers, unknown) are skipped.
 */
export function locationValues<N>(entry: CatalogEntry, options: ObjectValue<N>): LocationValue<N>[] {
  const out: LocationValue<N>[] = [];
  const push = (path: string, slot: LocationSlot, e: Expanded<N>, inList: boolean, list?: N): void => {
    const text = textOf(e.value);
    if (text === undefined) return;
    const item: LocationValue<N> = { path, slot, value: e.value, node: e.value.node, text, direct: e.direct && !inList, inList };
    if (e.envFallback) item.envFallback = e.envFallback;
    if (list !== undefined) item.list = list;
    out.push(item);
  };
  const visit = (path: string, slot: LocationSlot, value: Value<N>, inList: boolean, direct: boolean, envFallback?: EnvValue<N>, list?: N): void => {
    for (const e of expandValue(value, direct, envFallback)) {
      const v = e.value;
      if (slot === 'list' && v.kind === 'array') {
        for (const element of v.elements) visit(path, 'list', element, true, false, e.envFallback, v.node);
      } else if (slot === 'list' && v.kind === 'object') {
        visitElementObject(path, v, e.envFallback, list);
      } else push(path, slot, e, inList, list);
    }
  };
  const visitElementObject = (path: string, object: ObjectValue<N>, envFallback?: EnvValue<N>, list?: N): void => {
    let hadKey = false;
    for (const [key, slot] of ELEMENT_HOST_KEYS) {
      const prop = getProperty(object, key);
      if (!prop) continue;
      hadKey = true;
      visit(path, slot, prop.value, true, false, envFallback, list);
    }
    // memcached's `{ 'host:port': weight }` map: every key a host with a port.
    if (hadKey || object.open || object.props.length === 0) return;
    const keys = object.props.map((p) => parseHostPort(p.key));
    if (!keys.every((k) => k?.port !== undefined)) return;
    for (const prop of object.props) {
      const item: LocationValue<N> = {
        path,
        slot: 'host',
        value: { kind: 'literal', value: prop.key, node: prop.node },
        node: prop.node,
        text: prop.key,
        direct: false,
        inList: true,
        list: object.node,
      };
      if (envFallback) item.envFallback = envFallback;
      out.push(item);
    }
  };
  const { location } = entry;
  const groups: Array<[readonly string[], LocationSlot]> = [
    [location.urlPaths, 'url'],
    [location.hostPaths, 'host'],
    [location.listPaths, 'list'],
  ];
  for (const [paths, slot] of groups) {
    for (const path of paths) {
      if (excluded(entry, path)) continue;
      const found = lookup(options, path);
      if (found.status !== 'present') continue;
      visit(path, slot, found.value, false, true);
    }
  }
  return dedupeByNode(out);
}

function dedupeByNode<N>(values: LocationValue<N>[]): LocationValue<N>[] {
  const seen = new Set<N>();
  return values.filter((v) => {
    if (seen.has(v.node)) return false;
    seen.add(v.node);
    return true;
  });
}

/** Words that stand for a host in usage text and documentation (`postgres://user:pass@host:port/db`). */
const PLACEHOLDER_HOSTS = new Set(['host', 'hostname', 'server', 'servername', 'your-host', 'yourhost', 'dbhost', 'db-host', 'db_host']);

/**
 * `host`, `your-db-host`, and what `isPlaceholderSecret` calls a placeholder when it could not
 * be a host name anyway (`<host>`, `YOUR_DB_HOST`, `${DB_HOST}`, `***`); a host-shaped mask
 * such as `x` stays a host.
 */
function isPlaceholderHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (PLACEHOLDER_HOSTS.has(lower) || /^your[-_.]/.test(lower)) return true;
  return isPlaceholderSecret(host) && !/^[a-z0-9.-]+$/.test(lower);
}

/**
 * A static host to report: not a template hole, not empty (library default), not a socket
 * path, not a placeholder (`host`, `<host>`, `YOUR_DB_HOST`, `${DB_HOST}`).
 */
function staticHost(host: string, port?: number): LocationHost | undefined {
  if (host.includes(HOLE)) return undefined;
  const trimmed = host.trim();
  if (trimmed === '' || trimmed.startsWith('/')) return undefined;
  if (isPlaceholderHost(trimmed)) return undefined;
  const hostClass = classifyHost(trimmed);
  if (hostClass === 'dynamic') return undefined;
  return port === undefined ? { host: trimmed, hostClass } : { host: trimmed, port, hostClass };
}

function hostFromText(text: string, allowSingleLabel: boolean): LocationHost | undefined {
  let t = text.trim();
  // SQL Server: `tcp:host`, `host\INSTANCE`, `host,1433`.
  if (/^tcp:/i.test(t)) t = t.slice(4);
  const backslash = t.indexOf('\\');
  if (backslash > 0) t = t.slice(0, backslash);
  const comma = t.indexOf(',');
  if (comma > 0 && /^\d+$/.test(t.slice(comma + 1).trim())) t = t.slice(0, comma);
  t = withoutServiceName(t);
  if (!looksLikeHost(t, { allowSingleLabel })) return undefined;
  const parsed = parseHostPort(t);
  return parsed ? staticHost(parsed.host, parsed.port) : undefined;
}

/**
 * Parses a location text as found in a slot: URLs (`scheme://...`, network schemes only) in any
 * slot, ADO connection strings in URL slots, and bare hosts or `host:port` in host and list
 * slots (single labels such as Compose service names allowed). A list-slot string may be a
 * comma-separated list. Undefined when no static host is named.
 */
export function parseLocation(text: string, slot: LocationSlot): { format: LocationFormat; hosts: LocationHost[]; url?: ServiceUrl } | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 4096) return undefined;
  if (slot !== 'list' && hasUrlScheme(text.trimStart())) {
    const url = parseServiceUrl(text.trim());
    if (!url || NON_NETWORK_SCHEMES.has(url.scheme)) return undefined;
    const hosts = url.hosts.map((h) => staticHost(h.host, h.port)).filter((h): h is LocationHost => h !== undefined);
    return hosts.length > 0 ? { format: 'url', hosts, url } : undefined;
  }
  if (slot === 'url') {
    if (!looksLikeAdoConnectionString(text)) return undefined;
    const ado = parseAdoConnectionString(text);
    const host = ado?.host !== undefined ? staticHost(ado.host, ado.port) : undefined;
    return host ? { format: 'connection-string', hosts: [host] } : undefined;
  }
  // A list slot may hold `'a:4222,b:4222'` or `'nats://a:4222, nats://b:4222'`.
  const pieces = slot === 'list' && text.includes(',') ? text.split(',') : [text];
  const hosts: LocationHost[] = [];
  let url: ServiceUrl | undefined;
  let format: LocationFormat = 'host';
  for (const piece of pieces) {
    const p = piece.trim();
    if (hasUrlScheme(p)) {
      const parsed = parseLocation(p, 'host');
      if (parsed) {
        hosts.push(...parsed.hosts);
        url ??= parsed.url;
        format = 'url';
      }
      continue;
    }
    const host = hostFromText(p, true);
    if (host) hosts.push(host);
  }
  if (hosts.length === 0) return undefined;
  return url ? { format, hosts, url } : { format, hosts };
}

/** Location values at the entry's paths that name at least one static host. */
export function serviceLocations<N>(entry: CatalogEntry, options: ObjectValue<N>): ServiceLocation<N>[] {
  const out: ServiceLocation<N>[] = [];
  for (const value of locationValues(entry, options)) {
    const parsed = parseLocation(value.text, value.slot);
    if (parsed) out.push({ ...value, ...parsed, node: hostNode(value, parsed.hosts) });
  }
  return out;
}

/**
 * Where a location's host was written: in `\`mongodb://${HOST}/app\`` with `const HOST =
 * '127.0.0.1'`, the host's own literal, since that is the line to change. Otherwise the value.
 */
function hostNode<N>(location: LocationValue<N>, hosts: readonly LocationHost[]): N {
  const value = location.value;
  if (value.kind !== 'literal' || !value.pieces || typeof value.value !== 'string' || hosts.length === 0) return location.node;
  const text = value.value;
  const host = hosts[0]!.host;
  const piece = value.pieces.find((p) => text.slice(p.from, p.to).includes(host));
  return piece?.node ?? location.node;
}

/** Every host of the location is the developer's own machine (localhost, 127/8, ::1, 0.0.0.0, host.docker.internal). */
export function isLoopbackLocation(location: { hosts: readonly LocationHost[] }): boolean {
  return location.hosts.length > 0 && location.hosts.every((h) => h.hostClass === 'loopback');
}

/** The user-facing name of a location's kind, for messages. */
export function describeLocation(location: { format: LocationFormat; slot: LocationSlot; inList: boolean }): string {
  if (location.format === 'url') return location.inList ? 'URL in a list' : 'URL';
  if (location.format === 'connection-string') return 'connection string';
  return location.inList ? 'host in a list' : 'host';
}
