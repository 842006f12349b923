import { REDIS_ACCOUNTS } from './accounts';
import { ioredis } from './ioredis';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

const underRedis = rebase(ioredis, 'redis');

/**
 * bull (the predecessor of bullmq): `new Queue(name, url?, { redis })` hands `redis` (ioredis
 * options, or a URL string) to ioredis, so ioredis semantics apply under `redis`.
 */
export const bull: CatalogEntry = {
  id: 'bull',
  displayName: 'bull',
  service: 'redis',
  modules: ['bull'],
  factories: [
    // Queue(name, url?, opts?) with or without `new`.
    { path: '', invoke: 'either', args: [null, 'redis|$spread', '$spread'] },
  ],
  tls: { ...underRedis.tls, default: 'off' },
  credentials: underRedis.credentials,
  location: { ...underRedis.location, urlPaths: ['redis', ...underRedis.location.urlPaths, 'url'] },
  envVar: 'REDIS_URL',
  envVarAliases: ['REDIS_TLS_URL'],
  privilegedAccounts: REDIS_ACCOUNTS,
  optionTypes: [{ path: 'QueueOptions' }, { path: 'Queue.QueueOptions' }],
  recipe: { ...underRedis.recipe, urlOption: 'redis' },
  wraps: 'ioredis',
  notes: ['`redis` (an object or a URL) goes to ioredis: every ioredis fact applies under it.', 'Without `redis` bull connects to localhost:6379 in plaintext.'],
};
