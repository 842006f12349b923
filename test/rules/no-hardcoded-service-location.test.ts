import rule from '../../src/rules/no-hardcoded-service-location';
import { forms, L, type Lib } from '../harness/libraries';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

type Expect = 'hardcoded' | 'hardcodedDefault' | ['hardcoded', string];

/**
 * `[library, body, expected]`: one entry per finding, in source order. `['hardcoded', literal]`
 * means the finding offers the `process.env.<envVar>` suggestion that replaces `literal`.
 */
const hardcoded: Array<[Lib, string, Expect[]]> = [
  [L.minio, "new Minio.Client({ endPoint: 'minio.internal', port: 9000, useSSL: true, accessKey: process.env.MINIO_ACCESS_KEY, secretKey: process.env.MINIO_SECRET_KEY });", ['hardcoded']],
  // Prisma 7's CLI configuration (migrations, Studio).
  [L.prismaConfig, "export default defineConfig({ schema: 'prisma/schema.prisma', datasource: { url: 'postgresql://app@db.internal:5432/app' } });", [['hardcoded', 'process.env.DATABASE_URL']]],
  [L.pg, "new Pool({ host: 'db.internal', port: 5432 });", ['hardcoded']],
  [L.pg, "new Pool({ host: 'localhost' });", ['hardcoded']],
  [L.pg, "new Client('postgres://app@db.example.com:5432/app');", [['hardcoded', 'process.env.DATABASE_URL']]],
  [L.pg, "new Pool({ connectionString: 'postgresql://db.example.com/app' });", [['hardcoded', 'process.env.DATABASE_URL']]],
  [L.pg, "const DB_URL = 'postgres://10.0.0.12/app';\nnew Pool({ connectionString: DB_URL });", ['hardcoded']],
  [L.pg, "const base = { host: 'db', database: 'app' };\nnew Pool({ ...base, max: 5 });", ['hardcoded']],
  [L.pg, "new Pool({ host: process.env.PGHOST || 'db.prod.example.com' });", ['hardcodedDefault']],
  [L.pg, "const { DB_HOST = '10.1.2.3' } = process.env;\nnew Pool({ host: DB_HOST });", ['hardcodedDefault']],
  [L.pg, "new Client(`postgres://${process.env.DB_USER}@db.example.com/app`);", ['hardcoded']],
  [L.postgres, "postgres('postgres://db.example.com:5432/app');", [['hardcoded', 'process.env.DATABASE_URL']]],
  // A literal list of hosts or brokers is one finding, at its first literal.
  [L.postgres, "postgres({ host: ['pg-1.internal', 'pg-2.internal'] });", ['hardcoded']],
  [L.mysql, "mysql.createConnection({ host: '127.0.0.1', user: process.env.DB_USER });", ['hardcoded']],
  [L.mysql2, "mysql.createPool({ uri: 'mysql://mysql:3306/app' });", [['hardcoded', 'process.env.DATABASE_URL']]],
  [L.mongodb, "new MongoClient('mongodb://mongo-1:27017,mongo-2:27017/app?replicaSet=rs0');", [['hardcoded', 'process.env.MONGODB_URI']]],
  [L.mongoose, "mongoose.connect('mongodb://mongo:27017/app');", [['hardcoded', 'process.env.MONGODB_URI']]],
  [L.ioredis, "new Redis(6379, '10.0.0.5');", ['hardcoded']],
  [L.ioredis, "new Redis('redis://cache.example.com:6379');", [['hardcoded', 'process.env.REDIS_URL']]],
  [L.ioredis, "new Redis({ host: 'redis', port: 6379 });", ['hardcoded']],
  [L.ioredis, "new Redis.Cluster([{ host: 'redis-1', port: 6379 }, { host: 'redis-2', port: 6379 }]);", ['hardcoded']],
  [L.ioredis, "new Redis({ sentinels: [{ host: 'sentinel.internal', port: 26379 }], name: 'mymaster' });", ['hardcoded']],
  [L.redis, "createClient({ url: 'redis://cache.internal:6379' });", [['hardcoded', 'process.env.REDIS_URL']]],
  [L.redis, "createClient({ socket: { host: 'cache.internal', port: 6379 } });", ['hardcoded']],
  [L.amqplib, "amqp.connect('amqp://rabbit.example.com');", [['hardcoded', 'process.env.AMQP_URL']]],
  [L.amqplib, "amqp.connect({ protocol: 'amqps', hostname: 'rabbit.example.com' });", ['hardcoded']],
  [L.kafkajs, "new Kafka({ clientId: 'app', brokers: ['kafka-1:9092', 'kafka-2:9092'] });", ['hardcoded']],
  [L.kafkajs, "const brokers = ['broker.example.com:9093'];\nnew Kafka({ brokers, ssl: true });", ['hardcoded']],
  [L.nodemailer, "nodemailer.createTransport({ host: 'smtp.example.com', port: 587, requireTLS: true });", ['hardcoded']],
  [L.nodemailer, "nodemailer.createTransport('smtps://smtp.example.com');", [['hardcoded', 'process.env.SMTP_URL']]],
  [L.elastic, "new Client({ node: 'https://search.example.com:9200' });", ['hardcoded']],
  [L.elastic, "new Client({ nodes: ['http://es-1:9200', 'http://es-2:9200'] });", ['hardcoded']],
  [L.opensearch, "new Client({ node: { url: 'https://search.example.com' } });", ['hardcoded']],
  [L.knex, "knex({ client: 'pg', connection: 'postgres://db.example.com/app' });", [['hardcoded', 'process.env.DATABASE_URL']]],
  [L.knex, "knex({ client: 'mysql2', connection: { host: 'mysql.internal', user: process.env.DB_USER } });", ['hardcoded']],
  [L.sequelize, "new Sequelize('db', 'u', process.env.DB_PASS, { host: 'x', dialect: 'postgres' });", ['hardcoded']],
  [L.sequelize, "new Sequelize('postgres://db.example.com:5432/app');", [['hardcoded', 'process.env.DATABASE_URL']]],
  [L.typeorm, "new DataSource({ type: 'postgres', host: 'localhost', port: 5432 });", ['hardcoded']],
  [L.mssql, "sql.connect({ server: 'sql.example.com', options: { encrypt: true } });", ['hardcoded']],
  [L.mssql, "sql.connect('Server=sql.example.com,1433;Database=app;Encrypt=true');", [['hardcoded', 'process.env.MSSQL_URL']]],
  [L.tedious, "new Connection({ server: 'localhost\\\\SQLEXPRESS' });", ['hardcoded']],
  [L.nats, "connect({ servers: ['nats://nats-1:4222', 'nats-2:4222'] });", ['hardcoded']],
  [L.nats, "connect({ servers: 'demo.nats.io:4222' });", ['hardcoded']],
  [L.cassandra, "new cassandra.Client({ contactPoints: ['10.0.1.1', '10.0.1.2'], localDataCenter: 'dc1' });", ['hardcoded']],
  [L.ldapjs, "ldap.createClient({ url: 'ldaps://ldap.example.com' });", ['hardcoded']],
  [L.ldapts, "new Client({ url: 'ldaps://ldap.example.com:636' });", [['hardcoded', 'process.env.LDAP_URL']]],
  // A literal list of URLs is one finding, at its first literal.
  [L.acm, "amqp.connect(['amqps://rabbit-1.example.com', 'amqps://rabbit-2.example.com']);", ['hardcoded']],
  [L.acmNamed, "connect([{ url: 'amqps://rabbit.example.com' }], { heartbeatIntervalInSeconds: 5 });", ['hardcoded']],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: 'nats://nats.example.com:4222' });", [['hardcoded', 'process.env.NATS_URL']]],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { servers: ['nats://nats-1:4222', 'nats://nats-2:4222'] });", ['hardcoded']],
  [L.ldapauth, "new LdapAuth({ url: 'ldaps://ldap.example.com', searchBase: 'dc=example,dc=org', searchFilter: '(uid={{username}})' });", ['hardcoded']],
  [L.memcached, "new Memcached('cache-1.internal:11211');", ['hardcoded']],
  [L.memcached, "new Memcached({ '10.0.0.1:11211': 1, '10.0.0.2:11211': 2 });", ['hardcoded']],
  [L.memjs, "memjs.Client.create('mc.example.com:11211');", ['hardcoded']],
  [L.bullmq, "new Queue('mail', { connection: { host: 'redis.internal', port: 6379 } });", ['hardcoded']],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'postgresql://db.example.com/app' });", [['hardcoded', 'process.env.DATABASE_URL']]],
  [L.s3, "new S3Client({ endpoint: 'http://localhost:4566', forcePathStyle: true });", [['hardcoded', 'process.env.AWS_ENDPOINT_URL']]],
  [L.ws, "new WebSocket('wss://relay.example.com/feed');", [['hardcoded', 'process.env.WEBSOCKET_URL']]],
  [L.pg, "new Pool({ host: isPrimary ? 'db-primary.internal' : 'db-replica.internal' });", ['hardcoded', 'hardcoded']],
  [L.pg, "function dbConfig() { return { host: 'db.internal', max: 5 }; }\nnew Pool(dbConfig());", ['hardcoded']],
  [L.pg, "const defaults = { max: 5 };\nnew Pool(Object.assign({}, defaults, { host: 'db.internal' }));", ['hardcoded']],
  [L.ioredis, "new Redis({ host: process.env.REDIS_HOST ?? 'redis' });", ['hardcodedDefault']],
  [L.redis, "createClient({ url: process.env.REDIS_URL || 'redis://cache.example.com:6379' });", ['hardcodedDefault']],
];

