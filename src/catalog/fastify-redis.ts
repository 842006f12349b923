import { ioredis } from './ioredis';
import type { CatalogEntry } from './types';

/**
 * @fastify/redis (and its former name fastify-redis), registered as a Fastify plugin:
 * `fastify.register(fastifyRedis, { url, host, password, tls, ... })`. Version 9's `index.js`
 * takes `namespace`, `url` and `closeClient` out and builds `new Redis(url, rest)` or
 * `new Redis(rest)`, so every ioredis fact applies; with `client` given it builds nothing.
 */
export const fastifyRedis: CatalogEntry = {
  ...ioredis,
  id: '@fastify/redis',
  displayName: '@fastify/redis',
  modules: ['@fastify/redis', 'fastify-redis'],
  factories: [{ path: '', invoke: 'plugin', args: [null, '$spread'] }],
  recipe: { ...ioredis.recipe, urlOption: 'url' },
  optionTypes: undefined,
  shape: undefined,
  wraps: 'ioredis',
  notes: ['`register(fastifyRedis, options)` builds ioredis `new Redis(url, options)` (or `new Redis(options)`): every ioredis fact applies. With `client` it builds nothing.', ...ioredis.notes],
};
