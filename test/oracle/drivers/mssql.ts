import sql from 'mssql';
import { Connection } from 'tedious';
import { tdsPreamble } from '../preambles/tds';
import { isPlainObject, settled, unflatten, type Driver } from './types';

/** ADO.NET keys in place of a URL's query (`Encrypt=false;TrustServerCertificate=true`). */
const adoString = (_scheme: string, query: string, host: string, port: number): string =>
  [`Server=${host},${port}`, 'Database=app', 'User Id=app', 'Password=secret', ...(query ? query.split('&').map(decodeURIComponent) : [])].join(';');

/** tedious: `new Connection({ server, options, authentication })`; 127.0.0.1, which the certificate names. */
export const tediousDriver: Driver = {
  entry: 'tedious',
  name: 'tedious',
  preamble: () => tdsPreamble,
  open(setting, target) {
    const options = unflatten(setting.options);
    const connection = new Connection({
      ...options,
      server: '127.0.0.1',
      options: { ...(isPlainObject(options.options) ? options.options : {}), port: target.port },
      authentication: { type: 'default', options: { userName: 'app', password: 'secret' } },
    } as ConstructorParameters<typeof Connection>[0]);
    connection.on('error', () => undefined);
    return {
      done: new Promise((resolve) => connection.connect(resolve)),
      close: async () => {
        connection.close();
      },
    };
  },
};

/** mssql: `new ConnectionPool(config | ADO string)`, one connection. */
export const mssqlDriver: Driver = {
  entry: 'mssql',
  name: 'mssql',
  scheme: 'ado',
  url: adoString,
  preamble: () => tdsPreamble,
  open(setting, target) {
    const options = unflatten(setting.options);
    const pool = setting.url
      ? new sql.ConnectionPool(adoString('', setting.url.query, '127.0.0.1', target.port))
      : new sql.ConnectionPool({ ...options, server: '127.0.0.1', port: target.port, user: 'app', password: 'secret', database: 'app', pool: { max: 1 } });
    pool.on('error', () => undefined);
    const done = settled(() => pool.connect());
    // mssql refuses to close a pool while it connects: wait for the connect to fail or succeed.
    return {
      done,
      close: async () => {
        await done;
        await pool.close();
      },
    };
  },
};
