import mysql from 'mysql2';
import { mysqlPreamble } from '../preambles/mysql';
import { unflatten, type Driver } from './types';

export function mysqlUrl(scheme: string, query: string, host: string, port: number): string {
  return `${scheme}://app:secret@${host}:${port}/app${query ? `?${query}` : ''}`;
}

/** mysql2: `createConnection(url | options)`; a URL beside options goes in `uri`. */
export const mysql2Driver: Driver = {
  entry: 'mysql2',
  name: 'mysql2',
  scheme: 'mysql',
  url: mysqlUrl,
  preamble: () => mysqlPreamble,
  open(setting, target) {
    const options = unflatten(setting.options);
    const location = setting.url
      ? { uri: mysqlUrl(setting.url.scheme, setting.url.query, target.host, target.port) }
      : { host: target.host, port: target.port, user: 'app', password: 'secret', database: 'app' };
    const connection = mysql.createConnection({ ...options, ...location } as mysql.ConnectionOptions);
    connection.on('error', () => undefined);
    return {
      done: new Promise((resolve) => connection.connect(resolve)),
      close: async () => {
        connection.destroy();
      },
    };
  },
};

