import type { CatalogEntry } from './types';

/** memjs (MemCachier's client). Facts: reference/clients.md §20, §1.2, §28.18. */
export const memjs: CatalogEntry = {
  id: 'memjs',
  displayName: 'memjs',
  service: 'memcached',
  modules: ['memjs'],
  factories: [
    // Client.create(serversStr?, options?): "[user:pass@]host[:11211],...".
    { path: 'Client.create', invoke: 'call', args: ['servers', '$spread'] },
  ],
  tls: {
    // `net.connect` only: SASL PLAIN credentials travel in cleartext.
    default: 'off',
    switches: [],
    bags: [],
    verifyOff: [],
    urlParams: [],
    unsupported: true,
  },
  credentials: { userPaths: ['username'], secretPaths: ['password'], urlUserinfo: true },
  location: {
    urlPaths: [],
    hostPaths: [],
    listPaths: ['servers'],
    portPaths: [],
  },
  // memjs itself reads MEMCACHIER_SERVERS, then MEMCACHE_SERVERS, then localhost:11211.
  envVar: 'MEMCACHIER_SERVERS',
  envVarAliases: ['MEMCACHE_SERVERS'],
  privilegedAccounts: [],
  recipe: {
    urlOption: '$arg',
    tlsOptions: {},
    supersededOptions: [],
  },
  notes: [
    'memjs has no TLS: data and SASL credentials travel in cleartext. Use a TLS proxy or sidecar for non-private hosts.',
    'memjs reads `MEMCACHIER_SERVERS`/`MEMCACHE_SERVERS` and `MEMCACHIER_USERNAME`/`MEMCACHIER_PASSWORD` by itself when no servers are given.',
  ],
};
