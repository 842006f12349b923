import rule from '../../src/rules/no-local-service-fallback';
import { forms, L, type Lib } from '../harness/libraries';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

/** `[library, body, messageId, data]`: one finding each, as ESM and CommonJS. */
const bad: Array<[Lib, string, string, Record<string, string>]> = [
  [L.prismaConfig, "export default defineConfig({ datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/app' } });", 'clientFallback', { client: 'Prisma config', name: 'DATABASE_URL', host: 'localhost' }],
  [L.pgNamed, "new Pool({ connectionString: process.env.DATABASE_URL || 'postgres://localhost:5432/dev' });", 'clientFallback', { client: 'pg', name: 'DATABASE_URL', host: 'localhost' }],
  [L.pgNamed, "new Client(process.env.PG_URL ?? 'postgres://127.0.0.1/app');", 'clientFallback', { client: 'pg', name: 'PG_URL', host: '127.0.0.1' }],
  [L.pgNamed, "new Pool({ host: process.env.DB_HOST || 'localhost', port: process.env.DB_PORT || 5432 });", 'clientFallback', { client: 'pg', name: 'DB_HOST', host: 'localhost' }],
  [L.pgNamed, "const url = process.env.DATABASE_URL ? process.env.DATABASE_URL : 'postgres://localhost/dev';\nnew Pool({ connectionString: url });", 'clientFallback', { client: 'pg', name: 'DATABASE_URL', host: 'localhost' }],
  [L.pgNamed, "const { DATABASE_URL = 'postgres://localhost/dev' } = process.env;\nnew Pool({ connectionString: DATABASE_URL });", 'clientFallback', { client: 'pg', name: 'DATABASE_URL', host: 'localhost' }],
  [L.pgNamed, "const options = process.env.DATABASE_URL ? { connectionString: process.env.DATABASE_URL } : { host: 'localhost', database: 'dev' };\nnew Pool(options);", 'clientFallback', { client: 'pg', name: 'DATABASE_URL', host: 'localhost' }],
  [L.postgres, "postgres(process.env.DATABASE_URL || 'postgres://localhost/app');", 'clientFallback', { client: 'postgres.js', name: 'DATABASE_URL', host: 'localhost' }],
  [L.mysql2, "mysql.createPool({ host: process.env.MYSQL_HOST ?? '127.0.0.1', user: process.env.MYSQL_USER });", 'clientFallback', { client: 'mysql2', name: 'MYSQL_HOST', host: '127.0.0.1' }],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI || 'mongodb://localhost:27017/app');", 'clientFallback', { client: 'mongodb', name: 'MONGODB_URI', host: 'localhost' }],
  [L.mongoose, "mongoose.connect(process.env.MONGO_URL ?? 'mongodb://0.0.0.0:27017/app');", 'clientFallback', { client: 'mongoose', name: 'MONGO_URL', host: '0.0.0.0' }],
  [L.ioredis, "new Redis(process.env.REDIS_URL || 'redis://localhost:6379');", 'clientFallback', { client: 'ioredis', name: 'REDIS_URL', host: 'localhost' }],
  [L.ioredis, "new Redis(Number(process.env.REDIS_PORT), process.env.REDIS_HOST || '127.0.0.1');", 'clientFallback', { client: 'ioredis', name: 'REDIS_HOST', host: '127.0.0.1' }],
  [L.redis, "createClient({ url: process.env.REDIS_URL || 'redis://[::1]:6379' });", 'clientFallback', { client: 'node-redis', name: 'REDIS_URL', host: '::1' }],
  [L.amqplib, "amqp.connect(process.env.AMQP_URL || 'amqp://localhost');", 'clientFallback', { client: 'amqplib', name: 'AMQP_URL', host: 'localhost' }],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER || 'localhost:9092'] });", 'clientFallback', { client: 'kafkajs', name: 'KAFKA_BROKER', host: 'localhost' }],
  [L.nodemailer, "nodemailer.createTransport({ host: process.env.SMTP_HOST || 'localhost', port: 1025 });", 'clientFallback', { client: 'nodemailer', name: 'SMTP_HOST', host: 'localhost' }],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL || 'http://localhost:9200' });", 'clientFallback', { client: '@elastic/elasticsearch', name: 'ELASTICSEARCH_URL', host: 'localhost' }],
  [L.knex, "knex({ client: 'pg', connection: process.env.DATABASE_URL || 'postgres://localhost/dev' });", 'clientFallback', { client: 'knex', name: 'DATABASE_URL', host: 'localhost' }],
  [L.knex, "knex({ client: 'pg', connection: process.env.DATABASE_URL ? process.env.DATABASE_URL : { host: 'localhost', database: 'dev' } });", 'clientFallback', { client: 'knex', name: 'DATABASE_URL', host: 'localhost' }],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL || 'postgres://localhost:5432/app');", 'clientFallback', { client: 'sequelize', name: 'DATABASE_URL', host: 'localhost' }],
  [L.typeorm, "new DataSource({ type: 'postgres', host: process.env.TYPEORM_HOST || 'localhost' });", 'clientFallback', { client: 'typeorm', name: 'TYPEORM_HOST', host: 'localhost' }],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER || 'localhost', options: { encrypt: true } });", 'clientFallback', { client: 'mssql', name: 'DB_SERVER', host: 'localhost' }],
  [L.nats, "connect({ servers: process.env.NATS_URL || 'nats://localhost:4222' });", 'clientFallback', { client: 'nats', name: 'NATS_URL', host: 'localhost' }],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST || '127.0.0.1'], localDataCenter: 'dc1' });", 'clientFallback', { client: 'cassandra-driver', name: 'CASSANDRA_HOST', host: '127.0.0.1' }],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL || 'ldap://localhost:389' });", 'clientFallback', { client: 'ldapjs', name: 'LDAP_URL', host: 'localhost' }],
  [L.bullmq, "new Queue('mail', { connection: { host: process.env.REDIS_HOST || 'localhost' } });", 'clientFallback', { client: 'bullmq', name: 'REDIS_HOST', host: 'localhost' }],
  [L.prisma, "new PrismaClient({ datasourceUrl: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/dev' });", 'clientFallback', { client: 'Prisma Client', name: 'DATABASE_URL', host: 'localhost' }],
  [L.s3, "new S3Client({ endpoint: process.env.S3_ENDPOINT || 'http://localhost:4566' });", 'clientFallback', { client: 'AWS SDK v3', name: 'S3_ENDPOINT', host: 'localhost' }],
  [L.ioredis, "function connect(url = 'redis://localhost:6379') { return new Redis(url); }", 'parameterDefault', { client: 'ioredis', name: 'url', host: 'localhost' }],
  [L.pgNamed, "const host = process.env.DB_HOST || 'host.docker.internal';\nexport const pool = new Pool({ host });", 'clientFallback', { client: 'pg', name: 'DB_HOST', host: 'host.docker.internal' }],
  [L.pgNamed, "new Pool({ connectionString: `postgres://${process.env.DB_HOST || 'localhost'}:5432/app` });", 'clientFallback', { client: 'pg', name: 'DB_HOST', host: 'localhost' }],
  [L.pgNamed, "new Pool({ host: process.env.DB_HOST || process.env.PGHOST || 'localhost' });", 'clientFallback', { client: 'pg', name: 'DB_HOST', host: 'localhost' }],
  // Read from a service-shaped variable, anywhere in the file.
  [L.none, "export const host = process.env.REDIS_HOST ?? process.env.REDISHOST ?? '127.0.0.1';", 'variableFallback', { name: 'REDIS_HOST', host: '127.0.0.1' }],
  [L.none, "export const config = { databaseUrl: process.env.DATABASE_URL || 'postgres://localhost/dev' };", 'variableFallback', { name: 'DATABASE_URL', host: 'localhost' }],
  [L.none, "module.exports = { redis: process.env.REDIS_HOST ?? '127.0.0.1' };", 'variableFallback', { name: 'REDIS_HOST', host: '127.0.0.1' }],
  [L.none, "const { MONGODB_URI = 'mongodb://localhost/app' } = process.env;\nexport { MONGODB_URI };", 'variableFallback', { name: 'MONGODB_URI', host: 'localhost' }],
  [L.none, "export const connection = process.env.DATABASE_URL ? undefined : { host: 'localhost' };", 'variableFallback', { name: 'DATABASE_URL', host: 'localhost' }],
  [L.none, "export const brokers = (process.env.KAFKA_BROKERS || 'localhost:9092,localhost:9093').split(',');", 'variableFallback', { name: 'KAFKA_BROKERS', host: 'localhost' }],
];

