/**
 * Configuration with no client call in the file: options typed with a library's options type,
 * a tool's own config file (knexfile, sequelize-cli config, ormconfig, drizzle.config), and
 * exported app configuration whose shape is unmistakably a client's options. Look-alikes (CORS,
 * cookie, dev-server, HTTP-agent and app-server objects) stay silent.
 */
import branching from '../../src/rules/no-environment-branching';
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import privileged from '../../src/rules/no-privileged-service-account';
import unverified from '../../src/rules/no-unverified-tls';
import disabled from '../../src/rules/no-disabled-tls';
import localFallback from '../../src/rules/no-local-service-fallback';
import { ruleTests, type ValidCase } from '../harness/rule-tester';

/** Exported objects that have a host, a port or a password but configure no backing service. */
const lookalikes: ValidCase[] = [
  { code: "module.exports = { cors: { origin: 'https://app.example.com', credentials: true } };", sourceType: 'commonjs' },
  { code: "module.exports = { session: { secret: 'keyboard cat', cookie: { secure: false, httpOnly: true } } };", sourceType: 'commonjs' },
  { code: "export default { server: { host: '0.0.0.0', port: 8080, https: false, proxy: { '/api': { target: 'http://localhost:3000', secure: false } } } };" },
  { code: "export const agent = { keepAlive: true, rejectUnauthorized: false, host: 'api.partner.example' };" },
  { code: "module.exports = { app: { host: 'app.internal', port: 3000 }, jwt: { secret: 'jwt-secret' } };", sourceType: 'commonjs' },
  { code: "export default { admin: { auth: { user: 'admin', pass: 'admin-ui-pw' } }, port: 8080 };" },
  // A `redis`-named object that only holds a key prefix and a TTL.
  { code: "export const redis = { keyPrefix: 'app:', ttl: 60 };" },
  // An exported function returning the app's own server options.
  { code: "export function serverOptions() {\n  return { host: '0.0.0.0', port: 3000, cors: { origin: 'https://app.example.com' } };\n}" },
];

