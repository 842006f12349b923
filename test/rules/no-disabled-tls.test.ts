import rule from '../../src/rules/no-disabled-tls';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';
import { forms, L, type Lib } from '../harness/libraries';

/**
 * `[library, body, suggestion]`: TLS explicitly off, one finding each, tested as ESM and as
 * CommonJS. The suggestion is the `[from, to]` edit it offers, or null when it offers none.
 */
const disabled: Array<[Lib, string, [string, string] | null]> = [
  [L.pg, 'new Pool({ connectionString: process.env.DATABASE_URL, ssl: false });', ['ssl: false', 'ssl: { rejectUnauthorized: true }']],
  [L.pg, 'new Client({ host: process.env.PGHOST, ssl: 0 });', ['ssl: 0', 'ssl: { rejectUnauthorized: true }']],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=disable');", ['sslmode=disable', 'sslmode=verify-full']],
  [L.pg, "new Client('postgres://localhost/app?ssl=0');", null],
  [L.pg, "new Client(process.env.DATABASE_URL || 'postgres://db.example.com/app?sslmode=disable');", null],
  [L.pgDefault, 'pg.defaults.ssl = false;', ['= false', '= { rejectUnauthorized: true }']],
  [L.postgres, 'postgres(process.env.DATABASE_URL, { ssl: false });', ["ssl: false", "ssl: 'verify-full'"]],
  [L.postgres, "postgres('postgres://db.example.com/app?sslmode=disable');", ['sslmode=disable', 'sslmode=verify-full']],
  [L.mysql, 'mysql.createConnection({ host: process.env.DB_HOST, ssl: false });', null],
  [L.mysql, "mysql.createConnection('mysql://db.example.com/app?ssl=false');", null],
  [L.mysql2, 'mysql.createPool({ uri: process.env.DATABASE_URL, ssl: false });', null],
  [L.mongodb, 'new MongoClient(process.env.MONGODB_URI, { tls: false });', ['tls: false', 'tls: true']],
  [L.mongodb, 'new MongoClient(process.env.MONGODB_URI, { ssl: false });', null],
  [L.mongodb, "new MongoClient('mongodb+srv://cluster0.example.net/app?tls=false');", ['tls=false', 'tls=true']],
  [L.mongodb, "MongoClient.connect('mongodb://db.example.com/app?ssl=false');", null],
  [L.mongoose, "mongoose.connect('mongodb+srv://cluster0.example.net/app', { tls: false });", ['tls: false', 'tls: true']],
  [L.mongoose, "mongoose.createConnection('mongodb+srv://cluster0.example.net/app?ssl=false');", null],
  [L.ioredis, 'new Redis({ host: process.env.REDIS_HOST, tls: false });', ['tls: false', 'tls: {}']],
  [L.ioredis, "new Redis.Cluster([{ host: 'a' }], { redisOptions: { tls: false } });", ['tls: false', 'tls: {}']],
  [L.redis, 'createClient({ url: process.env.REDIS_URL, socket: { tls: false } });', ['tls: false', 'tls: true']],
  [L.redis, 'createClient({ url: process.env.REDIS_URL, socket: { tls: { rejectUnauthorized: false } } });', null],
  [L.redis, "createCluster({ rootNodes: [{ url: process.env.REDIS_URL }], defaults: { socket: { tls: false } } });", ['tls: false', 'tls: true']],
  [L.bullmq, "new Queue('mail', { connection: { host: process.env.REDIS_HOST, tls: false } });", ['tls: false', 'tls: {}']],
  [L.kafkajs, 'new Kafka({ brokers: [process.env.KAFKA_BROKER], ssl: false });', ['ssl: false', 'ssl: true']],
  [L.minio, 'new Minio.Client({ endPoint: process.env.MINIO_ENDPOINT, port: 9000, useSSL: false, accessKey: process.env.MINIO_ACCESS_KEY, secretKey: process.env.MINIO_SECRET_KEY });', ['useSSL: false', 'useSSL: true']],
  [L.nodemailer, 'nodemailer.createTransport({ host: process.env.SMTP_HOST, ignoreTLS: true });', null],
  [L.nodemailer, "nodemailer.createTransport('smtp://smtp.example.com?ignoreTLS=true');", null],
  [L.knex, "knex({ client: 'pg', connection: { connectionString: process.env.DATABASE_URL, ssl: false } });", ['ssl: false', 'ssl: { rejectUnauthorized: true }']],
  [L.knex, "knex({ client: 'mysql2', connection: { host: process.env.DB_HOST, ssl: false } });", null],
  [L.knex, "knex({ client: 'mssql', connection: { server: process.env.DB_SERVER } });", null],
  [L.knex, "knex({ client: 'mssql', connection: { server: process.env.DB_SERVER, options: { encrypt: false } } });", ['encrypt: false', 'encrypt: true']],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', dialectOptions: { ssl: false } });", ['ssl: false', 'ssl: { rejectUnauthorized: true }']],
  [L.sequelize, "new Sequelize('postgres://db.example.com/app?sslmode=disable');", ['sslmode=disable', 'sslmode=verify-full']],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql', dialectOptions: { options: { encrypt: false, trustServerCertificate: false } } });", null],
  [L.typeorm, "new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, ssl: false });", ['ssl: false', 'ssl: { rejectUnauthorized: true }']],
  [L.typeorm, "new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { ssl: false } });", null],
  [L.typeorm, "new DataSource({ type: 'mssql', host: process.env.DB_HOST, extra: { options: { encrypt: false } } });", null],
  [L.typeorm, "new DataSource({ type: 'mongodb', url: process.env.MONGODB_URI, tls: false });", ['tls: false', 'tls: true']],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'postgresql://db.example.com/app?sslmode=disable' });", null],
  [L.mssql, 'sql.connect({ server: process.env.DB_SERVER, options: { encrypt: false } });', ['encrypt: false', 'encrypt: true']],
  [L.mssql, "new sql.ConnectionPool('Server=db.example.com;Database=app;Encrypt=false');", ['Encrypt=false', 'Encrypt=true']],
  [L.tedious, 'new Connection({ server: process.env.DB_SERVER, options: { encrypt: false } });', ['encrypt: false', 'encrypt: true']],
  [L.nats, 'connect({ servers: process.env.NATS_URL, tls: null });', ['tls: null', 'tls: {}']],
  [L.s3, "new S3Client({ region: 'us-east-1', tls: false });", null],
  [L.awsV2, 'new AWS.S3({ sslEnabled: false });', null],
  [L.awsV2, 'AWS.config.update({ sslEnabled: false });', null],
];

