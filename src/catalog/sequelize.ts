import { SQL_ACCOUNTS } from './accounts';
import { TEDIOUS_DROPPED_KEYS } from './mssql';
import { MYSQL2_DROPPED_SSL_KEYS } from './mysql2';
import { pg } from './pg';
import type { CatalogEntry, OptionCondition } from './types';

const isPostgres: OptionCondition = { path: 'dialect', equals: 'postgres' };
const isMysql: OptionCondition = { path: 'dialect', equals: 'mysql' };
const isMssql: OptionCondition = { path: 'dialect', equals: 'mssql' };

/**
 * sequelize 6. The `'sequelize'` argument shape folds `(url, opts)`, `(database, username,
 * password, opts)` and `(opts)` into one options object with the URL at `url`. Facts:
 * reference/clients.md §15, §1.3, §28.12.
 */
export const sequelize: CatalogEntry = {
  id: 'sequelize',
  displayName: 'sequelize',
  service: 'sql',
  modules: ['sequelize', 'sequelize-typescript'],
  factories: [
    { path: 'Sequelize', invoke: 'new', args: 'sequelize' },
    // `const Sequelize = require('sequelize')` and the default export are the class itself.
    { path: '', invoke: 'new', args: 'sequelize' },
  ],
  tls: {
    paramSchemes: ['postgres', 'postgresql', 'mysql'],
    // Plaintext by default, except mssql: tedious encrypts but sequelize starts its config with
    // `trustServerCertificate: true` (the switch below, `whenAbsent`).
    default: 'off',
    switches: [
      // Only `dialectOptions` reaches the driver; a top-level `ssl` is ignored (db2 aside).
      {
        path: 'dialectOptions.ssl',
        when: isPostgres,
        // pg turns the strings 'true' and 'no-verify' (from URL query copies) into true and
        // `{ rejectUnauthorized: false }`. `require: true` inside the object is a no-op.
        values: { false: 'off', '0': 'off', true: 'verified', '"true"': 'verified', '"no-verify"': 'unverified' },
        object: 'bag',
        secure: 'dialectOptions: { ssl: { rejectUnauthorized: true } }',
      },
      {
        path: 'dialectOptions.ssl',
        when: isMysql,
        values: { false: 'off' },
        object: 'bag-hostname-unverified-unless-verifyIdentity',
        secure: 'dialectOptions: { ssl: { rejectUnauthorized: true, verifyIdentity: true } }',
      },
      {
        path: 'dialectOptions.options.encrypt',
        when: isMssql,
        // tedious encrypts by default (the TLS oracle saw TLS with nothing set).
        values: { false: 'off', true: 'verified', '"strict"': 'verified' },
        whenAbsent: 'verified',
        secure: 'dialectOptions: { options: { encrypt: true, trustServerCertificate: false } }',
      },
      {
        path: 'dialectOptions.options.trustServerCertificate',
        when: isMssql,
        values: { true: 'unverified', false: 'verified' },
        whenAbsent: 'unverified',
        // Without encryption the default trusts no certificate (no-disabled-tls reports that); TDS 8
        // (`encrypt: 'strict'`) ignores it and verifies (the TLS oracle saw it).
        unless: { path: 'dialectOptions.options.encrypt', equals: [false, 'strict'] },
        secure: 'dialectOptions: { options: { encrypt: true, trustServerCertificate: false } }',
      },
    ],
    bags: ['dialectOptions.ssl', 'dialectOptions.options.cryptoCredentialsDetails'],
    // The mysql dialect drives mysql2, the mssql dialect tedious.
    droppedBagKeys: [
      { bag: 'dialectOptions.ssl', keys: MYSQL2_DROPPED_SSL_KEYS, effect: 'ignored', when: isMysql },
      { bag: 'dialectOptions.options.cryptoCredentialsDetails', keys: TEDIOUS_DROPPED_KEYS, effect: 'ignored', when: isMssql },
    ],
    // A `trustServerCertificate: true` written beside `encrypt: false` is judged as mssql, tedious
    // and knex judge it: the switch above leaves that case out, and turning encryption on keeps it.
    verifyOff: [
      {
        path: 'dialectOptions.options.trustServerCertificate',
        value: true,
        when: { path: 'dialectOptions.options.encrypt', equals: false },
        secure: 'dialectOptions: { options: { encrypt: true, trustServerCertificate: false } }',
      },
    ],
    // Every query parameter is copied into `dialectOptions` as a string; for postgres the URL is
    // also parsed by pg-connection-string (^2.6.1, today 2.14) and merged, so pg's `sslmode`
    // semantics apply.
    urlParams: pg.tls.urlParams.filter((param) => param.name === 'sslmode').map((param) => ({ ...param, schemes: ['postgres', 'postgresql'] })),
  },
  credentials: { userPaths: ['username'], secretPaths: ['password'], urlUserinfo: true },
  location: {
    urlPaths: ['url'],
    hostPaths: ['host'],
    listPaths: [],
    portPaths: ['port'],
    // sqlite takes a file.
    notLocations: ['storage'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['POSTGRES_URL', 'MYSQL_URL', 'JAWSDB_URL', 'CLEARDB_DATABASE_URL', 'DATABASE_PUBLIC_URL'],
  privilegedAccounts: SQL_ACCOUNTS,
  recipe: {
    urlOption: '$arg',
    tlsOptions: {},
    supersededOptions: [],
    noUrl: 'sequelize serves several dialects whose TLS options differ; set `dialect` to a literal so the matching secure form can be written.',
    variants: [
      {
        when: isPostgres,
        urlOption: '$arg',
        tlsOptions: { 'dialectOptions.ssl': '{ rejectUnauthorized: true }' },
        supersededOptions: ['host', 'port', 'username', 'password', 'database'],
      },
      {
        when: isMysql,
        urlOption: '$arg',
        tlsOptions: { 'dialectOptions.ssl': '{ rejectUnauthorized: true, verifyIdentity: true }' },
        supersededOptions: ['host', 'port', 'username', 'password', 'database'],
      },
      {
        when: isMssql,
        urlOption: '$arg',
        tlsOptions: { 'dialectOptions.options.encrypt': 'true', 'dialectOptions.options.trustServerCertificate': 'false' },
        supersededOptions: ['host', 'port', 'username', 'password', 'database'],
      },
    ],
  },
  optionTypes: [{ path: 'Options' }, { module: 'sequelize-typescript', path: 'SequelizeOptions' }],
  // sequelize-cli: `config/config.json` (or `.js`) maps environments to options.
  // The CLI reads `config[NODE_ENV]`, and `use_env_variable` names the variable with the URL.
  configFiles: [{ name: 'config', dir: 'config', extensions: ['js', 'cjs', 'json'], layout: 'per-environment', urlVariableOption: 'use_env_variable' }],
  // sqlite too: a password written there is still a password in code.
  // `dialectOptions` is sequelize's alone: with it, a dialect read from the environment still
  // says whose options these are, and its TLS settings are worth judging without a location.
  shape: {
    discriminator: { path: 'dialect', values: ['postgres', 'mysql', 'mariadb', 'mssql', 'db2', 'oracle', 'sqlite'] },
    markers: ['dialectOptions'],
    anyOf: ['host', 'url', 'username', 'password', 'dialectOptions.ssl', 'dialectOptions.options.encrypt', 'dialectOptions.options.trustServerCertificate'],
  },
  notes: [
    'A top-level `ssl: true` is ignored for postgres, mysql, mariadb and mssql; TLS goes in `dialectOptions.ssl`.',
    '`dialectOptions: { ssl: { require: true } }`: `require` is a no-op; TLS is on only because the object is truthy.',
    'With `dialect: "mssql"` sequelize defaults to `trustServerCertificate: true`: encrypted but unverified.',
    'URL query parameters are copied into `dialectOptions` as strings (`?ssl=true` becomes `"true"`).',
  ],
};
