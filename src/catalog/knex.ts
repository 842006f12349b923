import { SQL_ACCOUNTS } from './accounts';
import { TEDIOUS_DROPPED_KEYS } from './mssql';
import { MYSQLJS_DROPPED_SSL_KEYS } from './mysql';
import { MYSQL2_DROPPED_SSL_KEYS } from './mysql2';
import type { CatalogEntry, OptionCondition } from './types';

/** knex `client` names that drive node-postgres. */
const PG_CLIENTS = ['pg', 'postgres', 'postgresql', 'pgnative', 'cockroachdb', 'redshift'];
const isPg: OptionCondition = { path: 'client', equals: PG_CLIENTS };
const isMysql2: OptionCondition = { path: 'client', equals: 'mysql2' };
const isMysql: OptionCondition = { path: 'client', equals: 'mysql' };
const isMssql: OptionCondition = { path: 'client', equals: 'mssql' };
/** The `client` names of networked databases: a shape with another driver (sqlite) is not a service. */
export const KNEX_DRIVERS = [...PG_CLIENTS, 'mysql', 'mysql2', 'mssql', 'oracledb', 'oracle'];

/**
 * knex: the driver's options pass through under `connection`. Facts: reference/clients.md §14,
 * §1.3, §28.5, §28.12.
 */
