import { SQL_ACCOUNTS } from './accounts';
import { pg } from './pg';
import type { CatalogEntry } from './types';

/**
 * MikroORM: `MikroORM.init(options)`, `defineConfig(options)` from a driver package and the
 * `mikro-orm.config.*` file. `clientUrl` or `host`/`user`/`password` locate and log in;
 * `driverOptions` reach the driver (`driverOptions.connection.ssl` through knex in v5,
 * `driverOptions.ssl` in later drivers).
 */
export const mikroOrm: CatalogEntry = {
  id: '@mikro-orm/core',
  displayName: 'MikroORM',
  service: 'sql',
  modules: ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/mariadb', '@mikro-orm/mssql', '@mikro-orm/mongodb', '@mikro-orm/nestjs'],
  factories: [
    { path: 'MikroORM.init', invoke: 'call', args: ['$spread'] },
    { path: 'defineConfig', invoke: 'call', args: ['$spread'] },
    { path: 'MikroOrmModule.forRoot', invoke: 'call', args: ['$spread'] },
    { path: 'MikroOrmModule.forRootAsync', invoke: 'call', args: ['$async'] },
  ],
  tls: {
    paramSchemes: ['postgres', 'postgresql', 'mysql'],
    default: 'off',
    switches: [
      { path: 'driverOptions.connection.ssl', values: { false: 'off' }, object: 'bag', secure: 'driverOptions: { connection: { ssl: { rejectUnauthorized: true } } }' },
      { path: 'driverOptions.ssl', values: { false: 'off' }, object: 'bag', secure: 'driverOptions: { ssl: { rejectUnauthorized: true } }' },
    ],
    bags: ['driverOptions.connection.ssl', 'driverOptions.ssl'],
    verifyOff: [],
    // `clientUrl` is parsed by the driver; for PostgreSQL that is pg-connection-string.
    urlParams: pg.tls.urlParams,
  },
  credentials: { userPaths: ['user'], secretPaths: ['password'], urlUserinfo: true },
  location: { urlPaths: ['clientUrl'], hostPaths: ['host'], listPaths: [], portPaths: ['port'], notLocations: ['dbName'] },
  envVar: 'DATABASE_URL',
  envVarAliases: ['MIKRO_ORM_CLIENT_URL'],
  privilegedAccounts: SQL_ACCOUNTS,
  optionTypes: [{ path: 'Options' }],
  configFiles: [{ name: 'mikro-orm.config', extensions: ['ts', 'js', 'mjs', 'cjs'], layout: 'options' }],
  recipe: {
    urlOption: 'clientUrl',
    tlsOptions: {},
    supersededOptions: ['host', 'port', 'user', 'password'],
    noUrl: 'MikroORM drivers take TLS options in different places; set `clientUrl` from the environment and the driver\'s `ssl` options by hand.',
  },
  notes: ['`driverOptions` reach the driver unchanged: its TLS semantics apply there.'],
};