const secure: Array<[Lib, string]> = [
  // pg reads the string 'false' as truthy: TLS requested, then a TypeError (never clear text).
  [L.pg, "new Client('postgres://db.example.com/app?ssl=false');"],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=require');"],
  [L.pg, 'new Pool({ connectionString: process.env.DATABASE_URL, ssl: true });'],
  [L.pg, 'new Pool({ ssl: process.env.DB_SSL === "true" });'],
  [L.pg, 'new Pool({ ssl: useTls });'],
  [L.pg, 'new Pool({ host: process.env.PGHOST });'],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'verify-full' });"],
  [L.postgres, "postgres('postgres://db.example.com/app?sslmode=no-verify');"],
  [L.mongodb, "new MongoClient('mongodb+srv://cluster0.example.net/app');"],
  [L.mongodb, "new MongoClient('mongodb://db.example.com/app?tls=true');"],
  [L.ioredis, "new Redis('redis://cache.example.com:6379?tls=false');"],
  [L.ioredis, "new Redis(process.env.REDIS_URL, { tls: {} });"],
  [L.redis, 'createClient({ url: process.env.REDIS_URL, socket: { tls: true } });'],
  [L.amqplib, "amqp.connect({ protocol: 'amqps', hostname: process.env.AMQP_HOST });"],
  // The object form's plaintext `protocol` is a scheme: no-plaintext-service-url reports it.
  [L.amqplib, "amqp.connect({ protocol: 'amqp', hostname: process.env.AMQP_HOST });"],
  [L.kafkajs, 'new Kafka({ brokers: [process.env.KAFKA_BROKER], ssl: true });'],
  [L.minio, 'new Minio.Client({ endPoint: process.env.MINIO_ENDPOINT, accessKey: process.env.MINIO_ACCESS_KEY, secretKey: process.env.MINIO_SECRET_KEY });'],
  [L.minio, 'new Minio.Client({ endPoint: process.env.MINIO_ENDPOINT, useSSL: true });'],
  [L.nodemailer, 'nodemailer.createTransport({ host: process.env.SMTP_HOST, ignoreTLS: true, requireTLS: true });'],
  [L.nodemailer, 'nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 465, secure: true });'],
  [L.mssql, 'sql.connect({ server: process.env.DB_SERVER });'],
  [L.mssql, 'sql.connect({ server: process.env.DB_SERVER, options: { encrypt: true } });'],
  // `options.encrypt` overrides the top-level default (lib/tedious/connection-pool.js; the TLS oracle saw TLS).
  [L.mssql, 'sql.connect({ server: process.env.DB_SERVER, encrypt: false, options: { encrypt: true } });'],
  [L.knex, "knex({ client: 'mssql', connection: { server: process.env.DB_SERVER, encrypt: true } });"],
  [L.nats, 'connect({ servers: process.env.NATS_URL, tls: {} });'],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', ssl: false, dialectOptions: { ssl: { rejectUnauthorized: true } } });"],
  [L.s3, "new S3Client({ region: 'us-east-1' });"],
  [L.tedious, 'new Connection({ server: process.env.DB_SERVER, options: { encrypt: true } });'],
];

