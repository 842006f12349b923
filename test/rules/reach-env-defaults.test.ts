/**
 * Literal defaults of environment reads, judged by the variable's name wherever the read is:
 * config modules hand `process.env.DB_USER || 'sa'` to a client in another file.
 */
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import privileged from '../../src/rules/no-privileged-service-account';
import localFallback from '../../src/rules/no-local-service-fallback';
import { ruleTests } from '../harness/rule-tester';

ruleTests('no-privileged-service-account: environment defaults', privileged, {
  valid: [
    { code: "export const config = { DB_USER: process.env.DB_USER || 'app' };" },
    { code: "const user = process.env.GITHUB_USER || 'root';" },
    { code: "const user = process.env.DB_USER || 'root';", options: [{ allow: ['root'] }] },
  ],
  invalid: [
    { code: "export const config = {\n  DB_USER: process.env.DB_USER || 'sa',\n};", errors: [{ messageId: 'variableDefault', line: 2, data: { name: 'DB_USER', account: 'sa' } }] },
    { code: "const user = process.env.PGUSER ?? 'postgres';", errors: [{ messageId: 'variableDefault', data: { name: 'PGUSER', account: 'postgres' } }] },
    { code: "const { RABBITMQ_USER = 'guest' } = process.env;", errors: [{ messageId: 'variableDefault', data: { name: 'RABBITMQ_USER', account: 'guest' } }] },
    { code: "const user = process.env.REDIS_USERNAME || 'default';", errors: [{ messageId: 'variableDefault', data: { name: 'REDIS_USERNAME', account: 'default' } }] },
  ],
});

ruleTests('no-hardcoded-service-credentials: environment defaults', credentials, {
  valid: [
    { code: "const password = process.env.DB_PASSWORD || '';" },
    { code: "const password = process.env.DB_PASSWORD || 'YOUR_PASSWORD';" },
    { code: "const secret = process.env.JWT_SECRET || 'dev-secret';" },
  ],
  invalid: [
    { code: "const password = process.env.DB_PASSWORD ?? 'dev-secret';", errors: [{ messageId: 'variableDefault', data: { name: 'DB_PASSWORD' } }] },
    { code: "module.exports = { mongo: { password: process.env.MONGO_PASSWORD || 'example' } };", sourceType: 'commonjs', errors: [{ messageId: 'variableDefault', data: { name: 'MONGO_PASSWORD' } }] },
  ],
});

ruleTests('no-hardcoded-service-location: environment defaults', location, {
  valid: [
    // Loopback defaults are no-local-service-fallback's; other names are not service locations.
    { code: "const host = process.env.REDIS_HOST || 'localhost';" },
    { code: "const api = process.env.API_URL || 'https://api.example.com';" },
    { code: 'const host = process.env.REDIS_HOST;' },
  ],
  invalid: [
    { code: "const host = process.env.REDIS_HOST || 'redis';", errors: [{ messageId: 'variableDefault', data: { name: 'REDIS_HOST', what: 'host', host: 'redis' } }] },
    { code: "export const config = { SMTP_HOST: process.env.SMTP_HOST || 'smtp.mailgun.org' };", errors: [{ messageId: 'variableDefault', data: { name: 'SMTP_HOST', what: 'host', host: 'smtp.mailgun.org' } }] },
    { code: "const url = process.env.AMQP_URL || 'amqps://broker.example.com';", errors: [{ messageId: 'variableDefault', data: { name: 'AMQP_URL', what: 'URL', host: 'broker.example.com' } }] },
  ],
});

import fallback from '../../src/rules/no-local-service-fallback';

ruleTests('a service-scheme default makes a variable a service location', fallback, {
  valid: [{ code: "const url = process.env.WS_URL || 'ws://localhost:8080';" }, { code: "const api = process.env.API || 'http://localhost:3000';" }],
  invalid: [{ code: "const url = process.env.CLUSTER_URL || 'nats://localhost:4222';", errors: [{ messageId: 'variableFallback', data: { name: 'CLUSTER_URL', host: 'localhost' } }] }],
});

ruleTests('a service-scheme default that is not local is a hard-coded location', location, {
  valid: [],
  invalid: [{ code: "const url = process.env.QUEUE || 'amqps://broker.example.com';", errors: [{ messageId: 'variableDefault', data: { name: 'QUEUE', what: 'URL', host: 'broker.example.com' } }] }],
});

