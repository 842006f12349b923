/**
 * Framework wrappers (NestJS modules, session stores, ORM wrappers) reach their client's
 * configuration: each wrapper's options are judged by the facts of the client it configures.
 * Minimal reproductions, in our own words, of shapes seen in real projects.
 */
import location from '../../src/rules/no-hardcoded-service-location';
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import plaintext from '../../src/rules/no-plaintext-service-url';
import privileged from '../../src/rules/no-privileged-service-account';
import unverified from '../../src/rules/no-unverified-tls';
import disabled from '../../src/rules/no-disabled-tls';
import { forms, type Lib } from '../harness/libraries';
import { ruleTests } from '../harness/rule-tester';

const W = {
  typeormModule: { esm: "import { TypeOrmModule } from '@nestjs/typeorm';", cjs: "const { TypeOrmModule } = require('@nestjs/typeorm');" },
  mongooseModule: { esm: "import { MongooseModule } from '@nestjs/mongoose';", cjs: "const { MongooseModule } = require('@nestjs/mongoose');" },
  bull: { esm: "import { BullModule } from '@nestjs/bull';", cjs: "const { BullModule } = require('@nestjs/bull');" },
  bullmq: { esm: "import { BullModule } from '@nestjs/bullmq';", cjs: "const { BullModule } = require('@nestjs/bullmq');" },
  clients: { esm: "import { ClientsModule, Transport } from '@nestjs/microservices';", cjs: "const { ClientsModule, Transport } = require('@nestjs/microservices');" },
  factory: { esm: "import { ClientProxyFactory, Transport } from '@nestjs/microservices';", cjs: "const { ClientProxyFactory, Transport } = require('@nestjs/microservices');" },
  core: {
    esm: "import { NestFactory } from '@nestjs/core';\nimport { Transport } from '@nestjs/microservices';",
    cjs: "const { NestFactory } = require('@nestjs/core');\nconst { Transport } = require('@nestjs/microservices');",
  },
  mailer: { esm: "import { MailerModule } from '@nestjs-modules/mailer';", cjs: "const { MailerModule } = require('@nestjs-modules/mailer');" },
  connectRedis: { esm: "import session from 'express-session';\nimport connectRedis from 'connect-redis';", cjs: "const session = require('express-session');\nconst connectRedis = require('connect-redis');" },
  connectMongo: { esm: "import MongoStore from 'connect-mongo';", cjs: "const MongoStore = require('connect-mongo');" },
  mongoSessions: {
    esm: "import session from 'express-session';\nimport connectMongodbSession from 'connect-mongodb-session';",
    cjs: "const session = require('express-session');\nconst connectMongodbSession = require('connect-mongodb-session');",
  },
  drizzlePg: { esm: "import { drizzle } from 'drizzle-orm/node-postgres';", cjs: "const { drizzle } = require('drizzle-orm/node-postgres');" },
  drizzleKit: { esm: "import { defineConfig } from 'drizzle-kit';", cjs: "const { defineConfig } = require('drizzle-kit');" },
  mikro: { esm: "import { defineConfig } from '@mikro-orm/postgresql';", cjs: "const { defineConfig } = require('@mikro-orm/postgresql');" },
  bullLegacy: { esm: "import Queue from 'bull';", cjs: "const Queue = require('bull');" },
  esLegacy: { esm: "import elasticsearch from 'elasticsearch';", cjs: "const elasticsearch = require('elasticsearch');" },
  ioAdapter: { esm: "import redisAdapter from 'socket.io-redis';", cjs: "const redisAdapter = require('socket.io-redis');" },
  cacheStore: { esm: "import { redisStore } from 'cache-manager-redis-store';", cjs: "const { redisStore } = require('cache-manager-redis-store');" },
  passportLdap: { esm: "import LdapStrategy from 'passport-ldapauth';", cjs: "const LdapStrategy = require('passport-ldapauth');" },
  cacheStore2: { esm: "import * as redisStore from 'cache-manager-redis-store';", cjs: "const redisStore = require('cache-manager-redis-store');" },
  mqtt: { esm: "import mqtt from 'mqtt';", cjs: "const mqtt = require('mqtt');" },
  memcached: { esm: "import Memcached from 'memcached';", cjs: "const Memcached = require('memcached');" },
  redis3: { esm: "import redis from 'redis';", cjs: "const redis = require('redis');" },
  pgPool: { esm: "import Pool from 'pg-pool';", cjs: "const Pool = require('pg-pool');" },
  esModule: { esm: "import { ElasticsearchModule } from '@nestjs/elasticsearch';", cjs: "const { ElasticsearchModule } = require('@nestjs/elasticsearch');" },
  ioredisModule: { esm: "import { RedisModule } from '@nestjs-modules/ioredis';", cjs: "const { RedisModule } = require('@nestjs-modules/ioredis');" },
} satisfies Record<string, Lib>;

