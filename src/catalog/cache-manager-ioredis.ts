import { ioredis } from './ioredis';
import type { CatalogEntry } from './types';

/**
 * cache-manager-ioredis-yet (`redisStore(options)`, as used with NestJS's CacheModule): version 2
 * (`dist/index.js`) builds `new Redis(options)`, so every ioredis fact applies. With
 * `clusterConfig` it builds `new Redis.Cluster(clusterConfig.nodes, clusterConfig.options)`
 * instead, and the top-level options are not the client's: that form is not judged.
 */
export const cacheManagerIoredis: CatalogEntry = {
  ...ioredis,
  id: 'cache-manager-ioredis-yet',
  displayName: 'cache-manager-ioredis-yet',
  modules: ['cache-manager-ioredis-yet'],
  factories: [{ path: 'redisStore', invoke: 'call', args: ['$spread'] }],
  // `redisStore(options)` takes no URL argument: ioredis reads `host`, `port` and `password` there.
  recipe: { ...ioredis.recipe, urlOption: 'url' },
  optionTypes: undefined,
  shape: undefined,
  wraps: 'ioredis',
  notes: ['`redisStore(options)` calls ioredis `new Redis(options)`: every ioredis fact applies. A `clusterConfig` store is not judged.', ...ioredis.notes],
};
