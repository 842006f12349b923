import { CLUSTER_NO_URL, ioredis } from './ioredis';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

// ioredis's options sit under `options` (version 2) or `config` (version 1).
const v2 = rebase(ioredis, 'options');
const v1 = rebase(ioredis, 'config');

/**
 * @nestjs-modules/ioredis: `RedisModule.forRoot(options)` and `forRootAsync({ useFactory })`.
 * From version 2 (`packages/ioredis/lib/utils/redis-connection.util.ts`), `{ type: 'single',
 * url, options }` builds `new Redis(url, options)` and `{ type: 'cluster', nodes, options }`
 * builds `new Redis.Cluster(nodes, options)`; version 1's `{ config }` built `new Redis(config.url,
 * config)`. Every ioredis fact applies, below `options` or `config`.
 */
export const nestjsIoredis: CatalogEntry = {
  ...ioredis,
  id: '@nestjs-modules/ioredis',
  displayName: '@nestjs-modules/ioredis',
  modules: ['@nestjs-modules/ioredis'],
  factories: [
    { path: 'RedisModule.forRoot', invoke: 'call', args: ['$spread', null] },
    { path: 'RedisModule.forRootAsync', invoke: 'call', args: ['$async', null] },
  ],
  tls: { ...v2.tls, switches: [...v2.tls.switches, ...v1.tls.switches], bags: [...v2.tls.bags, ...v1.tls.bags] },
  credentials: {
    ...v2.credentials,
    userPaths: [...v2.credentials.userPaths, ...v1.credentials.userPaths],
    secretPaths: [...v2.credentials.secretPaths, ...v1.credentials.secretPaths],
  },
  // Version 2's `url` and a cluster's `nodes` sit beside `options`; version 1's URL is `config.url`.
  location: {
    urlPaths: ['url', ...v1.location.urlPaths],
    hostPaths: [...v2.location.hostPaths, ...v1.location.hostPaths],
    listPaths: ['nodes', 'options.sentinels', 'config.sentinels'],
    portPaths: [...v2.location.portPaths, ...v1.location.portPaths],
    notLocations: [...(v2.location.notLocations ?? []), ...(v1.location.notLocations ?? [])],
  },
  recipe: {
    ...v2.recipe,
    urlOption: 'url',
    variants: [
      {
        // A cluster takes no URL: `url` beside `nodes` would be ignored.
        when: { path: 'type', equals: 'cluster' },
        urlOption: 'url',
        tlsOptions: { 'options.redisOptions.tls': '{}' },
        supersededOptions: [],
        noUrl: CLUSTER_NO_URL,
      },
    ],
  },
  optionTypes: [{ path: 'RedisModuleOptions' }, { path: 'RedisSingleOptions' }, { path: 'RedisClusterOptions' }],
  shape: undefined,
  wraps: 'ioredis',
  notes: ['`url` and `options` go to `new Redis(url, options)`, `nodes` and `options` to `new Redis.Cluster(nodes, options)`: every ioredis fact applies.', ...ioredis.notes],
};
