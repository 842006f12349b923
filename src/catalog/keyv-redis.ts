import { redis } from './redis';
import type { CatalogEntry } from './types';

/**
 * @keyv/redis, the Redis store of Keyv (and of NestJS's cache-manager 6 and later): version 5's
 * `dist/index.cjs` builds `new KeyvRedis(connect, options)` from node-redis: a URL string as
 * `createClient({ url })`, an options object as `createClient(options)` (`createCluster` with
 * `rootNodes`, `createSentinel` with `sentinelRootNodes`); a client handed in is used as it is.
 * `createKeyv(connect, options)` does the same. Every node-redis fact applies to `connect`;
 * `options` are the adapter's own (namespace, key prefix).
 */
export const keyvRedis: CatalogEntry = {
  ...redis,
  id: '@keyv/redis',
  displayName: '@keyv/redis',
  modules: ['@keyv/redis'],
  factories: [
    { path: '', invoke: 'new', args: ['url|$spread', null] },
    { path: 'KeyvRedis', invoke: 'new', args: ['url|$spread', null] },
    { path: 'createKeyv', invoke: 'call', args: ['url|$spread', null] },
    { path: 'createKeyvNonBlocking', invoke: 'call', args: ['url|$spread', null] },
  ],
  optionTypes: undefined,
  shape: undefined,
  wraps: 'redis',
  notes: ['`new KeyvRedis(url)` is node-redis `createClient({ url })`, an options object `createClient(options)`: every node-redis fact applies.', ...redis.notes],
};
