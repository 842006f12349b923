import rule from '../../src/rules/no-plaintext-service-url';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';
import { forms, L, type Lib } from '../harness/libraries';

type Edit = { messageId: 'suggestTlsScheme' | 'suggestTlsParam'; from: string; to: string } | null;
const SCHEME = (from: string, to: string): Edit => ({ messageId: 'suggestTlsScheme', from, to });
const PARAM = (from: string, to: string): Edit => ({ messageId: 'suggestTlsParam', from, to });

/** `[library, body, client, suggestion]`: a plaintext URL that reaches a client. */
const atClients: Array<[Lib, string, string, Edit]> = [
  [L.ioredis, "new Redis('redis://cache.example.com:6379');", 'ioredis', SCHEME('redis://', 'rediss://')],
  [L.ioredis, "new Redis(process.env.REDIS_URL || 'redis://cache.example.com:6379');", 'ioredis', SCHEME('redis://', 'rediss://')],
  // ioredis checks `rediss://` case-sensitively: upper case is plain redis.
  [L.ioredis, "new Redis('REDISS://cache.example.com:6380');", 'ioredis', SCHEME('REDISS://', 'rediss://')],
  [L.redis, "createClient({ url: 'redis://cache.example.com:6379' });", 'node-redis', SCHEME('redis://', 'rediss://')],
  [L.redis, 'createClient({ url: `redis://${process.env.REDIS_HOST}:6379` });', 'node-redis', SCHEME('redis://', 'rediss://')],
  [L.bullmq, "new Queue('mail', { connection: { url: 'redis://10.0.0.5:6379' } });", 'bullmq', SCHEME('redis://', 'rediss://')],
  [L.amqplib, "amqp.connect('amqp://app:s3cret@rabbit.example.com/vhost');", 'amqplib', SCHEME('amqp://', 'amqps://')],
  [L.amqplib, "amqp.connect('amqp://' + process.env.AMQP_HOST);", 'amqplib', SCHEME('amqp://', 'amqps://')],
  [L.ldapjs, "ldap.createClient({ url: 'ldap://ldap.example.com' });", 'ldapjs', SCHEME('ldap://', 'ldaps://')],
  [L.ldapjs, "ldap.createClient({ url: ['ldap://ldap1.example.com', 'ldaps://ldap2.example.com'] });", 'ldapjs', SCHEME('ldap://', 'ldaps://')],
  [L.ldapts, "new Client({ url: 'ldap://ad.corp.internal:389' });", 'ldapts', SCHEME('ldap://', 'ldaps://')],
  [L.acm, "amqp.connect(['amqp://rabbit.example.com']);", 'amqp-connection-manager', SCHEME('amqp://', 'amqps://')],
  [L.acmNamed, "connect([{ url: 'amqp://rabbit.example.com' }]);", 'amqp-connection-manager', SCHEME('amqp://', 'amqps://')],
  [L.ldapauth, "new LdapAuth({ url: 'ldap://ldap.example.com:389', bindDN: process.env.LDAP_BIND_DN });", 'ldapauth-fork', SCHEME('ldap://', 'ldaps://')],
  [L.ldapauthParent, "new LdapAuth({ url: 'ldap://ldap.example.com:389', adminDn: process.env.LDAP_BIND_DN });", 'ldapauth-fork', SCHEME('ldap://', 'ldaps://')],
  // nats 1.x under node-nats-streaming: `nats://` uses TLS only if the server asks for it.
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: 'nats://nats.example.com:4222' });", 'node-nats-streaming', null],
  [L.stan, "stan.connect('test-cluster', 'worker-1', 'nats://nats.example.com:4222');", 'node-nats-streaming', null],
  [L.nodemailer, "nodemailer.createTransport('smtp://mailer:pw@smtp.example.com:587');", 'nodemailer', PARAM(':587', ':587?requireTLS=true')],
  [L.ws, "new WebSocket('ws://relay.example.com/feed');", 'ws', SCHEME('ws://', 'wss://')],
  [L.ws, "new WebSocket('http://relay.example.com/feed');", 'ws', SCHEME('http://', 'https://')],
  [L.socketio, "io('http://chat.example.com');", 'socket.io-client', SCHEME('http://', 'https://')],
  [L.elastic, "new Client({ node: 'http://es.example.com:9200' });", '@elastic/elasticsearch', SCHEME('http://', 'https://')],
  [L.elastic, "new Client({ nodes: ['https://es1.example.com:9200', 'http://es2.example.com:9200'] });", '@elastic/elasticsearch', SCHEME('http://', 'https://')],
  [L.opensearch, "new Client({ node: 'http://search.example.com:9200' });", '@opensearch-project/opensearch', SCHEME('http://', 'https://')],
  [L.s3, "new S3Client({ region: 'us-east-1', endpoint: 'http://minio.example.com:9000' });", 'AWS SDK v3', SCHEME('http://', 'https://')],
  [L.awsV2, "new AWS.S3({ endpoint: 'http://minio.example.com:9000' });", 'AWS SDK v2', SCHEME('http://', 'https://')],
  [L.mongodb, "new MongoClient('mongodb://db.example.com:27017/app');", 'mongodb', PARAM('/app', '/app?tls=true')],
  [L.mongoose, "mongoose.connect('mongodb://mongo-0.example.com,mongo-1.example.com/app?replicaSet=rs0');", 'mongoose', PARAM('rs0', 'rs0&tls=true')],
  // Verification parameters do not start TLS: the TLS oracle saw these URLs in clear text.
  [L.mongodb, "new MongoClient('mongodb://db.example.com:27017/app?tlsAllowInvalidCertificates=true');", 'mongodb', PARAM('Certificates=true', 'Certificates=true&tls=true')],
  [L.nodemailer, "nodemailer.createTransport('smtp://smtp.example.com:587?tls.rejectUnauthorized=false');", 'nodemailer', PARAM('=false', '=false&requireTLS=true')],
  // TypeORM does not pass `ssl` to MongoDB (only `tls`): the TLS oracle saw this in clear text.
  [L.typeorm, "new DataSource({ type: 'mongodb', url: 'mongodb://db.example.com/app', ssl: true });", 'typeorm', PARAM("/app'", "/app?tls=true'")],
  [L.pg, "new Pool({ connectionString: 'postgres://app@db.example.com:5432/app' });", 'pg', PARAM('/app\'', "/app?sslmode=verify-full'")],
  [L.pg, "new Client('postgresql://db.example.com/app?application_name=api');", 'pg', PARAM('api', 'api&sslmode=verify-full')],
  [L.postgres, "postgres('postgres://db.example.com/app');", 'postgres.js', PARAM("/app'", "/app?sslmode=verify-full'")],
  [L.mysql2, "mysql.createConnection('mysql://app@db.example.com/app');", 'mysql2', null],
  [L.knex, "knex({ client: 'pg', connection: 'postgres://db.example.com/app' });", 'knex', PARAM("/app'", "/app?sslmode=verify-full'")],
  [L.sequelize, "new Sequelize('postgres://db.example.com:5432/app');", 'sequelize', PARAM("/app'", "/app?sslmode=verify-full'")],
  [L.typeorm, "new DataSource({ type: 'postgres', url: 'postgres://db.example.com/app' });", 'typeorm', PARAM("/app'", "/app?sslmode=verify-full'")],
  [L.nats, "connect({ servers: ['nats://nats.example.com:4222'] });", 'nats', null],
  [L.nats, "connect({ servers: 'nats://nats.example.com:4222', user: 'app' });", 'nats', null],
  // The Node transport ignores the scheme: `tls://` does not require TLS, only the `tls` option does.
  [L.nats, "connect({ servers: ['tls://nats.example.com:4222'] });", 'nats', null],
  // Any scheme is stripped, a web one too.
  [L.nats, "connect({ servers: 'http://nats-server:4222', noEcho: true });", 'nats', null],
];

