import { SQL_ACCOUNTS } from './accounts';
import { pg } from './pg';
import type { CatalogEntry, OptionCondition } from './types';

/** `DB_CLIENT` values Directus hands to knex that drive node-postgres. */
const PG_CLIENTS = ['pg', 'postgres', 'postgresql', 'cockroachdb'];
const isPg: OptionCondition = { path: 'DB_CLIENT', equals: PG_CLIENTS };

/**
 * Directus: its configuration (the environment, or a `config.js` exporting the same names) holds
 * the database as flat `DB_*` keys, which Directus turns into knex's `connection` (`DB_` removed,
 * the rest camel-cased, `__` nesting: `DB_SSL__REJECT_UNAUTHORIZED` is `ssl.rejectUnauthorized`).
 * So the keys are judged by the driver's facts under their flat names. Only found by shape: a
 * config module imports nothing.
 */
export const directus: CatalogEntry = {
  id: 'directus',
  displayName: 'Directus',
  service: 'sql',
  modules: ['directus'],
  factories: [],
  tls: {
    paramSchemes: [],
    // knex's drivers connect in clear text unless `ssl` is set.
    default: 'off',
    switches: [
      {
        path: 'DB_SSL',
        when: isPg,
        values: { false: 'off', '"false"': 'off', true: 'verified', '"true"': 'verified' },
        secure: 'DB_SSL__REJECT_UNAUTHORIZED: true',
      },
    ],
    bags: [],
    verifyOff: [{ path: 'DB_SSL__REJECT_UNAUTHORIZED', value: false, when: isPg, secure: 'DB_SSL__REJECT_UNAUTHORIZED: true' }],
    // `DB_CONNECTION_STRING` (pg only) is parsed by node-postgres as its own `connectionString`.
    urlParams: pg.tls.urlParams,
  },
  credentials: { userPaths: ['DB_USER'], secretPaths: ['DB_PASSWORD'], urlUserinfo: true },
  location: { urlPaths: ['DB_CONNECTION_STRING'], hostPaths: ['DB_HOST'], listPaths: [], portPaths: ['DB_PORT'], notLocations: ['DB_FILENAME'] },
  envVar: 'DB_CONNECTION_STRING',
  envVarAliases: ['DB_HOST'],
  privilegedAccounts: SQL_ACCOUNTS,
  recipe: {
    urlOption: 'DB_CONNECTION_STRING',
    tlsOptions: {},
    supersededOptions: [],
    noUrl: "Directus reads these settings by the same names from the environment, and each driver's TLS options differ: remove the literal values and set them (with the driver's verified TLS options under `DB_SSL__*`) in the environment.",
    variants: [
      {
        // Directus reads these very names from the environment: each key reads its own variable.
        when: isPg,
        urlOption: 'DB_CONNECTION_STRING',
        tlsOptions: { DB_SSL__REJECT_UNAUTHORIZED: 'true' },
        supersededOptions: [],
        envOptions: [
          { path: 'DB_HOST', envVar: 'DB_HOST', ifPresent: true, description: 'database host name, as its certificate names it' },
          { path: 'DB_CONNECTION_STRING', envVar: 'DB_CONNECTION_STRING', ifPresent: true, description: 'PostgreSQL connection URL, with sslmode=verify-full' },
          { path: 'DB_USER', envVar: 'DB_USER', ifPresent: true, description: 'database user (a least-privileged account)' },
          { path: 'DB_PASSWORD', envVar: 'DB_PASSWORD', ifPresent: true, description: 'password of the database user' },
        ],
      },
    ],
  },
  optionTypes: undefined,
  shape: { discriminator: { path: 'DB_CLIENT', values: [...PG_CLIENTS, 'mysql', 'mysql2', 'mssql', 'oracledb'] }, anyOf: ['DB_HOST', 'DB_CONNECTION_STRING', 'DB_USER', 'DB_PASSWORD'] },
  wraps: 'knex',
  notes: [
    'Directus 9 and later. `DB_SSL__CA` and the other `DB_SSL__*` keys become `ssl` options of the driver; only the verification switch is judged.',
    '`DB_CONNECTION_STRING` applies to PostgreSQL only.',
  ],
};
