import mysql from 'mysql';
import { mysqlPreamble } from '../preambles/mysql';
import { mysqlUrl } from './mysql2';
import { unflatten, type Driver } from './types';

/** mysqljs: `createConnection(url | options)` (a URL is the whole argument). */
export const mysqlDriver: Driver = {
  entry: 'mysql',
  name: 'mysql',
  scheme: 'mysql',
  url: mysqlUrl,
  preamble: () => mysqlPreamble,
  unobservable: (setting) =>
    /(^|&)ssl=%22amazon/i.test(setting.url?.query ?? '')
      ? "the 'Amazon RDS' profile trusts only Amazon's RDS CAs: no loopback server can present a certificate they issued"
      : undefined,
  open(setting, target) {
    const options = unflatten(setting.options);
    const connection = setting.url
      ? mysql.createConnection(mysqlUrl(setting.url.scheme, setting.url.query, target.host, target.port))
      : mysql.createConnection({ ...options, host: target.host, port: target.port, user: 'app', password: 'secret', database: 'app' });
    connection.on('error', () => undefined);
    return {
      done: new Promise((resolve) => connection.connect(resolve)),
      close: async () => {
        connection.destroy();
      },
    };
  },
};
