import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-hardcoded-service-credentials';
import { forms, L, type Lib } from '../harness/libraries';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

/** `[library, body, messageIds]`: one finding per id, in source order. */
const hardcoded: Array<[Lib, string, string[]]> = [
  [L.minio, "new Minio.Client({ endPoint: process.env.MINIO_ENDPOINT, accessKey: process.env.MINIO_ACCESS_KEY, secretKey: 'Xq9vL2mN7pR4' });", ['option']],
  [L.prismaConfig, "export default defineConfig({ datasource: { url: process.env.DATABASE_URL ?? 'postgresql://app:devpass@localhost:5432/app' } });", ['envDefault']],
  [L.pg, "new Pool({ host: process.env.PGHOST, user: 'app', password: 's3cr3t-Pa55' });", ['option']],
  [L.pg, "const password = 'hunter2';\nnew Pool({ connectionString: process.env.DATABASE_URL, password });", ['option']],
  [L.pg, "new Client('postgres://app:s3cr3t@db.example.com/app');", ['urlPassword']],
  [L.pg, 'new Client(`postgres://app:s3cr3t@${process.env.DB_HOST}/app`);', ['urlPassword']],
  [L.pg, "new Pool({ password: process.env.DB_PASS || 'root' });", ['envDefault']],
  [L.pg, "const { PGPASSWORD = 'changeme' } = process.env;\nnew Pool({ password: PGPASSWORD });", ['envDefault']],
  [L.pg, "new Pool({ connectionString: process.env.DATABASE_URL || 'postgres://app:devpass@localhost/app' });", ['envDefault']],
  [L.postgres, "postgres({ host: process.env.PGHOST, username: 'app', password: 'p@ss' });", ['option']],
  [L.postgres, "postgres('postgres://app:p%40ss@db.example.com/app');", ['urlPassword']],
  [L.mysql, "mysql.createConnection({ host: process.env.DB_HOST, user: 'app', password: 'secret' });", ['option']],
  [L.mysql2, "mysql.createPool({ uri: 'mysql://app:secret@db.example.com/app' });", ['urlPassword']],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { auth: { username: 'app', password: 'pw123' } });", ['option']],
  [L.mongodb, "new MongoClient('mongodb+srv://app:pw123@cluster0.example.net/app');", ['urlPassword']],
  [L.mongoose, "mongoose.connect(process.env.MONGODB_URI, { user: 'app', pass: 'pw123' });", ['option']],
  [L.ioredis, "new Redis({ host: process.env.REDIS_HOST, password: 'redispw' });", ['option']],
  [L.ioredis, "new Redis('redis://:redispw@cache.example.com:6379');", ['urlPassword']],
  [L.ioredis, "new Redis.Cluster([{ host: process.env.REDIS_HOST }], { redisOptions: { password: 'redispw' } });", ['option']],
  [L.redis, "createClient({ url: process.env.REDIS_URL, password: 'redispw' });", ['option']],
  [L.redis, "createClient({ url: 'rediss://default:redispw@cache.example.com:6380' });", ['urlPassword']],
  [L.amqplib, "amqp.connect('amqps://app:rabbitpw@rabbit.example.com');", ['urlPassword']],
  [L.amqplib, "amqp.connect({ protocol: 'amqps', hostname: process.env.AMQP_HOST, username: 'app', password: 'rabbitpw' });", ['option']],
  [L.amqplib, "amqp.connect(process.env.AMQP_URL, { credentials: amqp.credentials.plain('app', 'rabbitpw') });", ['helper']],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER], ssl: true, sasl: { mechanism: 'plain', username: 'app', password: 'kafkapw' } });", ['option']],
  [L.nodemailer, "nodemailer.createTransport({ host: process.env.SMTP_HOST, auth: { user: 'mailer', pass: 'smtppw' } });", ['option']],
  [L.nodemailer, "nodemailer.createTransport('smtps://mailer:smtppw@smtp.example.com');", ['urlPassword']],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, auth: { username: 'app', password: 'espw' } });", ['option']],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, auth: { apiKey: 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==' } });", ['option']],
  [L.elastic, "new Client({ node: 'https://app:espw@search.example.com:9200' });", ['urlPassword']],
  [L.opensearch, "new Client({ node: process.env.OPENSEARCH_URL, auth: { username: 'app', password: 'ospw' } });", ['option']],
  [L.knex, "knex({ client: 'pg', connection: { host: process.env.DB_HOST, user: 'app', password: 'knexpw' } });", ['option']],
  [L.knex, "knex({ client: 'pg', connection: 'postgres://app:knexpw@db.example.com/app' });", ['urlPassword']],
  [L.sequelize, "new Sequelize('app', 'app', 'seqpw', { host: process.env.DB_HOST, dialect: 'postgres' });", ['option']],
  [L.sequelize, "new Sequelize('postgres://app:seqpw@db.example.com/app');", ['urlPassword']],
  [L.typeorm, "new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, username: 'app', password: 'ormpw' });", ['option']],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, user: 'app', password: 'sqlpw' });", ['option']],
  [L.mssql, "sql.connect('Server=sql.example.com;Database=app;User Id=app;Password=sqlpw;Encrypt=true');", ['connectionStringPassword']],
  [L.tedious, "new Connection({ server: process.env.DB_SERVER, authentication: { type: 'default', options: { userName: 'app', password: 'sqlpw' } } });", ['option']],
  [L.nats, "connect({ servers: process.env.NATS_URL, user: 'app', pass: 'natspw' });", ['option']],
  [L.nats, "connect({ servers: process.env.NATS_URL, token: 's3cr3t-token' });", ['option']],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', credentials: { username: 'app', password: 'cqlpw' } });", ['option']],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL, bindDN: 'cn=app,dc=example,dc=org', bindCredentials: 'ldappw' });", ['option']],
  [L.ldapjs, "const client = ldap.createClient({ url: process.env.LDAP_URL });\nclient.bind('cn=app,dc=example,dc=org', 'ldappw', () => {});", ['helper']],
  [L.ldapts, "const client = new Client({ url: process.env.LDAP_URL });\nclient.bind('cn=app,dc=example,dc=org', 'ldappw').then(() => {});", ['helper']],
  [L.acm, "amqp.connect('amqps://app:rabbitpw@rabbit.example.com');", ['urlPassword']],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: process.env.NATS_URL, user: 'app', pass: 'natspw' });", ['option']],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: process.env.NATS_URL, token: 's3cr3t-token' });", ['option']],
  [L.ldapauth, "new LdapAuth({ url: process.env.LDAP_URL, bindDN: 'cn=app,dc=example,dc=org', bindCredentials: 'ldappw' });", ['option']],
  [L.ldapauthParent, "new LdapAuth({ url: process.env.LDAP_URL, adminDn: 'cn=app,dc=example,dc=org', adminPassword: 'ldappw' });", ['option']],
  [L.memjs, "memjs.Client.create(process.env.MEMCACHIER_SERVERS, { username: 'app', password: 'mcpw' });", ['option']],
  [L.bullmq, "new Queue('mail', { connection: { host: process.env.REDIS_HOST, password: 'redispw' } });", ['option']],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'postgresql://app:prismapw@db.example.com/app' });", ['urlPassword']],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'sqlserver://sql.example.com:1433;database=app;user=app;password=prismapw;encrypt=true' });", ['urlPassword']],
  [L.s3, "new S3Client({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });", ['option']],
  [L.ws, "new WebSocket(process.env.WEBSOCKET_URL, { headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc' } });", ['option']],
  [L.tls, "tls.connect({ host: process.env.HOST, port: 443, pfx, passphrase: 'pfxpw' });", ['option']],
  [L.pg, "new Pool({ password: useReplica ? 'replica-pw' : 'primary-pw' });", ['option', 'option']],
];

