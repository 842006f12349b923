import { redis } from './redis';
import type { CatalogEntry } from './types';

/**
 * cache-manager stores for Redis (`redisStore(options)`), as used with NestJS's CacheModule:
 * cache-manager-redis-store 3 and cache-manager-redis-yet build a node-redis client from the
 * same options `createClient` takes.
 */
export const cacheManagerRedis: CatalogEntry = {
  ...redis,
  id: 'cache-manager-redis-store',
  displayName: 'cache-manager-redis-store',
  modules: ['cache-manager-redis-store', 'cache-manager-redis-yet'],
  factories: [
    { path: 'redisStore', invoke: 'call', args: ['$spread'] },
    // cache-manager-redis-store 2 with NestJS 8-9: `CacheModule.register({ store: redisStore,
    // host, port })` (`import * as redisStore from ...`); cache-manager calls `store.create(options)`,
    // which hands the same object, `store` and all, to `createClient` (dist/index.js). That is
    // node-redis 3, which reads `host`, `port`, `password` and `url` as 4 does at the top level
    // (and `rediss://` turns TLS on), but also a top-level `tls` object that 4 ignores: that one
    // is not judged here.
    { path: '', invoke: 'value', key: 'store', args: ['$spread'] },
    { path: 'redisStore', invoke: 'value', key: 'store', args: ['$spread'] },
  ],
  optionTypes: undefined,
  wraps: 'redis',
  notes: [
    '`redisStore(options)` calls node-redis `createClient(options)`: every node-redis fact applies.',
    'Version 2, handed in as `store: redisStore` beside the options, builds a node-redis 3 client: its top-level `tls` object turns TLS on there, and is not judged.',
  ],
};
