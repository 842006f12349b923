import pg from 'pg';
import { postgresPreamble } from '../preambles/postgres';
import { claimUncaught } from '../uncaught';
import { settled, unflatten, type Driver } from './types';

export function postgresUrl(scheme: string, query: string, host: string, port: number): string {
  return `${scheme}://app:secret@${host}:${port}/app${query ? `?${query}` : ''}`;
}

/**
 * pg refuses `sslmode=verify-ca` under `uselibpqcompat` without `sslrootcert`, so the URL
 * names the test CA file there, as such a URL must.
 */
export function withRootCert(query: string): string {
  return /(^|&)sslmode=verify-ca/.test(query) && /uselibpqcompat=true/.test(query) ? `${query}&sslrootcert=${encodeURIComponent(process.env.NODE_EXTRA_CA_CERTS ?? '')}` : query;
}

/** pg: `new Client(config)`; a URL goes in `connectionString`. */
export const pgDriver: Driver = {
  entry: 'pg',
  name: 'pg',
  scheme: 'postgres',
  url: postgresUrl,
  preamble: () => postgresPreamble,
  open(setting, target) {
    const options = unflatten(setting.options);
    const location = setting.url
      ? { connectionString: postgresUrl(setting.url.scheme, withRootCert(setting.url.query), target.host, target.port) }
      : { host: target.host, port: target.port, user: 'app', password: 'secret', database: 'app' };
    const client = new pg.Client({ ...options, ...location });
    client.on('error', () => undefined);
    let release = (): void => undefined;
    const done = new Promise((resolve) => {
      // `?ssl=false` throws from pg's socket handler, outside the connect promise.
      release = claimUncaught('node_modules/pg/', resolve);
      void settled(() => client.connect()).then(resolve);
    });
    return {
      done,
      close: async () => {
        release();
        // end() waits for a connection that a thrown handler left half-open; destroy it.
        (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        void settled(() => client.end());
      },
    };
  },
};