const clean: Array<[Lib, string]> = [
  [L.pg, 'new Pool({ connectionString: process.env.DATABASE_URL });'],
  [L.pg, 'new Pool({ password: process.env.PGPASSWORD });'],
  [L.pg, "new Pool({ password: '' });"],
  // Not a string: no client accepts it as a password, and labelling.md counts string literals.
  [L.pg, 'new Pool({ password: 12345678 });'],
  [L.pg, 'new Pool({ password: process.env.DB_PASSWORD || 123 });'],
  [L.pg, "new Pool({ password: '<password>' });"],
  [L.pg, "new Pool({ password: 'YOUR_PASSWORD' });"],
  [L.pg, "new Pool({ password: '***' });"],
  [L.pg, "new Pool({ password: process.env.DB_PASS || '' });"],
  [L.pg, "new Client('postgres://app:<password>@db.example.com/app');"],
  [L.pg, "new Client('postgres://app:${DB_PASSWORD}@db.example.com/app');"],
  [L.pg, 'new Client(`postgres://app:${process.env.DB_PASSWORD}@db.example.com/app`);'],
  [L.pg, "new Client('postgres://app@db.example.com/app');"],
  [L.pg, "new Pool({ password: getSecret('db') });"],
  [L.pg, 'new Pool({ password: () => fetchToken() });'],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { auth: { username: 'app', password: process.env.MONGO_PASSWORD } });"],
  [L.ioredis, "new Redis({ host: process.env.REDIS_HOST, name: 'mymaster', password: process.env.REDIS_PASSWORD });"],
  [L.amqplib, 'amqp.connect(process.env.AMQP_URL, { credentials: amqp.credentials.plain(process.env.AMQP_USER, process.env.AMQP_PASS) });'],
  [L.amqplib, 'amqp.connect(process.env.AMQP_URL, { credentials: amqp.credentials.external() });'],
  [L.ldapjs, 'const client = ldap.createClient({ url: process.env.LDAP_URL });\nclient.bind(process.env.LDAP_BIND_DN, process.env.LDAP_BIND_PASSWORD, () => {});'],
  // Another object's `bind` in a file that builds an LDAP client.
  [L.ldapts, "const client = new Client({ url: process.env.LDAP_URL });\nconst handler = { bind(a, b) {} };\nhandler.bind('cn=app', 'not-a-secret');"],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: process.env.NATS_URL, user: process.env.NATS_USER, pass: process.env.NATS_PASS });"],
  [L.ldapauth, 'new LdapAuth({ url: process.env.LDAP_URL, bindDN: process.env.LDAP_BIND_DN, bindCredentials: process.env.LDAP_BIND_PASSWORD });'],
  [L.nodemailer, "nodemailer.createTransport({ service: 'gmail', auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } });"],
  [L.mssql, "sql.connect('Server=sql.example.com;Database=app;User Id=app;Password={YOUR_PASSWORD};Encrypt=true');"],
  [L.s3, "new S3Client({ region: 'us-east-1' });"],
  [L.ws, 'new WebSocket(process.env.WEBSOCKET_URL, { headers: { Authorization: `Bearer ${token}` } });'],
];

