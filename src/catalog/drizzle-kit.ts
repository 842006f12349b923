import { SQL_ACCOUNTS } from './accounts';
import { pg } from './pg';
import type { CatalogEntry, OptionCondition } from './types';

const isPostgres: OptionCondition = { path: 'dialect', equals: ['postgresql', 'postgres'] };

/**
 * drizzle-kit's config (`drizzle.config.ts`: `defineConfig({ dialect, dbCredentials })` or a
 * plain default export) is what `drizzle-kit migrate/push` connect with. For PostgreSQL it
 * turns `ssl: 'require' | 'allow' | 'prefer'` into `{ rejectUnauthorized: false }` before
 * handing it to pg (or postgres.js, which reads those modes the same way).
 */
export const drizzleKit: CatalogEntry = {
  id: 'drizzle-kit',
  displayName: 'drizzle-kit',
  service: 'sql',
  modules: ['drizzle-kit'],
  factories: [{ path: 'defineConfig', invoke: 'call', args: ['$spread'] }],
  tls: {
    paramSchemes: ['postgres', 'postgresql', 'mysql'],
    default: 'off',
    switches: [
      {
        path: 'dbCredentials.ssl',
        when: isPostgres,
        values: { false: 'off', true: 'verified', '"require"': 'unverified', '"allow"': 'unverified', '"prefer"': 'unverified', '"verify-full"': 'verified' },
        object: 'bag',
        secure: "dbCredentials: { ssl: 'verify-full' }",
      },
      { path: 'dbCredentials.ssl', values: { false: 'off' }, object: 'bag', secure: 'dbCredentials: { ssl: { rejectUnauthorized: true } }' },
    ],
    bags: ['dbCredentials.ssl'],
    verifyOff: [],
    // A `url` goes to pg (or postgres.js) as it is.
    urlParams: pg.tls.urlParams,
  },
  credentials: { userPaths: ['dbCredentials.user'], secretPaths: ['dbCredentials.password', 'dbCredentials.authToken'], urlUserinfo: true },
  location: {
    urlPaths: ['dbCredentials.url', 'dbCredentials.connectionString', 'dbCredentials.uri'],
    hostPaths: ['dbCredentials.host'],
    listPaths: [],
    portPaths: ['dbCredentials.port'],
    notLocations: ['out', 'schema'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['POSTGRES_URL', 'DIRECT_URL'],
  privilegedAccounts: SQL_ACCOUNTS,
  optionTypes: [{ path: 'Config' }],
  configFiles: [{ name: 'drizzle.config', extensions: ['ts', 'js', 'mjs', 'cjs', 'mts', 'cts'], layout: 'options' }],
  recipe: {
    urlOption: 'dbCredentials.url',
    tlsOptions: { 'dbCredentials.ssl': "'verify-full'" },
    supersededOptions: ['dbCredentials.host', 'dbCredentials.port', 'dbCredentials.user', 'dbCredentials.password', 'dbCredentials.database'],
  },
  notes: ["For PostgreSQL, `ssl: 'require'`, `'allow'` and `'prefer'` mean no certificate verification; use `'verify-full'`."],
};
