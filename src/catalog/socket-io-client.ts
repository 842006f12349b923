import type { CatalogEntry } from './types';

/** socket.io-client (over engine.io-client). Facts: reference/clients.md §23. */
export const socketIoClient: CatalogEntry = {
  id: 'socket.io-client',
  displayName: 'socket.io-client',
  service: 'websocket',
  modules: ['socket.io-client'],
  factories: [
    // io(url, options) or io(options) (then the page's own origin); `connect` is an alias.
    { path: 'io', invoke: 'call', args: ['url|$spread', '$spread'] },
    { path: 'connect', invoke: 'call', args: ['url|$spread', '$spread'] },
    { path: '', invoke: 'call', args: ['url|$spread', '$spread'] },
  ],
  tls: {
    default: 'scheme',
    switches: [],
    // engine.io passes `rejectUnauthorized` (default true), `ca`, `cert`, `key` from the top.
    bags: [''],
    // engine.io-client picks `pfx`, `key`, `passphrase`, `cert`, `ca`, `ciphers` and
    // `rejectUnauthorized` (and, for the WebSocket transport only, `checkServerIdentity`).
    droppedBagKeys: [{ bag: '', keys: ['minVersion', 'maxVersion', 'secureProtocol'], effect: 'ignored' }],
    verifyOff: [],
    urlParams: [],
    schemes: { plaintext: ['ws', 'http'], tls: ['wss', 'https'] },
  },
  credentials: {
    userPaths: [],
    secretPaths: ['auth.token', 'extraHeaders.Authorization', 'extraHeaders.authorization'],
    urlUserinfo: true,
  },
  location: {
    urlPaths: ['url'],
    hostPaths: ['hostname'],
    listPaths: [],
    portPaths: ['port'],
    notLocations: ['path'],
  },
  envVar: 'SOCKET_IO_URL',
  envVarAliases: ['WEBSOCKET_URL'],
  privilegedAccounts: [],
  recipe: {
    urlOption: '$arg',
    tlsOptions: {},
    supersededOptions: ['hostname', 'port', 'secure'],
    tlsScheme: 'https',
  },
  notes: [
    '`http://` and `ws://` URLs are plaintext; use `https://` or `wss://`.',
    '`rejectUnauthorized: false` turns certificate verification off.',
  ],
};
