import { REDIS_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * connect-redis 3 and older: `const RedisStore = require('connect-redis')(session)`, then
 * `new RedisStore({ host, port, pass, url })` builds its own node_redis client from those
 * options. Newer versions take only an existing `client`, judged where it is built.
 */
export const connectRedis: CatalogEntry = {
  id: 'connect-redis',
  displayName: 'connect-redis',
  service: 'redis',
  modules: ['connect-redis'],
  factories: [{ path: '()', invoke: 'new', args: ['$spread'] }],
  tls: {
    default: 'off',
    // node_redis turns TLS on for any `tls` object, verified unless it says otherwise.
    switches: [{ path: 'tls', values: { false: 'off' }, object: 'bag', secure: 'tls: {}' }],
    bags: ['tls'],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['redis'], tls: ['rediss'] },
  },
  credentials: { userPaths: [], secretPaths: ['pass', 'password'], urlUserinfo: true },
  location: { urlPaths: ['url'], hostPaths: ['host'], listPaths: [], portPaths: ['port'], notLocations: ['prefix', 'socket'] },
  envVar: 'REDIS_URL',
  envVarAliases: ['REDIS_TLS_URL'],
  privilegedAccounts: REDIS_ACCOUNTS,
  recipe: {
    urlOption: 'url',
    tlsOptions: {},
    supersededOptions: ['host', 'port', 'pass', 'password'],
    tlsScheme: 'rediss',
  },
  wraps: 'redis',
  notes: ['connect-redis 3 and older build a node_redis client from `host`, `port`, `pass` and `url`; newer versions take a `client` built elsewhere.'],
};
