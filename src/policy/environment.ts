/**
 * Pure judgements for the "same code everywhere" rules (`no-local-service-fallback`,
 * `no-environment-branching`): what a local location is, which option paths of a client are
 * service configuration (location, TLS, credentials), when two branches connect differently,
 * and globs for file names.
 */
import type { CatalogEntry } from '../catalog/types';
import { catalog } from '../catalog';
import { environmentKind } from './env-names';
import { classifyHost, parseHostPort, withoutServiceName } from './host';
import { hasUrlScheme, parseServiceUrl } from './url';
import type { ObjectValue, Value } from './value';
import { HOLE, lookup, textOf, valueAt } from './value';

/**
 * The developer's own machine, as the rules mean it: `localhost` (and `*.localhost`),
 * 127.0.0.0/8, `::1`, `0.0.0.0`, `::`, `host.docker.internal`. Unlike `isLocalHost`, an empty
 * host and a Unix socket path are not "local" here: they are not written as a location.
 */
export function isLocalHostName(host: string): boolean {
  const h = host.trim();
  if (h === '' || h.startsWith('/') || h.includes(HOLE)) return false;
  return classifyHost(h) === 'loopback';
}

/**
 * The local host written in a location string: a URL whose hosts are all local
 * (`postgres://localhost/dev`, `mongodb://127.0.0.1:27017,127.0.0.1:27018`), a local
 * `host:port` or a bare local host. Undefined for anything else, including text with holes
 * in the host.
 */
export function localHostOf(text: string): string | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2000) return undefined;
  if (hasUrlScheme(text)) {
    const url = parseServiceUrl(text);
    if (!url || url.hosts.length === 0) return undefined;
    if (!url.hosts.every((h) => !h.dynamic && isLocalHostName(h.host))) return undefined;
    return url.hosts[0]!.host;
  }
  // Several comma-separated brokers or servers (`localhost:9092,localhost:9093`).
  const parts = text.split(',').map((p) => p.trim());
  let first: string | undefined;
  for (const part of parts) {
    const parsed = parseHostPort(withoutServiceName(part));
    if (!parsed || !isLocalHostName(parsed.host)) return undefined;
    first ??= parsed.host;
  }
  return first;
}

/** Keys that hold a location inside a fallback object (`{ host: 'localhost' }`). */
const LOCATION_KEYS = new Set([
  'host',
  'hostname',
  'server',
  'servers',
  'url',
  'uri',
  'connectionString',
  'connection',
  'node',
  'nodes',
  'brokers',
  'contactPoints',
  'startupNodes',
  'rootNodes',
]);

export interface LocalLocation<N> {
  /** The literal (or template) that names the local host. */
  node: N;
  host: string;
}

/**
 * The first local location in a value used as a fallback or a branch: a location string, an
 * array of them, or an object whose location keys hold one (`{ host: 'localhost', port }`).
 * Other keys of an object are not looked at (a CORS `origin` is not a service location).
 */