const fromEnvironment: Array<[Lib, string]> = [
  [L.prismaConfig, "export default defineConfig({ schema: 'prisma/schema.prisma', datasource: { url: env('DATABASE_URL'), shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } });"],
  [L.pg, 'new Pool({ connectionString: process.env.DATABASE_URL });'],
  [L.pg, 'new Pool();'],
  [L.pg, "new Pool({ host: process.env.PGHOST || 'localhost' });"],
  [L.pg, "new Pool({ connectionString: process.env.DATABASE_URL ?? 'postgres://localhost/dev' });"],
  [L.pg, 'new Pool({ host: config.db.host, port: 5432 });'],
  [L.pg, 'new Client(`postgres://${user}:${password}@${host}:5432/app`);'],
  [L.pg, "new Pool({ host: process.env.PGHOST, port: 5432, database: 'app' });"],
  [L.pg, "new Pool({ host: '/var/run/postgresql' });"],
  [L.pg, "new Client('postgres:///app');"],
  [L.ioredis, 'new Redis();'],
  [L.ioredis, 'new Redis(6379);'],
  [L.ioredis, "new Redis({ path: '/tmp/redis.sock', name: 'mymaster' });"],
  [L.ioredis, "new Redis(process.env.REDIS_URL, { tls: { servername: 'cache.example.com' } });"],
  [L.redis, 'createClient({ url: process.env.REDIS_URL });'],
  [L.amqplib, 'amqp.connect(process.env.AMQP_URL);'],
  [L.amqplib, "amqp.connect(process.env.AMQP_URL, { servername: 'rabbit.example.com' });"],
  [L.acm, 'amqp.connect([process.env.AMQP_URL]);'],
  [L.acm, "amqp.connect(process.env.AMQP_URL, { connectionOptions: { servername: 'rabbit.example.com' } });"],
  [L.stan, "stan.connect('test-cluster', 'worker-1.example.com', { url: process.env.NATS_URL });"],
  [L.ldapauth, "new LdapAuth({ url: process.env.LDAP_URL, searchBase: 'dc=example,dc=org', searchFilter: '(uid={{username}})' });"],
  [L.kafkajs, "new Kafka({ clientId: 'api.example.com', brokers: process.env.KAFKA_BROKERS.split(',') });"],
  [L.nodemailer, "nodemailer.createTransport({ service: 'gmail', auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } });"],
  [L.nodemailer, "nodemailer.createTransport({ host: process.env.SMTP_HOST, name: 'mail.example.com', tls: { servername: 'smtp.example.com' } });"],
  [L.elastic, "new Client({ cloud: { id: process.env.ELASTIC_CLOUD_ID }, node: process.env.ELASTICSEARCH_URL });"],
  [L.knex, "knex({ client: 'sqlite3', connection: { filename: './data/dev.sqlite3' } });"],
  [L.sequelize, "new Sequelize('sqlite::memory:');"],
  [L.sequelize, "new Sequelize({ dialect: 'sqlite', storage: 'db.example.sqlite' });"],
  [L.sequelize, "new Sequelize('app', process.env.DB_USER, process.env.DB_PASS, { host: process.env.DB_HOST, dialect: 'postgres' });"],
  [L.typeorm, "new DataSource({ type: 'sqlite', database: 'data/app.db' });"],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'file:./dev.db' });"],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { serverName: 'sql.example.com', instanceName: 'SQLEXPRESS' } });"],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1.example.com', keyspace: 'app' });"],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { replicaSet: 'rs0', authSource: 'admin' });"],
  [L.s3, "new S3Client({ region: 'eu-west-1' });"],
  [L.pg, 'new Pool({ host: getHost() });'],
  [L.pg, "let host = 'db.internal';\nhost = pick();\nnew Pool({ host });"],
  [L.kafkajs, "new Kafka({ brokers: [`${process.env.KAFKA_HOST}:9092`] });"],
];