/**
 * The scheme in option form (amqplib's object form, MQTT.js's `protocol`), judged as the URL
 * it spells: toward a written host that is not loopback, or one from the environment.
 * `[library, body, secure value]`.
 */
const protocols: Array<[Lib, string, string]> = [
  [L.amqplib, "amqp.connect({ protocol: 'amqp', hostname: 'rabbitmq.internal', port: 5672, username: process.env.AMQP_USER, password: process.env.AMQP_PASSWORD });", "'amqps'"],
  [L.amqplib, "amqp.connect({ protocol: 'amqp', hostname: process.env.AMQP_HOST });", "'amqps'"],
  [L.mqtt, "mqtt.connect({ protocol: 'mqtt', host: 'broker.example.com', port: 1883 });", "'mqtts'"],
  [L.mqtt, "mqtt.connect({ protocol: 'ws', hostname: process.env.MQTT_HOST });", "'mqtts'"],
];

/** Service URLs anywhere in a file: constants, defaults, config modules. */
const standalone: Array<[string, string, Edit]> = [
  ["export const REDIS_URL = 'redis://cache.example.com:6379';", 'redis', SCHEME('redis://', 'rediss://')],
  ['const url = `redis://:${process.env.REDIS_PASSWORD}@${process.env.REDIS_HOST}:6379`;', 'redis', SCHEME('redis://', 'rediss://')],
  ["module.exports = { queue: { url: 'amqp://guest:guest@rabbitmq:5672' } };", 'amqp', SCHEME('amqp://', 'amqps://')],
  ["const LDAP = 'ldap://ldap.example.com:389';", 'ldap', SCHEME('ldap://', 'ldaps://')],
  ["const relay = 'ws://relay.example.com/socket';", 'websocket', SCHEME('ws://', 'wss://')],
  ["const MONGO = 'mongodb://db.example.com:27017/app';", 'mongodb', PARAM("/app'", "/app?tls=true'")],
  ["export default { db: 'postgres://app:hunter2@10.1.2.3:5432/app' };", 'postgres', PARAM("/app'", "/app?sslmode=verify-full'")],
  ["const DB = 'mysql://db.example.com/app';", 'mysql', null],
  ["const SMTP = 'smtp://smtp.example.com:587';", 'smtp', PARAM(":587'", ":587?requireTLS=true'")],
  ["const NATS = 'nats://nats.example.com:4222';", 'nats', null],
  ["const host = 'db.example.com';\nconst DB = 'postgres://' + host + '/app';", 'postgres', null],
  ["const url = process.env.REDIS_URL ?? 'redis://redis:6379';", 'redis', SCHEME('redis://', 'rediss://')],
];

