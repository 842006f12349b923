import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createClient } from 'redis';
import { directTls } from '../server';
import { isPlainObject, settled, unflatten, type Driver } from './types';

export function redisUrl(scheme: string, query: string, host: string, port: number): string {
  return `${scheme}://${host}:${port}${query ? `/?${query}` : ''}`;
}

/** ioredis: `new Redis(url?, options)`, reconnects off. */
export const ioredisDriver: Driver = {
  entry: 'ioredis',
  name: 'ioredis',
  scheme: 'redis',
  otherFactories: ['redisOptions', 'sentinelTLS'],
  url: redisUrl,
  preamble: () => directTls,
  open(setting, target) {
    const options = { ...unflatten(setting.options), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableReadyCheck: true };
    const client = setting.url ? new Redis(redisUrl(setting.url.scheme, setting.url.query, target.host, target.port), options) : new Redis({ ...options, host: target.host, port: target.port });
    client.on('error', () => undefined);
    return {
      done: settled(() => client.connect()),
      close: async () => {
        client.disconnect();
      },
    };
  },
};

/** node-redis: `createClient({ url, socket })`, reconnects off. */
export const redisDriver: Driver = {
  entry: 'redis',
  name: 'node-redis',
  scheme: 'redis',
  otherFactories: ['defaults', 'nodeClientOptions', 'sentinelClientOptions'],
  url: redisUrl,
  preamble: () => directTls,
  open(setting, target) {
    const options = unflatten(setting.options);
    const socket = { ...(isPlainObject(options.socket) ? options.socket : {}), reconnectStrategy: false as const };
    const client = setting.url
      ? createClient({ ...options, url: redisUrl(setting.url.scheme, setting.url.query, target.host, target.port), socket })
      : createClient({ ...options, socket: { ...socket, host: target.host, port: target.port } } as Parameters<typeof createClient>[0]);
    client.on('error', () => undefined);
    return {
      done: settled(() => client.connect()),
      close: async () => {
        client.destroy();
      },
    };
  },
};

/**
 * bullmq: `new Queue(name, { connection })`, which builds an ioredis client from `connection`
 * (`url` beside the other options); bullmq's own retry strategy is replaced, which its options
 * allow, and the queue waits for the connection.
 */
export const bullmqDriver: Driver = {
  entry: 'bullmq',
  name: 'bullmq',
  scheme: 'redis',
  otherFactories: ['connection.redisOptions', 'connection.sentinelTLS'],
  url: redisUrl,
  preamble: () => directTls,
  open(setting, target) {
    const { connection, ...options } = unflatten(setting.options);
    const own = isPlainObject(connection) ? connection : {};
    const location = setting.url ? { url: redisUrl(setting.url.scheme, setting.url.query, target.host, target.port) } : { host: target.host, port: target.port };
    const queue = new Queue('oracle', { ...options, connection: { ...own, ...location, retryStrategy: () => null, maxRetriesPerRequest: null } });
    queue.on('error', () => undefined);
    return { done: settled(() => queue.waitUntilReady()), close: () => queue.close() };
  },
};