const envLibraries: InvalidCase[] = [
  {
    name: '@nestjs/config default at a client',
    code: "import { ConfigService } from '@nestjs/config';\nimport { Pool } from 'pg';\nexport function make(config) {\n  return new Pool({ connectionString: config.get('DATABASE_URL', 'postgres://localhost/dev') });\n}",
    errors: [{ messageId: 'clientFallback', data: { client: 'pg', name: 'DATABASE_URL', host: 'localhost' }, line: 4 }],
  },
  {
    name: '@nestjs/config default anywhere in a file',
    code: "import { ConfigService } from '@nestjs/config';\nexport const typeOrmOptions = (config) => ({\n  type: 'postgres',\n  host: config.get('DB_HOST', 'localhost'),\n  port: config.get<number>('DB_PORT', 5432),\n});",
    tsOnly: true,
    // An exported TypeORM-shaped object (`type: 'postgres'`) is that client's configuration.
    errors: [{ messageId: 'clientFallback', data: { client: 'typeorm', name: 'DB_HOST', host: 'localhost' }, line: 4 }],
  },
  {
    name: 'Sequelize positional form with an options host',
    code: "const { Sequelize } = require('sequelize');\nmodule.exports = new Sequelize('app', process.env.DB_USER, process.env.DB_PASS, { host: process.env.DB_HOST || 'localhost', dialect: 'postgres' });",
    sourceType: 'commonjs',
    errors: [{ messageId: 'clientFallback', data: { client: 'sequelize', name: 'DB_HOST', host: 'localhost' } }],
  },
  {
    name: 'default parameter holding an options object',
    code: "import { Pool } from 'pg';\nexport function makePool(options = { host: 'localhost', database: 'dev' }) {\n  return new Pool(options);\n}",
    errors: [{ messageId: 'parameterDefault', data: { client: 'pg', name: 'options', host: 'localhost' } }],
  },
  {
    code: "import env from 'env-var';\nexport const url = env.get('DATABASE_URL').default('postgres://localhost/dev').asString();",
    errors: [{ messageId: 'variableFallback', data: { name: 'DATABASE_URL', host: 'localhost' } }],
  },
  {
    code: "const env = require('env-var');\nconst { Pool } = require('pg');\nnew Pool({ connectionString: env.get('DATABASE_URL').default('postgres://localhost/dev').required().asString() });",
    sourceType: 'commonjs',
    errors: [{ messageId: 'clientFallback', data: { client: 'pg', name: 'DATABASE_URL', host: 'localhost' } }],
  },
  {
    code: "import { cleanEnv, url, str } from 'envalid';\nexport const env = cleanEnv(process.env, { REDIS_URL: url({ devDefault: 'redis://localhost:6379' }), NODE_ENV: str() });",
    errors: [{ messageId: 'variableFallback', data: { name: 'REDIS_URL', host: 'localhost' } }],
  },
  {
    code: "const convict = require('convict');\nmodule.exports = convict({ db: { url: { doc: 'Database', format: String, default: 'postgres://localhost/dev', env: 'DATABASE_URL' } } });",
    sourceType: 'commonjs',
    errors: [{ messageId: 'variableFallback', data: { name: 'DATABASE_URL', host: 'localhost' } }],
  },
];

