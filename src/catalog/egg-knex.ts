import { knex, KNEX_DRIVERS } from './knex';
import { renameConditionPath } from './rebase';
import type { CatalogEntry } from './types';

const underDialect = renameConditionPath(knex, 'client', 'dialect');

/**
 * egg-knex, Egg.js's knex plugin: `config.knex = { client: { dialect, connection, pool } }`
 * (or `clients: { name: {...} }`) in `config/config.*.js`. Each instance's options are knex's
 * own, handed to `knex()` with `client: config.client || config.dialect || 'mysql2'`
 * (egg-knex 4, lib/knex.js), so every knex fact applies with the driver read from `dialect`.
 * Only found by shape: an Egg config file imports nothing. `client` written as knex spells it
 * is knex's own shape.
 */
export const eggKnex: CatalogEntry = {
  ...knex,
  ...underDialect,
  id: 'egg-knex',
  displayName: 'egg-knex',
  modules: ['egg-knex'],
  factories: [],
  optionTypes: undefined,
  configFiles: undefined,
  shape: { discriminator: { path: 'dialect', values: KNEX_DRIVERS }, anyOf: ['connection'] },
  wraps: 'knex',
  notes: ["Egg.js's knex plugin: the options go to knex as they are, `dialect` standing for knex's `client` (default `mysql2`)."],
};
