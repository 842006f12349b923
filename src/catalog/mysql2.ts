import { MYSQL_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * Node TLS options mysql2 does not pass on from `ssl`: it builds its own `tls.connect` options
 * (its `checkServerIdentity` follows `verifyIdentity`) from a secure context of `ca`, `cert`,
 * `ciphers`, `key`, `passphrase`, `minVersion` and `maxVersion` (lib/base/connection.js).
 */
export const MYSQL2_DROPPED_SSL_KEYS = ['checkServerIdentity', 'secureProtocol'];

/** mysql2. Facts: reference/clients.md §5, §1.3, §28.6. */
export const mysql2: CatalogEntry = {
  id: 'mysql2',
  displayName: 'mysql2',
  service: 'mysql',
  modules: ['mysql2', 'mysql2/promise'],
  factories: [
    // A string is a URL; `{ uri, ... }` works too (object keys win over the URI's).
    { path: 'createConnection', invoke: 'call', args: ['url|$spread'] },
    { path: 'connect', invoke: 'call', args: ['url|$spread'] },
    { path: 'createPool', invoke: 'call', args: ['url|$spread'] },
    { path: 'createPoolCluster().add', invoke: 'call', args: 'pool-cluster-add' },
  ],
  tls: {
    paramSchemes: ['mysql'],
    default: 'off',
    switches: [
      {
        path: 'ssl',
        // An object verifies the chain (rejectUnauthorized defaults to true) but not the host
        // name unless `verifyIdentity: true`. `ssl: true` and unknown profile names throw a
        // TypeError, so they fail closed and get no meaning here.
        values: { false: 'off' },
        object: 'bag-hostname-unverified-unless-verifyIdentity',
        secure: 'ssl: { rejectUnauthorized: true, verifyIdentity: true }',
      },
    ],
    bags: ['ssl'],
    droppedBagKeys: [{ bag: 'ssl', keys: MYSQL2_DROPPED_SSL_KEYS, effect: 'ignored' }],
    verifyOff: [],
    urlParams: [
      // Query values are JSON.parse'd; `?ssl=false` is the boolean false.
      { name: 'ssl', values: { false: 'off' }, secure: 'ssl={"rejectUnauthorized":true,"verifyIdentity":true}' },
    ],
    schemeIgnored: true,
  },
  credentials: { userPaths: ['user'], secretPaths: ['password'], urlUserinfo: true },
  location: {
    // `url` is where a string argument lands; `uri` is the option of the same meaning.
    urlPaths: ['url', 'uri'],
    hostPaths: ['host'],
    listPaths: [],
    portPaths: ['port'],
    notLocations: ['socketPath'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['MYSQL_URL', 'JAWSDB_URL', 'JAWSDB_MARIA_URL', 'CLEARDB_DATABASE_URL'],
  privilegedAccounts: MYSQL_ACCOUNTS,
  recipe: {
    urlOption: 'uri',
    tlsOptions: { ssl: '{ rejectUnauthorized: true, verifyIdentity: true }' },
    supersededOptions: ['host', 'port', 'user', 'password', 'database'],
  },
  optionTypes: [{ path: 'PoolOptions' }, { path: 'ConnectionOptions' }],
  shape: { names: ['mysql', 'mariadb', 'maria'], ports: [3306], anyOf: ['host', 'uri', 'url', 'user', 'password'] },
  notes: [
    '`ssl: {}` verifies the certificate chain but not the host name; add `verifyIdentity: true`.',
    '`ssl: true` throws a TypeError in mysql2 ("SSL profile must be an object").',
    'TLS is off by default and there is no plaintext fallback once it is on.',
    'With `{ uri, ... }` the explicit options win over values in the URI.',
  ],
};