/** Look-alikes: application secrets and passwords that are not a client's credentials. */
const lookalikes: ValidCase[] = [
  { code: "import jwt from 'jsonwebtoken';\njwt.sign(payload, 'my-jwt-secret');" },
  { code: "import session from 'express-session';\napp.use(session({ secret: 'keyboard cat' }));" },
  { code: "const user = { name: 'alice', password: 'hunter2' };\nawait db.insert(user);" },
  { code: "import { createClient } from './redis-wrapper';\ncreateClient({ password: 'redispw' });" },
  { code: "function Pool(options) {}\nnew Pool({ password: 'pw' });" },
  { code: "import { vi } from 'vitest';\nvi.mock('pg', () => ({ Pool: vi.fn(() => ({ password: 'pw' })) }));" },
  { code: "console.log('usage: DATABASE_URL=postgres://user:pass@host/db node app.js');" },
  { code: "// new Pool({ password: 'hunter2' })\nconst x = 1;" },
  { code: "import bcrypt from 'bcrypt';\nawait bcrypt.hash('password', 10);" },
  { code: "const credentials = { plain(u, p) { return [u, p]; } };\ncredentials.plain('app', 'pw');" },
  { code: "const client = { bind(dn, pw) {} };\nclient.bind('cn=admin,dc=example,dc=org', 'pw');" },
];

const invalid: InvalidCase[] = hardcoded.flatMap(([lib, body, ids]) =>
  forms(lib, body).map((form) => ({ ...form, errors: ids.map((messageId) => ({ messageId })) })),
);

