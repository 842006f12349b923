import knex from 'knex';
import { Sequelize } from 'sequelize';
import { DataSource } from 'typeorm';
import { mysqlPreamble } from '../preambles/mysql';
import { postgresPreamble } from '../preambles/postgres';
import { tdsPreamble } from '../preambles/tds';
import { mysqlUrl } from './mysql2';
import { postgresUrl } from './pg';
import { isPlainObject, settled, unflatten, type Driver } from './types';

const quiet = { warn: () => undefined, error: () => undefined, debug: () => undefined, deprecate: () => undefined };
const credentials = { user: 'app', password: 'secret', database: 'app' };

function knexDriver(client: string, preamble: Driver['preamble'], scheme?: string, url?: Driver['url']): Driver {
  return {
    entry: 'knex',
    name: `knex (client: ${client})`,
    select: { client },
    ...(scheme ? { scheme, url, params: ['sslmode', 'ssl'] } : {}),
    preamble,
    open(setting, target) {
      const { connection, ...options } = unflatten(setting.options);
      const own = isPlainObject(connection) ? connection : {};
      const host = client === 'mssql' ? { server: '127.0.0.1', port: target.port, options: { ...(isPlainObject(own.options) ? own.options : {}), port: target.port } } : { host: target.host, port: target.port };
      const db = knex({
        ...options,
        client,
        connection: setting.url && url ? url(setting.url.scheme, setting.url.query, target.host, target.port) : { ...credentials, ...own, ...host },
        pool: { min: 0, max: 1 },
        log: quiet,
      });
      return { done: settled(() => db.raw('select 1')), close: () => db.destroy() };
    },
  };
}

export const knexDrivers: readonly Driver[] = [
  knexDriver('pg', () => postgresPreamble, 'postgres', postgresUrl),
  knexDriver('mysql2', () => mysqlPreamble, 'mysql', mysqlUrl),
  knexDriver('mssql', () => tdsPreamble),
];

function sequelizeDriver(dialect: 'postgres' | 'mysql' | 'mssql', preamble: Driver['preamble'], scheme?: string, url?: Driver['url']): Driver {
  return {
    entry: 'sequelize',
    name: `sequelize (dialect: ${dialect})`,
    select: { dialect },
    ...(scheme ? { scheme, url, params: ['sslmode'] } : {}),
    preamble,
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
  sequelizeDriver('postgres', () => postgresPreamble, 'postgres', postgresUrl),
  sequelizeDriver('mysql', () => mysqlPreamble, 'mysql', mysqlUrl),
  sequelizeDriver('mssql', () => tdsPreamble),
];

function typeormDriver(type: 'postgres' | 'mysql' | 'mssql', preamble: Driver['preamble'], scheme?: string, url?: Driver['url']): Driver {
  return {
    entry: 'typeorm',
    name: `typeorm (type: ${type})`,
    select: { type },
    ...(scheme ? { scheme, url, params: ['sslmode'], schemes: [] } : {}),
    preamble,
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

export const typeormDrivers: readonly Driver[] = [
  typeormDriver('postgres', () => postgresPreamble, 'postgres', postgresUrl),
  typeormDriver('mysql', () => mysqlPreamble, 'mysql', mysqlUrl),
  typeormDriver('mssql', () => tdsPreamble),
];
