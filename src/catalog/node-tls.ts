import type { CatalogEntry } from './types';

/**
 * Node's own `tls` and `https` modules, for hand-built TLS connections and the agents other
 * clients take (`requestHandler: { httpsAgent: new https.Agent({...}) }`). Facts:
 * reference/clients.md §1.1.
 */
export const nodeTls: CatalogEntry = {
  id: 'node:tls',
  displayName: 'node:tls',
  service: 'tls',
  modules: ['tls', 'node:tls', 'https', 'node:https'],
  factories: [
    // tls.connect(options[, callback]); the (port, host, options) form is not folded.
    { path: 'connect', invoke: 'call', args: ['$spread', null] },
    { path: 'Agent', invoke: 'new', args: ['$spread'] },
  ],
  tls: {
    // rejectUnauthorized defaults to true and checkServerIdentity checks servername || host.
    default: 'verified',
    switches: [],
    bags: [''],
    verifyOff: [],
    urlParams: [],
  },
  credentials: { userPaths: [], secretPaths: ['passphrase'], urlUserinfo: false },
  location: {
    urlPaths: [],
    hostPaths: ['host'],
    listPaths: [],
    portPaths: ['port'],
    notLocations: ['servername'],
  },
  // No convention: the service behind a raw TLS socket varies.
  envVar: 'SERVICE_URL',
  envVarAliases: [],
  privilegedAccounts: [],
  // `https.globalAgent.options.rejectUnauthorized = false` affects every https request.
  globalDefaults: 'globalAgent.options',
  recipe: {
    urlOption: 'host',
    tlsOptions: {},
    supersededOptions: [],
    noUrl: 'tls.connect and https.Agent take no service URL; read `host` and `port` from the environment.',
  },
  notes: [
    '`rejectUnauthorized: false` or a `checkServerIdentity` that accepts everything turns verification off.',
    '`minVersion`/`maxVersion` `TLSv1`/`TLSv1.1`, legacy `secureProtocol` methods and weak `ciphers` weaken TLS.',
    '`NODE_TLS_REJECT_UNAUTHORIZED=0`, `https.globalAgent.options.rejectUnauthorized = false` and `tls.DEFAULT_MIN_VERSION` defeat every per-client check.',
  ],
};