export const knex: CatalogEntry = {
  id: 'knex',
  displayName: 'knex',
  service: 'sql',
  modules: ['knex'],
  factories: [
    // knex(config) or knex(urlString): a string becomes `connection`.
    { path: '', invoke: 'call', args: ['connection|$spread'] },
    { path: 'knex', invoke: 'call', args: ['connection|$spread'] },
  ],
  tls: {
    paramSchemes: ['postgres', 'postgresql', 'mysql'],
    // Every driver defaults to plaintext under knex, mssql included (see below).
    default: 'off',
    switches: [
      {
        path: 'connection.ssl',
        when: isPg,
        values: { false: 'off', '0': 'off', true: 'verified', '"true"': 'verified', '"no-verify"': 'unverified' },
        object: 'bag',
        secure: 'connection: { ssl: { rejectUnauthorized: true } }',
      },
      {
        path: 'connection.ssl',
        when: isMysql2,
        values: { false: 'off' },
        object: 'bag-hostname-unverified-unless-verifyIdentity',
        secure: 'connection: { ssl: { rejectUnauthorized: true, verifyIdentity: true } }',
      },
      {
        path: 'connection.ssl',
        when: isMysql,
        values: { false: 'off', true: 'unverified' },
        otherTruthy: 'unverified',
        object: 'bag-hostname-unverified',
        secure: "client: 'mysql2' with connection: { ssl: { rejectUnauthorized: true, verifyIdentity: true } }",
      },
      // The mssql dialect sets tedious `encrypt: connection.encrypt || false`, so encryption is
      // off unless asked for; `connection.options.encrypt` overrides it.
      {
        path: 'connection.options.encrypt',
        when: isMssql,
        values: { false: 'off', true: 'verified', '"strict"': 'verified' },
        whenAbsent: 'off',
        unless: { path: 'connection.encrypt', equals: [true, 'strict'] },
        secure: 'connection: { options: { encrypt: true } }',
      },
      {
        path: 'connection.encrypt',
        when: isMssql,
        values: { false: 'off' },
        secure: 'connection: { options: { encrypt: true } }',
      },
    ],
    bags: ['connection.ssl', 'connection.options.cryptoCredentialsDetails'],
    droppedBagKeys: [
      { bag: 'connection.ssl', keys: MYSQL2_DROPPED_SSL_KEYS, effect: 'ignored', when: isMysql2 },
      { bag: 'connection.ssl', keys: MYSQLJS_DROPPED_SSL_KEYS, effect: 'ignored', when: isMysql },
      { bag: 'connection.options.cryptoCredentialsDetails', keys: TEDIOUS_DROPPED_KEYS, effect: 'ignored', when: isMssql },
    ],
    verifyOff: [
      {
        path: 'connection.options.trustServerCertificate',
        value: true,
        when: isMssql,
        secure: 'connection: { options: { trustServerCertificate: false } }',
      },
    ],
    urlParams: [
      // A string connection for pg is parsed by knex's own pg-connection-string 2.6.2 (no
      // `uselibpqcompat`): prefer/require/verify-ca mean verify-full. `ssl=0` is off for pg and
      // (JSON-parsed) for mysql alike; other `ssl=` values differ between drivers.
      {
        name: 'sslmode',
        values: { disable: 'off', 'no-verify': 'unverified', prefer: 'verified', require: 'verified', 'verify-ca': 'verified', 'verify-full': 'verified' },
        // pg's parameter: mysql drivers ignore it.
        schemes: ['postgres', 'postgresql'],
        secure: 'sslmode=verify-full',
      },
      { name: 'ssl', values: { '0': 'off' }, secure: 'sslmode=verify-full' },
    ],
  },
  credentials: { userPaths: ['connection.user'], secretPaths: ['connection.password'], urlUserinfo: true },
  location: {
    urlPaths: ['connection', 'connection.connectionString'],
    hostPaths: ['connection.host', 'connection.server'],
    listPaths: [],
    portPaths: ['connection.port'],
    // sqlite3/better-sqlite3 take a file name, not a location.
    notLocations: ['connection.filename', 'connection.socketPath'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['POSTGRES_URL', 'MYSQL_URL', 'JAWSDB_URL', 'CLEARDB_DATABASE_URL', 'DATABASE_PUBLIC_URL'],
  privilegedAccounts: SQL_ACCOUNTS,
  recipe: {
    urlOption: 'connection',
    tlsOptions: {},
    supersededOptions: [],
    noUrl: "knex serves several drivers whose TLS options differ; set `client` to a literal so the matching secure form can be written.",
    variants: [
      {
        when: isPg,
        urlOption: 'connection.connectionString',
        tlsOptions: { 'connection.ssl': '{ rejectUnauthorized: true }' },
        supersededOptions: ['connection.host', 'connection.port', 'connection.user', 'connection.password', 'connection.database'],
      },
      {
        when: isMysql2,
        urlOption: 'connection.uri',
        tlsOptions: { 'connection.ssl': '{ rejectUnauthorized: true, verifyIdentity: true }' },
        supersededOptions: ['connection.host', 'connection.port', 'connection.user', 'connection.password', 'connection.database'],
      },
      {
        // mysqljs takes no URL in an options object and never checks the host name: each
        // setting from its own variable, TLS left as it was, and the residual marker.
        when: isMysql,
        urlOption: 'connection',
        tlsOptions: { 'connection.ssl': '{ rejectUnauthorized: true }' },
        tlsPartial: true,
        supersededOptions: [],
        envOptions: [
          { path: 'connection.host', envVar: 'MYSQL_HOST', description: 'MySQL server host name, as its certificate names it' },
          { path: 'connection.user', envVar: 'MYSQL_USER', ifPresent: true, description: 'MySQL user (not root)' },
          { path: 'connection.password', envVar: 'MYSQL_PASSWORD', ifPresent: true, description: 'password of the MySQL user' },
          { path: 'connection.database', envVar: 'MYSQL_DATABASE', ifPresent: true, description: 'MySQL database name' },
        ],
        residual:
          "mysqljs cannot verify the server host name (`ssl` checks the certificate chain at most), so no verified TLS form exists for it: use `client: 'mysql2'` and write `connection: { ssl: { rejectUnauthorized: true, verifyIdentity: true } }`.",
      },
      {
        when: isMssql,
        urlOption: 'connection',
        tlsOptions: { 'connection.options.encrypt': 'true', 'connection.options.trustServerCertificate': 'false' },
        supersededOptions: [],
        // tedious takes no URL: each setting from its own variable.
        envOptions: [
          { path: 'connection.server', envVar: 'MSSQL_SERVER', replaces: ['connection.host', 'connection.connectionString'], description: 'SQL Server host name, as its certificate names it' },
          { path: 'connection.user', envVar: 'MSSQL_USER', ifPresent: true, description: 'SQL Server login (not sa)' },
          { path: 'connection.password', envVar: 'MSSQL_PASSWORD', ifPresent: true, description: 'password of the SQL Server login' },
          { path: 'connection.database', envVar: 'MSSQL_DATABASE', ifPresent: true, description: 'SQL Server database name' },
        ],
      },
    ],
  },
  optionTypes: [{ path: 'Knex.Config' }, { path: 'Config' }],
  configFiles: [{ name: 'knexfile', extensions: ['js', 'ts', 'mjs', 'cjs', 'mts', 'cts'], layout: 'either' }],
  shape: { discriminator: { path: 'client', values: KNEX_DRIVERS }, anyOf: ['connection'] },
  notes: [
    'With `client: "mssql"` knex turns encryption off unless `connection.options.encrypt: true` (tedious alone defaults to on).',
    'A string `connection` for pg is parsed by knex\'s own pg-connection-string 2.6.2, while `{ connectionString }` is parsed by pg: the same URL can behave differently once pg 9 lands.',
    'Driver TLS options pass through under `connection` (`connection.ssl` for pg and mysql).',
    'For mysql, mariadb and mssql URL strings, query values are JSON-parsed into `connection`.',
  ],
};