// Local defaults in the forms large code bases use: an alias of `process.env` by
// destructuring, an option definition naming its variable, an options default object.
ruleTests('no-local-service-fallback: aliases, option definitions and default objects', fallback, {
  valid: [],
  invalid: [
    {
      code: "const { env } = process;\nexport const url = env['STORE_DATABASE_URL'] || 'postgresql://localhost:5432/shop';",
      errors: [{ messageId: 'variableFallback', data: { name: 'STORE_DATABASE_URL', host: 'localhost' } }],
    },
    {
      code: "module.exports = {\n  storeURI: { env: 'SHOP_STORE_URI', help: 'Where the store is', default: 'mongodb://localhost:27017/shop' },\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'variableFallback', line: 2, data: { name: 'SHOP_STORE_URI', host: 'localhost' } }],
    },
    {
      code: "import Redis from 'ioredis';\nexport function cache(opts) {\n  const connection = opts.connection ?? { host: 'localhost', port: 6379 };\n  return new Redis(connection);\n}",
      errors: [{ messageId: 'defaultObject', line: 3, data: { client: 'ioredis', host: 'localhost' } }],
    },
    {
      code: "import Redis, { type RedisOptions } from 'ioredis';\nexport function cache(opts: { connection?: RedisOptions }) {\n  return new Redis(opts.connection ?? ({ host: '127.0.0.1' } as RedisOptions));\n}",
      tsOnly: true,
      errors: [{ messageId: 'defaultObject', line: 3, data: { client: 'ioredis', host: '127.0.0.1' } }],
    },
    {
      name: 'a loopback default for one configured value',
      code: "const { Pool } = require('pg');\nmodule.exports = (cfg) => new Pool({ host: cfg.host || '127.0.0.1', user: cfg.user });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'defaultObject', line: 2, data: { client: 'pg', host: '127.0.0.1' } }],
    },
    {
      name: 'a chain of environment reads ending in a loopback default names the first',
      code: "import Redis from 'ioredis';\nexport const cache = new Redis({ host: process.env.CACHE_HOST || process.env.REDIS_HOST || 'localhost' });",
      errors: [{ messageId: 'clientFallback', data: { client: 'ioredis', name: 'CACHE_HOST', host: 'localhost' } }],
    },
  ],
});

// ... and none of them is also a hard-coded location.
ruleTests('no-hardcoded-service-location leaves local defaults to no-local-service-fallback', location, {
  valid: [
    { code: "const { env } = process;\nexport const url = env['STORE_DATABASE_URL'] || 'postgresql://localhost:5432/shop';" },
    { code: "module.exports = { storeURI: { env: 'SHOP_STORE_URI', default: 'mongodb://localhost:27017/shop' } };", sourceType: 'commonjs' },
    { code: "import Redis from 'ioredis';\nexport function cache(opts) {\n  return new Redis(opts.connection ?? { host: 'localhost', port: 6379 });\n}" },
    { code: "const { Pool } = require('pg');\nmodule.exports = (cfg) => new Pool({ host: cfg.host || '127.0.0.1', user: cfg.user });", sourceType: 'commonjs' },
    { code: "import Redis from 'ioredis';\nexport const cache = new Redis({ host: process.env.CACHE_HOST || process.env.REDIS_HOST || 'localhost' });" },
  ],
  invalid: [
    {
      name: 'a default that is not local stays a hard-coded location',
      code: "const { Pool } = require('pg');\nmodule.exports = (cfg) => new Pool({ host: cfg.host || 'db.internal', user: cfg.user });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', data: { client: 'pg', path: 'host', what: 'host', envVar: 'DATABASE_URL' } }],
    },
    {
      name: 'a URL default for the whole first argument',
      code: "import Redis from 'ioredis';\nexport const cache = (cfg) => new Redis(cfg.url || 'redis://cache.internal:6379');",
      errors: [{ messageId: 'hardcoded', data: { client: 'ioredis', path: 'url', what: 'URL', envVar: 'REDIS_URL' } }],
    },
    {
      code: "module.exports = { storeURI: { env: 'SHOP_STORE_URI', default: 'mongodb://db.example.com:27017/shop' } };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcodedDefault' }],
    },
  ],
});

