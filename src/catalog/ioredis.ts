import { REDIS_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * ioredis. Facts: reference/clients.md §8, §1.3, §28.8, §28.9.
 *
 * The `'ioredis'` argument shape folds any mix of port (number, to `port`), URL or host
 * (string, to `url`, or `host` after a port) and options (object, spread).
 */
/** What to do instead of a URL for a Redis cluster, which takes a list of startup nodes. */
export const CLUSTER_NO_URL =
  "a Redis cluster takes its startup nodes as a list, not a URL: read them from the environment (`process.env.REDIS_CLUSTER_NODES.split(',')`), and turn TLS on in the cluster's `redisOptions` (`redisOptions: { tls: {} }`)";

/** A cluster's secure form: TLS for every node goes in `redisOptions`, and no URL replaces the node list. */
const clusterRecipe = { urlOption: '$arg', tlsOptions: { 'redisOptions.tls': '{}' }, supersededOptions: [], noUrl: CLUSTER_NO_URL };

export const ioredis: CatalogEntry = {
  id: 'ioredis',
  displayName: 'ioredis',
  service: 'redis',
  modules: ['ioredis'],
  factories: [
    // module.exports is Redis; `import Redis from 'ioredis'` and `.default` resolve to '' too.
    { path: '', invoke: 'new', args: 'ioredis' },
    { path: 'Redis', invoke: 'new', args: 'ioredis' },
    // new Cluster(startupNodes, { redisOptions, ... }): TLS lives in `redisOptions.tls`.
    { path: 'Cluster', invoke: 'new', args: ['startupNodes', '$spread'], recipe: clusterRecipe },
    { path: 'Redis.Cluster', invoke: 'new', args: ['startupNodes', '$spread'], recipe: clusterRecipe },
  ],
  tls: {
    // Nothing configured means localhost:6379 in plaintext; a lower-case `rediss://` turns TLS on.
    default: 'off',
    switches: [
      {
        path: 'tls',
        // Any truthy `tls` (an object, `true`, a CA profile name, even the string 'false' from
        // `?tls=false`) enables TLS with Node's verified defaults.
        values: { false: 'off' },
        otherTruthy: 'verified',
        object: 'bag',
        secure: 'tls: {}',
      },
      { path: 'redisOptions.tls', values: { false: 'off' }, otherTruthy: 'verified', object: 'bag', secure: 'redisOptions: { tls: {} }' },
    ],
    bags: ['tls', 'redisOptions.tls', 'sentinelTLS'],
    verifyOff: [],
    urlParams: [
      // Query parameters are copied as strings: `?tls=<anything non-empty>` is truthy, so TLS on.
      { name: 'tls', values: { true: 'verified', false: 'verified', '1': 'verified', '0': 'verified' }, secure: 'rediss://' },
    ],
    // `arg.startsWith('rediss://')`: `REDISS://` silently connects in plaintext.
    schemes: { plaintext: ['redis'], tls: ['rediss'], caseSensitiveTls: true },
  },
  credentials: {
    userPaths: ['username', 'sentinelUsername', 'redisOptions.username'],
    secretPaths: ['password', 'sentinelPassword', 'redisOptions.password'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['url'],
    hostPaths: ['host'],
    listPaths: ['startupNodes', 'sentinels'],
    portPaths: ['port'],
    // `name` is the sentinel master group, `path` a Unix socket.
    notLocations: ['tls.servername', 'name', 'path'],
  },
  envVar: 'REDIS_URL',
  envVarAliases: ['REDIS_TLS_URL', 'KV_URL'],
  // The ACL default user (legacy `requirepass` is its password).
  privilegedAccounts: REDIS_ACCOUNTS,
  recipe: {
    urlOption: '$arg',
    tlsOptions: { tls: '{}' },
    supersededOptions: ['host', 'port', 'username', 'password', 'db'],
    tlsScheme: 'rediss',
  },
  // bullmq's `ConnectionOptions` is ioredis's options (or an instance).
  optionTypes: [{ path: 'RedisOptions' }, { path: 'ClusterOptions' }, { module: 'bullmq', path: 'ConnectionOptions' }],
  shape: { names: ['redis', 'cache', 'ioredis'], ports: [6379], anyOf: ['host', 'url', 'password'] },
  notes: [
    '`rediss://` enables TLS only in lower case: `REDISS://` connects in plaintext.',
    '`?tls=` with any value (even `false`) enables TLS, because query values are copied as strings.',
    'A Cluster ignores `rediss://` in its startup nodes; put TLS in `redisOptions: { tls: {} }`.',
    'In `new Redis(url, options)` the URL wins for host, port and password, while `tls` from the options is kept.',
    'Heroku Key-Value Store presents self-signed certificates; pin its CA with `tls.ca` instead of `rejectUnauthorized: false`.',
  ],
};
