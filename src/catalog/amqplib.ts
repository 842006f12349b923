import type { CatalogEntry } from './types';

/** amqplib (RabbitMQ). Facts: reference/clients.md §10, §28.16. */
export const amqplib: CatalogEntry = {
  id: 'amqplib',
  displayName: 'amqplib',
  service: 'amqp',
  modules: ['amqplib', 'amqplib/callback_api'],
  factories: [
    // connect(url | { protocol, hostname, ... }, socketOptions[, callback]): the second argument
    // is the tls.connect options bag, kept under `socket`.
    { path: 'connect', invoke: 'call', args: ['url|$spread', 'socket', null] },
  ],
  tls: {
    // No argument means `amqp://localhost`; only `amqps:` (or `protocol: 'amqps'`) uses TLS.
    default: 'off',
    switches: [
      // Object form: `protocol` without a colon, default 'amqp': the URL's scheme in pieces.
      { path: 'protocol', values: { '"amqps"': 'verified', '"amqp"': 'off' }, secure: "protocol: 'amqps'", scheme: true },
    ],
    // socketOptions *is* the tls.connect options (servername is set from the host name).
    bags: ['socket'],
    verifyOff: [],
    // The URL carries no TLS parameters.
    urlParams: [],
    schemes: { plaintext: ['amqp'], tls: ['amqps'] },
  },
  credentials: { userPaths: ['username'], secretPaths: ['password'], urlUserinfo: true },
  location: {
    urlPaths: ['url'],
    hostPaths: ['hostname'],
    listPaths: [],
    portPaths: ['port'],
    notLocations: ['socket.servername', 'vhost'],
  },
  envVar: 'AMQP_URL',
  envVarAliases: ['CLOUDAMQP_URL', 'RABBITMQ_URL'],
  privilegedAccounts: ['guest'],
  // No userinfo in a URL, or neither username nor password in the object form: guest/guest.
  implicitAccount: 'guest',
  // `connect(url, { credentials: amqp.credentials.plain(user, pass) })` (lib/credentials.js).
  credentialHelpers: [
    { path: 'credentials.plain', args: ['username', 'password'] },
    { path: 'credentials.amqplain', args: ['username', 'password'] },
  ],
  recipe: {
    urlOption: '$arg',
    tlsOptions: {},
    supersededOptions: ['protocol', 'hostname', 'port', 'username', 'password', 'vhost'],
    tlsScheme: 'amqps',
  },
  optionTypes: [{ path: 'Options.Connect' }],
  shape: { names: ['rabbit', 'rabbitmq', 'amqp', 'mq'], ports: [5672], anyOf: ['url', 'hostname', 'password'] },
  notes: [
    'Without credentials amqplib logs in as `guest`/`guest`, which RabbitMQ only accepts from localhost by default.',
    'Only `amqps://` or `protocol: "amqps"` uses TLS; TLS options go in the second argument (socket options).',
    'With no URL amqplib connects to `amqp://localhost` in plaintext.',
  ],
};
