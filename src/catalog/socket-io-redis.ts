import { REDIS_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * socket.io-redis (the adapter before @socket.io/redis-adapter): `redisAdapter(uri)` or
 * `redisAdapter({ host, port, password })` builds node_redis clients from those options. The
 * newer adapter takes clients built elsewhere, where they are judged.
 */
export const socketIoRedis: CatalogEntry = {
  id: 'socket.io-redis',
  displayName: 'socket.io-redis',
  service: 'redis',
  modules: ['socket.io-redis'],
  factories: [{ path: '', invoke: 'call', args: ['host|$spread', '$spread'] }],
  tls: { default: 'off', switches: [], bags: [], verifyOff: [], urlParams: [], schemes: { plaintext: ['redis'], tls: ['rediss'] } },
  credentials: { userPaths: [], secretPaths: ['password', 'auth_pass'], urlUserinfo: true },
  location: { urlPaths: [], hostPaths: ['host'], listPaths: [], portPaths: ['port'], notLocations: ['key'] },
  envVar: 'REDIS_URL',
  envVarAliases: [],
  privilegedAccounts: REDIS_ACCOUNTS,
  recipe: { urlOption: 'host', tlsOptions: {}, supersededOptions: ['port', 'password'], noUrl: 'socket.io-redis is unmaintained: build the pub/sub clients with TLS from `process.env.REDIS_URL` and pass them to @socket.io/redis-adapter.' },
  wraps: 'redis',
  notes: ['Unmaintained; @socket.io/redis-adapter takes clients built (and judged) elsewhere.'],
};
