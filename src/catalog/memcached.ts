import type { CatalogEntry } from './types';

/** memcached (3rd-Eden). Facts: reference/clients.md §20, §28.18. */
export const memcached: CatalogEntry = {
  id: 'memcached',
  displayName: 'memcached',
  service: 'memcached',
  modules: ['memcached'],
  factories: [
    // new Memcached('host:port' | ['h:p', ...] | { 'h:p': weight }, options).
    { path: '', invoke: 'new', args: ['servers', '$spread'] },
    // `new Memcached()` then `.connect('host:port', callback)` for one server.
    { path: '().connect', invoke: 'call', args: ['servers', null] },
  ],
  tls: {
    // `net.Stream` only, with no TLS and no authentication.
    default: 'off',
    switches: [],
    bags: [],
    verifyOff: [],
    urlParams: [],
    unsupported: true,
  },
  credentials: { userPaths: [], secretPaths: [], urlUserinfo: false },
  location: {
    urlPaths: [],
    hostPaths: [],
    listPaths: ['servers'],
    portPaths: [],
  },
  envVar: 'MEMCACHE_SERVERS',
  envVarAliases: ['MEMCACHIER_SERVERS'],
  privilegedAccounts: [],
  recipe: {
    urlOption: '$arg',
    tlsOptions: {},
    supersededOptions: [],
  },
  notes: [
    'memcached has neither TLS nor authentication: use a TLS proxy or sidecar for non-private hosts.',
  ],
};
