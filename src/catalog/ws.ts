import type { CatalogEntry } from './types';

/**
 * ws (WebSocket client). The `'ws'` argument shape folds `(address, protocols?, options?)`
 * with the address at `url`. Facts: reference/clients.md §23.
 */
export const ws: CatalogEntry = {
  id: 'ws',
  displayName: 'ws',
  service: 'websocket',
  modules: ['ws'],
  factories: [
    // module.exports is WebSocket (also the default export), with `.WebSocket` on it too.
    { path: '', invoke: 'new', args: 'ws' },
    { path: 'WebSocket', invoke: 'new', args: 'ws' },
  ],
  tls: {
    // The address is required; `wss:` uses https.request with Node's verified defaults.
    default: 'scheme',
    switches: [],
    // ClientOptions extends https.RequestOptions: TLS options sit at the top.
    bags: [''],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['ws', 'http'], tls: ['wss', 'https'] },
  },
  credentials: {
    // `auth` is http.request's 'user:password' basic auth.
    userPaths: [],
    secretPaths: ['auth', 'headers.Authorization', 'headers.authorization'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['url'],
    hostPaths: [],
    listPaths: [],
    portPaths: [],
    notLocations: ['servername', 'origin'],
  },
  // No platform convention.
  envVar: 'WEBSOCKET_URL',
  envVarAliases: ['WS_URL'],
  privilegedAccounts: [],
  recipe: {
    urlOption: '$arg',
    tlsOptions: {},
    supersededOptions: [],
    tlsScheme: 'wss',
  },
  notes: [
    '`ws://` (and `http://`) addresses are plaintext; use `wss://`.',
    'Redirects that downgrade from wss to ws or change host strip auth headers.',
  ],
};
