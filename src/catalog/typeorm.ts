import { SQL_ACCOUNTS } from './accounts';
import { mongodbTls } from './mongodb';
import { TEDIOUS_DROPPED_KEYS } from './mssql';
import { MYSQL2_DROPPED_SSL_KEYS } from './mysql2';
import { pg } from './pg';
import type { CatalogEntry, OptionCondition } from './types';

const isPostgres: OptionCondition = { path: 'type', equals: ['postgres', 'cockroachdb'] };
const isMysql: OptionCondition = { path: 'type', equals: ['mysql', 'mariadb'] };
const isMssql: OptionCondition = { path: 'type', equals: 'mssql' };
const isMongo: OptionCondition = { path: 'type', equals: 'mongodb' };

/**
 * The MongoDB options TypeORM hands to the driver (MongoDriver's `validOptionNames`, 1.x; URL
 * query parameters become options first): `ssl`, `tlsAllowInvalidHostnames`, `tlsInsecure` and
 * raw TLS socket options other than `checkServerIdentity` never reach it.
 */
const MONGO_PASSED = new Set(['tls', 'tlsAllowInvalidCertificates', 'tlsCAFile', 'tlsCertificateKeyFile', 'checkServerIdentity']);

/** TypeORM (1.x; same shapes in 0.3). Facts: reference/clients.md §16, §1.3. */
export const typeorm: CatalogEntry = {
  id: 'typeorm',
  displayName: 'typeorm',
  service: 'sql',
  modules: ['typeorm'],
  factories: [
    { path: 'DataSource', invoke: 'new', args: ['$spread'] },
    // 0.2/0.3 only; removed from the 1.x exports.
    { path: 'createConnection', invoke: 'call', args: ['$spread'] },
  ],
  tls: {
    // postgres/mysql plaintext by default; mssql uses the mssql package defaults (encrypted and
    // verified); mongodb follows the driver (scheme).
    default: 'off',
    switches: [
      // postgres: `new pg.Pool({ connectionString: url, ssl, ... , ...extra })`: `extra` wins.
      { path: 'ssl', when: isPostgres, values: { false: 'off', true: 'verified' }, object: 'bag', secure: 'ssl: { rejectUnauthorized: true }' },
      { path: 'extra.ssl', when: isPostgres, values: { false: 'off', true: 'verified' }, object: 'bag', secure: 'ssl: { rejectUnauthorized: true } (and no extra.ssl)' },
      // mysql/mariadb: `ssl` goes to the mysql driver. `ssl: true` skips verification in mysqljs
      // and throws in mysql2; an object checks the host name only with `verifyIdentity`.
      {
        path: 'ssl',
        when: isMysql,
        values: { false: 'off', true: 'unverified' },
        object: 'bag-hostname-unverified-unless-verifyIdentity',
        secure: 'ssl: { rejectUnauthorized: true, verifyIdentity: true }',
      },
      // mssql encrypts by default (the TLS oracle saw TLS with nothing set).
      { path: 'options.encrypt', when: isMssql, values: { false: 'off', true: 'verified', '"strict"': 'verified' }, whenAbsent: 'verified', secure: 'options: { encrypt: true }' },
      // mssql: `Object.assign({ ..., options }, credentials, extra)` (SqlServerDriver `createPool`):
      // `extra.options` replaces `options` whole.
      { path: 'extra.options.encrypt', when: isMssql, values: { false: 'off', true: 'verified', '"strict"': 'verified' }, secure: 'options: { encrypt: true } (and no extra.options)' },
      // The rest of `extra` lands at the top of mssql's config, where `encrypt` and
      // `trustServerCertificate` are honoured unless `options` sets them (see mssql's entry).
      {
        path: 'extra.encrypt',
        when: isMssql,
        values: { false: 'off', true: 'verified', '"strict"': 'verified' },
        unless: { path: 'options.encrypt', equals: [true, false, 'strict'] },
        secure: 'options: { encrypt: true } (and no extra.encrypt)',
      },
      {
        path: 'extra.trustServerCertificate',
        when: isMssql,
        values: { true: 'unverified' },
        unless: { path: 'options.trustServerCertificate', equals: [true, false] },
        secure: 'options: { trustServerCertificate: false } (and no extra.trustServerCertificate)',
      },
      ...mongodbTls.switches.filter((sw) => MONGO_PASSED.has(sw.path)).map((sw) => ({ ...sw, when: isMongo })),
    ],
    bags: ['ssl', 'extra.ssl', 'options.cryptoCredentialsDetails'],
    // TypeORM 1.x drives mysql2 for mysql/mariadb (0.3 preferred mysqljs), tedious for mssql.
    droppedBagKeys: [
      { bag: 'ssl', keys: MYSQL2_DROPPED_SSL_KEYS, effect: 'ignored', when: isMysql },
      { bag: 'options.cryptoCredentialsDetails', keys: TEDIOUS_DROPPED_KEYS, effect: 'ignored', when: isMssql },
      // `ssl` and `extra` are not MongoDB options for TypeORM.
      ...['ssl', 'extra.ssl'].map((bag) => ({ bag, keys: ['rejectUnauthorized', 'checkServerIdentity', 'minVersion', 'maxVersion', 'secureProtocol', 'ciphers'], effect: 'ignored' as const, when: isMongo })),
    ],
    verifyOff: [
      { path: 'options.trustServerCertificate', value: true, when: isMssql, secure: 'options: { trustServerCertificate: false }' },
      { path: 'extra.options.trustServerCertificate', value: true, when: isMssql, secure: 'options: { trustServerCertificate: false } (and no extra.options)' },
      ...mongodbTls.verifyOff.filter((flag) => MONGO_PASSED.has(flag.path)).map((flag) => ({ ...flag, when: isMongo })),
    ],
    // postgres `url` is pg's connectionString (its sslmode overrides `ssl`); mysql and mssql drop
    // the query string; mongodb URLs keep the driver's parameters. `ssl=` differs between pg and
    // mongodb, so it is left out.
    urlParams: [
      ...pg.tls.urlParams.filter((param) => param.name === 'sslmode').map((param) => ({ ...param, schemes: ['postgres', 'postgresql'] })),
      ...mongodbTls.urlParams.filter((param) => MONGO_PASSED.has(param.name)).map((param) => ({ ...param, schemes: ['mongodb', 'mongodb+srv'] })),
    ],
    schemes: { plaintext: ['mongodb'], tls: ['mongodb+srv'] },
    paramSchemes: ['postgres', 'postgresql', 'mongodb'],
  },
  credentials: { userPaths: ['username'], secretPaths: ['password'], urlUserinfo: true },
  location: {
    urlPaths: ['url'],
    hostPaths: ['host'],
    listPaths: [],
    portPaths: ['port'],
    // sqlite's `database` is a file path.
    notLocations: ['database'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['POSTGRES_URL', 'MYSQL_URL', 'MONGODB_URI', 'JAWSDB_URL', 'CLEARDB_DATABASE_URL', 'DATABASE_PUBLIC_URL'],
  privilegedAccounts: SQL_ACCOUNTS,
  recipe: {
    urlOption: 'url',
    tlsOptions: {},
    supersededOptions: [],
    noUrl: 'typeorm serves several drivers whose TLS options differ; set `type` to a literal so the matching secure form can be written.',
    variants: [
      {
        when: isPostgres,
        urlOption: 'url',
        tlsOptions: { ssl: '{ rejectUnauthorized: true }' },
        supersededOptions: ['host', 'port', 'username', 'password', 'database'],
      },
      {
        when: isMysql,
        // The mysql driver drops the URL's query string, so TLS stays in `ssl`.
        urlOption: 'url',
        tlsOptions: { ssl: '{ rejectUnauthorized: true, verifyIdentity: true }' },
        supersededOptions: ['host', 'port', 'username', 'password', 'database'],
      },
      {
        when: isMongo,
        urlOption: 'url',
        tlsOptions: { tls: 'true' },
        supersededOptions: ['host', 'port', 'username', 'password', 'database'],
      },
      {
        when: isMssql,
        urlOption: 'url',
        // The query string is dropped, so encryption settings stay in `options`.
        tlsOptions: { 'options.encrypt': 'true', 'options.trustServerCertificate': 'false' },
        supersededOptions: ['host', 'port', 'username', 'password', 'database'],
      },
    ],
  },
  optionTypes: [
    { path: 'DataSourceOptions' },
    { path: 'ConnectionOptions' },
    { module: 'typeorm/driver/postgres/PostgresConnectionOptions', path: 'PostgresConnectionOptions' },
    { module: 'typeorm/driver/mysql/MysqlConnectionOptions', path: 'MysqlConnectionOptions' },
    { module: 'typeorm/driver/sqlserver/SqlServerConnectionOptions', path: 'SqlServerConnectionOptions' },
  ],
  configFiles: [{ name: 'ormconfig', extensions: ['js', 'ts', 'json', 'cjs', 'mjs'], layout: 'options' }],
  shape: {
    discriminator: { path: 'type', values: ['postgres', 'mysql', 'mariadb', 'mssql', 'mongodb', 'cockroachdb', 'oracle', 'aurora-postgres', 'aurora-mysql'] },
    // With `type` read from the environment, options only TypeORM has.
    markers: ['synchronize', 'migrationsRun', 'dropSchema'],
    anyOf: ['host', 'url', 'username', 'password'],
  },
  notes: [
    'For postgres, `extra` overrides everything: `extra: { ssl: { rejectUnauthorized: false } }` turns verification off.',
    'For mssql, `extra.options` replaces `options` whole: `extra: { options: { trustServerCertificate: true } }` turns verification off.',
    'For postgres, `url` query parameters (`sslmode`) override `ssl`.',
    'For mysql and mssql the query string of `url` is dropped, so `?ssl=` has no effect.',
    'For mssql, `options.trustServerCertificate: true` turns verification off.',
    'For mongodb, only `tls`, `tlsAllowInvalidCertificates`, `tlsCAFile`, `tlsCertificateKeyFile` and `checkServerIdentity` reach the driver: `ssl: true` leaves the connection in clear text.',
  ],
};
