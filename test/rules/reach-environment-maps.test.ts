/**
 * Environment tests and per-environment maps as the eighth field sample showed them, in our own
 * words: predicates named for the environment and called, map entries that differ only in the
 * variables they read, and maps of one library's options recognised by their shape.
 */
import branching from '../../src/rules/no-environment-branching';
import { ruleTests } from '../harness/rule-tester';

ruleTests('no-environment-branching: a predicate named for the environment, called', branching, {
  valid: [
    // Predicates that name no environment, and a named one that takes an argument (a check of something else).
    { code: "import Redis from 'ioredis';\nimport { isReady } from './health';\nnew Redis({ host: process.env.REDIS_HOST, tls: isReady() ? {} : undefined });" },
    { code: "import Redis from 'ioredis';\nimport { isProd } from './env';\nnew Redis({ host: process.env.REDIS_HOST, tls: isProd(process.env.TLS) ? {} : undefined });" },
    { code: "const Redis = require('ioredis');\nconst app = require('./app');\nnew Redis({ host: process.env.REDIS_HOST, tls: app.isApproved() ? {} : undefined });", sourceType: 'commonjs' },
    // The predicate changes no connection setting.
    { code: "import { Pool } from 'pg';\nimport { isProduction } from './env';\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });\nif (isProduction()) console.log('prod');" },
  ],
  invalid: [
    {
      code: "import Redis from 'ioredis';\nimport { isNodeProd } from 'utils/node-env';\nexport const options = () => ({\n  host: process.env.REDIS_HOST,\n  tls: isNodeProd() || process.env.REDIS_TLS ? {} : undefined,\n});\nnew Redis(options());",
      errors: [{ messageId: 'config', line: 5 }],
    },
    {
      code: "const { Pool } = require('pg');\nconst config = require('./config');\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl: config.isProduction() ? { rejectUnauthorized: true } : false });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 3 }],
    },
    {
      code: "import { MongoClient } from 'mongodb';\nfunction isDev() { return process.env.NODE_ENV === 'development'; }\nexport const client = new MongoClient(isDev() ? 'mongodb://localhost:27017/app' : process.env.MONGODB_URI);",
      errors: [{ messageId: 'config', line: 3 }],
    },
  ],
});

const envOnlyKnexfile = (dev: string, prod: string): string =>
  `module.exports = {\n  development: { client: 'pg', connection: { host: ${dev}, database: 'app' } },\n  production: { client: 'pg', connection: { host: ${prod}, database: 'app' } },\n};`;

ruleTests('no-environment-branching: map entries that differ only in the variables they read', branching, {
  valid: [
    { code: envOnlyKnexfile("process.env.DB_DEV_HOST || 'localhost'", "process.env.DB_PROD_HOST || 'localhost'"), sourceType: 'commonjs', filename: 'knexfile.js' },
    { code: envOnlyKnexfile('process.env.DEV_PGHOST', 'process.env.PGHOST'), sourceType: 'commonjs', filename: 'knexfile.js' },
    { code: `export default ${envOnlyKnexfile('process.env.DEV_PGHOST', 'process.env.PGHOST').slice('module.exports = '.length)}`, filename: 'knexfile.ts' },
  ],
  invalid: [
    // A literal in one entry and a read in the other is still a difference written in code.
    { code: envOnlyKnexfile("'localhost'", 'process.env.PGHOST'), sourceType: 'commonjs', filename: 'knexfile.js', errors: [{ messageId: 'environmentFile', line: 2, endLine: 3, data: { client: 'knex', name: 'development', against: 'production', envVar: 'DATABASE_URL' } }] },
  ],
});

ruleTests('no-environment-branching: a per-environment map of options recognised by shape', branching, {
  valid: [
    // Entries that connect alike, and a map of objects that are no client's options.
    {
      code: "export const kafkaConfig = {\n  development: { clientId: 'app', brokers: [process.env.KAFKA_BROKER] },\n  production: { clientId: 'app', brokers: [process.env.KAFKA_BROKER] },\n};",
    },
    {
      code: "module.exports.limits = {\n  development: { host: 'localhost', origin: '*', credentials: true },\n  production: { host: 'example.com', origin: 'https://example.com', credentials: true },\n};",
      sourceType: 'commonjs',
    },
    // Entries differing in what is not where or how they connect (the client id).
    {
      code: "export const kafkaConfig = {\n  development: { clientId: 'app-dev', brokers: process.env.KAFKA_BROKERS.split(',') },\n  production: { clientId: 'app', brokers: process.env.KAFKA_BROKERS.split(',') },\n};",
    },
  ],
  invalid: [
    {
      code: "interface Option { clientId?: string; brokers?: string[] }\nexport const kafkaConfig: Record<string, Option> = {\n  development: { clientId: 'app', brokers: ['localhost:9092'] },\n  test: { clientId: 'app', brokers: ['localhost:9092'] },\n  production: { clientId: 'app', brokers: ['kafka:9092'] },\n};",
      tsOnly: true,
      errors: [{ messageId: 'environmentFile', line: 3, endLine: 5, data: { client: 'kafkajs', name: 'development', against: 'production', envVar: 'KAFKA_BROKERS' } }],
    },
    {
      code: "module.exports = {\n  kafka: {\n    development: { clientId: 'app', brokers: ['localhost:9092'] },\n    production: { clientId: 'app', brokers: ['kafka.internal:9092'], ssl: true },\n  },\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'environmentFile', line: 3, endLine: 4, data: { client: 'kafkajs', name: 'development', against: 'production', envVar: 'KAFKA_BROKERS' } }],
    },
  ],
});

ruleTests('no-environment-branching: an option written under an environment test onto configuration found by type or shape', branching, {
  valid: [
    // A write the environment does not choose, and one that changes no connection setting.
    { code: "import type { PoolConfig } from 'pg';\nexport function poolOptions(): PoolConfig {\n  const options: PoolConfig = { connectionString: process.env.DATABASE_URL };\n  options.ssl = { ca: process.env.PG_CA };\n  return options;\n}", tsOnly: true },
    { code: "import type { PoolConfig } from 'pg';\nexport function poolOptions(): PoolConfig {\n  const options: PoolConfig = { connectionString: process.env.DATABASE_URL };\n  if (process.env.NODE_ENV === 'production') options.max = 20;\n  return options;\n}", tsOnly: true },
  ],
  invalid: [
    {
      code: "import type { Options } from '@mikro-orm/core';\nexport function ormOptions(): Options {\n  const options: Options = { clientUrl: process.env.DATABASE_URL };\n  if (process.env.NODE_ENV === 'production') {\n    options.driverOptions = { connection: { ssl: { rejectUnauthorized: false } } };\n  }\n  return options;\n}",
      tsOnly: true,
      errors: [{ messageId: 'config', line: 4 }],
    },
    {
      code: "const config = { dialect: 'postgres', host: process.env.DB_HOST };\nif (process.env.NODE_ENV === 'production') config.dialectOptions = { ssl: { require: true, rejectUnauthorized: false } };\nmodule.exports = config;",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 2 }],
    },
  ],
});
