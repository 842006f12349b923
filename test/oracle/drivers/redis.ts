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
