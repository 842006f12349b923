import { pg } from './pg';
import type { CatalogEntry } from './types';

/**
 * @fastify/postgres (and its former name fastify-postgres), registered as a Fastify plugin:
 * `fastify.register(fastifyPostgres, { connectionString, ssl, ... })`. Version 6's `index.js`
 * takes `pg`, `native` and `name` out and builds `new pg.Pool(options)`, so every pg fact applies.
 */
export const fastifyPostgres: CatalogEntry = {
  ...pg,
  id: '@fastify/postgres',
  displayName: '@fastify/postgres',
  modules: ['@fastify/postgres', 'fastify-postgres'],
  factories: [{ path: '', invoke: 'plugin', args: [null, '$spread'] }],
  optionTypes: undefined,
  shape: undefined,
  wraps: 'pg',
  notes: ["`register(fastifyPostgres, options)` builds `new pg.Pool(options)`: every pg fact applies."],
};