function expected(body: string): string {
  return /defaults\./.test(body) ? 'globalDefault' : 'disabled';
}

const invalid: InvalidCase[] = disabled.flatMap(([lib, body, edit]) =>
  forms(lib, body).map((form) => ({
    ...form,
    errors: [
      {
        messageId: expected(body),
        suggestions: edit ? [{ messageId: 'suggestSecure', output: form.code.replace(edit[0], edit[1]) }] : [],
      },
    ],
  })),
);

/** `requireTls`: credentials to a remote or environment-provided host with TLS never on. */
const clear: Array<[Lib, string]> = [
  // nats 1.x under node-nats-streaming: TLS only if the server asks for it.
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: 'nats://nats.example.com:4222', user: 'app', pass: process.env.NATS_PASS });"],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER], sasl: { mechanism: 'plain', username: process.env.KAFKA_USER, password: process.env.KAFKA_PASSWORD } });"],
  [L.kafkajs, "new Kafka({ brokers: ['kafka-1.example.com:9092'], sasl: { mechanism: 'scram-sha-512', username: 'app', password: process.env.KAFKA_PASSWORD } });"],
  // A list split from an environment read is that read: environment-provided brokers.
  [L.kafkajs, "new Kafka({ brokers: process.env.KAFKA_BROKERS.split(','), sasl: { mechanism: 'plain', username: 'u', password: process.env.P } });"],
  [L.nodemailer, 'nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587, auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } });'],
  [L.nodemailer, "nodemailer.createTransport({ host: 'smtp.example.com', secure: false, auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } });"],
  [L.amqplib, "amqp.connect('amqp://app:' + process.env.AMQP_PASSWORD + '@rabbit.example.com/vhost');"],
  [L.amqplib, "amqp.connect({ hostname: process.env.AMQP_HOST, username: 'app', password: process.env.AMQP_PASSWORD });"],
  [L.pg, "new Pool({ host: process.env.PGHOST, user: 'app', password: process.env.PGPASSWORD });"],
  [L.pg, "new Client({ connectionString: `postgres://app:${process.env.PGPASSWORD}@db.example.com/app` });"],
  [L.mysql, "mysql.createConnection({ host: 'db.internal', user: 'app', password: process.env.DB_PASSWORD });"],
  [L.mysql2, 'mysql.createPool({ host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD });'],
  [L.ioredis, 'new Redis({ host: process.env.REDIS_HOST, password: process.env.REDIS_PASSWORD });'],
];

