import { cassandra } from './cassandra';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

const underClient = rebase(cassandra, 'clientOptions');

/**
 * express-cassandra, an ORM over cassandra-driver (or dse-driver): `createClient({ clientOptions,
 * ormOptions })` and `bind(...)` hand `clientOptions` to `new cql.Client(...)` (version 2.9's
 * `lib/orm/apollo.js`), so every cassandra-driver fact applies under `clientOptions`. The driver
 * is exposed as `driver`, its auth providers as `driver.auth.*`.
 */
export const expressCassandra: CatalogEntry = {
  ...cassandra,
  ...underClient,
  id: 'express-cassandra',
  displayName: 'express-cassandra',
  modules: ['express-cassandra'],
  factories: [
    { path: 'createClient', invoke: 'call', args: ['$spread'] },
    { path: 'bind', invoke: 'call', args: ['$spread', null] },
    { path: 'bindAsync', invoke: 'call', args: ['$spread'] },
  ],
  credentialHelpers: [
    { path: 'driver.auth.PlainTextAuthProvider', args: ['clientOptions.credentials.username', 'clientOptions.credentials.password'], invoke: 'new' },
    { path: 'driver.auth.DsePlainTextAuthProvider', args: ['clientOptions.credentials.username', 'clientOptions.credentials.password'], invoke: 'new' },
  ],
  optionTypes: undefined,
  shape: undefined,
  wraps: 'cassandra-driver',
  notes: ['`clientOptions` go to cassandra-driver\'s `Client`: every cassandra-driver fact applies.'],
};
