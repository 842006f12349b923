import type { CatalogEntry } from './types';

/**
 * node-nats-streaming (NATS Streaming, "STAN"; deprecated with the server). Facts from the
 * package's own source, 0.3.2: lib/stan.js (`connect`, `parseOptions`), which hands its options
 * to `nats` 1.x, read from nats 1.4.12 lib/nats.js (`parseOptions`, `checkTLSMismatch`). Not the
 * `nats` entry: nats 1.x reads `tls://` and `tls` differently from nats 2.
 */
export const nodeNatsStreaming: CatalogEntry = {
  id: 'node-nats-streaming',
  displayName: 'node-nats-streaming',
  service: 'nats',
  modules: ['node-nats-streaming'],
  factories: [
    // connect(clusterID, clientID, opts): opts is an object, a URL string or a port number.
    { path: 'connect', invoke: 'call', args: [null, null, 'url|$spread'] },
  ],
  tls: {
    // nats 1.x defaults `tls: false` yet switches to TLS when the server's INFO says
    // `tls_required`, even with `tls: false`: clear text whenever the server (or an attacker)
    // does not ask for TLS.
    default: 'opportunistic',
    paramSchemes: ['nats'],
    switches: [
      // `true` and any object require TLS (tls.connect on the socket, verified by default).
      // `false` is the default, judged as the default. `secure` is an alias (stan.js and
      // nats.js `assignOption`).
      { path: 'tls', otherTruthy: 'verified', object: 'bag', secure: 'tls: true' },
      { path: 'secure', otherTruthy: 'verified', object: 'bag', secure: 'tls: true' },
    ],
    bags: ['tls', 'secure'],
    verifyOff: [],
    urlParams: [],
    // nats 1.x turns `tls` on for a `tls://` server while `tls` is false (its default).
    schemes: { plaintext: [], tls: ['tls'] },
  },
  // `password` is an alias of `pass`; nats 1.x also reads URL userinfo.
  credentials: { userPaths: ['user'], secretPaths: ['pass', 'password', 'token'], urlUserinfo: true },
  location: {
    // `url` (alias `uri`) defaults to nats://localhost:4222; `servers` (alias `urls`) is a list.
    urlPaths: ['url', 'uri'],
    hostPaths: [],
    listPaths: ['servers', 'urls'],
    portPaths: ['port'],
    notLocations: ['name', 'client', 'tls.servername', 'secure.servername'],
  },
  envVar: 'NATS_URL',
  envVarAliases: ['NATS_SERVERS'],
  privilegedAccounts: [],
  recipe: {
    urlOption: 'url',
    tlsOptions: { tls: 'true' },
    supersededOptions: ['uri', 'servers', 'urls', 'port'],
  },
  optionTypes: [{ path: 'StanOptions' }],
  notes: [
    'Without `tls`, or with `tls: false`, nats 1.x uses TLS only if the server asks for it: opportunistic and strippable. Set `tls: true` or a TLS options object.',
    'Unlike nats 2, a `tls://` URL requires TLS here.',
    'An existing connection passed as `nc` is judged where it is built.',
  ],
};