const notClear: Array<[Lib, string]> = [
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: 'nats://nats.example.com:4222', user: 'app', pass: process.env.NATS_PASS, tls: true });"],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: 'tls://nats.example.com:4222', user: 'app', pass: process.env.NATS_PASS });"],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER], ssl: true, sasl: { mechanism: 'plain', username: 'u', password: process.env.P } });"],
  [L.kafkajs, "new Kafka({ brokers: ['localhost:9092'], sasl: { mechanism: 'plain', username: 'u', password: process.env.P } });"],
  [L.kafkajs, 'new Kafka({ brokers: [process.env.KAFKA_BROKER] });'],
  [L.nodemailer, 'nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587, requireTLS: true, auth: { user: process.env.U, pass: process.env.P } });'],
  [L.nodemailer, "nodemailer.createTransport({ host: 'smtp.example.com', port: 465, auth: { user: process.env.U, pass: process.env.P } });"],
  [L.nodemailer, "nodemailer.createTransport({ host: 'smtp.example.com', port: Number(process.env.SMTP_PORT), auth: { user: process.env.U, pass: process.env.P } });"],
  [L.nodemailer, "nodemailer.createTransport({ service: 'gmail', auth: { user: process.env.U, pass: process.env.P } });"],
  [L.amqplib, "amqp.connect('amqps://app:secret@rabbit.example.com/vhost');"],
  [L.amqplib, "amqp.connect('amqp://app:secret@localhost/vhost');"],
  [L.amqplib, 'amqp.connect(process.env.AMQP_URL);'],
  [L.pg, "new Pool({ host: process.env.PGHOST, password: process.env.PGPASSWORD, ssl: { rejectUnauthorized: true } });"],
  [L.pg, 'new Pool({ connectionString: process.env.DATABASE_URL, password: process.env.PGPASSWORD });'],
  [L.pg, "new Pool({ connectionString: 'postgres://app:pw@db.example.com/app?sslmode=verify-full' });"],
  [L.pg, 'new Pool({ user: "app", password: process.env.PGPASSWORD });'],
  [L.pg, "new Pool({ host: 'localhost', password: process.env.PGPASSWORD });"],
  [L.pg, 'new Pool({ host: process.env.PGHOST, password: process.env.PGPASSWORD, ssl: getSsl() });'],
  [L.mysql, "mysql.createConnection({ host: '127.0.0.1', user: 'app', password: process.env.DB_PASSWORD });"],
  [L.mssql, 'sql.connect({ server: process.env.DB_SERVER, user: "app", password: process.env.DB_PASSWORD });'],
  [L.mongodb, "new MongoClient('mongodb+srv://app:pw@cluster0.example.net/app');"],
];

/** Look-alikes: the same option names on things that are not backing-service clients. */
const lookalikes: ValidCase[] = [
  // Another package's Client, and a local one, with the same option name.
  { code: "import { Client } from './storage';\nnew Client({ endPoint: process.env.S3_HOST, useSSL: false });" },
  { code: "class Client { constructor(o) { this.o = o; } }\nnew Client({ endPoint: process.env.S3_HOST, useSSL: false });" },
  { code: 'module.exports = { devServer: { https: false, server: { type: "http" } }, ssl: false };', sourceType: 'commonjs' },
  { code: "import session from 'express-session';\napp.use(session({ cookie: { secure: false } }));" },
  { code: "import { createClient } from './redis-wrapper';\ncreateClient({ socket: { tls: false } });" },
  { code: 'function Pool(options) {}\nnew Pool({ ssl: false });' },
  { code: "const { Pool } = require('pg');\nfunction make(Pool) { return new Pool({ ssl: false }); }", sourceType: 'commonjs' },
  { code: "import nodemailer from 'nodemailer';\nconst ignoreTLS = true;\nsendMail({ ignoreTLS });" },
  { code: "import { Pool } from 'pg';\nconst options = { ssl: false };\nfetch(url, options);" },
  { code: "import { Pool } from 'pg';\nlet ssl = false;\nssl = load();\nnew Pool({ ssl });" },
];

const requireTls = [{ requireTls: true }];