ruleTests('no-hardcoded-service-location in configuration modules', location, {
  valid: [
    ...lookalikes,
    { code: "module.exports = { db: { dialect: 'postgres', host: process.env.DB_HOST } };", sourceType: 'commonjs' },
    { code: "module.exports = { development: { client: 'sqlite3', connection: { filename: './dev.sqlite3' } } };", sourceType: 'commonjs', filename: 'knexfile.js' },
  ],
  invalid: [
    {
      name: 'exported app config with a sequelize dialect',
      code: "module.exports = {\n  db: { dialect: 'mysql', host: 'db.internal', username: process.env.DB_USER },\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'sequelize', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'exports.smtp with nodemailer options',
      code: "exports.smtp = { host: 'smtp.mailgun.org', port: 587, auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', data: { client: 'nodemailer', path: 'host', what: 'host', envVar: 'SMTP_URL' }, suggestions: [] }],
    },
    {
      name: 'config built and returned by an immediately invoked function',
      code: "module.exports = (function () {\n  const mod = { dialect: 'postgres', host: 'db.internal' };\n  return mod;\n})();",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'sequelize', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'an arrow IIFE given an argument',
      code: "export default ((host) => ({ db: { dialect: 'mysql', host } }))('mysql.internal');",
      errors: [{ messageId: 'hardcoded', data: { client: 'sequelize', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'a default export named by its file',
      code: "export default { host: 'cache.internal', port: 6379 };",
      filename: 'src/config/redis.ts',
      errors: [{ messageId: 'hardcoded', data: { client: 'ioredis', path: 'host', what: 'host', envVar: 'REDIS_URL' }, suggestions: [] }],
    },
    {
      name: 'NestJS registerAs factory',
      code: "import { registerAs } from '@nestjs/config';\nexport default registerAs('database', () => ({\n  type: 'postgres',\n  host: 'db.internal',\n}));",
      errors: [{ messageId: 'hardcoded', line: 4, data: { client: 'typeorm', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'knexfile, per environment',
      code: "module.exports = {\n  production: { client: 'pg', connection: { host: 'db.internal', database: 'app' } },\n};",
      sourceType: 'commonjs',
      filename: 'knexfile.js',
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'knex', path: 'connection.host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'knexfile exporting one configuration built from a const',
      code: "const config = { client: 'pg', connection: 'postgres://db.internal/app' };\nexport default config;",
      filename: 'knexfile.ts',
      errors: [
        {
          messageId: 'hardcoded',
          line: 1,
          data: { client: 'knex', path: 'connection', what: 'URL', envVar: 'DATABASE_URL' },
          suggestions: [{ messageId: 'suggestEnv', data: { envVar: 'DATABASE_URL' }, output: "const config = { client: 'pg', connection: process.env.DATABASE_URL };\nexport default config;" }],
        },
      ],
    },
    {
      name: 'ormconfig with a list of data sources',
      code: "module.exports = [\n  { name: 'default', type: 'postgres', host: 'db.internal' },\n];",
      sourceType: 'commonjs',
      filename: 'ormconfig.js',
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'typeorm', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'typed pg options',
      code: "import type { PoolConfig } from 'pg';\nexport const config: PoolConfig = { host: 'db.internal', max: 10 };",
      tsOnly: true,
      errors: [{ messageId: 'hardcoded', data: { client: 'pg', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'satisfies a qualified type',
      code: "import { Knex } from 'knex';\nexport default { client: 'pg', connection: { host: 'db.internal' } } satisfies Knex.Config;",
      tsOnly: true,
      errors: [{ messageId: 'hardcoded', data: { client: 'knex', path: 'connection.host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'a map of typed configurations',
      code: "import type { Knex } from 'knex';\nconst config: { [env: string]: Knex.Config } = {\n  production: { client: 'pg', connection: { host: 'db.internal' } },\n};\nexport default config;",
      tsOnly: true,
      errors: [{ messageId: 'hardcoded', line: 3, data: { client: 'knex', path: 'connection.host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'a service URL exported as a constant',
      code: "export const MONGO_URL = 'mongodb+srv://cluster0.example.net/app';",
      errors: [
        {
          messageId: 'hardcoded',
          data: { client: 'mongodb', path: 'url', what: 'URL', envVar: 'MONGODB_URI' },
          suggestions: [{ messageId: 'suggestEnv', data: { envVar: 'MONGODB_URI' }, output: 'export const MONGO_URL = process.env.MONGODB_URI;' }],
        },
      ],
    },
    {
      name: 'an exported list of options, named by the list',
      code: "exports.dbConf = [\n  { host: 'db-a.internal', port: 5432 },\n  { host: 'db-b.internal', port: 5432 },\n];",
      sourceType: 'commonjs',
      errors: [
        { messageId: 'hardcoded', line: 2, data: { client: 'pg', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] },
        { messageId: 'hardcoded', line: 3, data: { client: 'pg', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] },
      ],
    },
    {
      name: 'options under a key that names the service, a level up',
      code: "module.exports = { email: { provider: 'nodemailer', providerOptions: { host: 'smtp.example.com' } } };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', data: { client: 'nodemailer', path: 'host', what: 'host', envVar: 'SMTP_URL' }, suggestions: [] }],
    },
    {
      name: 'an export named by its file',
      code: "export const connection = { host: 'cache.internal', enableReadyCheck: true };",
      filename: 'src/config/redis.ts',
      errors: [{ messageId: 'hardcoded', data: { client: 'ioredis', path: 'host', what: 'host', envVar: 'REDIS_URL' }, suggestions: [] }],
    },
    {
      name: "TypeORM's own keys when the type is read from the environment",
      code: "export default { type: process.env.DB_TYPE, host: 'db.internal', synchronize: false };",
      errors: [{ messageId: 'hardcoded', data: { client: 'typeorm', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'an exported function that returns options, the driver typed as a constant',
      code: "export function loadTestOptions(name: string) {\n  return { type: 'mysql' as const, host: '10.1.2.3', port: 3306, database: name };\n}",
      tsOnly: true,
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'typeorm', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'an exported function declaration, JavaScript',
      code: "export function mailOptions() {\n  return { email: { provider: 'nodemailer', providerOptions: { host: 'smtp.example.com' } } };\n}",
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'nodemailer', path: 'host', what: 'host', envVar: 'SMTP_URL' }, suggestions: [] }],
    },
    {
      name: 'a Strapi-style config function handed an env reader',
      code: "module.exports = ({ env }) => ({\n  connection: { client: 'postgres', connection: { host: env('DATABASE_HOST', 'db.internal') } },\n});",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcodedDefault', line: 2, data: { client: 'knex', path: 'connection.host', what: 'host', variable: '`DATABASE_HOST`' } }],
    },
    {
      name: 'a typed union of NestJS transports, by its transport',
      code: "import { ClientOptions, Transport } from '@nestjs/microservices';\nexport const options: ClientOptions = { transport: Transport.REDIS, options: { host: 'cache.internal' } };",
      tsOnly: true,
      errors: [{ messageId: 'hardcoded', data: { client: 'Transport.REDIS (ioredis)', path: 'options.host', what: 'host', envVar: 'REDIS_URL' }, suggestions: [] }],
    },
    {
      name: "mssql's `sql.config` through the default import",
      code: "import sql from 'mssql';\nexport const config: sql.config = { server: '10.0.0.5', options: { encrypt: true } };",
      tsOnly: true,
      errors: [{ messageId: 'hardcoded', data: { client: 'mssql', path: 'server', what: 'host', envVar: 'MSSQL_URL' }, suggestions: [] }],
    },
  ],
});

ruleTests('no-unverified-tls in configuration modules', unverified, {
  valid: [...lookalikes, { code: "import type { PoolConfig } from 'pg';\nexport const config: PoolConfig = { ssl: { rejectUnauthorized: true } };", tsOnly: true }],
  invalid: [
    {
      name: 'a typed options factory method (NestJS useClass)',
      code: "import { TypeOrmModuleOptions, TypeOrmOptionsFactory } from '@nestjs/typeorm';\nexport class DatabaseConfig implements TypeOrmOptionsFactory {\n  createTypeOrmOptions(): TypeOrmModuleOptions {\n    return { type: 'postgres', url: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } };\n  }\n}",
      tsOnly: true,
      errors: [{ messageId: 'unverified', line: 4, suggestions: [{ messageId: 'suggestSecure', output: "import { TypeOrmModuleOptions, TypeOrmOptionsFactory } from '@nestjs/typeorm';\nexport class DatabaseConfig implements TypeOrmOptionsFactory {\n  createTypeOrmOptions(): TypeOrmModuleOptions {\n    return { type: 'postgres', url: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } };\n  }\n}" }] }],
    },
    {
      name: 'sequelize-cli config, per environment',
      code: "module.exports = {\n  production: {\n    use_env_variable: 'DATABASE_URL',\n    dialect: 'postgres',\n    dialectOptions: { ssl: { require: true, rejectUnauthorized: false } },\n  },\n};",
      sourceType: 'commonjs',
      filename: 'config/config.js',
      errors: [{ messageId: 'unverified', line: 5, suggestions: [{ messageId: 'suggestSecure', output: "module.exports = {\n  production: {\n    use_env_variable: 'DATABASE_URL',\n    dialect: 'postgres',\n    dialectOptions: { ssl: { require: true, rejectUnauthorized: true } },\n  },\n};" }] }],
    },
    {
      name: 'a typed Kafka options object of @nestjs/microservices',
      code: "import { KafkaOptions, Transport } from '@nestjs/microservices';\nexport const kafka: KafkaOptions = { transport: Transport.KAFKA, options: { client: { brokers: [process.env.KAFKA_BROKER!], ssl: { rejectUnauthorized: false } } } };",
      tsOnly: true,
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "import { KafkaOptions, Transport } from '@nestjs/microservices';\nexport const kafka: KafkaOptions = { transport: Transport.KAFKA, options: { client: { brokers: [process.env.KAFKA_BROKER!], ssl: { rejectUnauthorized: true } } } };" }] }],
    },
  ],
});

ruleTests('no-disabled-tls in configuration modules', disabled, {
  valid: lookalikes,
  invalid: [
    {
      name: 'exported mssql options with encryption off',
      code: "module.exports = { server: process.env.DB_SERVER, user: process.env.DB_USER, options: { encrypt: false } };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'disabled', suggestions: [{ messageId: 'suggestSecure', output: "module.exports = { server: process.env.DB_SERVER, user: process.env.DB_USER, options: { encrypt: true } };" }] }],
    },
  ],
});

ruleTests('no-hardcoded-service-credentials in configuration modules', credentials, {
  valid: [
    ...lookalikes,
    // An enumeration of outcome codes whose names mention a cache and a token.
    { code: "const CacheOutcome = { NOT_APPLICABLE: '0', NO_CACHED_ACCESS_TOKEN: '2' };\nconst GrantParameters = { username: 'username', password: 'password' };\nexport { CacheOutcome, GrantParameters };" },
  ],
  invalid: [
    {
      name: 'sequelize-cli config',
      code: "module.exports = {\n  development: { username: 'app', password: 'dev-pw', database: 'app', host: process.env.DB_HOST, dialect: 'mysql' },\n};",
      sourceType: 'commonjs',
      filename: 'config/config.js',
      errors: [{ messageId: 'option', line: 2 }],
    },
  ],
});

ruleTests('no-privileged-service-account in configuration modules', privileged, {
  valid: lookalikes,
  invalid: [
    {
      name: 'exported Postgres options by port',
      code: "export const database = { host: process.env.PGHOST, port: 5432, user: 'postgres' };",
      errors: [{ messageId: 'option', data: { client: 'pg', where: 'user', account: 'postgres' } }],
    },
  ],
});

ruleTests('no-environment-branching in configuration modules', branching, {
  valid: [{ code: "module.exports = { development: { client: 'pg', connection: process.env.DATABASE_URL }, production: { client: 'pg', connection: process.env.DATABASE_URL } };", sourceType: 'commonjs', filename: 'knexfile.js' }],
  invalid: [
    {
      name: 'a knexfile whose environments connect differently, also when a client is built in the file',
      code: "const knex = require('knex');\nconst config = {\n  development: { client: 'pg', connection: { host: 'localhost' } },\n  production: { client: 'pg', connection: process.env.DATABASE_URL },\n};\nmodule.exports = config;\nknex(config.production);",
      sourceType: 'commonjs',
      filename: 'knexfile.js',
      errors: [{ messageId: 'environmentFile', line: 3, endLine: 4, data: { client: 'knex', name: 'development', against: 'production', envVar: 'DATABASE_URL' } }],
    },
  ],
});

/**
 * Strapi 3's `config/database.js`: the bookshelf connector's `settings` are knex's `connection`
 * with flat keys (`username` for `user`). Found by their shape; the file imports nothing.
 */
const strapi3 = (settings: string): string =>
  `module.exports = ({ env }) => ({\n  defaultConnection: 'default',\n  connections: {\n    default: {\n      connector: 'bookshelf',\n      settings: {\n${settings}\n      },\n      options: { ssl: true },\n    },\n  },\n});`;
const strapi3Sqlite = strapi3("        client: 'sqlite',\n        filename: env('DATABASE_FILENAME', '.tmp/data.db'),\n        host: env('DATABASE_HOST', 'localhost'),\n        username: env('DATABASE_USERNAME', 'root'),");

ruleTests('Strapi 3 bookshelf settings', unverified, {
  valid: [{ code: strapi3("        client: 'postgres',\n        host: env('DATABASE_HOST'),\n        ssl: { rejectUnauthorized: true },"), sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [
    {
      name: 'pg settings that turn verification off',
      code: strapi3("        client: 'postgres',\n        host: env('DATABASE_HOST'),\n        ssl: { rejectUnauthorized: false },"),
      sourceType: 'commonjs',
      filename: 'config/env/production/database.js',
      errors: [
        {
          messageId: 'unverified',
          line: 9,
          data: { client: 'Strapi 3 (bookshelf)', setting: 'ssl.rejectUnauthorized: false', secure: 'ssl.rejectUnauthorized: true' },
          suggestions: [{ messageId: 'suggestSecure', output: strapi3("        client: 'postgres',\n        host: env('DATABASE_HOST'),\n        ssl: { rejectUnauthorized: true },") }],
        },
      ],
    },
    {
      name: "mysql settings with `ssl: true` (the mysql driver does not verify the host name)",
      code: strapi3("        client: 'mysql',\n        host: env('DATABASE_HOST'),\n        ssl: true,"),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'unverified', line: 9, data: { client: 'Strapi 3 (bookshelf)', setting: 'ssl: true', secure: "client: 'mysql2' with ssl: { rejectUnauthorized: true, verifyIdentity: true }" } }],
    },
  ],
});

/** Strapi 3's `config/database.js` for the mongoose connector: `settings` locate, `options.ssl` is TLS. */
const strapi3Mongo = (settings: string, options: string): string =>
  `module.exports = ({ env }) => ({\n  defaultConnection: 'default',\n  connections: {\n    default: {\n      connector: 'mongoose',\n      settings: {\n${settings}\n      },\n      options: {\n${options}\n      },\n    },\n  },\n});`;

ruleTests('Strapi 3 mongoose connector: TLS', disabled, {
  valid: [
    { code: strapi3Mongo("        uri: env('DATABASE_URI'),", '        ssl: true,'), sourceType: 'commonjs', filename: 'config/database.js' },
    // A bookshelf connection with the same keys is knex's, not mongoose's.
    { code: strapi3Mongo("        uri: env('DATABASE_URI'),", '        ssl: false,').replace("'mongoose'", "'bookshelf'"), sourceType: 'commonjs', filename: 'config/database.js' },
  ],
  invalid: [
    {
      code: strapi3Mongo("        uri: env('DATABASE_URI'),", '        ssl: false,'),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'disabled', line: 10, data: { client: 'Strapi 3 (mongoose)', setting: 'options.ssl: false', secure: 'options: { ssl: true }' }, suggestions: [{ messageId: 'suggestSecure', output: strapi3Mongo("        uri: env('DATABASE_URI'),", '        ssl: true,') }] }],
    },
  ],
});

ruleTests('Strapi 3 mongoose connector: where and who', location, {
  valid: [{ code: strapi3Mongo("        uri: env('DATABASE_URI'),", "        authenticationDatabase: 'admin',"), sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [
    {
      code: strapi3Mongo("        host: 'cluster0.mongo.example.net',\n        srv: true,", '        ssl: true,'),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'hardcoded', line: 7, data: { client: 'Strapi 3 (mongoose)', path: 'settings.host', what: 'host', envVar: 'DATABASE_URI' } }],
    },
  ],
});

ruleTests('Strapi 3 mongoose connector: accounts', privileged, {
  valid: [{ code: strapi3Mongo("        uri: env('DATABASE_URI'),\n        username: 'cms',", '        ssl: true,'), sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [
    {
      code: strapi3Mongo("        uri: env('DATABASE_URI'),\n        username: env('DATABASE_USERNAME', 'root'),", '        ssl: true,'),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'option', line: 8, data: { client: 'Strapi 3 (mongoose)', where: 'settings.username', account: 'root' } }],
    },
  ],
});

/**
 * Egg.js's knex plugin: `config.knex = { client: { dialect, connection } }` in
 * `config/config.*.js`, often built inside the exported function. egg-knex hands each instance to
 * knex with `dialect` as knex's `client`, so knex's facts apply under that driver.
 */
const eggKnexEsm = (instance: string): string =>
  `export default (appInfo) => {\n  const config = {};\n  config.keys = appInfo.name + '_keys';\n  config.knex = {\n    client: {\n${instance}\n    },\n    app: true,\n  };\n  return config;\n};`;
const eggKnexCjs = (instance: string): string => `module.exports = {\n  knex: {\n    client: {\n${instance}\n    },\n  },\n};`;

ruleTests('egg-knex instances', location, {
  valid: [
    { code: eggKnexEsm("      dialect: 'pg',\n      connection: { host: process.env.PGHOST },"), filename: 'config/config.prod.js' },
    // sqlite keeps its data in a file.
    { code: eggKnexCjs("      dialect: 'sqlite',\n      connection: { filename: './data.db', host: 'db.example.com' },"), sourceType: 'commonjs', filename: 'config/config.default.js' },
  ],
  invalid: [
    {
      name: 'a host in the instance built by the exported function',
      code: eggKnexEsm("      dialect: 'pg',\n      connection: { host: 'db.example.com' },"),
      filename: 'config/config.prod.js',
      errors: [{ messageId: 'hardcoded', line: 7, data: { client: 'egg-knex', path: 'connection.host', what: 'host', envVar: 'DATABASE_URL' } }],
    },
    {
      name: 'a public IP in an exported object',
      code: eggKnexCjs("      dialect: 'mysql',\n      connection: { host: '203.0.113.7', database: 'app' },"),
      sourceType: 'commonjs',
      filename: 'config/config.default.js',
      errors: [{ messageId: 'hardcoded', line: 5, data: { client: 'egg-knex', path: 'connection.host', what: 'host', envVar: 'DATABASE_URL' } }],
    },
  ],
});

ruleTests('egg-knex instances: secrets, accounts, TLS', credentials, {
  valid: [{ code: eggKnexCjs("      dialect: 'mysql2',\n      connection: { password: process.env.MYSQL_PASSWORD },"), sourceType: 'commonjs' }],
  invalid: [
    {
      name: 'a literal password',
      code: eggKnexCjs("      dialect: 'mysql2',\n      connection: { user: 'app', password: 'egg-db-pw' },"),
      sourceType: 'commonjs',
      errors: [{ messageId: 'option', line: 5 }],
    },
  ],
});

ruleTests('egg-knex instances: accounts', privileged, {
  valid: [{ code: eggKnexCjs("      dialect: 'pg',\n      connection: { user: 'app_rw' },"), sourceType: 'commonjs' }],
  invalid: [
    {
      name: 'the postgres superuser',
      code: eggKnexEsm("      dialect: 'postgresql',\n      connection: { user: 'postgres' },"),
      errors: [{ messageId: 'option', line: 7, data: { client: 'egg-knex', where: 'connection.user', account: 'postgres' } }],
    },
  ],
});

ruleTests('egg-knex instances: TLS off by the driver read from dialect', disabled, {
  // `ssl: false` under a driver knex passes nothing to is not judged as pg's.
  valid: [{ code: eggKnexCjs("      dialect: 'pg',\n      connection: { ssl: { rejectUnauthorized: true } },"), sourceType: 'commonjs' }],
  invalid: [
    {
      name: 'pg with ssl: false',
      code: eggKnexCjs("      dialect: 'pg',\n      connection: { host: process.env.PGHOST, ssl: false },"),
      sourceType: 'commonjs',
      errors: [
        {
          messageId: 'disabled',
          line: 5,
          data: { client: 'egg-knex', setting: 'connection.ssl: false', secure: 'connection: { ssl: { rejectUnauthorized: true } }' },
          suggestions: [{ messageId: 'suggestSecure', output: eggKnexCjs("      dialect: 'pg',\n      connection: { host: process.env.PGHOST, ssl: { rejectUnauthorized: true } },") }],
        },
      ],
    },
  ],
});

ruleTests('Strapi 3 bookshelf settings: where and who', location, {
  // sqlite keeps its data in a file: the `host` default beside it reaches nothing.
  valid: [{ code: strapi3Sqlite, sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [
    {
      name: 'a host default',
      code: strapi3("        client: 'postgres',\n        host: env('DATABASE_HOST', 'db.internal'),"),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'hardcodedDefault', line: 8, data: { client: 'Strapi 3 (bookshelf)', path: 'host', what: 'host', variable: '`DATABASE_HOST`' } }],
    },
  ],
});

ruleTests('Strapi 3 bookshelf settings: accounts', privileged, {
  valid: [{ code: strapi3Sqlite, sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [
    {
      name: 'a username default',
      code: strapi3("        client: 'mysql',\n        host: env('DATABASE_HOST'),\n        username: env('DATABASE_USERNAME', 'root'),"),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'option', line: 9, data: { client: 'Strapi 3 (bookshelf)', where: 'username', account: 'root' } }],
    },
  ],
});

ruleTests('Strapi 3 bookshelf settings: local fallbacks', localFallback, {
  valid: [{ code: strapi3Sqlite, sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [
    {
      name: 'a loopback host default',
      code: strapi3("        client: 'postgres',\n        host: env('DATABASE_HOST', '127.0.0.1'),"),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'clientFallback', line: 8, data: { client: 'Strapi 3 (bookshelf)', name: 'DATABASE_HOST', host: '127.0.0.1' } }],
    },
  ],
});

ruleTests('Strapi 3 bookshelf settings: secrets, sqlite too', credentials, {
  valid: [{ code: strapi3("        client: 'postgres',\n        password: env('DATABASE_PASSWORD'),"), sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [
    {
      // A secret written down leaks whichever driver it is for.
      name: 'a password default beside sqlite',
      code: strapi3("        client: 'sqlite',\n        password: env('DATABASE_PASSWORD', 'hunter2-db'),"),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'variableDefault', line: 8 }],
    },
  ],
});

// `dialectOptions` is sequelize's alone: it names the library when the dialect is read from the
// environment, and its TLS settings are judged without a host or user beside them.
ruleTests('sequelize options known by dialectOptions', unverified, {
  valid: [
    ...lookalikes,
    { code: "module.exports = { parserOptions: { ssl: { rejectUnauthorized: false } } };", sourceType: 'commonjs' },
    { code: "module.exports = { db: { dialect: 'postgres', dialectOptions: { ssl: { rejectUnauthorized: true } } } };", sourceType: 'commonjs' },
  ],
  invalid: [
    {
      name: 'a dialect and its TLS settings, nested under an app key',
      code: "module.exports = {\n  db: {\n    dialect: 'postgres',\n    dialectOptions: { ssl: { rejectUnauthorized: false } },\n  },\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'unverified', line: 4, suggestions: [{ messageId: 'suggestSecure', output: "module.exports = {\n  db: {\n    dialect: 'postgres',\n    dialectOptions: { ssl: { rejectUnauthorized: true } },\n  },\n};" }] }],
    },
    {
      name: 'the dialect read from the environment',
      code: "export default {\n  dialect: process.env.DB_DIALECT,\n  host: process.env.DB_HOST,\n  dialectOptions: { ssl: { rejectUnauthorized: false } },\n};",
      errors: [{ messageId: 'unverified', line: 4, suggestions: [{ messageId: 'suggestSecure', output: "export default {\n  dialect: process.env.DB_DIALECT,\n  host: process.env.DB_HOST,\n  dialectOptions: { ssl: { rejectUnauthorized: true } },\n};" }] }],
    },
  ],
});

// NestJS async module options kept in a module of their own and handed to `forRootAsync` elsewhere.
ruleTests('exported NestJS async options: what useFactory returns', location, {
  valid: [
    ...lookalikes,
    // JwtModule's options: no service shape.
    { code: "export const jwtOptions = { useFactory: () => ({ secret: 'not-a-db', signOptions: { expiresIn: '1h' } }) };" },
    { code: "export const dbOptions = { inject: [], useFactory: () => ({ type: 'mysql', host: process.env.DB_HOST }) };" },
  ],
  invalid: [
    {
      code: "export const dbOptions = {\n  inject: [],\n  useFactory: async () => ({\n    type: 'mysql',\n    host: 'db.internal',\n  }),\n};",
      errors: [{ messageId: 'hardcoded', line: 5, suggestions: [] }],
    },
    {
      code: "function factory() {\n  return { type: 'postgres', host: 'db.internal' };\n}\nmodule.exports.dbOptions = { useFactory: factory };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [] }],
    },
  ],
});

ruleTests('exported NestJS async options: accounts and secrets', privileged, {
  valid: [],
  invalid: [{ code: "export const dbOptions = { useFactory: () => ({ type: 'mysql', host: process.env.DB_HOST, username: 'root' }) };", errors: [{ messageId: 'option', data: { client: 'typeorm', where: 'username', account: 'root' } }] }],
});

// A config module that exports one object or another from the branches of a top-level `if`.
ruleTests('exports in the branches of a top-level if', location, {
  valid: [
    { code: "if (process.env.NODE_ENV === 'test') {\n  module.exports = { cors: { origin: 'http://localhost:3000' } };\n} else {\n  module.exports = { cors: { origin: process.env.ORIGIN } };\n}", sourceType: 'commonjs' },
    // Loopback only while the variable is unset: a local fallback, not a hard-coded location.
    { code: "if (process.env.MONGO_URL) {\n  module.exports = { mongoURI: process.env.MONGO_URL };\n} else {\n  module.exports = { mongoURI: 'mongodb://localhost:27017/app' };\n}", sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: "if (process.env.NODE_ENV !== 'production') {\n  module.exports = { mongoURI: 'mongodb://127.0.0.1:27017/app' };\n} else {\n  module.exports = { mongoURI: process.env.MONGO_URL };\n}",
      sourceType: 'commonjs',
      errors: [
        {
          messageId: 'hardcoded',
          line: 2,
          suggestions: [{ messageId: 'suggestEnv', output: "if (process.env.NODE_ENV !== 'production') {\n  module.exports = { mongoURI: process.env.MONGODB_URI };\n} else {\n  module.exports = { mongoURI: process.env.MONGO_URL };\n}" }],
        },
      ],
    },
    {
      code: "if (process.env.NODE_ENV === 'production') module.exports = { db: { dialect: 'postgres', host: process.env.DB_HOST } };\nelse module.exports = { db: { dialect: 'postgres', host: 'db.internal' } };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [] }],
    },
  ],
});

ruleTests('a presence test that exports a loopback config', localFallback, {
  valid: [{ code: "if (process.env.MONGO_URL) {\n  module.exports = { mongoURI: process.env.MONGO_URL };\n} else {\n  module.exports = { mongoURI: process.env.OTHER_URL };\n}", sourceType: 'commonjs' }],
  invalid: [
    {
      code: "if (process.env.MONGO_URL) {\n  module.exports = { mongoURI: process.env.MONGO_URL };\n} else {\n  module.exports = { mongoURI: 'mongodb://localhost:27017/app' };\n}",
      sourceType: 'commonjs',
      errors: [{ messageId: 'clientFallback', line: 4, data: { client: 'mongodb', name: 'MONGO_URL', host: 'localhost' } }],
    },
  ],
});

ruleTests('no-environment-branching: exports chosen by a top-level if', branching, {
  valid: [
    // The same configuration on both paths.
    { code: "if (process.env.NODE_ENV === 'production') {\n  module.exports = { db: { dialect: 'postgres', host: process.env.DB_HOST } };\n} else {\n  module.exports = { db: { dialect: 'postgres', host: process.env.DB_HOST } };\n}", sourceType: 'commonjs' },
    // Not about a backing service.
    { code: "if (process.env.NODE_ENV === 'production') {\n  module.exports = { cors: { origin: 'https://app.example.com' } };\n} else {\n  module.exports = { cors: { origin: '*' } };\n}", sourceType: 'commonjs' },
    // Nested in a function: not the module's exports.
    { code: "function load() {\n  if (process.env.NODE_ENV === 'production') return { mongoURI: process.env.MONGO_URL };\n  return {};\n}\nmodule.exports = { load };", sourceType: 'commonjs' },
    // A guard for the test runner: tests point at their own container.
    { code: "if (process.env.NODE_ENV === 'test') {\n  module.exports = { mongoURI: 'mongodb://127.0.0.1:27017/test' };\n}", sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: "if (process.env.NODE_ENV !== 'production') {\n  module.exports = { mongoURI: 'mongodb://127.0.0.1:27017/app' };\n} else {\n  module.exports = { mongoURI: process.env.MONGO_URL };\n}",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 1, data: { client: 'mongodb', setting: 'its configuration', what: 'the environment name' } }],
    },
    {
      code: "const isProd = process.env.NODE_ENV === 'production';\nif (isProd) module.exports = { db: { dialect: 'mysql', host: process.env.DB_HOST } };\nelse module.exports = { db: { dialect: 'mysql', host: 'localhost' } };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 2 }],
    },
    // Configuration exported from one path only.
    {
      code: "if (process.env.NODE_ENV === 'development') {\n  exports.db = { dialect: 'postgres', host: 'localhost' };\n}",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 1 }],
    },
  ],
});

// `module.exports = NAME = {...}`: a chained assignment exports what it assigns.
ruleTests('exported through a chained assignment', disabled, {
  valid: [{ code: "module.exports = MSSQL = {\n  server: config.get('db.host'),\n  options: { encrypt: true },\n};", sourceType: 'commonjs' }],
  invalid: [
    {
      code: "module.exports = MSSQL = {\n  server: config.get('db.host'),\n  user: config.get('db.user'),\n  options: { encrypt: false },\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'disabled', line: 4, data: { client: 'mssql', setting: 'options.encrypt: false', secure: 'options: { encrypt: true }' }, suggestions: [{ messageId: 'suggestSecure', output: "module.exports = MSSQL = {\n  server: config.get('db.host'),\n  user: config.get('db.user'),\n  options: { encrypt: true },\n};" }] }],
    },
    {
      code: "let settings;\nexport default settings = {\n  server: process.env.DB_SERVER,\n  options: { encrypt: false },\n};",
      errors: [{ messageId: 'disabled', line: 4, suggestions: [{ messageId: 'suggestSecure', output: "let settings;\nexport default settings = {\n  server: process.env.DB_SERVER,\n  options: { encrypt: true },\n};" }] }],
    },
  ],
});

/** Two configuration objects written apart and one picked by the environment name. */
const chosenConfig = (production: string, local: string, test = 'process.env.NODE_ENV'): string =>
  `const productionConfig = {\n  redis: { host: ${production}, port: 6379 },\n};\nconst localConfig = {\n  redis: { host: ${local}, port: 6379 },\n};\nconst config = ${test} ? productionConfig : localConfig;\n`;

ruleTests('no-environment-branching: a conditional between exported configurations', branching, {
  valid: [
    // The same settings in both: nothing connects differently yet.
    { code: `${chosenConfig("'127.0.0.1'", "'127.0.0.1'")}export default config;` },
    // One object on both arms.
    { code: "const redisConfig = { redis: { host: process.env.REDIS_HOST } };\nmodule.exports = process.env.NODE_ENV ? redisConfig : redisConfig;", sourceType: 'commonjs' },
    // Not service configuration.
    { code: "const prod = { cors: { origin: 'https://app.example.com' } };\nconst dev = { cors: { origin: '*' } };\nexport default process.env.NODE_ENV === 'production' ? prod : dev;" },
    // A guard for the test runner.
    { code: `${chosenConfig("process.env.REDIS_HOST", "'127.0.0.1'", "process.env.NODE_ENV !== 'test'")}export default config;` },
  ],
  invalid: [
    {
      code: `${chosenConfig("'redis.prod.internal'", "'127.0.0.1'")}export default config;`,
      errors: [{ messageId: 'config', line: 7, column: 16, data: { client: 'ioredis', setting: 'its configuration', what: 'the environment name' } }],
    },
    {
      code: `${chosenConfig("process.env.REDIS_HOST", "'localhost'", "process.env.NODE_ENV === 'production'")}module.exports = config;`,
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 7 }],
    },
    {
      // Typed, and exported straight from the conditional.
      code: "interface Cfg { mysql: { host?: string; user: string } }\nconst prod: Cfg = { mysql: { host: process.env.DB_HOST, user: 'app' } };\nconst dev: Cfg = { mysql: { host: 'localhost', user: 'app' } };\nexport default (process.env.NODE_ENV === 'production' ? prod : dev) as Cfg;",
      tsOnly: true,
      errors: [{ messageId: 'config', line: 4 }],
    },
  ],
});

// Nest's own factory signature returns `Promise<T> | T`: each member of a union annotates the value.
ruleTests('a typed options factory whose return type is a union', unverified, {
  valid: [
    {
      code: "import { TypeOrmModuleOptions, TypeOrmOptionsFactory } from '@nestjs/typeorm';\nexport class Db implements TypeOrmOptionsFactory {\n  createTypeOrmOptions(): Promise<TypeOrmModuleOptions> | TypeOrmModuleOptions {\n    return { type: 'mssql', host: process.env.DB_HOST, options: { trustServerCertificate: false } };\n  }\n}",
      tsOnly: true,
    },
    // Untyped, in a file that names no catalog module: not known to be anyone's options.
    { code: "export class Db {\n  createTypeOrmOptions() {\n    return { type: 'mssql', options: { trustServerCertificate: true } };\n  }\n}" },
    // A union with another library's type says nothing about this one's options.
    { code: "import { Foo } from './foo';\nexport function make(): Foo | string {\n  return { type: 'mssql', options: { trustServerCertificate: true } } as never;\n}", tsOnly: true },
  ],
  invalid: [
    {
      code: "import { TypeOrmModuleOptions, TypeOrmOptionsFactory } from '@nestjs/typeorm';\nexport class Db implements TypeOrmOptionsFactory {\n  createTypeOrmOptions(): Promise<TypeOrmModuleOptions> | TypeOrmModuleOptions {\n    return { type: 'mssql', host: process.env.DB_HOST, options: { trustServerCertificate: true } };\n  }\n}",
      tsOnly: true,
      errors: [
        {
          messageId: 'unverified',
          line: 4,
          suggestions: [{ messageId: 'suggestSecure', output: "import { TypeOrmModuleOptions, TypeOrmOptionsFactory } from '@nestjs/typeorm';\nexport class Db implements TypeOrmOptionsFactory {\n  createTypeOrmOptions(): Promise<TypeOrmModuleOptions> | TypeOrmModuleOptions {\n    return { type: 'mssql', host: process.env.DB_HOST, options: { trustServerCertificate: false } };\n  }\n}" }],
        },
      ],
    },
  ],
});

// Getters in an exported configuration object: the value is what the getter returns.
ruleTests('getters in exported configuration', location, {
  valid: [
    { code: "module.exports = { redis: { get host() { return process.env.REDIS_HOST; } } };", sourceType: 'commonjs' },
    // A class's getter is not exported configuration.
    { code: "export class Api {\n  get url() {\n    return 'https://api.example.com';\n  }\n}" },
  ],
  invalid: [
    {
      code: "module.exports = {\n  smtp: {\n    get host() { return 'smtp.example.com'; },\n    get port() { return 465; },\n  },\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 3, data: { client: 'nodemailer', path: 'host', what: 'host', envVar: 'SMTP_URL' }, suggestions: [] }],
    },
  ],
});

ruleTests('getters in exported configuration: secrets', credentials, {
  valid: [],
  invalid: [{ code: "export default {\n  mail: { get user() { return 'app'; }, get pass() { return 'mail-secret'; } },\n};", errors: [{ messageId: 'setting' }] }],
});