/**
 * `[wrapper, body, messageId, client, suggestion edit or null]`, tested as ESM and as CommonJS.
 * The client the site is judged as (the wrapper, or the transport's library) is checked in
 * test/analysis/config-sites.test.ts; here, that the rule reports.
 */
type Case = [Lib, string, string, Record<string, string>, [string, string] | null];

function invalid(cases: Case[]): Array<Record<string, unknown>> {
  return cases.flatMap(([lib, body, messageId, , edit]) =>
    forms(lib, body).map((form) => ({
      ...form,
      errors: [{ messageId, suggestions: edit ? [{ messageId: edit[0] === '' ? 'suggestEnv' : 'suggestSecure', output: form.code.replace(edit[0], edit[1]) }] : [] }],
    })),
  );
}

const unverifiedCases: Case[] = [
  // passport-ldapauth hands `server` to ldapauth-fork, which hands url and tlsOptions to ldapjs.
  [W.passportLdap, "new LdapStrategy({ server: { url: process.env.LDAP_URL, tlsOptions: { rejectUnauthorized: false } } }, verify);", 'unverified', { client: 'passport-ldapauth' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [W.typeormModule, "TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });", 'unverified', { client: '@nestjs/typeorm' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [
    W.typeormModule,
    "TypeOrmModule.forRootAsync({\n  inject: [ConfigService],\n  useFactory: (config) => ({ type: 'postgres', url: config.get('DATABASE_URL'), extra: { ssl: { rejectUnauthorized: false } } }),\n});",
    'unverified',
    { client: '@nestjs/typeorm' },
    ['rejectUnauthorized: false', 'rejectUnauthorized: true'],
  ],
  [
    W.typeormModule,
    "async function options(config) {\n  return { type: 'mysql', url: config.get('DB_URL'), ssl: { rejectUnauthorized: false } };\n}\nTypeOrmModule.forRootAsync({ useFactory: options });",
    'unverified',
    { client: '@nestjs/typeorm' },
    null,
  ],
  [W.mongooseModule, 'MongooseModule.forRoot(process.env.MONGODB_URI, { tlsAllowInvalidCertificates: true });', 'unverified', { client: '@nestjs/mongoose' }, ['Certificates: true', 'Certificates: false']],
  [W.bull, "BullModule.forRoot({ redis: { host: process.env.REDIS_HOST, tls: { rejectUnauthorized: false } } });", 'unverified', { client: '@nestjs/bull' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [W.bullmq, "BullModule.forRoot({ connection: { url: process.env.REDIS_URL, tls: { rejectUnauthorized: false } } });", 'unverified', { client: '@nestjs/bullmq' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [
    W.clients,
    "ClientsModule.register([{ name: 'EVENTS', transport: Transport.KAFKA, options: { client: { brokers: [process.env.KAFKA_BROKER], ssl: { rejectUnauthorized: false } } } }]);",
    'unverified',
    { client: 'Transport.KAFKA (kafkajs)' },
    ['rejectUnauthorized: false', 'rejectUnauthorized: true'],
  ],
  [
    W.clients,
    "ClientsModule.register([{ name: 'CACHE', transport: Transport.REDIS, options: { host: process.env.REDIS_HOST, tls: { rejectUnauthorized: false } } }]);",
    'unverified',
    { client: 'Transport.REDIS (ioredis)' },
    ['rejectUnauthorized: false', 'rejectUnauthorized: true'],
  ],
  [W.mailer, "MailerModule.forRoot({ transport: { host: process.env.SMTP_HOST, tls: { rejectUnauthorized: false } } });", 'unverified', { client: '@nestjs-modules/mailer' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [W.connectMongo, 'MongoStore.create({ mongoUrl: process.env.MONGODB_URI, mongoOptions: { tlsInsecure: true } });', 'unverified', { client: 'connect-mongo' }, ['tlsInsecure: true', 'tlsInsecure: false']],
  [
    W.mongoSessions,
    'const MongoDBStore = connectMongodbSession(session);\nnew MongoDBStore({ uri: process.env.MONGODB_URI, connectionOptions: { tlsInsecure: true } });',
    'unverified',
    { client: 'connect-mongodb-session' },
    ['tlsInsecure: true', 'tlsInsecure: false'],
  ],
  [W.drizzlePg, 'drizzle({ connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } } });', 'unverified', { client: 'drizzle-orm/node-postgres (pg)' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  // drizzle-kit turns 'require' into `{ rejectUnauthorized: false }` for PostgreSQL.
  [W.drizzleKit, "export default defineConfig({ dialect: 'postgresql', dbCredentials: { url: process.env.DATABASE_URL, ssl: 'require' } });", 'unverified', { client: 'drizzle-kit' }, null],
  [W.mikro, 'export default defineConfig({ clientUrl: process.env.DATABASE_URL, driverOptions: { connection: { ssl: { rejectUnauthorized: false } } } });', 'unverified', { client: 'MikroORM' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [W.esLegacy, "new elasticsearch.Client({ host: process.env.ES_URL, ssl: { rejectUnauthorized: false } });", 'unverified', { client: 'elasticsearch (legacy client)' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [W.mqtt, "mqtt.connect(process.env.MQTT_URL, { rejectUnauthorized: false });", 'unverified', { client: 'mqtt' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [W.pgPool, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });", 'unverified', { client: 'pg-pool' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  // @nestjs/elasticsearch hands the options to a subclass of the Elastic client: `super(options)`.
  [W.esModule, 'ElasticsearchModule.register({ node: process.env.ELASTICSEARCH_URL, tls: { rejectUnauthorized: false } });', 'unverified', { client: '@nestjs/elasticsearch' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [W.ioredisModule, "RedisModule.forRoot({ type: 'single', url: process.env.REDIS_URL, options: { tls: { rejectUnauthorized: false } } });", 'unverified', { client: '@nestjs-modules/ioredis' }, ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [
    W.ioredisModule,
    "RedisModule.forRootAsync({\n  useFactory: () => ({ type: 'cluster', nodes: [process.env.REDIS_NODE], options: { redisOptions: { tls: { rejectUnauthorized: false } } } }),\n});",
    'unverified',
    { client: '@nestjs-modules/ioredis' },
    ['rejectUnauthorized: false', 'rejectUnauthorized: true'],
  ],
  [
    W.esModule,
    "ElasticsearchModule.registerAsync({\n  inject: [ConfigService],\n  useFactory: (config) => ({ node: config.get('ES_NODE'), tls: { rejectUnauthorized: false } }),\n});",
    'unverified',
    { client: '@nestjs/elasticsearch' },
    ['rejectUnauthorized: false', 'rejectUnauthorized: true'],
  ],
];

const locationCases: Case[] = [
  [W.typeormModule, "TypeOrmModule.forRoot({ type: 'postgres', host: 'db.internal', username: process.env.DB_USER });", 'hardcoded', { client: '@nestjs/typeorm', path: 'host' }, null],
  [W.bull, "BullModule.registerQueue({ name: 'mail', redis: { host: 'redis', port: 6379 } });", 'hardcoded', { client: '@nestjs/bull', path: 'redis.host' }, null],
  [
    W.core,
    "NestFactory.createMicroservice(AppModule, { transport: Transport.RMQ, options: { urls: ['amqps://broker.internal:5671'], queue: 'jobs' } });",
    'hardcoded',
    { client: 'Transport.RMQ (amqplib)', path: 'options.urls' },
    null,
  ],
  [
    W.core,
    "async function main() {\n  const app = await NestFactory.create(AppModule);\n  app.connectMicroservice({ transport: Transport.NATS, options: { servers: ['nats.internal:4222'], tls: {} } });\n}",
    'hardcoded',
    { client: 'Transport.NATS (nats)', path: 'options.servers' },
    null,
  ],
  [W.connectRedis, "const RedisStore = connectRedis(session);\nnew RedisStore({ host: 'cache.internal', port: 6379 });", 'hardcoded', { client: 'connect-redis', path: 'host' }, null],
  [
    W.mongoSessions,
    "const MongoDBStore = connectMongodbSession(session);\nconst uri = 'mongodb://sessions.internal:27017/app';\nnew MongoDBStore({ uri, collection: 'sessions' });",
    'hardcoded',
    { client: 'connect-mongodb-session', path: 'uri' },
    null,
  ],
  [W.bullLegacy, "new Queue('mail', { redis: { host: 'cache.internal', port: 6379 } });", 'hardcoded', { client: 'bull', path: 'redis.host' }, null],
  [W.ioAdapter, "redisAdapter({ host: 'cache.internal', port: 6379 });", 'hardcoded', { client: 'socket.io-redis', path: 'host' }, null],
  [W.cacheStore, "const store = redisStore({ socket: { host: 'cache.internal', port: 6379 } });", 'hardcoded', { client: 'cache-manager-redis-store', path: 'socket.host' }, null],
  // Version 2 is handed in beside its options: `CacheModule.register({ store: redisStore, host })`.
  [W.cacheStore2, "CacheModule.register({ store: redisStore, host: 'cache.internal', port: 6379 });", 'hardcoded', { client: 'cache-manager-redis-store', path: 'host' }, null],
  [W.passportLdap, "new LdapStrategy({ server: { url: 'ldaps://ldap.internal:636', searchBase: 'dc=example,dc=org' } });", 'hardcoded', { client: 'passport-ldapauth', path: 'server.url' }, null],
  [W.mqtt, "mqtt.connect({ host: 'broker.internal', port: 8883, protocol: 'mqtts' });", 'hardcoded', { client: 'mqtt', path: 'host' }, null],
  [W.memcached, "const cache = new Memcached();\ncache.connect('cache.internal:11211', () => {});", 'hardcoded', { client: 'memcached', path: 'servers' }, null],
  // node-redis 3 read `host` at the top of the options.
  [W.redis3, "redis.createClient({ host: 'cache.internal', port: 6379 });", 'hardcoded', { client: 'node-redis', path: 'host' }, null],
  [W.esModule, "ElasticsearchModule.register({ node: 'https://search.internal:9200' });", 'hardcoded', { client: '@nestjs/elasticsearch', path: 'node' }, null],
  // @nestjs-modules/ioredis: `{ type: 'cluster', nodes, options }` is `new Redis.Cluster(nodes, options)`.
  [W.ioredisModule, "RedisModule.forRoot({ type: 'cluster', nodes: [{ host: '10.0.4.12', port: 6379 }], options: { scaleReads: 'slave' } });", 'hardcoded', { client: '@nestjs-modules/ioredis', path: 'nodes' }, null],
  [W.ioredisModule, "RedisModule.forRoot({ type: 'single', options: { host: 'cache.internal', port: 6379 } });", 'hardcoded', { client: '@nestjs-modules/ioredis', path: 'options.host' }, null],
];

const privilegedCases: Case[] = [
  [W.typeormModule, "TypeOrmModule.forRoot({ type: 'mysql', host: process.env.DB_HOST, username: 'root', password: process.env.DB_PASSWORD });", 'option', { client: '@nestjs/typeorm', where: 'username', account: 'root' }, null],
  [W.cacheStore2, "CacheModule.register({ store: redisStore, host: process.env.REDIS_HOST, username: 'default', password: process.env.REDIS_PASSWORD });", 'option', { client: 'cache-manager-redis-store', where: 'username', account: 'default' }, null],
  [W.passportLdap, "new LdapStrategy({ server: { url: process.env.LDAP_URL, bindDN: 'cn=admin,dc=example,dc=org', bindCredentials: process.env.LDAP_PASSWORD } });", 'option', { client: 'passport-ldapauth', where: 'server.bindDN', account: 'admin' }, null],
  [W.pgPool, "new Pool({ host: process.env.PGHOST, user: 'postgres', password: process.env.PGPASSWORD });", 'option', { client: 'pg-pool', where: 'user', account: 'postgres' }, null],
  // `httpAuth: 'user:password'`: the user is the part before the colon.
  [W.esLegacy, "new elasticsearch.Client({ host: process.env.ES_URL, httpAuth: 'elastic:changeme' });", 'option', { client: 'elasticsearch (legacy client)', where: 'httpAuth', account: 'elastic' }, null],
  [W.esModule, "ElasticsearchModule.register({ node: process.env.ES_URL, auth: { username: 'elastic', password: process.env.ES_PASSWORD } });", 'option', { client: '@nestjs/elasticsearch', where: 'auth.username', account: 'elastic' }, null],
  // Version 1's `{ config }`: `new Redis(config.url, config)`.
  [W.ioredisModule, "RedisModule.forRoot({ config: { url: process.env.REDIS_URL, username: 'default', password: process.env.REDIS_PASSWORD } });", 'option', { client: '@nestjs-modules/ioredis', where: 'config.username', account: 'default' }, null],
];

const plaintextCases: Case[] = [
  [W.clients, "ClientsModule.register([{ name: 'NATS', transport: Transport.NATS, options: { servers: ['nats://nats.internal:4222'] } }]);", 'plaintext', { client: 'Transport.NATS (nats)', scheme: 'nats', secure: '`tls: {}`' }, null],
];

ruleTests('no-unverified-tls through wrappers', unverified, {
  valid: [
    ...forms(W.typeormModule, "TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });"),
    ...forms(W.clients, "ClientsModule.register([{ name: 'EVENTS', transport: Transport.KAFKA, options: { client: { brokers: [process.env.KAFKA_BROKER], ssl: true } } }]);"),
    // A transport the catalog does not judge, and a module of the same name from elsewhere.
    ...forms(W.clients, "ClientsModule.register([{ name: 'TCP', transport: Transport.TCP, options: { tls: { rejectUnauthorized: false } } }]);"),
    { code: "import { TypeOrmModule } from './typeorm-lookalike';\nTypeOrmModule.forRoot({ type: 'postgres', ssl: { rejectUnauthorized: false } });" },
    { code: "import { BullModule } from '@nestjs/bull';\nBullModule.forRoot({ redis: config.redis });" },
    // Verified, and a module of the same name from elsewhere.
    ...forms(W.esModule, 'ElasticsearchModule.register({ node: process.env.ELASTICSEARCH_URL, tls: { ca: process.env.ES_CA } });'),
    ...forms(W.ioredisModule, "RedisModule.forRoot({ type: 'single', url: process.env.REDIS_URL, options: { tls: {} } });"),
    // Another package's RedisModule.
    { code: "import { RedisModule } from '@liaoliaots/nestjs-redis';\nRedisModule.forRoot({ config: { host: 'cache.internal', tls: { rejectUnauthorized: false } } });" },
    { code: "import { ElasticsearchModule } from './search';\nElasticsearchModule.register({ node: process.env.ES_URL, tls: { rejectUnauthorized: false } });" },
    { code: "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { pool } from './pool';\ndrizzle(pool, { schema });" },
    // generic-pool's pools and a local module named like pg-pool build no database client.
    { code: "import { createPool } from 'generic-pool';\ncreatePool(factory, { ssl: { rejectUnauthorized: false } });" },
    { code: "const Pool = require('./pg-pool');\nnew Pool({ ssl: { rejectUnauthorized: false } });", sourceType: 'commonjs' },
  ],
  invalid: invalid(unverifiedCases) as never[],
});

ruleTests('no-hardcoded-service-location through wrappers', location, {
  valid: [
    ...forms(W.typeormModule, "TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL });"),
    ...forms(W.connectRedis, 'const RedisStore = connectRedis(session);\nnew RedisStore({ client: redisClient });'),
    ...forms(W.cacheStore2, 'CacheModule.register({ store: redisStore, host: process.env.REDIS_HOST, port: 6379 });'),
    // Another store, or a store named so but not imported from the module.
    { code: "import * as memcachedStore from 'cache-manager-memcached-store';\nCacheModule.register({ store: memcachedStore, host: 'cache.internal' });" },
    { code: "const redisStore = { create() {} };\nCacheModule.register({ store: redisStore, host: 'cache.internal' });" },
    { code: "CacheModule.register({ store: 'memory', host: 'cache.internal' });" },
    ...forms(W.passportLdap, "new LdapStrategy({ server: { url: process.env.LDAP_URL, searchBase: 'dc=example,dc=org' } });"),
    // Another Passport strategy's options.
    { code: "import { Strategy } from 'passport-local';\nnew Strategy({ usernameField: 'email', server: { url: 'ldap://ldap.internal' } }, verify);" },
    // A file name convention or transport that is not a backing service.
    ...forms(W.clients, "ClientsModule.register([{ name: 'GW', transport: Transport.TCP, options: { host: 'gateway', port: 3001 } }]);"),
  ],
  invalid: invalid(locationCases) as never[],
});

ruleTests('no-privileged-service-account through wrappers', privileged, {
  valid: [
    ...forms(W.typeormModule, "TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, username: 'app' });"),
    // An unprivileged user, and a value with no user part.
    ...forms(W.esLegacy, "new elasticsearch.Client({ host: process.env.ES_URL, httpAuth: 'search-reader:s3cret' });"),
    ...forms(W.esLegacy, "new elasticsearch.Client({ host: process.env.ES_URL, httpAuth: 'elastic' });"),
  ],
  invalid: invalid(privilegedCases) as never[],
});

ruleTests('no-plaintext-service-url through wrappers', plaintext, {
  valid: forms(W.clients, "ClientsModule.register([{ name: 'NATS', transport: Transport.NATS, options: { servers: ['nats://nats.internal:4222'], tls: {} } }]);"),
  invalid: invalid(plaintextCases) as never[],
});

ruleTests('no-hardcoded-service-credentials through wrappers', credentials, {
  valid: forms(W.mailer, 'MailerModule.forRoot({ transport: process.env.SMTP_URL });'),
  invalid: invalid([[W.mailer, "MailerModule.forRoot({ transport: { host: process.env.SMTP_HOST, auth: { user: 'app', pass: 'mail-pw' } } });", 'option', { client: '@nestjs-modules/mailer', where: 'transport.auth.pass' }, null]]) as never[],
});

ruleTests('no-disabled-tls through wrappers', disabled, {
  valid: forms(W.mailer, 'MailerModule.forRoot({ transport: { host: process.env.SMTP_HOST, requireTLS: true } });'),
  invalid: invalid([
    [W.mailer, 'MailerModule.forRoot({ transport: { host: process.env.SMTP_HOST, ignoreTLS: true } });', 'disabled', { client: '@nestjs-modules/mailer' }, null],
    [W.drizzleKit, "export default defineConfig({ dialect: 'postgresql', dbCredentials: { host: process.env.DB_HOST, ssl: false } });", 'disabled', { client: 'drizzle-kit' }, ['ssl: false', "ssl: 'verify-full'"]],
    [W.pgPool, 'new Pool({ host: process.env.PGHOST, ssl: false });', 'disabled', { client: 'pg-pool' }, ['ssl: false', 'ssl: { rejectUnauthorized: true }']],
  ]) as never[],
});
