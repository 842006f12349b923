import { ioredis } from './ioredis';
import type { CatalogEntry } from './types';

/**
 * @hapi/catbox-redis (and its former name catbox-redis), hapi's Redis cache engine, handed to
 * the server as `cache: [{ provider: { constructor: CatboxRedis.Engine, options } }]` or built as
 * `new CatboxRedis.Engine(options)`. Version 7's `lib/index.js` validates `url`, `host`, `port`,
 * `username`, `password`, `db` and `tls`, takes out `url` (and `socket`, `cluster`, `partition`,
 * `client`) and builds `new IoRedis(url, rest)` or `new IoRedis(rest)`: every ioredis fact
 * applies. With `client` it builds nothing.
 */
export const catboxRedis: CatalogEntry = {
  ...ioredis,
  id: '@hapi/catbox-redis',
  displayName: '@hapi/catbox-redis',
  modules: ['@hapi/catbox-redis', 'catbox-redis'],
  factories: [
    { path: 'Engine', invoke: 'new', args: ['$spread'] },
    { path: 'Engine', invoke: 'value', key: 'constructor', optionsKey: 'options', args: ['$spread'] },
    // Before version 5 the module was the engine itself.
    { path: '', invoke: 'new', args: ['$spread'] },
    { path: '', invoke: 'value', key: 'constructor', optionsKey: 'options', args: ['$spread'] },
  ],
  recipe: { ...ioredis.recipe, urlOption: 'url' },
  optionTypes: undefined,
  shape: undefined,
  wraps: 'ioredis',
  notes: ['`provider: { constructor: CatboxRedis.Engine, options }` builds ioredis `new IoRedis(url, options)` (or `new IoRedis(options)`): every ioredis fact applies. With `client` it builds nothing.', ...ioredis.notes],
};
