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
  factories: [{ path: 'redisStore', invoke: 'call', args: ['$spread'] }],
  optionTypes: undefined,
  wraps: 'redis',
  notes: ['`redisStore(options)` calls node-redis `createClient(options)`: every node-redis fact applies.'],
};
