import { SQL_ACCOUNTS } from './accounts';
import type { CatalogEntry, OptionCondition } from './types';

/** Strapi 3 `settings.client` names that end up as knex's `pg` (Strapi renames them). */
const PG_CLIENTS = ['pg', 'postgres', 'postgresql', 'postgre'];
const isPg: OptionCondition = { path: 'client', equals: PG_CLIENTS };
const isMysql2: OptionCondition = { path: 'client', equals: 'mysql2' };
const isMysql: OptionCondition = { path: 'client', equals: 'mysql' };

/**
 * Strapi 3's bookshelf connector: `config/database.js` declares
 * `connections.default = { connector: 'bookshelf', settings: { client, host, username, password, ssl } }`
 * and strapi-connector-bookshelf (lib/knex.js) hands knex
 * `connection: { host, user: username || user, password, port, ssl: settings.ssl ?? false }`.
 * So the settings are knex's `connection` with flat keys, judged by the same driver facts.
 * Only found by shape: the file imports nothing.
 */
export const strapiBookshelf: CatalogEntry = {
  id: 'strapi-connector-bookshelf',
  displayName: 'Strapi 3 (bookshelf)',
  service: 'sql',
  modules: ['strapi-connector-bookshelf'],
  factories: [],
  tls: {
    paramSchemes: [],
    // `ssl: _.get(settings, 'ssl', false)`.
    default: 'off',
    switches: [
      {
        path: 'ssl',
        when: isPg,
        values: { false: 'off', '0': 'off', true: 'verified', '"true"': 'verified', '"no-verify"': 'unverified' },
        object: 'bag',
        secure: 'ssl: { rejectUnauthorized: true }',
      },
      { path: 'ssl', when: isMysql2, values: { false: 'off' }, object: 'bag-hostname-unverified-unless-verifyIdentity', secure: 'ssl: { rejectUnauthorized: true, verifyIdentity: true }' },
      {
        path: 'ssl',
        when: isMysql,
        values: { false: 'off', true: 'unverified' },
        otherTruthy: 'unverified',
        object: 'bag-hostname-unverified-unless-verifyIdentity',
        secure: "client: 'mysql2' with ssl: { rejectUnauthorized: true, verifyIdentity: true }",
      },
    ],
    bags: ['ssl'],
    verifyOff: [],
    urlParams: [],
  },
  credentials: { userPaths: ['username', 'user'], secretPaths: ['password'], urlUserinfo: false },
  location: { urlPaths: [], hostPaths: ['host'], listPaths: [], portPaths: ['port'], notLocations: ['filename', 'socketPath'] },
  envVar: 'DATABASE_HOST',
  envVarAliases: [],
  privilegedAccounts: SQL_ACCOUNTS,
  recipe: {
    urlOption: 'host',
    tlsOptions: {},
    supersededOptions: [],
    noUrl: "Strapi 3's bookshelf connector takes no URL: read `host`, `username` and `password` with `env('DATABASE_HOST')` and the like, and set `ssl` for the driver in `client`.",
  },
  optionTypes: undefined,
  shape: { discriminator: { path: 'client', values: [...PG_CLIENTS, 'mysql', 'mysql2', 'mssql', 'ms'] }, anyOf: ['host', 'username', 'password'] },
  wraps: 'knex',
  notes: [
    'Strapi 3 only (Strapi 4 and later take knex options as they are: `connection: { client, connection }`).',
    '`settings.ssl` becomes knex `connection.ssl`, off when unset; mssql settings cannot turn encryption on (knex reads `connection.options.encrypt`, which Strapi does not pass).',
  ],
};
