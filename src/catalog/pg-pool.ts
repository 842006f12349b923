import { pg } from './pg';
import type { CatalogEntry } from './types';

/**
 * pg-pool, the pool `pg.Pool` is built from, used on its own: `new Pool(options)` copies the
 * options and builds each connection with `new Client(options)`, pg's `Client` unless another
 * is given (pg-pool 3, index.js). So every pg fact applies to the same option names.
 */
export const pgPool: CatalogEntry = {
  ...pg,
  id: 'pg-pool',
  displayName: 'pg-pool',
  modules: ['pg-pool'],
  factories: [{ path: '', invoke: 'new', args: ['$spread'] }],
  optionTypes: undefined,
  shape: undefined,
  wraps: 'pg',
  notes: ["The options go to pg's `Client` as they are: every pg fact applies."],
};