ruleTests('no-disabled-tls', rule, {
  valid: [
    ...secure.flatMap(([lib, body]) => forms(lib, body)),
    ...secure.flatMap(([lib, body]) => forms(lib, body)).map((c) => ({ ...c, options: requireTls })),
    ...notClear.flatMap(([lib, body]) => forms(lib, body)).map((c) => ({ ...c, options: requireTls })),
    // Without the option, credentials over a connection that never enables TLS are not reported.
    ...clear.flatMap(([lib, body]) => forms(lib, body)),
    ...lookalikes,
    // A disabling arm of a conditional is the choice (no-environment-branching) or a feature
    // flag's "off", not TLS turned off in code (labelling.md, tls-disabled).
    ...forms(L.mongodb, 'new MongoClient(process.env.MONGODB_URI, { tls: isProd ? true : false });'),
    ...forms(L.pg, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: process.env.DB_HOST !== 'localhost' ? { ca: process.env.DB_CA } : false });"),
    // A placeholder false replaced later is not a value the client sees.
    ...forms(L.pg, 'let ssl = false;\nif (process.env.DB_CA) ssl = { ca: process.env.DB_CA };\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl });'),
    // A write guarded by the environment name is that choice: no-environment-branching's.
    ...forms(L.pg, "const db = { host: process.env.PGHOST };\nif (process.env.NODE_ENV === 'development') db.ssl = false;\nnew Pool(db);"),
  ],
  invalid: [
    ...invalid,
    // A write guarded by an option still turns TLS off on that path (labelling.md, Guards).
    ...forms(L.nodemailer, "const opts = { host: process.env.SMTP_HOST };\nif (settings.security === 'none') opts.ignoreTLS = true;\nnodemailer.createTransport(opts);").map((c) => ({
      ...c,
      errors: [{ messageId: 'disabled' as const, data: { client: 'nodemailer', setting: 'ignoreTLS: true', secure: 'requireTLS: true (and no ignoreTLS)' }, suggestions: [] }],
    })),
    ...forms(L.pg, "const db = { host: process.env.PGHOST, ssl: { rejectUnauthorized: true } };\nif (process.env.PG_PLAIN) db.ssl = false;\nnew Pool(db);").map((c) => ({
      ...c,
      errors: [{ messageId: 'disabled' as const, data: { client: 'pg', setting: 'ssl: false', secure: 'ssl: { rejectUnauthorized: true }' }, suggestions: [] }],
    })),
    ...clear.flatMap(([lib, body]) => forms(lib, body)).map((c) => ({ ...c, options: requireTls, errors: [{ messageId: 'credentialsInClear' }] })),
    {
      name: 'disabled TLS is reported once, not again as credentials in clear text',
      code: "import { Pool } from 'pg';\nnew Pool({ host: process.env.PGHOST, password: process.env.PGPASSWORD, ssl: false });",
      options: requireTls,
      errors: [{ messageId: 'disabled', suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ host: process.env.PGHOST, password: process.env.PGPASSWORD, ssl: { rejectUnauthorized: true } });" }] }],
    },
    {
      name: 'reported whatever the host, loopback included',
      code: "import { Pool } from 'pg';\nnew Pool({ host: 'localhost', ssl: false });",
      errors: [{ messageId: 'disabled', data: { client: 'pg', setting: 'ssl: false', secure: 'ssl: { rejectUnauthorized: true }' }, suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ host: 'localhost', ssl: { rejectUnauthorized: true } });" }] }],
    },
    {
      name: 'options through a variable: no suggestion outside the call',
      code: "import { Pool } from 'pg';\nconst config = { connectionString: process.env.DATABASE_URL, ssl: false };\nnew Pool(config);",
      errors: [{ messageId: 'disabled', line: 2, suggestions: [] }],
    },
    {
      name: 'options through a spread',
      code: "const { Kafka } = require('kafkajs');\nconst base = { ssl: false };\nnew Kafka({ ...base, brokers: [process.env.KAFKA_BROKER] });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'disabled', line: 2, suggestions: [] }],
    },
    {
      name: 'a plain false beside a conditional elsewhere',
      code: "import { MongoClient } from 'mongodb';\nnew MongoClient(process.env.MONGODB_URI, { tls: false, authSource: isProd ? 'admin' : 'test' });",
      errors: [{ messageId: 'disabled', suggestions: [{ messageId: 'suggestSecure', output: "import { MongoClient } from 'mongodb';\nnew MongoClient(process.env.MONGODB_URI, { tls: true, authSource: isProd ? 'admin' : 'test' });" }] }],
    },
    {
      name: 'a password in the URL never appears in the message',
      code: "import { Client } from 'pg';\nnew Client('postgres://app:hunter2@db.example.com/app?sslmode=disable');",
      errors: [
        {
          messageId: 'disabled',
          data: { client: 'pg', setting: 'sslmode=disable', secure: 'sslmode=verify-full' },
          suggestions: [{ messageId: 'suggestSecure', output: "import { Client } from 'pg';\nnew Client('postgres://app:hunter2@db.example.com/app?sslmode=verify-full');" }],
        },
      ],
    },
    {
      name: 'TypeScript: typed config with satisfies',
      code: "import { Pool, type PoolConfig } from 'pg';\nconst config = { ssl: false } satisfies PoolConfig;\nnew Pool(config as PoolConfig);",
      tsOnly: true,
      errors: [{ messageId: 'disabled', suggestions: [] }],
    },
  ],
});