const good: Array<[Lib, string]> = [
  [L.pgNamed, 'new Pool({ connectionString: process.env.DATABASE_URL });'],
  [L.pgNamed, "if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');\nnew Pool({ connectionString: process.env.DATABASE_URL });"],
  [L.pgNamed, "new Pool({ connectionString: process.env.DATABASE_URL || required('DATABASE_URL') });"],
  [L.pgNamed, "new Pool({ host: process.env.DB_HOST || 'db.internal' });"],
  [L.pgNamed, "new Pool({ host: process.env.DB_HOST || 'db' });"],
  [L.pgNamed, "new Pool({ host: process.env.DB_HOST, port: Number(process.env.DB_PORT) || 5432 });"],
  [L.pgNamed, "new Pool({ host: process.env.DB_SOCKET || '/var/run/postgresql' });"],
  [L.pgNamed, "new Pool({ application_name: process.env.APP_NAME || 'localhost' });"],
  [L.ioredis, 'new Redis();'],
  [L.ioredis, "function connect(url) { return new Redis(url); }"],
  [L.ioredis, "function connect(url = process.env.REDIS_URL) { return new Redis(url); }"],
  [L.redis, "createClient({ url: process.env.REDIS_URL, socket: { tls: true, servername: process.env.REDIS_TLS_NAME || 'localhost' } });"],
  [L.kafkajs, "new Kafka({ clientId: process.env.CLIENT_ID || 'localhost', brokers: process.env.KAFKA_BROKERS.split(',') });"],
  // The app's own endpoints through WebSocket clients are not backing services.
  [L.socketio, "export const socket = io(process.env.SOCKET_URL || 'http://localhost:3001');"],
  [L.ws, "export const socket = new WebSocket(process.env.WS_URL || 'ws://localhost:8080');"],
  // Look-alikes: not a service variable, not reaching a client.
  [L.none, "app.listen(process.env.PORT || 3000, process.env.HOST || 'localhost');"],
  [L.none, "app.use(cors({ origin: process.env.CORS_ORIGIN || 'http://localhost:3000' }));"],
  [L.none, "export const apiUrl = process.env.API_URL || 'http://localhost:8080';"],
  [L.none, "export const publicUrl = process.env.PUBLIC_URL ?? 'http://localhost:3000';"],
  [L.none, "const secret = process.env.JWT_SECRET || 'localhost';"],
  [L.none, "console.log('Usage: DATABASE_URL=postgres://localhost/dev npm start');"],
  [L.none, "// process.env.DATABASE_URL || 'postgres://localhost/dev'\nexport {};"],
  [L.none, "export const url = process.env.DATABASE_URL || 'postgres://db.example.com/app';"],
  [L.none, "const process = { env: {} };\nexport const url = process.env.DATABASE_URL || 'postgres://localhost/dev';"],
  [L.none, "export const url = process.env.DATABASE_URL || `postgres://${host}/dev`;"],
  [L.none, "export const ssl = process.env.DATABASE_URL ? { rejectUnauthorized: true } : false;"],
  [L.none, "jest.mock('pg', () => ({ Pool: jest.fn(() => ({ host: 'localhost' })) }));"],
];

