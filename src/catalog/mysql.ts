import { MYSQL_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * Node TLS options mysqljs does not pass on from `ssl`: its secure context takes only `ca`,
 * `cert`, `ciphers`, `key` and `passphrase`, and it checks `rejectUnauthorized` itself
 * (lib/Connection.js).
 */
export const MYSQLJS_DROPPED_SSL_KEYS = ['checkServerIdentity', 'minVersion', 'maxVersion', 'secureProtocol'];

/** mysqljs/mysql (unmaintained since 2020). Facts: reference/clients.md §4, §28.6. */
export const mysql: CatalogEntry = {
  id: 'mysql',
  displayName: 'mysql',
  service: 'mysql',
  modules: ['mysql'],
  factories: [
    // A string argument is a URL (parsed with url.parse, scheme ignored), an object the config.
    { path: 'createConnection', invoke: 'call', args: ['url|$spread'] },
    { path: 'createPool', invoke: 'call', args: ['url|$spread'] },
    // cluster.add([id,] config | url): the shape puts the URL at `url`.
    { path: 'createPoolCluster().add', invoke: 'call', args: 'pool-cluster-add' },
  ],
  tls: {
    // The scheme is ignored; TLS comes only from `?ssl=` or the `ssl` option.
    paramSchemes: ['mysql'],
    default: 'off',
    switches: [
      {
        path: 'ssl',
        // `ssl: true` has no `rejectUnauthorized`, so the chain is not checked at all; a profile
        // name or an object checks the chain, but mysqljs never checks the host name, whatever
        // the object says (`verifyIdentity` is mysql2's).
        values: { false: 'off', true: 'unverified' },
        otherTruthy: 'unverified',
        object: 'bag-hostname-unverified',
        secure: 'mysql2 with ssl: { rejectUnauthorized: true, verifyIdentity: true } (mysqljs never checks the host name)',
      },
    ],
    bags: ['ssl'],
    droppedBagKeys: [{ bag: 'ssl', keys: MYSQLJS_DROPPED_SSL_KEYS, effect: 'ignored' }],
    verifyOff: [],
    urlParams: [
      // Query values are JSON.parse'd: `?ssl=true` is the boolean, `?ssl="Amazon RDS"` a profile.
      {
        name: 'ssl',
        values: { true: 'unverified', false: 'off', '"amazon rds"': 'unverified' },
        secure: 'mysql2 with ssl: { rejectUnauthorized: true, verifyIdentity: true }',
      },
    ],
    schemeIgnored: true,
  },
  credentials: { userPaths: ['user'], secretPaths: ['password'], urlUserinfo: true },
  location: {
    urlPaths: ['url'],
    hostPaths: ['host'],
    listPaths: [],
    portPaths: ['port'],
    notLocations: ['socketPath'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['MYSQL_URL', 'JAWSDB_URL', 'JAWSDB_MARIA_URL', 'CLEARDB_DATABASE_URL'],
  privilegedAccounts: MYSQL_ACCOUNTS,
  recipe: {
    urlOption: '$arg',
    tlsOptions: { ssl: '{ rejectUnauthorized: true }' },
    supersededOptions: ['host', 'port', 'user', 'password', 'database'],
    // A URL only as the whole argument, with no TLS options beside it: each setting from its
    // own variable instead, so `ssl` can sit in the same object.
    envOptions: [
      { path: 'host', envVar: 'MYSQL_HOST', replaces: ['url'], description: 'MySQL server host name, as its certificate names it' },
      { path: 'user', envVar: 'MYSQL_USER', ifPresent: true, description: 'MySQL user (not root)' },
      { path: 'password', envVar: 'MYSQL_PASSWORD', ifPresent: true, description: 'password of the MySQL user' },
      { path: 'database', envVar: 'MYSQL_DATABASE', ifPresent: true, description: 'MySQL database name' },
    ],
    residual:
      'mysqljs cannot verify the server host name (`ssl` checks the certificate chain at most), so no verified TLS form exists for it: migrate to mysql2 and write `ssl: { rejectUnauthorized: true, verifyIdentity: true }`.',
    tlsPartial: true,
  },
  optionTypes: [{ path: 'PoolConfig' }, { path: 'ConnectionConfig' }],
  notes: [
    '`ssl: true` (or `?ssl=true`) enables TLS without any certificate verification.',
    'mysqljs never checks the server host name, so it cannot be made fully verified; mysql2 with `verifyIdentity: true` can.',
    'TLS is off by default, and the URL scheme is ignored.',
    '`localInfile` defaults to true, a separate hardening concern.',
  ],
};
