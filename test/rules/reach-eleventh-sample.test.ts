/**
 * What the eleventh field sample showed, in our own words: a Fastify plugin registered with its
 * client's options, Keyv's Redis store, a broker list split from an environment read with a
 * default, NestJS's ConfigService under a short name, Oracle's connect strings and variable
 * names, a machine name of digits and hyphens, and MinIO's default pair not read as an account.
 */
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import fallback from '../../src/rules/no-local-service-fallback';
import privileged from '../../src/rules/no-privileged-service-account';
import unverified from '../../src/rules/no-unverified-tls';
import { forms, type Lib } from '../harness/libraries';
import { ruleTests } from '../harness/rule-tester';

const fastify: Lib = { esm: "import fastifyRedis from '@fastify/redis';", cjs: "const fastifyRedis = require('@fastify/redis');" };
const keyv: Lib = { esm: "import KeyvRedis, { createKeyv } from '@keyv/redis';", cjs: "const { default: KeyvRedis, createKeyv } = require('@keyv/redis');" };

ruleTests('no-hardcoded-service-location: a Fastify plugin registered with its options', location, {
  valid: [
    ...forms(fastify, 'app.register(fastifyRedis, { url: process.env.REDIS_URL });'),
    // Not our plugin, not `register`, or the plugin not first.
    ...forms(fastify, "app.register(other, { host: 'cache.internal' });"),
    ...forms(fastify, "app.use(fastifyRedis, { host: 'cache.internal' });"),
    ...forms(fastify, "app.register(other, fastifyRedis, { host: 'cache.internal' });"),
    // A client class handed to `register` is no plugin of the catalog's: only plugin factories are.
    ...forms({ esm: "import Queue from 'bull';", cjs: "const Queue = require('bull');" }, "app.register(Queue, { redis: { host: 'cache.internal' } });"),
    ...forms({ esm: "import Redis from 'ioredis';", cjs: "const Redis = require('ioredis');" }, "app.register(Redis, { host: 'cache.internal' });"),
  ],
  invalid: [
    ...forms(fastify, "app.register(fastifyRedis, { host: 'cache.internal', port: 6379 });").map((c) => ({ ...c, errors: [{ messageId: 'hardcoded', line: 2 }] })),
    {
      // The plugin's former name, required where it is registered.
      code: "module.exports = async function (fastify) {\n  fastify.register(require('fastify-redis'), { host: 'redis' });\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 2 }],
    },
  ],
});

ruleTests('no-unverified-tls: a Fastify plugin registered with its options', unverified, {
  valid: [...forms(fastify, 'app.register(fastifyRedis, { url: process.env.REDIS_URL, tls: {} });')],
  invalid: [
    ...forms(fastify, 'app.register(fastifyRedis, { url: process.env.REDIS_URL, tls: { rejectUnauthorized: false } });').map((c) => ({
      ...c,
      errors: [{ messageId: 'unverified', line: 2, suggestions: [{ messageId: 'suggestSecure', output: c.code.replace('rejectUnauthorized: false', 'rejectUnauthorized: true') }] }],
    })),
  ],
});

ruleTests("no-local-service-fallback: Keyv's Redis store", fallback, {
  valid: [
    ...forms(keyv, 'export const store = new KeyvRedis(process.env.REDIS_URL);'),
    // A client built elsewhere is judged there.
    ...forms(keyv, 'export const store = new KeyvRedis(client);'),
  ],
  invalid: [
    ...forms(keyv, "export const store = new KeyvRedis(process.env.REDIS_URL || 'redis://127.0.0.1:6379');").map((c) => ({ ...c, errors: [{ messageId: 'clientFallback', line: 2 }] })),
    ...forms(keyv, "export const store = createKeyv(config.url ?? 'redis://localhost:6379');").map((c) => ({ ...c, errors: [{ messageId: 'defaultObject', line: 2 }] })),
  ],
});

ruleTests("no-hardcoded-service-credentials: Keyv's Redis store", credentials, {
  valid: [...forms(keyv, 'export const store = new KeyvRedis({ url: process.env.REDIS_URL, password: process.env.REDIS_PASSWORD });')],
  invalid: [
    ...forms(keyv, "export const store = new KeyvRedis({ url: process.env.REDIS_URL, password: 's3cr3t-redis' });").map((c) => ({ ...c, errors: [{ messageId: 'option', line: 2 }] })),
  ],
});

const kafka: Lib = { esm: "import { Kafka } from 'kafkajs';", cjs: "const { Kafka } = require('kafkajs');" };

ruleTests('no-hardcoded-service-location: a broker list split from an environment read', location, {
  valid: [
    ...forms(kafka, "export const kafka = new Kafka({ clientId: 'app', brokers: process.env.KAFKA_BROKERS.split(',') });"),
  ],
  invalid: [
    ...forms(kafka, "export const kafka = new Kafka({ clientId: 'app', brokers: (process.env.KAFKA_BROKERS || 'broker.internal:9092').split(',') });").map((c) => ({
      ...c,
      errors: [{ messageId: 'hardcodedDefault', line: 2 }],
    })),
    {
      code: "import { Kafka } from 'kafkajs';\nconst { BROKERS = 'kafka-broker-1:9092' } = process.env;\nconst brokers = BROKERS.split(',');\nexport const create = (clientId) => new Kafka({ clientId, brokers });",
      errors: [{ messageId: 'hardcodedDefault', line: 2 }],
    },
  ],
});

