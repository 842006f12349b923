import type { CatalogEntry } from './types';

/** nats (v2) and @nats-io/transport-node (v3). Facts: reference/clients.md §18, §28.15. */
export const nats: CatalogEntry = {
  id: 'nats',
  displayName: 'nats',
  service: 'nats',
  modules: ['nats', '@nats-io/transport-node'],
  factories: [{ path: 'connect', invoke: 'call', args: ['$spread'] }],
  tls: {
    // `nats://` is opportunistic at best, and `tls://` is ignored: only the `tls` option
    // requires TLS. `http://` in `servers` is stripped the same way (and, being a web scheme,
    // is judged only where it reaches a client).
    paramSchemes: ['nats', 'tls', 'http'],
    // `tls` unset: upgrade only if the server's INFO offers TLS, which an attacker can hide.
    default: 'opportunistic',
    switches: [
      // `null` never uses TLS; any object requires it (verified unless it says otherwise).
      { path: 'tls', values: { null: 'off' }, object: 'bag', secure: 'tls: {}' },
    ],
    bags: ['tls'],
    verifyOff: [],
    urlParams: [],
    // `nats://`, `tls://` and anything else in `servers` is stripped to host:port.
    schemeIgnored: true,
  },
  credentials: { userPaths: ['user'], secretPaths: ['pass', 'token'], urlUserinfo: true },
  location: {
    urlPaths: [],
    hostPaths: [],
    // A string or an array; the default is 127.0.0.1:4222.
    listPaths: ['servers'],
    portPaths: ['port'],
    notLocations: ['name', 'tls.servername'],
  },
  envVar: 'NATS_URL',
  envVarAliases: ['NATS_SERVERS'],
  privilegedAccounts: [],
  recipe: {
    urlOption: 'servers',
    tlsOptions: { tls: '{}' },
    supersededOptions: ['port'],
  },
  optionTypes: [{ path: 'ConnectionOptions' }],
  shape: { names: ['nats'], ports: [4222], anyOf: ['servers'] },
  notes: [
    'Without `tls`, TLS is used only if the server offers it: opportunistic and strippable. Set `tls: {}`.',
    '`tls://` in `servers` does not force TLS in the Node transport; the scheme is ignored.',
    '`tls: null` never uses TLS.',
  ],
};