const secure: Array<[Lib, string]> = [
  [L.acm, "amqp.connect(['amqps://rabbit.example.com']);"],
  // nats 1.x turns `tls` on for a `tls://` server.
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: 'tls://nats.example.com:4222' });"],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: 'nats://nats.example.com:4222', tls: true });"],
  [L.ldapauth, "new LdapAuth({ url: 'ldap://ldap.example.com:389', starttls: true });"],
  [L.ioredis, "new Redis('rediss://cache.example.com:6380');"],
  [L.ioredis, "new Redis('redis://cache.example.com:6379', { tls: {} });"],
  [L.ioredis, "new Redis('redis://cache.example.com:6379?tls=true');"],
  [L.ioredis, "new Redis('redis://localhost:6379');"],
  [L.ioredis, 'new Redis(process.env.REDIS_URL);'],
  [L.redis, "createClient({ url: 'redis://cache.example.com:6379', socket: { tls: true } });"],
  [L.redis, "createClient({ url: 'redis://127.0.0.1:6379' });"],
  [L.bullmq, "new Queue('mail', { connection: { url: 'redis://cache.example.com', tls: {} } });"],
  [L.amqplib, "amqp.connect('amqps://app:secret@rabbit.example.com/vhost');"],
  [L.amqplib, "amqp.connect('amqp://localhost');"],
  [L.ldapjs, "ldap.createClient({ url: 'ldaps://ldap.example.com' });"],
  [L.nodemailer, "nodemailer.createTransport('smtp://smtp.example.com:587?requireTLS=true');"],
  [L.nodemailer, "nodemailer.createTransport('smtps://smtp.example.com');"],
  [L.nodemailer, "nodemailer.createTransport({ url: 'smtp://smtp.example.com:587', requireTLS: true });"],
  [L.ws, "new WebSocket('wss://relay.example.com');"],
  [L.ws, "new WebSocket('ws://localhost:8080');"],
  [L.elastic, "new Client({ node: 'https://es.example.com:9200' });"],
  [L.elastic, "new Client({ node: 'http://localhost:9200' });"],
  [L.s3, "new S3Client({ endpoint: 'http://localhost:4566' });"],
  [L.s3, "new S3Client({ endpoint: 'https://s3.example.com' });"],
  [L.mongodb, "new MongoClient('mongodb://db.example.com:27017/app?tls=true');"],
  [L.mongodb, "new MongoClient('mongodb://db.example.com:27017/app', { tls: true });"],
  [L.mongodb, "new MongoClient('mongodb+srv://cluster0.example.net/app');"],
  [L.mongodb, "new MongoClient('mongodb://localhost:27017/app');"],
  [L.mongoose, "mongoose.connect('mongodb://db.example.com/app', { ssl: true });"],
  [L.pg, "new Pool({ connectionString: 'postgres://db.example.com/app', ssl: { rejectUnauthorized: true } });"],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=verify-full');"],
  [L.pg, "new Client('postgres://db.example.com/app?ssl=false');"],
  [L.pg, "new Client('postgres://db.example.com/app?sslrootcert=/etc/ca.pem');"],
  [L.pg, 'new Pool({ connectionString: `postgres://app:${process.env.PGPASSWORD}@${process.env.PGHOST}/app` });'],
  [L.pg, "new Pool({ connectionString: 'postgres://db.example.com/app', ssl: sslConfig() });"],
  // Explicitly off: no-disabled-tls reports it.
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=disable');"],
  [L.postgres, "postgres('postgres://db.example.com/app', { ssl: 'verify-full' });"],
  [L.mysql2, "mysql.createConnection({ uri: 'mysql://db.example.com/app', ssl: { verifyIdentity: true } });"],
  [L.nats, "connect({ servers: ['nats://nats.example.com:4222'], tls: {} });"],
  [L.nats, "connect({ servers: ['nats://127.0.0.1:4222'] });"],
  [L.nats, "connect({ servers: ['http://localhost:4222'] });"],
  [L.nats, "connect({ servers: 'http://nats-server:4222', tls: {} });"],
  [L.nats, "connect({ servers: process.env.NATS_URL });\nconst docs = 'http://nats.example.com/docs';"],
  [L.nats, "connect({ servers: ['tls://nats.example.com:4222'], tls: { caFile: process.env.NATS_CA } });"],
  [L.knex, "knex({ client: 'pg', connection: { connectionString: 'postgres://db.example.com/app', ssl: true } });"],
  [L.sequelize, "new Sequelize('postgres://db.example.com/app', { dialectOptions: { ssl: true } });"],
  // The option-form scheme toward loopback, the default host, or a host not known.
  [L.amqplib, "amqp.connect({ protocol: 'amqp', hostname: 'localhost', username: 'guest', password: 'guest' });"],
  [L.amqplib, "amqp.connect({ protocol: 'amqp', port: 5672 });"],
  [L.amqplib, "amqp.connect({ protocol: 'amqp', hostname: settings.host });"],
  [L.amqplib, "amqp.connect({ protocol: 'amqps', hostname: 'rabbit.example.com' });"],
  [L.mqtt, "mqtt.connect({ protocol: 'mqtts', host: 'broker.example.com' });"],
  [L.mqtt, "mqtt.connect({ protocol: 'mqtt', host: '127.0.0.1' });"],
];

