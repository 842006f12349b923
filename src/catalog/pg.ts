import { POSTGRES_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/** node-postgres. Facts: reference/clients.md §2. */
export const pg: CatalogEntry = {
  id: 'pg',
  displayName: 'pg',
  service: 'postgres',
  modules: ['pg'],
  factories: [
    // Pool ignores a string argument: only `{ connectionString }` works.
    { path: 'Pool', invoke: 'new', args: ['$spread'] },
    { path: 'Client', invoke: 'new', args: ['connectionString|$spread'] },
    { path: 'native.Pool', invoke: 'new', args: ['$spread'] },
    { path: 'native.Client', invoke: 'new', args: ['connectionString|$spread'] },
  ],
  tls: {
    // `postgres://` URLs are plaintext unless `sslmode`/`ssl` or the `ssl` option turns TLS on.
    paramSchemes: ['postgres', 'postgresql'],
    default: 'off',
    switches: [
      {
        path: 'ssl',
        values: { false: 'off', '0': 'off', true: 'verified', '"no-verify"': 'unverified' },
        object: 'bag',
        secure: 'ssl: { rejectUnauthorized: true }',
      },
    ],
    bags: ['ssl'],
    verifyOff: [],
    urlParams: [
      // `?ssl=false` is the string 'false', which pg reads as truthy: it sends SSLRequest and
      // then throws a TypeError from its socket handler (pg 8.23, seen by the TLS oracle). It
      // never connects, so it has no meaning here: the rules stay silent, as for any unknown value.
      { name: 'ssl', values: { '0': 'off', '1': 'verified', true: 'verified' }, secure: 'sslmode=verify-full' },
      {
        name: 'sslmode',
        values: { disable: 'off', 'no-verify': 'unverified', prefer: 'verified', require: 'verified', 'verify-ca': 'verified', 'verify-full': 'verified' },
        secure: 'sslmode=verify-full',
      },
      {
        name: 'sslmode',
        requires: { name: 'uselibpqcompat', value: 'true' },
        values: { disable: 'off', prefer: 'unverified', require: 'unverified', 'verify-ca': 'unverified', 'verify-full': 'verified' },
        secure: 'sslmode=verify-full',
      },
    ],
  },
  credentials: { userPaths: ['user'], secretPaths: ['password'], urlUserinfo: true },
  location: {
    urlPaths: ['connectionString'],
    hostPaths: ['host'],
    listPaths: [],
    portPaths: ['port'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['POSTGRES_URL', 'PG_URL', 'POSTGRESQL_URL', 'DIRECT_URL', 'DATABASE_PUBLIC_URL'],
  // `pg.defaults.ssl = ...` sets the option for every client created afterwards.
  globalDefaults: 'defaults',
  privilegedAccounts: POSTGRES_ACCOUNTS,
  recipe: {
    urlOption: 'connectionString',
    tlsOptions: { ssl: '{ rejectUnauthorized: true }' },
    supersededOptions: ['host', 'port', 'user', 'password', 'database'],
  },
  optionTypes: [{ path: 'PoolConfig' }, { path: 'ClientConfig' }],
  shape: { names: ['pg', 'postgres', 'postgresql', 'pgsql', 'psql'], ports: [5432], anyOf: ['host', 'connectionString', 'user', 'password'] },
  notes: [
    'A URL carrying `sslmode`, `sslcert`, `sslkey` or `sslrootcert` replaces an explicit `ssl` object.',
    '`?ssl=false` does not turn TLS off: pg reads the string as truthy, sends SSLRequest and then throws a TypeError. Only `ssl=0` or `sslmode=disable` turn it off.',
    '`Pool` ignores a string argument; pass `{ connectionString }`.',
  ],
};