/**
 * A CLI option table: rows of `[flag, variable, default, ...]`, as many CLIs declare their
 * options; each row is a read of its variable with that default. Rows without a `--flag` first
 * are not definitions.
 */
const optionTable = (rows: string): string => `module.exports = [\n  ['--port', 'APP_PORT', 8080, 'number'],\n${rows}];`;

ruleTests('no-local-service-fallback: CLI option tables', localFallback, {
  valid: [
    { code: optionTable("  ['--db-url', 'DB_URL', ''],\n"), sourceType: 'commonjs' },
    { code: "export const targets = [['ldap', 'LDAP_URL', 'ldap://localhost']];" },
  ],
  invalid: [
    { code: optionTable("  ['--ldap-url', 'LDAP_URL', 'ldap://localhost', 'string'],\n"), sourceType: 'commonjs', errors: [{ messageId: 'variableFallback', line: 3 }] },
    { code: "export default [\n  ['--redis-urls', 'REDIS_URLS', ['redis://127.0.0.1:6379'], 'array'],\n];", errors: [{ messageId: 'variableFallback', line: 2 }] },
  ],
});

ruleTests('no-hardcoded-service-credentials and accounts: CLI option tables', credentials, {
  valid: [{ code: optionTable("  ['--db-password', 'DB_PASSWORD', ''],\n"), sourceType: 'commonjs' }],
  invalid: [{ code: optionTable("  ['--db-password', 'DB_PASSWORD', 'hunter2'],\n"), sourceType: 'commonjs', errors: [{ messageId: 'variableDefault', line: 3 }] }],
});

ruleTests('no-privileged-service-account: CLI option tables', privileged, {
  valid: [{ code: "export default [['--ldap-dn', 'LDAP_BIND_DN', 'cn=reader,dc=example,dc=com']];" }],
  invalid: [{ code: "export default [\n  ['--ldap-dn', 'LDAP_BIND_DN', 'cn=admin,dc=example,dc=com'],\n];", errors: [{ messageId: 'variableDefault', line: 2 }] }],
});