/** Look-alikes and strings that are not a usable service location. */
const lookalikes: ValidCase[] = [
  { code: "const homepage = 'http://www.example.com/about';" },
  { code: "fetch('http://api.example.com/v1/users');" },
  { code: "if (url.startsWith('redis://')) parse(url);" },
  { code: "const tlsUrl = url.replace('redis://', 'rediss://');" },
  { code: "const help = 'REDIS_URL must look like redis://user:pass@host:6379';" },
  { code: "const example = 'redis://<host>:6379';" },
  { code: "const example = 'postgres://user:password@host:5432/db';" },
  { code: "const local = 'postgres://localhost/app_dev';" },
  { code: "const local = 'redis://[::1]:6379';" },
  { code: "const sock = 'postgres:///app?host=/var/run/postgresql';" },
  { code: "const ws = 'wss://relay.example.com';" },
  { code: "const nats = 'tls://nats.example.com:4222';" },
  { code: "const srv = 'mongodb+srv://cluster0.example.net/app';" },
  { code: "const pg = 'postgres://db.example.com/app?sslmode=require';" },
  { code: "const mongo = 'mongodb://db.example.com/app?ssl=true';" },
  { code: "import { Pool } from 'pg';\nnew Pool({ connectionString: process.env.DATABASE_URL });" },
  { code: "import { Client } from '@elastic/elasticsearch';\nconst docs = 'http://docs.example.com';\nnew Client({ node: process.env.ELASTICSEARCH_URL });" },
  { code: 'const url = `postgres://${user}:${pass}@${host}/${db}`;' },
  { code: "const url = 'postgres://db.example.com/app' + query;" },
  { code: "const proxy = 'http://proxy.example.com:3128';\nimport { S3Client } from '@aws-sdk/client-s3';\nnew S3Client({ region: 'us-east-1' });" },
  // Arguments of functions the analysis does not know: validators, parsers, loggers, assertions.
  { code: "if (!isURL('redis://cache.example.com:6379')) throw new Error('bad');" },
  { code: "const parsed = new URL('amqp://broker.example.com/vhost');" },
  { code: "console.log('connecting to', 'redis://cache.example.com:6379');" },
  { code: "expect(client.url).toBe('mongodb://db.example.com:27017/app');" },
  // Test code: fixtures and mocked clients, unless a catalog client is built with them.
  { code: "const fixture = { uri: 'mongodb://db.example.com:27017/app' };", filename: 'spec/store.spec.js' },
  { code: "const url = 'redis://cache.example.com:6379';", filename: 'test/support/cache.js' },
  // A space inside the user info: where the host is cannot be told.
  { code: "const uri = 'mongodb://usr x:pw@db.example.com:1234/shop';" },
];