export function localLocationIn<N>(value: Value<N> | undefined, depth = 0): LocalLocation<N> | undefined {
  if (!value || depth > 4) return undefined;
  const text = textOf(value);
  if (text !== undefined) {
    const host = localHostOf(text);
    return host === undefined ? undefined : { node: value.node, host };
  }
  if (value.kind === 'array') {
    for (const element of value.elements) {
      const found = localLocationIn(element, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value.kind === 'object') {
    for (const prop of value.props) {
      if (!LOCATION_KEYS.has(prop.key)) continue;
      const found = localLocationIn(prop.value, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Clients of attached resources (databases, caches, queues, mail, search, storage...), as
 * opposed to general-purpose transports: Node's own `tls`/`https` and WebSocket clients mostly
 * reach the application's own endpoints or arbitrary web servers, so where they point, and
 * whether that differs by environment, is not a backing-service question.
 */
export function isAttachedResource(entry: CatalogEntry): boolean {
  return entry.service !== 'tls' && entry.service !== 'websocket';
}

/** Node `tls.ConnectionOptions` keys, for libraries whose options root is the TLS bag (mongodb, ws). */
const ROOT_TLS_OPTIONS = ['rejectUnauthorized', 'checkServerIdentity', 'ca', 'cert', 'key', 'pfx', 'passphrase', 'minVersion', 'maxVersion', 'ciphers', 'secureProtocol', 'secureOptions'];

/** Option paths of a client that locate it, secure it or log it in. */
export function serviceConfigPaths(entry: CatalogEntry): string[] {
  const paths = new Set<string>([
    ...entry.location.urlPaths,
    ...entry.location.hostPaths,
    ...entry.location.listPaths,
    ...entry.location.portPaths,
    ...entry.tls.switches.map((s) => s.path),
    ...entry.tls.bags.flatMap((b) => (b === '' ? ROOT_TLS_OPTIONS : [b])),
    ...(entry.tls.legacyBags ?? []),
    ...entry.tls.verifyOff.map((f) => f.path),
    ...entry.credentials.userPaths,
    ...entry.credentials.secretPaths,
  ]);
  return [...paths];
}

/**
 * Whether a value found at option `path` of a client can change its location, TLS or
 * credentials: the path is one of them, lies inside one (`ssl.rejectUnauthorized`), or holds
 * objects that set one (`connection: isProd ? {...} : {...}` for knex; the root for
 * `new Pool(isProd ? a : b)`).
 */
export function touchesServiceConfig<N>(entry: CatalogEntry, path: string, branches: readonly Value<N>[]): boolean {
  const paths = serviceConfigPaths(entry);
  for (const p of paths) {
    if (p === path || path.startsWith(`${p}.`)) return true;
  }
  const prefix = path === '' ? '' : `${path}.`;
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    for (const branch of branches) {
      if (branch.kind === 'object' && lookup(branch, rest).status === 'present') return true;
    }
  }
  // A string given where the options go is a URL (`new Redis(isProd ? url : undefined)`).
  if (path === '' && branches.some((b) => textOf(b) !== undefined && textOf(b) !== '')) return true;
  return false;
}

/** Every value in an options object with its dotted path, parents first. */
export function* valuesWithPaths<N>(options: ObjectValue<N>): Generator<{ path: string; value: Value<N> }> {
  const stack: Array<{ path: string; value: Value<N>; depth: number }> = options.props
    .map((prop) => ({ path: prop.key, value: prop.value, depth: 0 }))
    .reverse();
  while (stack.length > 0) {
    const { path, value, depth } = stack.pop()!;
    yield { path, value };
    if (depth > 12) continue;
    if (value.kind === 'object') {
      for (let i = value.props.length - 1; i >= 0; i--) stack.push({ path: `${path}.${value.props[i]!.key}`, value: value.props[i]!.value, depth: depth + 1 });
    } else if (value.kind === 'conditional') {
      // Branch values sit at the same path as the conditional.
      for (let i = value.branches.length - 1; i >= 0; i--) stack.push({ path, value: value.branches[i]!, depth: depth + 1 });
    } else if (value.kind === 'env' && value.fallback) {
      stack.push({ path, value: value.fallback, depth: depth + 1 });
    } else if (value.kind === 'array') {
      for (let i = value.elements.length - 1; i >= 0; i--) stack.push({ path, value: value.elements[i]!, depth: depth + 1 });
    } else if (value.kind === 'template') {
      for (const part of value.parts) if (typeof part !== 'string') stack.push({ path, value: part, depth: depth + 1 });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Globs (for `resourceModules` and the test-file config), without a dependency and without
// regular expressions that could backtrack: patterns are matched segment by segment.

/** `a/{b,c}/*.{js,ts}` → the four plain patterns (nested braces are expanded too). */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open === -1) return [pattern];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  if (close === -1) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const alternative = pattern.slice(bounds[i]! + 1, bounds[i + 1]!);
    for (const expanded of expandBraces(`${head}${alternative}${tail}`)) out.push(expanded);
  }
  return out.slice(0, 256);
}

/** One path segment against `*` / `?` wildcards (dot files are matched like any other). */
function segmentMatch(pattern: string, text: string): boolean {
  // Classic two-pointer wildcard match: linear in practice, no backtracking blow-up.
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

function segmentsMatch(pattern: readonly string[], path: readonly string[]): boolean {
  // memo[i][j]: pattern[i..] matches path[j..]
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (path.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === pattern.length) result = j === path.length;
    // A trailing `**` is what is inside a folder, as in minimatch: `e2e-*/**` is not `e2e-x.ts`.
    else if (pattern[i] === '**' && i === pattern.length - 1) result = j < path.length;
    else if (pattern[i] === '**') result = go(i + 1, j) || (j < path.length && go(i, j + 1));
    else result = j < path.length && segmentMatch(pattern[i]!, path[j]!) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/**
 * Whether a `/`-separated relative path matches a glob (`**`, `*`, `?`, `{a,b}`). A pattern
 * without a `/` matches the base name anywhere, as in `.gitignore` and ESLint's `files`.
 */
export function matchesGlob(path: string, pattern: string): boolean {
  return globMatcher([pattern])(path);
}

/**
 * One test for any of `patterns` (as `matchesGlob`), with the braces expanded and the segments
 * split once: a rule's option list is compiled per configuration, not per file.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.flatMap((pattern) =>
    expandBraces(pattern.trim()).map((expanded) => {
      const p = expanded.replace(/^\.\//, '');
      return (p.includes('/') ? p : `**/${p}`).split('/').filter((s) => s !== '');
    }),
  );
  return (path) => {
    const segments = path.replace(/\\/g, '/').replace(/^\.\//, '').split('/').filter((s) => s !== '');
    return compiled.some((parts) => segmentsMatch(parts, segments));
  };
}

/**
 * Whether the values a construct may give at option `path` differ in the client's location,
 * TLS or credentials (not merely in a pool size or a log setting). One branch alone (`x && y`)
 * always differs from the construct's other outcome.
 */
export function serviceConfigDiffers<N>(entry: CatalogEntry, path: string, branches: readonly Value<N>[], shape: (value: Value<N> | undefined) => string): boolean {
  if (!touchesServiceConfig(entry, path, branches)) return false;
  if (branches.length < 2) return true;
  const paths = serviceConfigPaths(entry);
  // The whole value sits at (or inside) a service path: any difference counts.
  if (paths.some((p) => p === path || path.startsWith(`${p}.`))) return new Set(branches.map((b) => shape(b))).size > 1;
  const prefix = path === '' ? '' : `${path}.`;
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    const seen = new Set<string>();
    for (const branch of branches) {
      if (branch.kind !== 'object') {
        seen.add(shape(branch));
        continue;
      }
      const found = lookup(branch, rest);
      seen.add(found.status === 'present' ? shape(found.value) : found.status);
    }
    if (seen.size > 1) return true;
  }
  // A URL string in one branch and an options object in another.
  return path === '' && new Set(branches.map((b) => b.kind)).size > 1;
}

// ---------------------------------------------------------------------------------------
// Environment branching (`no-environment-branching`): shapes and signatures that tell whether
// two paths of a branch connect differently, and per-environment maps and files.

/** Environment names that only mean "running under the test runner". */
const TEST_ONLY_ENVIRONMENTS = new Set(['test', 'testing']);

export function isTestOnlyEnvironment(name: string): boolean {
  return TEST_ONLY_ENVIRONMENTS.has(name.toLowerCase());
}

/**
 * `if (process.env.NODE_ENV !== 'test') connect()`: a test that compares the environment name
 * only with test-runner names skips a connection under the test runner; it is not a branch.
 */
export function isTestRunnerGuard(comparedWith: readonly string[]): boolean {
  return comparedWith.length > 0 && comparedWith.every(isTestOnlyEnvironment);
}

/** How an unknown value is told apart from another: the same name is the same unknown. */
export type UnknownKey<N> = (node: N) => string;

/**
 * A plain, comparable rendering of a value; unknowns are keyed by `unknownKey`. With
 * `readsAlike`, every environment read is alike: `DB_DEV_HOST` and `DB_PROD_HOST` name what the
 * deployment sets, not a difference written in code (as before, a default is not compared).
 */
export function valueShape<N>(value: Value<N>, unknownKey: UnknownKey<N>, depth = 0, readsAlike = false): unknown {
  if (depth > 6) return '?';
  const inner = (v: Value<N>): unknown => valueShape(v, unknownKey, depth + 1, readsAlike);
  switch (value.kind) {
    case 'literal':
      return typeof value.value === 'bigint' ? String(value.value) : value.value;
    case 'object':
      return Object.fromEntries(value.props.map((p) => [p.key, inner(p.value)]));
    case 'array':
      return value.elements.map(inner);
    case 'env':
      return readsAlike ? '$env' : `$env:${value.name ?? '?'}`;
    case 'template':
      return value.parts.map((p) => (typeof p === 'string' ? p : inner(p)));
    default:
      return unknownKey(value.node);
  }
}

/** `valueShape` as text, for sets and comparisons (`'undefined'` for an absent value). */
export function valueShapeText<N>(value: Value<N> | undefined, unknownKey: UnknownKey<N>): string {
  return value === undefined ? 'undefined' : JSON.stringify(valueShape(value, unknownKey));
}

/** Which clients a path builds and with what arguments: equal signatures build the same clients. */
export function clientSignature<N>(clients: ReadonlyArray<{ entry: CatalogEntry; args: readonly Value<N>[] }>, unknownKey: UnknownKey<N>): string {
  return JSON.stringify(clients.map((client) => [client.entry.id, client.args.map((arg) => valueShape(arg, unknownKey))]).sort());
}

/**
 * The entries of a per-environment map (`configs[process.env.NODE_ENV]`) that are compared: two
 * or more, without the test-only ones. Undefined when the value is not such a map.
 */
export function perEnvironmentEntries<N>(map: Value<N>): Value<N>[] | undefined {
  if (map.kind !== 'object' || map.props.length < 2) return undefined;
  return map.props.filter((p) => !isTestOnlyEnvironment(p.key)).map((p) => p.value);
}

/** Cheap text gate for `differingEnvironmentEntry`: environment names and a client key. */
export function mayHoldEnvironmentEntries(text: string): boolean {
  return /production|development|staging/.test(text) && /client|dialect/.test(text);
}

/** Client-shaped entries in a per-environment map: knexfile and sequelize-cli style. */
const CLIENT_KEYS = ['client', 'dialect', 'type'];
const CONNECTION_KEYS = ['connection', 'host', 'url', 'ssl', 'dialectOptions', 'storage', 'filename'];

/** A driver's name (`mysql`, `postgres`; `mysql2` read as `mysql`) to its port, from the catalog's shapes: the port an entry without one connects to. */
const DEFAULT_PORTS: ReadonlyMap<string, number> = new Map(
  catalog.flatMap((entry) => (entry.shape?.names && entry.shape.ports?.length === 1 ? entry.shape.names.map((name): [string, number] => [name, entry.shape!.ports![0]!]) : [])),
);

/** Keys of an environment entry (or of its `connection`) that say where and how it connects. */
const WHERE_KEYS = ['host', 'hostname', 'server', 'port', 'url', 'uri', 'connectionString', 'socketPath', 'ssl', 'tls', 'encrypt', 'user', 'username', 'password', 'use_env_variable', 'storage', 'filename'];

/**
 * Where and how an environment entry connects; the database name, pools and logging are left
 * out, and so are the names of the variables it reads.
 */
function connectionShape<N>(entry: ObjectValue<N>, unknownKey: UnknownKey<N>): unknown {
  const driver = entry.props.find((q) => CLIENT_KEYS.includes(q.key))?.value;
  const defaultPort = driver?.kind === 'literal' && typeof driver.value === 'string' ? DEFAULT_PORTS.get(driver.value.toLowerCase().replace(/\d+$/, '')) : undefined;
  const pick = (object: ObjectValue<N>): Record<string, unknown> =>
    Object.fromEntries(WHERE_KEYS.flatMap((k) => {
      const prop = object.props.find((q) => q.key === k);
      // `port: '3306'` for MySQL says what no port says.
      if (k === 'port' && prop?.value.kind === 'literal' && defaultPort !== undefined && Number(prop.value.value) === defaultPort) return [];
      return prop ? [[k, valueShape(prop.value, unknownKey, 0, true)]] : [];
    }));
  const connection = entry.props.find((q) => q.key === 'connection')?.value;
  const dialectSsl = entry.props.find((q) => q.key === 'dialectOptions')?.value;
  return {
    top: pick(entry),
    connection: connection?.kind === 'object' ? pick(connection) : connection ? valueShape(connection, unknownKey, 0, true) : null,
    dialect: dialectSsl?.kind === 'object' ? pick(dialectSsl) : null,
  };
}

function hasKey<N>(object: ObjectValue<N>, key: string): boolean {
  return object.props.some((p) => p.key === key);
}

/**
 * `{ development: { client, connection }, production: { ... } }` (a knexfile, a sequelize-cli
 * config): the entry that connects differently from the production one (or the first one),
 * when two or more client-shaped environment entries differ in where or how they connect. A
 * `test` entry pointing at the test database is what test set-ups need; it is not compared.
 */
export function differingEnvironmentEntry<N>(
  value: Value<N>,
  unknownKey: UnknownKey<N>,
  { picked = false, anyKeys = false }: { picked?: boolean; anyKeys?: boolean } = {},
): DifferingEntry<N> | undefined {
  if (value.kind !== 'object' || value.open) return undefined;
  // In a tool's own config file (`anyKeys`: a knexfile) every key names an environment the
  // tool's `--env` picks (`default`, `aws`), whatever its word.
  const entries = value.props.filter((p) => (anyKeys || environmentKind(p.key) !== undefined) && p.value.kind === 'object');
  if (entries.length < 2) return undefined;
  // An exported map must say which client its entries configure; a map picked by the
  // environment name where a client is configured may hold only the connection part.
  const shaped = entries.filter((p) => (picked || CLIENT_KEYS.some((k) => hasKey(p.value as ObjectValue<N>, k))) && CONNECTION_KEYS.some((k) => hasKey(p.value as ObjectValue<N>, k)));
  const other = differingEntry(shaped.map((p) => ({ name: p.key, node: p.node, connection: JSON.stringify(connectionShape(p.value as ObjectValue<N>, unknownKey)) })));
  if (!other) return undefined;
  const clientValue = (shaped[0]!.value as ObjectValue<N>).props.find((q) => CLIENT_KEYS.includes(q.key));
  const client = clientValue?.key === 'dialect' ? 'sequelize' : clientValue?.key === 'type' ? 'typeorm' : 'knex';
  return { ...other, client, envVar: 'DATABASE_URL', first: shaped[0]!.node, last: shaped[shaped.length - 1]!.node };
}

/**
 * A per-environment entry (`node`, `name`) that connects differently from another (`against`).
 * `first` and `last` bound the map's compared entries: the difference lies between entries, and
 * which of them is the odd one is a reading, so a report spans them all.
 */
export interface DifferingEntry<N> {
  node: N;
  name: string;
  against: string;
  client: string;
  envVar: string;
  first: N;
  last: N;
}

/**
 * Of per-environment entries (test-only ones left out), the one that connects differently from
 * the production entry (or the first), when two or more differ in `connection`.
 */
export function differingEntry<N>(entries: ReadonlyArray<{ name: string; node: N; connection: string }>): { node: N; name: string; against: string } | undefined {
  const compared = entries;
  if (compared.length < 2 || new Set(compared.map((e) => e.connection)).size < 2) return undefined;
  const production = compared.find((e) => environmentKind(e.name) === 'production') ?? compared[0]!;
  const other = compared.find((e) => e !== production && e.connection !== production.connection);
  return other && { node: other.node, name: other.name, against: production.name };
}

/**
 * Where and how a catalog client's options connect, to tell per-environment entries apart: the
 * values at its location, port, TLS and credential paths, every environment read alike.
 */
export function clientConnectionShape<N>(entry: CatalogEntry, options: ObjectValue<N>, unknownKey: UnknownKey<N>): string {
  const { location, tls, credentials } = entry;
  const paths = [...location.urlPaths, ...location.hostPaths, ...location.listPaths, ...location.portPaths, ...tls.switches.map((s) => s.path), ...tls.bags, ...credentials.userPaths, ...credentials.secretPaths];
  return JSON.stringify(paths.filter((path) => path !== '').map((path) => {
    const value = valueAt(options, path);
    // An object at a URL path (knex's `connection`) is compared by the paths inside it.
    return value === undefined ? null : value.kind === 'object' ? '{}' : valueShape(value, unknownKey, 0, true);
  }));
}
