import { amqplib } from './amqplib';
import type { CatalogEntry } from './types';

/**
 * amqp-connection-manager (RabbitMQ, reconnecting wrapper of amqplib). Facts from the package's
 * own source, 5.0.0: dist/cjs/index.js, dist/esm/index.js, dist/cjs/AmqpConnectionManager.js,
 * dist/types/AmqpConnectionManager.d.ts.
 */
export const amqpConnectionManager: CatalogEntry = {
  id: 'amqp-connection-manager',
  displayName: 'amqp-connection-manager',
  service: 'amqp',
  modules: ['amqp-connection-manager'],
  factories: [
    // connect(urls, options): a named export and a method of the default export `{ connect }`
    // (index.js). `urls` is one or a list of: a URL string, `{ url, connectionOptions }`, or an
    // amqplib connect object (AmqpConnectionManager.js `_connect`).
    { path: 'connect', invoke: 'call', args: ['urls', '$spread'] },
    { path: 'AmqpConnectionManagerClass', invoke: 'new', args: ['urls', '$spread'] },
  ],
  tls: {
    // Each URL goes to amqplib's connect as it is: only `amqps:` uses TLS.
    default: 'off',
    switches: [],
    // `options.connectionOptions` is amqplib's second argument (its `socket`), the tls.connect
    // options; a `{ url, connectionOptions }` element's own options replace it for that URL.
    bags: ['connectionOptions'],
    verifyOff: [],
    urlParams: [],
    schemes: amqplib.tls.schemes,
  },
  credentials: { userPaths: [], secretPaths: [], urlUserinfo: true },
  location: {
    urlPaths: [],
    hostPaths: [],
    // A string or a list; list elements may be `{ url }` or `{ hostname }` objects.
    listPaths: ['urls'],
    portPaths: [],
    notLocations: ['connectionOptions.servername'],
  },
  envVar: amqplib.envVar,
  envVarAliases: amqplib.envVarAliases,
  privilegedAccounts: amqplib.privilegedAccounts,
  // amqplib logs in as guest/guest when the URL has no userinfo.
  implicitAccount: amqplib.implicitAccount,
  recipe: {
    // `connect(process.env.AMQP_URL, options)`: one URL replaces the list.
    urlOption: '$arg',
    tlsOptions: {},
    supersededOptions: [],
    tlsScheme: 'amqps',
  },
  optionTypes: [{ path: 'AmqpConnectionManagerOptions' }],
  wraps: 'amqplib',
  notes: [
    'Every URL in `urls` goes to amqplib as it is: `amqp://` is plaintext, `amqps://` TLS; TLS options go in `connectionOptions`.',
    'Without credentials in the URL amqplib logs in as `guest`/`guest`.',
    '`findServers`, when given, replaces `urls`: the locations it returns are not seen.',
  ],
};