// A variable only ever printed reaches no client (a start-up log line of the address it would use).
ruleTests('a default that is only printed configures nothing', fallback, {
  valid: [
    { code: "const host = process.env.CASSANDRA_SERVER || '127.0.0.1';\nconsole.log('HOST:', host);" },
    { code: "const host = process.env.REDIS_HOST ?? 'localhost';\nconsole.info(`redis at ${host}`);\nconsole.error('was ' + host);" },
    // Loggers by their names: `log`, `infolog`, `logger.x`, `this.logger.x`.
    { code: "const host = process.env.REDIS_HOST || 'localhost';\nlog(host);\ninfolog('at ' + host);\nlogger.info(`at ${host}`);" },
    { code: "class Cache {\n  start() {\n    const host = process.env.REDIS_HOST || 'localhost';\n    this.logger.debug(`redis at ${host}`);\n  }\n}" },
  ],
  invalid: [
    {
      code: "const host = process.env.REDIS_HOST || 'localhost';\nconsole.log(host);\nmodule.exports = { host };",
      errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_HOST', host: 'localhost' } }],
    },
    // A function not named for logging may be anything: not known to print only (`catalog`, `dialog` are no loggers).
    { code: "const host = process.env.REDIS_HOST || 'localhost';\nreport(host);", errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_HOST', host: 'localhost' } }] },
    { code: "const host = process.env.REDIS_HOST || 'localhost';\ncatalog(host);\ndialog.open(host);", errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_HOST', host: 'localhost' } }] },
    // Never read: a config module may hand it on in ways not followed.
    { code: "const host = process.env.REDIS_HOST || 'localhost';", errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_HOST', host: 'localhost' } }] },
  ],
});

ruleTests('a location default that is only printed is not a hard-coded location', location, {
  valid: [{ code: "const host = process.env.REDIS_HOST || 'redis';\nconsole.log(host);" }],
  invalid: [{ code: "const host = process.env.REDIS_HOST || 'redis';\nconsole.log(host);\nexport default { host };", errors: [{ messageId: 'variableDefault', data: { name: 'REDIS_HOST', what: 'host', host: 'redis' } }] }],
});

ruleTests('a secret default leaks even when only printed', credentials, {
  valid: [],
  invalid: [{ code: "const password = process.env.DB_PASSWORD || 'hunter22';\nconsole.log(password);", errors: [{ messageId: 'variableDefault' }] }],
});

// A read whose name says nothing (`IP`) is still a location when it is the host part of a
// service URL built around it.
ruleTests('the host part of a service URL built around a read', fallback, {
  valid: [
    { code: "module.exports = { web: 'http://' + (process.env.IP || 'localhost') + ':3000' };", sourceType: 'commonjs' },
    { code: "export const uri = 'mongodb://db.internal/' + (process.env.DB || 'localhost');" },
    { code: "export const uri = 'mongodb://' + (process.env.IP || 'db.internal') + '/app';" },
  ],
  invalid: [
    {
      code: "module.exports = { mongoUri: 'mongodb://' + (process.env.IP || 'localhost') + ':27017/app' };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'variableFallback', data: { name: 'IP', host: 'localhost' } }],
    },
    { code: 'export const url = `redis://:${process.env.PW}@${process.env.ADDR ?? \'127.0.0.1\'}:6379`;', errors: [{ messageId: 'variableFallback', data: { name: 'ADDR', host: '127.0.0.1' } }] },
  ],
});

ruleTests('a remote default in the host part of a service URL', location, {
  valid: [{ code: "export const uri = 'mongodb://' + (process.env.IP || 'localhost') + '/app';" }],
  invalid: [
    { code: "export const uri = 'amqps://' + (process.env.ADDR || 'mq.internal') + '/vhost';", errors: [{ messageId: 'variableDefault', data: { name: 'ADDR', what: 'host', host: 'mq.internal' } }] },
  ],
});

ruleTests('a user name before the host of a service URL is not a location', location, {
  valid: [
    { code: "export const url = `amqp://${process.env.MQ_USER ?? 'guest'}:${process.env.MQ_PASS ?? 'x'}@${process.env.MQ_HOST ?? 'localhost'}:5672`;" },
    { code: "export const url = 'amqp://' + (process.env.MQ_USER || 'guest') + ':' + process.env.MQ_PASS + '@' + process.env.MQ_HOST;" },
  ],
  invalid: [],
});

import credentialsRule from '../../src/rules/no-hardcoded-service-credentials';
import privilegedRule from '../../src/rules/no-privileged-service-account';

const zodSchema = (imports: string, body: string, parse = 'schema.parse(process.env)'): string => `${imports}\nconst schema = z.object({\n${body}\n});\nexport const env = ${parse};`;
const zodEsm = "import { z } from 'zod';";
const zodCjs = "const { z } = require('zod');";

ruleTests('zod environment schemas: a `.default()` is the variable\'s fallback', fallback, {
  valid: [
    // Not parsed from the environment, not zod's `z`, and a name that is not a service location.
    { code: zodSchema(zodEsm, "  KAFKA_BROKERS: z.string().default('localhost:9094'),", 'schema.parse(req.body)') },
    { code: zodSchema("import { z } from './validation';", "  KAFKA_BROKERS: z.string().default('localhost:9094'),") },
    { code: zodSchema(zodEsm, "  HOST: z.string().default('localhost'),\n  PORT: z.coerce.number().default(3000),") },
    { code: zodSchema(zodEsm, '  REDIS_URL: z.string().url(),') },
  ],
  invalid: [
    { code: zodSchema(zodEsm, "  KAFKA_BROKERS: z.string().min(1).default('localhost:9094'),"), errors: [{ messageId: 'variableFallback', line: 3, data: { name: 'KAFKA_BROKERS', host: 'localhost' } }] },
    {
      code: `${zodCjs}\nconst schema = z.object({\n  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),\n});\nmodule.exports = schema.safeParse(process.env);`,
      sourceType: 'commonjs',
      errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_URL', host: '127.0.0.1' } }],
    },
    {
      code: "import z from 'zod';\nexport const env = z.object({ DATABASE_URL: z.string().default('postgres://localhost:5432/app') }).strict().parse(process.env);",
      errors: [{ messageId: 'variableFallback', data: { name: 'DATABASE_URL', host: 'localhost' } }],
    },
  ],
});

ruleTests('zod environment schemas: credentials and accounts', credentialsRule, {
  valid: [{ code: zodSchema(zodEsm, "  REDIS_PASSWORD: z.string().default(''),") }],
  invalid: [{ code: zodSchema(zodEsm, "  REDIS_PASSWORD: z.string().default('devsecret'),"), errors: [{ messageId: 'variableDefault', data: { name: 'REDIS_PASSWORD' } }] }],
});

ruleTests('zod environment schemas: a privileged default account', privilegedRule, {
  valid: [{ code: zodSchema(zodEsm, "  RABBITMQ_USER: z.string().default('app'),") }],
  invalid: [{ code: zodSchema(zodEsm, "  RABBITMQ_USER: z.string().default('guest'),"), errors: [{ messageId: 'variableDefault', data: { name: 'RABBITMQ_USER', account: 'guest' } }] }],
});

ruleTests('a service word before `IP` names its location (`RABBIT_IP`)', fallback, {
  valid: [{ code: "const ip = process.env.CLIENT_IP || '127.0.0.1';" }],
  invalid: [
    { code: "const ip = process.env.RABBIT_IP || '127.0.0.1';", errors: [{ messageId: 'variableFallback', data: { name: 'RABBIT_IP', host: '127.0.0.1' } }] },
    {
      code: "export const rabbit = { ip: { doc: 'Broker address', format: String, default: '127.0.0.1', env: 'RABBIT_IP' } };",
      errors: [{ messageId: 'variableFallback', data: { name: 'RABBIT_IP', host: '127.0.0.1' } }],
    },
  ],
});

ruleTests('a JSON Schema of the environment (env-schema, fastify env): a property default is the variable\'s fallback', fallback, {
  valid: [
    // Not the environment's schema (no `type: 'object'` with `properties`), and a mongoose-style field.
    { code: "export const schema = { properties: { RABBITMQ_URI: { type: 'string', default: 'amqp://localhost' } } };" },
    { code: "export const fields = { type: 'object', properties: { brokerUrl: { type: 'string', default: 'amqp://localhost' } } };" },
    { code: "export const schema = { type: 'object', properties: { HOST: { type: 'string', default: '0.0.0.0' } } };" },
  ],
  invalid: [
    {
      code: "const schema = {\n  type: 'object',\n  properties: {\n    RABBITMQ_URI: { type: 'string', default: 'amqp://localhost:5672' },\n  },\n};\nexports.config = { dotenv: true, schema };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'variableFallback', line: 4, data: { name: 'RABBITMQ_URI', host: 'localhost' } }],
    },
    {
      code: "export default { type: 'object', required: ['PORT'], properties: { REDIS_URL: { type: 'string', default: 'redis://127.0.0.1:6379' } } };",
      errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_URL', host: '127.0.0.1' } }],
    },
  ],
});

ruleTests("the project's own environment module: `env.NAME` of an imported `env` is a read of NAME", fallback, {
  valid: [
    // Not the project's module, not a variable's name, not named `env`, and no default.
    { code: "import { env } from 'some-env-package';\nexport const url = env.NATS_URL ?? 'nats://localhost:4222';" },
    { code: "import { env } from './env';\nexport const url = env.natsUrl ?? 'nats://localhost:4222';" },
    { code: "import { config } from './config';\nexport const url = config.NATS_URL ?? 'nats://localhost:4222';" },
    { code: "import { env } from '~/env';\nexport const url = env.NATS_URL;" },
  ],
  invalid: [
    {
      code: "import { env } from './env.mjs';\nexport const servers = (env.APP_NATS_URL ?? env.NATS_URL ?? 'nats://localhost:4222').split(',');",
      errors: [{ messageId: 'variableFallback', data: { name: 'APP_NATS_URL', host: 'localhost' } }],
    },
    { code: "import { env } from '~/env';\nexport const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';", errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_URL', host: '127.0.0.1' } }] },
    {
      code: "const { env } = require('../config/env');\nmodule.exports = { url: env.AMQP_URL || 'amqp://localhost' };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'variableFallback', data: { name: 'AMQP_URL', host: 'localhost' } }],
    },
  ],
});