/** Look-alikes: hosts and URLs that are not a backing service's location. */
const lookalikes: ValidCase[] = [
  { code: "import cors from 'cors';\napp.use(cors({ origin: 'http://localhost:3000' }));" },
  { code: "import express from 'express';\nconst app = express();\napp.listen(3000, '0.0.0.0');" },
  { code: "const server = http.createServer(handler);\nserver.listen({ host: 'localhost', port: 8080 });" },
  { code: "fetch('https://api.example.com/v1/users');" },
  { code: "console.log('usage: connect to postgres://localhost:5432/app');" },
  { code: "// new Pool({ host: 'db.internal' })\nconst x = 1;" },
  { code: "import { createClient } from './redis-wrapper';\ncreateClient({ url: 'redis://cache.internal:6379' });" },
  { code: "import { createClient } from '@supabase/supabase-js';\ncreateClient('https://xyz.supabase.co', key);" },
  { code: "function Pool(options) {}\nnew Pool({ host: 'db.internal' });" },
  { code: "function connect(urls) { return urls; }\nconnect(['amqps://rabbit.example.com']);" },
  { code: "import { connect } from './stan';\nconnect('test-cluster', 'worker-1', { url: 'nats://nats.example.com:4222' });" },
  { code: "class LdapAuth { constructor(options) { this.options = options; } }\nnew LdapAuth({ url: 'ldaps://ldap.example.com' });" },
  { code: "import LdapAuth from './ldap-auth';\nnew LdapAuth({ url: 'ldaps://ldap.example.com' });" },
  { code: "const { Pool } = require('pg');\nfunction make(Pool) { return new Pool({ host: 'db.internal' }); }", sourceType: 'commonjs' },
  { code: "import { vi } from 'vitest';\nvi.mock('pg', () => ({ Pool: vi.fn() }));\nconst url = 'postgres://localhost/test';" },
  // An exported object without a service's name, port or driver is not a client's options.
  { code: "module.exports = { server: { host: 'app.internal', port: 8080 } };", sourceType: 'commonjs' },
  {
    name: 'allowLoopback accepts literal loopback locations',
    code: "import { Pool } from 'pg';\nimport Redis from 'ioredis';\nnew Pool({ host: 'localhost' });\nnew Redis('redis://127.0.0.1:6379');\nnew Pool({ host: '[::1]' });",
    options: [{ allowLoopback: true }],
  },
];

