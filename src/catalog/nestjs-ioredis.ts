import { ioredis } from './ioredis';
import type { CatalogEntry, TlsSwitch } from './types';

/** One of ioredis's TLS switches, below `prefix` in the module options. */
function under(prefix: string, tls: TlsSwitch): TlsSwitch {
  return { ...tls, path: `${prefix}.${tls.path}`, secure: `${prefix}: { ${tls.secure} }` };
}

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
  tls: {
    ...ioredis.tls,
    switches: ['options', 'config'].flatMap((prefix) => ioredis.tls.switches.map((tls) => under(prefix, tls))),
    bags: ['options', 'config'].flatMap((prefix) => ioredis.tls.bags.map((bag) => `${prefix}.${bag}`)),
  },
  credentials: {
    ...ioredis.credentials,
    userPaths: ['options', 'config'].flatMap((prefix) => ioredis.credentials.userPaths.map((path) => `${prefix}.${path}`)),
    secretPaths: ['options', 'config'].flatMap((prefix) => ioredis.credentials.secretPaths.map((path) => `${prefix}.${path}`)),
  },
  location: {
    urlPaths: ['url', 'config.url'],
    hostPaths: ['options.host', 'config.host'],
    listPaths: ['nodes', 'options.sentinels', 'config.sentinels'],
    portPaths: ['options.port', 'config.port'],
    notLocations: ['options.name', 'config.name', 'options.path', 'config.path', 'options.tls.servername', 'config.tls.servername'],
  },
  recipe: {
    urlOption: 'url',
    tlsOptions: { 'options.tls': '{}' },
    supersededOptions: ['options.host', 'options.port', 'options.username', 'options.password', 'options.db'],
    tlsScheme: 'rediss',
    variants: [
      {
        // A cluster takes no URL: `url` beside `nodes` would be ignored.
        when: { path: 'type', equals: 'cluster' },
        urlOption: 'url',
        tlsOptions: { 'options.redisOptions.tls': '{}' },
        supersededOptions: [],
        noUrl: 'A Redis cluster takes its startup nodes as a list, not a URL: read them from the environment (`process.env.REDIS_CLUSTER_NODES.split(\',\')`), and turn TLS on with `options: { redisOptions: { tls: {} } }`.',
      },
    ],
  },
  optionTypes: [{ path: 'RedisModuleOptions' }, { path: 'RedisSingleOptions' }, { path: 'RedisClusterOptions' }],
  shape: undefined,
  wraps: 'ioredis',
  notes: ['`url` and `options` go to `new Redis(url, options)`, `nodes` and `options` to `new Redis.Cluster(nodes, options)`: every ioredis fact applies.', ...ioredis.notes],
};