ruleTests('no-hardcoded-service-credentials', rule, {
  valid: [...clean.flatMap(([lib, body]) => forms(lib, body)), ...lookalikes],
  invalid: [
    ...invalid,
    {
      name: 'a URL password is underlined on its own',
      code: "import { Client } from 'pg';\nnew Client('postgres://app:s3cr3t@db.example.com/app');",
      errors: [{ messageId: 'urlPassword', line: 2, column: 28, data: { client: 'pg', where: 'connectionString', envVar: 'DATABASE_URL' } }],
    },
    ...forms(L.mongoose, "const password = 'Xk29dksl2';\n\nmongoose.connect(`mongodb+srv://app:${password}@cluster0.example.net/shop`);").map((form) => ({
      ...form,
      name: `${form.name} (a password constant interpolated into the URL is reported where it is written)`,
      errors: [{ messageId: 'urlPassword', line: 2, column: 19, endColumn: 28, data: { client: 'mongoose', where: 'url', envVar: 'MONGODB_URI' } }],
    })),
    {
      name: 'a password concatenated into a URL is reported at its constant',
      code: "const { Pool } = require('pg');\nconst PASS = 's3cr3tpw';\nnew Pool({ connectionString: 'postgres://app:' + PASS + '@db.example.com/app' });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'urlPassword', line: 2, data: { client: 'pg', where: 'connectionString', envVar: 'DATABASE_URL' } }],
    },
    {
      name: 'a password shared by two clients is reported once',
      code: "import { Pool, Client } from 'pg';\nconst options = { password: 'pw-1234' };\nnew Pool(options);\nnew Client(options);",
      errors: [{ messageId: 'option', line: 2 }],
    },
    {
      name: 'an imported credential helper under an alias',
      code: "const { credentials: creds, connect } = require('amqplib');\nconnect(process.env.AMQP_URL, { credentials: creds.plain('app', 'rabbitpw') });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'helper', data: { client: 'amqplib', where: 'password', envVar: 'AMQP_URL', call: 'credentials.plain' } }],
    },
    {
      name: 'amqplib callback API and credentials.amqplain',
      code: "const amqp = require('amqplib/callback_api');\namqp.connect(process.env.AMQP_URL, { credentials: amqp.credentials.amqplain('app', 'rabbitpw') }, cb);",
      sourceType: 'commonjs',
      errors: [{ messageId: 'helper', data: { client: 'amqplib', call: 'credentials.amqplain' } }],
    },
    {
      name: 'TypeScript: a password with a type assertion',
      code: "import { Pool } from 'pg';\nnew Pool({ password: 'pw-1234' as string });",
      tsOnly: true,
      errors: [{ messageId: 'option' }],
    },
  ],
});

describe('no-hardcoded-service-credentials messages', () => {
  const secrets = ['s3cr3t-Pa55', 'rabbitpw', 'sqlpw', 'p%40ss', 'p@ss', 'devpass', 'root'];
  const code = [
    "import pg from 'pg';",
    "import * as amqp from 'amqplib';",
    "import sql from 'mssql';",
    "import postgres from 'postgres';",
    "new pg.Pool({ password: 's3cr3t-Pa55' });",
    "new pg.Pool({ password: process.env.DB_PASS || 'root' });",
    "new pg.Pool({ connectionString: process.env.DATABASE_URL || 'postgres://app:devpass@localhost/app' });",
    "amqp.connect('amqps://app:rabbitpw@rabbit.example.com');",
    "amqp.connect(process.env.AMQP_URL, { credentials: amqp.credentials.plain('app', 'rabbitpw') });",
    "sql.connect('Server=sql.example.com;User Id=app;Password=sqlpw');",
    "postgres('postgres://app:p%40ss@db.example.com/app');",
  ].join('\n');

  it('never contains the secret', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(code, [
      { plugins: { bs: { rules: { creds: rule } } } as never, rules: { 'bs/creds': 'error' }, languageOptions: { sourceType: 'module' } },
    ]);
    expect(messages.map((m) => m.ruleId)).toEqual(Array(7).fill('bs/creds'));
    for (const message of messages) {
      for (const secret of secrets) expect(message.message).not.toContain(secret);
    }
  });
});