function toErrors(code: string, expected: Expect[]): InvalidCase['errors'] {
  return expected.map((e) => {
    if (Array.isArray(e)) {
      const literal = /(['"`])(?:(?!\1).)*:\/\/(?:(?!\1).)*\1|'Server=[^']*'/.exec(code)![0];
      return { messageId: e[0], suggestions: [{ messageId: 'suggestEnv', output: code.replace(literal, e[1]) }] };
    }
    return e === 'hardcoded' ? { messageId: e, suggestions: [] } : { messageId: e };
  });
}

const invalid: InvalidCase[] = hardcoded.flatMap(([lib, body, expected]) => forms(lib, body).map((form) => ({ ...form, errors: toErrors(form.code, expected) })));

ruleTests('no-hardcoded-service-location', rule, {
  valid: [
    ...fromEnvironment.flatMap(([lib, body]) => forms(lib, body)),
    ...lookalikes,
    // A name the file declares is not the global: a parameter, a local object, another mailer.
    { code: "function mailer(nodemailer) {\n  return nodemailer.createTransport({ host: 'smtp.mailprovider.net' });\n}" },
    { code: "const nodemailer = { createTransport() {} };\nnodemailer.createTransport({ host: 'smtp.mailprovider.net' });" },
    { code: "mailer.createTransport({ host: 'smtp.mailprovider.net' });" },
  ],
  invalid: [
    ...invalid,
    {
      name: 'TypeScript: a prisma.config.ts whose object satisfies PrismaConfig, found by its file name',
      code: "import type { PrismaConfig } from 'prisma';\nexport default {\n  datasource: { url: 'postgresql://app@db.internal:5432/app' },\n} satisfies PrismaConfig;",
      filename: 'prisma.config.ts',
      tsOnly: true,
      errors: [
        {
          messageId: 'hardcoded',
          line: 3,
          data: { client: 'Prisma config', path: 'datasource.url', what: 'URL', envVar: 'DATABASE_URL' },
          suggestions: [{ messageId: 'suggestEnv', output: "import type { PrismaConfig } from 'prisma';\nexport default {\n  datasource: { url: process.env.DATABASE_URL },\n} satisfies PrismaConfig;" }],
        },
      ],
    },
    // A mail snippet pasted without its require: the catalog's global name for nodemailer.
    ...(['module', 'commonjs'] as const).map((sourceType) => ({
      name: `${sourceType}: nodemailer used as an undeclared global`,
      code: "const transporter = nodemailer.createTransport({\n  host: 'smtp.mailprovider.net',\n  port: 587,\n});",
      sourceType,
      errors: [{ messageId: 'hardcoded', line: 2, data: { client: 'nodemailer', path: 'host', what: 'host', envVar: 'SMTP_URL' } }],
    })),
    {
      name: 'reports at the literal, once, when two clients share it',
      code: "import { Pool, Client } from 'pg';\nconst options = {\n  host: 'db.internal',\n};\nnew Pool(options);\nnew Client(options);",
      errors: [{ messageId: 'hardcoded', line: 3, column: 9, data: { client: 'pg', path: 'host', what: 'host', envVar: 'DATABASE_URL' }, suggestions: [] }],
    },
    {
      name: 'the default of an env-var library read',
      code: "import env from 'env-var';\nimport { Pool } from 'pg';\nnew Pool({ host: env.get('DB_HOST').default('db.internal').asString() });",
      errors: [{ messageId: 'hardcodedDefault', data: { client: 'pg', path: 'host', what: 'host', variable: '`DB_HOST`' } }],
    },
    {
      name: 'no suggestion for a URL shared through a variable',
      code: "import Redis from 'ioredis';\nconst url = 'redis://cache.internal:6379';\nnew Redis(url);",
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [] }],
    },
    {
      name: 'a loopback literal is still a hard-coded location',
      code: "const { MongoClient } = require('mongodb');\nconst client = new MongoClient('mongodb://localhost:27017');",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', suggestions: [{ messageId: 'suggestEnv', output: "const { MongoClient } = require('mongodb');\nconst client = new MongoClient(process.env.MONGODB_URI);" }] }],
    },
    {
      name: 'TypeScript: options typed and asserted',
      code: "import { Pool, type PoolConfig } from 'pg';\nconst config: PoolConfig = { host: 'db.internal' as string };\nnew Pool(config);",
      tsOnly: true,
      errors: [{ messageId: 'hardcoded', suggestions: [] }],
    },
    {
      name: 'allowLoopback still reports a remote host',
      code: "import { Pool } from 'pg';\nnew Pool({ host: 'db.example.com' });",
      options: [{ allowLoopback: true }],
      errors: [{ messageId: 'hardcoded', suggestions: [] }],
    },
  ],
});
