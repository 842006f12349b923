import type { CatalogEntry } from './types';

/** cassandra-driver (DataStax). Facts: reference/clients.md §19, §28.11. */
export const cassandra: CatalogEntry = {
  id: 'cassandra-driver',
  displayName: 'cassandra-driver',
  service: 'cassandra',
  modules: ['cassandra-driver'],
  factories: [{ path: 'Client', invoke: 'new', args: ['$spread'] }],
  tls: {
    default: 'off',
    switches: [
      // tls.connect(port, address, extend({ rejectUnauthorized: false }, sslOptions)): unverified
      // unless `rejectUnauthorized: true` is written explicitly.
      {
        path: 'sslOptions',
        object: 'bag-unverified-unless-rejectUnauthorized',
        secure: 'sslOptions: { rejectUnauthorized: true }',
      },
    ],
    bags: ['sslOptions'],
    verifyOff: [],
    urlParams: [],
  },
  credentials: { userPaths: ['credentials.username'], secretPaths: ['credentials.password'], urlUserinfo: false },
  location: {
    urlPaths: [],
    hostPaths: [],
    listPaths: ['contactPoints'],
    portPaths: ['protocolOptions.port'],
    notLocations: ['localDataCenter', 'keyspace', 'sslOptions.servername'],
  },
  envVar: 'CASSANDRA_CONTACT_POINTS',
  envVarAliases: [],
  privilegedAccounts: ['cassandra'],
  // `authProvider: new auth.PlainTextAuthProvider(user, pass)` instead of `credentials` (clients.md §cassandra-driver).
  credentialHelpers: [
    { path: 'auth.PlainTextAuthProvider', args: ['credentials.username', 'credentials.password'], invoke: 'new' },
    { path: 'auth.DsePlainTextAuthProvider', args: ['credentials.username', 'credentials.password'], invoke: 'new' },
  ],
  recipe: {
    urlOption: 'contactPoints',
    tlsOptions: { sslOptions: '{ rejectUnauthorized: true }' },
    supersededOptions: [],
    // A contact-point list, not a URL: each setting from its own variable.
    envOptions: [
      { path: 'contactPoints', envVar: 'CASSANDRA_CONTACT_POINTS', form: 'list', description: 'comma-separated list of Cassandra contact points (host or host:port)' },
      { path: 'credentials.username', envVar: 'CASSANDRA_USERNAME', ifPresent: true, description: 'Cassandra user name (not cassandra)' },
      { path: 'credentials.password', envVar: 'CASSANDRA_PASSWORD', ifPresent: true, description: 'password of the Cassandra user' },
    ],
  },
  optionTypes: [{ path: 'ClientOptions' }, { path: 'DseClientOptions' }],
  shape: { markers: ['contactPoints'], anyOf: ['contactPoints'] },
  notes: [
    '`sslOptions: {}` does not verify the server certificate: the driver defaults `rejectUnauthorized` to false. Write `rejectUnauthorized: true`.',
    'Contact points are often IPs, so host-name checks may need an IP SAN or a `checkServerIdentity`.',
    '`cloud.secureConnectBundle` (Astra) is mutual TLS and cannot be combined with `sslOptions`.',
    '`cassandra`/`cassandra` is the default superuser with PasswordAuthenticator.',
  ],
};
