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
  recipe: {
    urlOption: 'contactPoints',
    tlsOptions: { sslOptions: '{ rejectUnauthorized: true }' },
    supersededOptions: [],
    noUrl:
      "cassandra-driver takes a contact-point list, not a URL: write `contactPoints: process.env.CASSANDRA_CONTACT_POINTS.split(',')` with `sslOptions: { rejectUnauthorized: true }`.",
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
