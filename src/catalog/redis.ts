import { REDIS_ACCOUNTS } from './accounts';
import type { CatalogEntry, TlsSwitch } from './types';

/**
 * node-redis `socket.tls` semantics: TLS only for the boolean `true`. An object (ioredis
 * style) or any other value silently means plaintext TCP.
 */
function socketTls(path: string, secure: string): TlsSwitch {
  return { path, values: { true: 'verified', false: 'off' }, otherTruthy: 'off', object: 'off', secure };
}

/** node-redis 4+ (`redis`, `@redis/client`). Facts: reference/clients.md §9, §1.3, §28.7, §28.8. */
export const redis: CatalogEntry = {
  id: 'redis',
  displayName: 'node-redis',
  service: 'redis',
  modules: ['redis', '@redis/client'],
  factories: [
    { path: 'createClient', invoke: 'call', args: ['$spread'] },
    // createCluster({ rootNodes, defaults }): TLS and credentials must be in `defaults`.
    { path: 'createCluster', invoke: 'call', args: ['$spread'] },
    // createSentinel({ name, sentinelRootNodes, nodeClientOptions, sentinelClientOptions }).
    { path: 'createSentinel', invoke: 'call', args: ['$spread'] },
    // createClientPool(clientOptions, poolOptions).
    { path: 'createClientPool', invoke: 'call', args: ['$spread', null] },
  ],
  tls: {
    // Nothing configured means localhost:6379 in plaintext; `rediss://` turns TLS on. The URL is
    // parsed with WHATWG URL, so the scheme is case-insensitive.
    default: 'off',
    switches: [
      socketTls('socket.tls', 'socket: { tls: true }'),
      // Cluster: rootNodes settings are not inherited by discovered nodes.
      socketTls('defaults.socket.tls', 'defaults: { socket: { tls: true } }'),
      // Sentinel option names from the @redis/client sentinel types (not in clients.md).
      socketTls('nodeClientOptions.socket.tls', 'nodeClientOptions: { socket: { tls: true } }'),
      socketTls('sentinelClientOptions.socket.tls', 'sentinelClientOptions: { socket: { tls: true } }'),
    ],
    // Node TLS options sit directly on `socket`, beside `tls: true`, not under `socket.tls`.
    bags: ['socket', 'defaults.socket', 'nodeClientOptions.socket', 'sentinelClientOptions.socket'],
    // redis@3 (`lib/createClient.js`): TLS options under a top-level `tls`, as ioredis.
    legacyBags: ['tls'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['redis'], tls: ['rediss'] },
  },
  credentials: {
    userPaths: ['username', 'defaults.username', 'nodeClientOptions.username', 'sentinelClientOptions.username'],
    secretPaths: ['password', 'defaults.password', 'nodeClientOptions.password', 'sentinelClientOptions.password'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['url'],
    // node-redis 3 read `host` and `port` at the top level (4+ ignores them there).
    hostPaths: ['socket.host', 'host'],
    listPaths: ['rootNodes', 'sentinelRootNodes'],
    portPaths: ['socket.port', 'port'],
    // `name` is the sentinel master group.
    notLocations: ['socket.servername', 'name'],
  },
  envVar: 'REDIS_URL',
  envVarAliases: ['REDIS_TLS_URL', 'KV_URL'],
  privilegedAccounts: REDIS_ACCOUNTS,
  recipe: {
    urlOption: 'url',
    tlsOptions: { 'socket.tls': 'true' },
    supersededOptions: ['socket.host', 'socket.port', 'username', 'password', 'database'],
    tlsScheme: 'rediss',
  },
  optionTypes: [{ path: 'RedisClientOptions' }],
  notes: [
    '`socket.tls` must be the boolean `true`: an object such as `{ rejectUnauthorized: false }` silently connects in plaintext.',
    'TLS options (`ca`, `rejectUnauthorized`, `servername`) sit directly on `socket`, beside `tls: true`.',
    'Cluster TLS and credentials go in `defaults`; `rootNodes: [{ url: "rediss://..." }]` alone serves data over plaintext.',
    'From v5 a `redis://` URL with `socket.tls: true` (or the reverse) throws a mismatch error.',
    'Legacy redis@3 (`createClient(port, host, opts)`, TLS under `tls`) has ioredis-like semantics and is not judged; a top-level `tls` chosen by environment is still reported by no-environment-branching.',
  ],
};
