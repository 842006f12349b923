import knex from 'knex';
import * as mongodb from 'mongodb';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
import { mysqlPreamble } from '../preambles/mysql';
import { postgresPreamble } from '../preambles/postgres';
import { tdsPreamble } from '../preambles/tds';
import { directTls } from '../server';
import { mongoUrl, srvUnobservable } from './mongodb';
import { mysqlUrl } from './mysql2';
import { postgresUrl, withRootCert } from './pg';
import { isPlainObject, settled, unflatten, type Driver } from './types';

const quiet = { warn: () => undefined, error: () => undefined, debug: () => undefined, deprecate: () => undefined };
const credentials = { user: 'app', password: 'secret', database: 'app' };

/** Where one driver of a multi-driver library is reached: its TLS bags, preamble and URLs. */
interface Via {
  bags: string[];
  preamble: Driver['preamble'];
  scheme?: string;
  url?: Driver['url'];
}

/** The fields of a driver that runs `entry` with `key: value` (`client: 'pg'`). */
function oneOf(entry: string, key: string, value: string, via: Via): Omit<Driver, 'open'> {
  return { entry, name: `${entry} (${key}: ${value})`, select: { [key]: value }, bags: via.bags, preamble: via.preamble, ...(via.scheme ? { scheme: via.scheme, url: via.url } : {}) };
}

function knexDriver(client: string, via: Via): Driver {
  const { url } = via;
  return {
    ...oneOf('knex', 'client', client, via),
    open(setting, target) {
      const { connection, ...options } = unflatten(setting.options);
      const own = isPlainObject(connection) ? connection : {};
      const host = client === 'mssql' ? { server: '127.0.0.1', port: target.port, options: { ...(isPlainObject(own.options) ? own.options : {}), port: target.port } } : { host: target.host, port: target.port };
      const at = setting.url && url ? url(setting.url.scheme, setting.url.query, target.host, target.port) : undefined;
      // A URL string, or beside other connection options the driver's own URL option.
      const located = at === undefined ? { ...credentials, ...own, ...host } : Object.keys(own).length === 0 ? at : { ...own, [client === 'pg' ? 'connectionString' : 'uri']: at };
      const db = knex({
        ...options,
        client,
        connection: located,
        pool: { min: 0, max: 1 },
        log: quiet,
      });
      return { done: settled(() => db.raw('select 1')), close: () => db.destroy() };
    },
  };
}

export const knexDrivers: readonly Driver[] = [
  knexDriver('pg', { bags: ['connection.ssl'], preamble: () => postgresPreamble, scheme: 'postgres', url: postgresUrl }),
  knexDriver('mysql2', { bags: ['connection.ssl'], preamble: () => mysqlPreamble, scheme: 'mysql', url: mysqlUrl }),
  knexDriver('mssql', { bags: ['connection.options.cryptoCredentialsDetails'], preamble: () => tdsPreamble }),
];

function sequelizeDriver(dialect: 'postgres' | 'mysql' | 'mssql', via: Via): Driver {
  const { url } = via;
  return {
    ...oneOf('sequelize', 'dialect', dialect, via),
    open(setting, target) {
      const options = { ...unflatten(setting.options), dialect, logging: false, pool: { max: 1, min: 0 }, retry: { max: 0 } };
      const sequelize =
        setting.url && url
          ? new Sequelize(url(setting.url.scheme, setting.url.query, target.host, target.port), options)
          : new Sequelize('app', 'app', 'secret', { ...options, host: dialect === 'mssql' ? '127.0.0.1' : target.host, port: target.port });
      return { done: settled(() => sequelize.authenticate()), close: () => sequelize.close() };
    },
  };
}

export const sequelizeDrivers: readonly Driver[] = [
  sequelizeDriver('postgres', { bags: ['dialectOptions.ssl'], preamble: () => postgresPreamble, scheme: 'postgres', url: postgresUrl }),
  sequelizeDriver('mysql', { bags: ['dialectOptions.ssl'], preamble: () => mysqlPreamble, scheme: 'mysql', url: mysqlUrl }),
  sequelizeDriver('mssql', { bags: ['dialectOptions.options.cryptoCredentialsDetails'], preamble: () => tdsPreamble }),
];

function typeormDriver(type: 'postgres' | 'mysql' | 'mssql', via: Via): Driver {
  const { url } = via;
  return {
    ...oneOf('typeorm', 'type', type, via),
    // The catalog's schemes are those of its mongodb driver.
    schemes: [],
    open(setting, target) {
      const options = unflatten(setting.options);
      const location =
        setting.url && url
          ? { url: url(setting.url.scheme, setting.url.query, target.host, target.port) }
          : { host: type === 'mssql' ? '127.0.0.1' : target.host, port: target.port, username: 'app', password: 'secret', database: 'app' };
      const source = new DataSource({ ...options, ...location, type, logging: false, ...(type === 'mssql' ? {} : { connectTimeoutMS: 0 }) } as ConstructorParameters<typeof DataSource>[0]);
      return {
        done: settled(() => source.initialize()),
        close: async () => {
          if (source.isInitialized) await source.destroy();
        },
      };
    },
  };
}

/**
 * typeorm with `type: 'mongodb'`: its own URL parsing and option whitelist in front of the
 * mongodb driver. The driver module is handed in (typeorm's `driver` option) so that server
 * selection gives up when the oracle is gone and the client can be closed mid-connect.
 */
const typeormMongoDriver: Driver = {
  entry: 'typeorm',
  name: 'typeorm (type: mongodb)',
  select: { type: 'mongodb' },
  // `ssl` is pg's and mysql's bag: shown to do nothing here.
  bags: ['ssl'],
  scheme: 'mongodb',
  unobservable: srvUnobservable,
  url: mongoUrl,
  preamble: () => directTls,
  open(setting, target) {
    const clients: mongodb.MongoClient[] = [];
    class MongoClient extends mongodb.MongoClient {
      static override async connect(url: string, options?: mongodb.MongoClientOptions): Promise<mongodb.MongoClient> {
        const client = new mongodb.MongoClient(url, { ...options, serverSelectionTimeoutMS: 20_000 });
        clients.push(client);
        return client.connect();
      }
    }
    const options = unflatten(setting.options);
    const location = setting.url
      ? { url: mongoUrl(setting.url.scheme, setting.url.query, target.host, target.port) }
      : { host: target.host, port: target.port, database: 'app' };
    const source = new DataSource({ ...options, ...location, type: 'mongodb', driver: { ...mongodb, MongoClient } } as ConstructorParameters<typeof DataSource>[0]);
    const done = settled(() => source.initialize());
    return {
      done,
      close: async () => {
        await Promise.all(clients.map((client) => client.close(true)));
        await done;
        if (source.isInitialized) await source.destroy();
      },
    };
  },
};

export const typeormDrivers: readonly Driver[] = [
  typeormDriver('postgres', { bags: ['ssl', 'extra.ssl'], preamble: () => postgresPreamble, scheme: 'postgres', url: (scheme, query, host, port) => postgresUrl(scheme, withRootCert(query), host, port) }),
  typeormDriver('mysql', { bags: ['ssl'], preamble: () => mysqlPreamble, scheme: 'mysql', url: mysqlUrl }),
  typeormDriver('mssql', { bags: ['options.cryptoCredentialsDetails'], preamble: () => tdsPreamble }),
  typeormMongoDriver,
];