const nestConfig = (receiver: string, host: string): string =>
  `import { ConfigService } from '@nestjs/config';\nimport { DataSourceOptions } from 'typeorm';\nexport function options(${receiver}: ConfigService): DataSourceOptions {\n  return { type: 'postgres', host: ${receiver}.get<string>('DB_HOST', ${host}) };\n}`;

ruleTests('no-local-service-fallback: ConfigService under a short name', fallback, {
  valid: [
    { code: nestConfig('cfg', 'undefined'), tsOnly: true },
    // Without @nestjs/config, `cfg.get` is nobody's environment read.
    { code: "import { DataSourceOptions } from 'typeorm';\nexport function options(cfg: Settings): DataSourceOptions {\n  return { type: 'postgres', host: cfg.get('DB_HOST', 'localhost') };\n}", tsOnly: true },
  ],
  invalid: [
    { code: nestConfig('cfg', "'localhost'"), tsOnly: true, errors: [{ messageId: 'clientFallback', line: 4 }] },
    { code: nestConfig('config', "'127.0.0.1'"), tsOnly: true, errors: [{ messageId: 'clientFallback', line: 4 }] },
    {
      code: "import { ConfigService } from '@nestjs/config';\nimport { DataSource } from 'typeorm';\nexport const build = (cfg) => new DataSource({ type: 'postgres', host: cfg.get('DB_HOST', 'localhost') });",
      errors: [{ messageId: 'clientFallback', line: 3 }],
    },
  ],
});

const oracle = (password: string, connect: string): string =>
  `module.exports = {\n  user: process.env.NODE_ORACLEDB_USER,\n  password: process.env.NODE_ORACLEDB_PASSWORD || ${password},\n  connectString: process.env.NODE_ORACLEDB_CONNECTIONSTRING || ${connect},\n};`;

ruleTests("no-hardcoded-service-credentials: Oracle's variable names", credentials, {
  valid: [{ code: oracle("''", "'db.internal:1521/orcl'"), sourceType: 'commonjs' }],
  invalid: [
    { code: oracle("'1234'", "'db.internal:1521/orcl'"), sourceType: 'commonjs', errors: [{ messageId: 'variableDefault', line: 3 }] },
    { code: "export const oracle = { password: process.env.ORACLE_PASSWORD || 'tiger' };", errors: [{ messageId: 'variableDefault', line: 1 }] },
  ],
});

ruleTests("no-local-service-fallback: Oracle's Easy Connect strings", fallback, {
  valid: [{ code: oracle("''", "'db.internal:1521/orcl'"), sourceType: 'commonjs' }],
  invalid: [
    { code: oracle("''", "'localhost:1521/xe'"), sourceType: 'commonjs', errors: [{ messageId: 'variableFallback', line: 4 }] },
    { code: "export const db = { connectString: process.env.ORACLE_CONNECT_STRING || '127.0.0.1/FREEPDB1' };", errors: [{ messageId: 'variableFallback', line: 1 }] },
  ],
});

ruleTests("no-hardcoded-service-location: Oracle's Easy Connect strings", location, {
  valid: [{ code: oracle("''", "'localhost:1521/xe'"), sourceType: 'commonjs' }],
  invalid: [{ code: oracle("''", "'db.internal:1521/orcl'"), sourceType: 'commonjs', errors: [{ messageId: 'variableDefault', line: 4 }] }],
});

const mssql: Lib = { esm: "import sql from 'mssql';", cjs: "const sql = require('mssql');" };

ruleTests('no-hardcoded-service-location: a machine name of digits and hyphens', location, {
  valid: [
    ...forms(mssql, 'export const pool = new sql.ConnectionPool({ server: process.env.DB_SERVER, port: 1433 });'),
    // Digits alone are no host name.
    ...forms(mssql, "export const pool = new sql.ConnectionPool({ server: '1433' });"),
  ],
  invalid: [...forms(mssql, "export const pool = new sql.ConnectionPool({ server: '28-2', port: 1433 });").map((c) => ({ ...c, errors: [{ messageId: 'hardcoded', line: 2 }] }))],
});

const minio: Lib = { esm: "import * as Minio from 'minio';", cjs: "const Minio = require('minio');" };

ruleTests("no-privileged-service-account: MinIO's default pair is a credential, not an account", privileged, {
  valid: [...forms(minio, "export const s3 = new Minio.Client({ endPoint: process.env.MINIO_ENDPOINT, accessKey: process.env.MINIO_ACCESS_KEY || 'minioadmin', secretKey: process.env.MINIO_SECRET_KEY });")],
  invalid: [],
});

ruleTests("no-hardcoded-service-credentials: MinIO's default pair is a credential", credentials, {
  valid: [],
  invalid: [
    ...forms(minio, "export const s3 = new Minio.Client({ endPoint: process.env.MINIO_ENDPOINT, accessKey: process.env.MINIO_ACCESS_KEY, secretKey: 'minioadmin' });").map((c) => ({
      ...c,
      errors: [{ messageId: 'option', line: 2 }],
    })),
  ],
});
