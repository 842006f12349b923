import { REDIS_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * bullmq: every class takes `{ connection }`, which becomes `new IORedis(url, rest)` or
 * `new IORedis(rest)`, so ioredis semantics apply under `connection.`. Facts:
 * reference/clients.md §25, §8.
 */
export const bullmq: CatalogEntry = {
  id: 'bullmq',
  displayName: 'bullmq',
  service: 'redis',
  modules: ['bullmq'],
  factories: [
    { path: 'Queue', invoke: 'new', args: [null, '$spread'] },
    { path: 'Worker', invoke: 'new', args: [null, null, '$spread'] },
    { path: 'QueueEvents', invoke: 'new', args: [null, '$spread'] },
    { path: 'FlowProducer', invoke: 'new', args: ['$spread'] },
  ],
  tls: {
    // No options means `{ connection: {} }`: localhost:6379 in plaintext.
    default: 'off',
    switches: [
      { path: 'connection.tls', values: { false: 'off' }, otherTruthy: 'verified', object: 'bag', secure: 'connection: { tls: {} }' },
      {
        path: 'connection.redisOptions.tls',
        values: { false: 'off' },
        otherTruthy: 'verified',
        object: 'bag',
        secure: 'connection: { redisOptions: { tls: {} } }',
      },
    ],
    bags: ['connection.tls', 'connection.redisOptions.tls', 'connection.sentinelTLS'],
    verifyOff: [],
    // As ioredis: `?tls=<anything>` is a truthy string.
    urlParams: [{ name: 'tls', values: { true: 'verified', false: 'verified', '1': 'verified', '0': 'verified' }, secure: 'rediss://' }],
    schemes: { plaintext: ['redis'], tls: ['rediss'], caseSensitiveTls: true },
  },
  credentials: {
    userPaths: ['connection.username', 'connection.sentinelUsername'],
    secretPaths: ['connection.password', 'connection.sentinelPassword'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['connection.url'],
    hostPaths: ['connection.host'],
    listPaths: ['connection.sentinels'],
    portPaths: ['connection.port'],
    notLocations: ['connection.name', 'connection.tls.servername', 'prefix'],
  },
  envVar: 'REDIS_URL',
  envVarAliases: ['REDIS_TLS_URL', 'KV_URL'],
  privilegedAccounts: REDIS_ACCOUNTS,
  recipe: {
    urlOption: 'connection.url',
    tlsOptions: { 'connection.tls': '{}' },
    supersededOptions: ['connection.host', 'connection.port', 'connection.username', 'connection.password', 'connection.db'],
    tlsScheme: 'rediss',
  },
  optionTypes: [{ path: 'QueueOptions' }, { path: 'WorkerOptions' }, { path: 'QueueBaseOptions' }],
  notes: [
    'Without `connection` bullmq connects to localhost:6379 in plaintext.',
    'All ioredis TLS rules apply under `connection`, including lower-case-only `rediss://`.',
    'A `connection` that is an existing ioredis instance carries its own settings; judge it where it is built.',
  ],
};