function expectedOutput(code: string, edit: Edit): Array<{ messageId: string; output: string }> {
  return edit ? [{ messageId: edit.messageId, output: code.replace(edit.from, edit.to) }] : [];
}

const invalid: InvalidCase[] = [
  ...atClients.flatMap(([lib, body, _client, edit]) =>
    forms(lib, body).map((form) => ({
      ...form,
      errors: [{ messageId: 'plaintext', suggestions: expectedOutput(form.code, edit) }],
    })),
  ),
  ...protocols.flatMap(([lib, body, secure]) =>
    forms(lib, body).map((form) => ({
      ...form,
      errors: [{ messageId: 'plaintextProtocol', suggestions: [{ messageId: 'suggestSecure', output: form.code.replace(/protocol: '[a-z]+'/, `protocol: ${secure}`) }] }],
    })),
  ),
  ...standalone.flatMap(([code, _client, edit]) =>
    (code.includes('export ') ? (['module'] as const) : (['module', 'commonjs'] as const)).map((sourceType) => ({
      code,
      sourceType,
      name: `${sourceType}: ${code}`,
      errors: [{ messageId: 'plaintext', suggestions: expectedOutput(code, edit) }],
    })),
  ),
];

ruleTests('no-plaintext-service-url', rule, {
  valid: [...secure.flatMap(([lib, body]) => forms(lib, body)), ...lookalikes],
  invalid: [
    {
      name: 'a URL a catalog client is built with is judged in test code too',
      code: "import Redis from 'ioredis';\nnew Redis('redis://cache.example.com:6379');",
      filename: 'test/cache.test.js',
      errors: [{ messageId: 'plaintext', suggestions: [{ messageId: 'suggestTlsScheme', data: { scheme: 'rediss' }, output: "import Redis from 'ioredis';\nnew Redis('rediss://cache.example.com:6379');" }] }],
    },
    ...invalid,
    {
      name: 'standalone URL whose parameters turn TLS off',
      code: "const DB = 'postgres://db.example.com/app?sslmode=disable';",
      errors: [
        {
          messageId: 'disabledByParameter',
          data: { client: 'postgres', scheme: 'postgres', secure: '`sslmode=verify-full` in the URL or `ssl: { rejectUnauthorized: true }`' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'the password in a URL never appears in the message',
      code: "const url = 'amqp://app:hunter2@rabbit.example.com';",
      errors: [
        {
          messageId: 'plaintext',
          data: { client: 'amqp', scheme: 'amqp', secure: '`amqps://`' },
          suggestions: [{ messageId: 'suggestTlsScheme', output: "const url = 'amqps://app:hunter2@rabbit.example.com';" }],
        },
      ],
    },
    {
      name: 'a constant used by a client is judged with that client',
      code: "import Redis from 'ioredis';\nconst REDIS_URL = 'redis://cache.example.com:6379';\nexport const redis = new Redis(REDIS_URL);",
      errors: [{ messageId: 'plaintext', line: 2, data: { client: 'ioredis', scheme: 'redis', secure: '`rediss://`' }, suggestions: [{ messageId: 'suggestTlsScheme', output: "import Redis from 'ioredis';\nconst REDIS_URL = 'rediss://cache.example.com:6379';\nexport const redis = new Redis(REDIS_URL);" }] }],
    },
    {
      name: 'a constant spread into client options',
      code: "const { Client } = require('@elastic/elasticsearch');\nconst base = { node: 'http://es.example.com:9200' };\nnew Client({ ...base, maxRetries: 3 });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'plaintext', line: 2, data: { client: '@elastic/elasticsearch', scheme: 'http', secure: '`https://`' }, suggestions: [{ messageId: 'suggestTlsScheme', output: "const { Client } = require('@elastic/elasticsearch');\nconst base = { node: 'https://es.example.com:9200' };\nnew Client({ ...base, maxRetries: 3 });" }] }],
    },
    {
      name: 'the option-form scheme: its message, and the URL a protocol option repeats',
      code: "const mqtt = require('mqtt');\nconst options = { protocol: 'mqtt', host: process.env.MQTT_HOST };\nmqtt.connect(options);\nmqtt.connect('mqtt://broker.example.com', { protocol: 'mqtt' });",
      sourceType: 'commonjs',
      errors: [
        { messageId: 'plaintextProtocol', line: 2, data: { client: 'mqtt', setting: "protocol: 'mqtt'", secure: "protocol: 'mqtts'" }, suggestions: [] },
        { messageId: 'plaintext', line: 4, data: { client: 'mqtt', scheme: 'mqtt', secure: '`mqtts://`' }, suggestions: [{ messageId: 'suggestTlsScheme', output: "const mqtt = require('mqtt');\nconst options = { protocol: 'mqtt', host: process.env.MQTT_HOST };\nmqtt.connect(options);\nmqtt.connect('mqtts://broker.example.com', { protocol: 'mqtt' });" }] },
      ],
    },
    {
      name: 'option-form scheme in options shared by two clients: one report',
      code: "import * as amqp from 'amqplib';\nconst options = { protocol: 'amqp', hostname: 'rabbitmq.internal' };\nexport const a = amqp.connect(options);\nexport const b = amqp.connect(options);",
      errors: [{ messageId: 'plaintextProtocol', line: 2, suggestions: [] }],
    },
    {
      name: 'TypeScript: typed constant',
      code: "const REDIS_URL: string = 'redis://cache.example.com:6379' as const;",
      tsOnly: true,
      errors: [{ messageId: 'plaintext', suggestions: [{ messageId: 'suggestTlsScheme', output: "const REDIS_URL: string = 'rediss://cache.example.com:6379' as const;" }] }],
    },
  ],
});
