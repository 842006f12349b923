import { describe, expect, it } from 'vitest';
import { exportedValues, mayBeConfiguration } from '../../src/analysis/exports';
import { withAnalysis } from './probe';

type Options = { ts?: boolean; sourceType?: 'module' | 'commonjs'; filename?: string };

/** `origin:library` for every configuration site of `code`. */
function sites(code: string, options?: Options): string[] {
  return withAnalysis(code, (analysis) => analysis.sites.map((s) => `${s.origin}:${s.entry.id}`), options);
}

describe('wrappers are judged as the client they configure', () => {
  it.each([
    ['TypeOrmModule.forRoot', "import { TypeOrmModule } from '@nestjs/typeorm';\nTypeOrmModule.forRoot({ type: 'postgres' });", ['call:@nestjs/typeorm']],
    ['forRootAsync useFactory', "import { TypeOrmModule } from '@nestjs/typeorm';\nTypeOrmModule.forRootAsync({ useFactory: () => ({ type: 'postgres' }) });", ['call:@nestjs/typeorm']],
    ['ClientsModule by transport', "import { ClientsModule, Transport } from '@nestjs/microservices';\nClientsModule.register([{ transport: Transport.REDIS, options: {} }, { transport: Transport.RMQ, options: {} }, { transport: Transport.TCP }]);", ['call:nest-transport-redis', 'call:nest-transport-rmq']],
    ['connectMicroservice on the app', "import { NestFactory } from '@nestjs/core';\nimport { Transport } from '@nestjs/microservices';\nconst app = await NestFactory.create(AppModule);\napp.connectMicroservice({ transport: Transport.KAFKA, options: {} });", ['call:nest-transport-kafka']],
    ['connect-redis 3', "const session = require('express-session');\nconst RedisStore = require('connect-redis')(session);\nnew RedisStore({ host: 'h' });", ['call:connect-redis']],
    ['connect-mongo', "import MongoStore from 'connect-mongo';\nMongoStore.create({ mongoUrl: 'x' });", ['call:connect-mongo']],
    ['connect-mongodb-session', "const session = require('express-session');\nconst MongoDBStore = require('connect-mongodb-session')(session);\nnew MongoDBStore({ uri: 'x' });", ['call:connect-mongodb-session']],
    ['drizzle', "import { drizzle } from 'drizzle-orm/postgres-js';\ndrizzle({ connection: { url: 'x' } });", ['call:drizzle-orm/postgres-js']],
    ['pg-pool', "const Pool = require('pg-pool');\nnew Pool({ host: 'h' });", ['call:pg-pool']],
    ['pg-pool, ESM', "import Pool from 'pg-pool';\nnew Pool({ host: 'h' });", ['call:pg-pool']],
  ])('%s', (_name, code, expected) => {
    expect(sites(code)).toEqual(expected);
  });
});