const invalid: InvalidCase[] = [
  ...bad.flatMap(([lib, body, messageId, data]) => forms(lib, body).map((form) => ({ ...form, errors: [{ messageId, data }] }))),
  ...envLibraries,
  {
    name: 'an exported URL chosen by whether its variable is set, with a loopback URL otherwise',
    code: "export const AMQP_URL = process.env.AMQP_HOST ? `amqp://${process.env.AMQP_HOST}` : 'amqp://0.0.0.0:5672';",
    errors: [{ messageId: 'clientFallback', line: 1, data: { client: 'amqplib', name: 'AMQP_HOST', host: '0.0.0.0' } }],
  },
  {
    name: 'reported once when a fallback both reaches a client and is service-shaped',
    code: "import { Pool } from 'pg';\nconst url = process.env.DATABASE_URL || 'postgres://localhost/dev';\nnew Pool({ connectionString: url });\nnew Pool({ connectionString: url, max: 2 });",
    errors: [{ messageId: 'clientFallback', line: 2, column: 41 }],
  },
  {
    name: 'negated presence test',
    code: "import Redis from 'ioredis';\nnew Redis(!process.env.REDIS_URL ? 'redis://localhost:6379' : process.env.REDIS_URL);",
    errors: [{ messageId: 'clientFallback', data: { client: 'ioredis', name: 'REDIS_URL', host: 'localhost' } }],
  },
  {
    name: 'TypeScript non-null and casts',
    code: "import { Pool } from 'pg';\nnew Pool({ connectionString: (process.env.DATABASE_URL as string | undefined) ?? ('postgres://localhost/dev' as const) });",
    tsOnly: true,
    errors: [{ messageId: 'clientFallback' }],
  },
  {
    name: 'the message never contains the fallback URL (it may carry a password)',
    code: "import { Pool } from 'pg';\nnew Pool({ connectionString: process.env.DATABASE_URL || 'postgres://app:s3cret@localhost/dev' });",
    errors: [
      {
        messageId: 'clientFallback',
        data: { client: 'pg', name: 'DATABASE_URL', host: 'localhost' },
      },
    ],
  },
];

const valid: ValidCase[] = good.flatMap(([lib, body]) => forms(lib, body));

ruleTests('no-local-service-fallback', rule, { valid, invalid });