describe('configuration objects with no client in the file', () => {
  it('finds typed objects through their type import, also type-only and qualified', () => {
    expect(sites("import type { PoolConfig } from 'pg';\nconst c: PoolConfig = { host: 'h' };", { ts: true })).toEqual(['typed:pg']);
    expect(sites("import { Knex } from 'knex';\nconst c = { client: 'pg' } satisfies Knex.Config;", { ts: true })).toEqual(['typed:knex']);
    expect(sites("import SMTPTransport from 'nodemailer/lib/smtp-transport';\nconst c = { host: 'h' } as SMTPTransport.Options;", { ts: true })).toEqual(['typed:nodemailer']);
    expect(sites("import type { RedisOptions } from 'ioredis';\nclass C { private readonly options: RedisOptions = { host: 'h' }; }", { ts: true })).toEqual(['typed:ioredis']);
    expect(sites("import type { Knex } from 'knex';\nconst c: Record<string, Knex.Config> = { a: { client: 'pg' }, b: { client: 'mysql2' } };", { ts: true })).toEqual(['typed:knex', 'typed:knex']);
    expect(sites("import type { ConnectionOptions } from 'bullmq';\nconst c: ConnectionOptions = { host: 'h' };", { ts: true })).toEqual(['typed:ioredis']);
  });

  it('does not take a type of the same name from another module', () => {
    expect(sites("import type { PoolConfig } from './db-types';\nconst c: PoolConfig = { host: 'h' };", { ts: true })).toEqual([]);
    expect(sites("interface PoolConfig { host: string }\nconst c: PoolConfig = { host: 'h' };", { ts: true })).toEqual([]);
  });

  it('follows the tools’ config-file conventions', () => {
    const map = "module.exports = { development: { client: 'pg' }, production: { client: 'pg' } };";
    expect(sites(map, { sourceType: 'commonjs', filename: 'knexfile.js' })).toEqual(['config-file:knex', 'config-file:knex']);
    expect(sites("module.exports = { client: 'pg', connection: 'x' };", { sourceType: 'commonjs', filename: 'knexfile.js' })).toEqual(['config-file:knex']);
    expect(sites("module.exports = { development: { dialect: 'mysql' } };", { sourceType: 'commonjs', filename: 'config/config.js' })).toEqual(['config-file:sequelize']);
    expect(sites("module.exports = [{ type: 'postgres' }, { type: 'mysql' }];", { sourceType: 'commonjs', filename: 'ormconfig.js' })).toEqual(['config-file:typeorm', 'config-file:typeorm']);
    // The same text under another name is an app config module, judged by shape only.
    expect(sites("module.exports = { development: { client: 'redis' } };", { sourceType: 'commonjs', filename: 'settings.js' })).toEqual([]);
    // `config.js` outside a `config` directory is not sequelize-cli's.
    expect(sites("module.exports = { development: { username: 'u' } };", { sourceType: 'commonjs', filename: 'src/config.js' })).toEqual([]);
  });

  it('recognises exported app configuration by its shape, not look-alikes', () => {
    expect(sites("module.exports = { db: { dialect: 'postgres', host: 'h' }, redis: { host: 'r', port: 6379 } };", { sourceType: 'commonjs' })).toEqual(['shape:sequelize', 'shape:ioredis']);
    expect(sites("export default () => ({ mail: { host: 'smtp.example.com', port: 587, auth: { user: 'u', pass: 'p' } } });")).toEqual(['shape:nodemailer']);
    expect(sites("exports.kafka = { clientId: 'app', brokers: ['k:9092'] };", { sourceType: 'commonjs' })).toEqual(['shape:kafkajs']);
    // Not exported, or no location or credential, or no name, port, driver or marker.
    expect(sites("const db = { dialect: 'postgres', host: 'h' };")).toEqual([]);
    expect(sites("export const redis = { keyPrefix: 'app:' };")).toEqual([]);
    expect(sites("export const server = { host: '0.0.0.0', port: 8080 };")).toEqual([]);
    expect(sites("export const cors = { origin: 'https://a.example', credentials: true };")).toEqual([]);
  });

  it('reads shorthand and quoted keys, service URLs, and exported function declarations', () => {
    expect(sites("const host = 'h';\nexport const redis = { host, port: 6379 };")).toEqual(['shape:ioredis']);
    expect(sites('module.exports = { "db": { "dialect": "mysql", "host": "h" } };', { sourceType: 'commonjs' })).toEqual(['shape:sequelize']);
    expect(sites("export const queue = 'amqp://broker.internal';")).toEqual(['url:amqplib']);
    expect(sites("export function dbOptions() {\n  return { type: 'postgres', host: 'h' };\n}")).toEqual(['shape:typeorm']);
    // The words only in a comment, a parameter list or a web link: no configuration to read.
    expect(sites("// set the host and password, see https://example.com\nexport function connect(host, password) { return open(host, password); }")).toEqual([]);
  });

  it('reads no export whose form cannot hold configuration', () => {
    const module = (exportsText: string): string =>
      `import { defaults } from './defaults';\nclass Pool { connect() { return { host: 'h', password: 'p' }; } }\nfunction make() { return new Pool(); }\nconst NAME = 'redis';\n${exportsText}`;
    expect(
      sites(module("exports.b = exports.a = void 0;\nexports.Pool = Pool;\nexports.make = make;\nexports.NAME = NAME;\nexports.defaults = defaults;\nexports.version = 3;"), { sourceType: 'module' }),
    ).toEqual([]);
    // The same module exporting a URL, or an object, is read.
    expect(sites(module("export const queue = 'amqp://broker.internal';"))).toEqual(['url:amqplib']);
    expect(sites(module("export const redis = { host: 'cache.internal', port: 6379 };"))).toEqual(['shape:ioredis']);
  });

  it('tells the exports that may hold configuration by their form', () => {
    const candidates = (code: string): Array<string | undefined> =>
      withAnalysis(code, (_analysis, sourceCode) => exportedValues(sourceCode).filter((e) => mayBeConfiguration(e, sourceCode)).map((e) => e.name), { sourceType: 'commonjs' });
    const code = [
      "const { defaults } = require('./defaults');",
      'class Pool {}',
      'function make() { return new Pool(); }',
      "function options() { return { host: 'h' }; }",
      "const config = { host: 'h' };",
      "const URL = 'redis://cache:6379';",
      'exports.b = exports.a = void 0;',
      'exports.Pool = Pool;',
      'exports.make = make;',
      "exports.NAME = 'redis';",
      'exports.version = 3;',
      "exports.lib = require('./lib');",
      'exports.options = options;',
      'exports.config = config;',
      'exports.URL = URL;',
      'exports.defaults = defaults;',
    ].join('\n');
    // `defaults` comes from a require: another module configures it.
    expect(candidates(code)).toEqual(['options', 'config', 'URL']);
  });

  it('leaves an exported data table of more than 64 KB unread', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `  cmd${i}: { arity: ${i}, flags: ['readonly', 'fast'], keys: [1, 1, 1] },`).join('\n');
    expect(rows.length).toBeGreaterThan(64 * 1024);
    expect(sites(`module.exports = {\n${rows}\n  redis: { host: 'h', port: 6379 },\n};`, { sourceType: 'commonjs' })).toEqual([]);
    expect(sites("module.exports = {\n  redis: { host: 'h', port: 6379 },\n};", { sourceType: 'commonjs' })).toEqual(['shape:ioredis']);
  });

  it('leaves a list of providers unread: one library’s options under eight keys or more', () => {
    const providers = (count: number): string =>
      Array.from({ length: count }, (_, i) => `  provider${i}: { host: 'smtp.provider${i}.example', port: 465, secure: true },`).join('\n');
    const settings = (code: string): string[] => withAnalysis(code, (analysis) => analysis.namedSettings.map((s) => s.name), { sourceType: 'commonjs' });
    expect(sites(`exports.mailServices = {\n${providers(8)}\n};`, { sourceType: 'commonjs' })).toEqual([]);
    expect(settings(`exports.mailServices = {\n${providers(8)}\n};`)).toEqual([]);
    // Fewer keys are configuration: each service of the app once, or a few to choose from.
    expect(sites(`exports.mailServices = {\n${providers(7)}\n};`, { sourceType: 'commonjs' })).toHaveLength(7);
    expect(sites("module.exports = { db: { dialect: 'postgres', host: 'h' }, redis: { host: 'r', port: 6379 }, mail: { host: 'm', port: 587 } };", { sourceType: 'commonjs' })).toHaveLength(3);
  });

  it('a typed object given to a client is a site of its own too (reports are kept once per node)', () => {
    expect(sites("import type { PoolConfig } from 'pg';\nimport { Pool } from 'pg';\nexport const c: PoolConfig = { host: 'h' };\nnew Pool(c);", { ts: true })).toEqual(['call:pg', 'typed:pg']);
  });
});
