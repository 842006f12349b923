import { amqplibDriver } from './amqplib';
import { cassandraDriver } from './cassandra';
import { kafkajsDriver } from './kafkajs';
import { mongodbDriver, mongooseDriver } from './mongodb';
import { mssqlDriver, tediousDriver } from './mssql';
import { mysqlDriver } from './mysql';
import { mysql2Driver } from './mysql2';
import { natsDriver } from './nats';
import { nodemailerDriver } from './nodemailer';
import { knexDrivers, sequelizeDrivers, typeormDrivers } from './orm';
import { pgDriver } from './pg';
import { postgresJsDriver } from './postgres';
import { bullmqDriver, ioredisDriver, redisDriver } from './redis';
import { elasticDriver, opensearchDriver } from './search';
import { catalog } from '../../../src/catalog';
import type { Driver } from './types';
import { ldapjsDriver, ldaptsDriver, nodeTlsDriver, socketIoDriver, wsDriver } from './web';

/** Every driven library (and each driver of a multi-driver library). */
export const DRIVERS: readonly Driver[] = [
  pgDriver,
  postgresJsDriver,
  mysql2Driver,
  mysqlDriver,
  mongodbDriver,
  mongooseDriver,
  ioredisDriver,
  redisDriver,
  bullmqDriver,
  amqplibDriver,
  kafkajsDriver,
  nodemailerDriver,
  elasticDriver,
  opensearchDriver,
  natsDriver,
  cassandraDriver,
  tediousDriver,
  mssqlDriver,
  ...knexDrivers,
  ...sequelizeDrivers,
  ...typeormDrivers,
  ldapjsDriver,
  ldaptsDriver,
  wsDriver,
  socketIoDriver,
  nodeTlsDriver,
];

/** Catalog libraries the oracle does not run, and exactly why (wrappers: see below). */
const UNDRIVEN: Readonly<Record<string, string>> = {
  memjs: 'no TLS at all (net.connect only): nothing to verify',
  memcached: 'no TLS at all (net.Stream only): nothing to verify',
  '@prisma/client': 'Prisma ≤6 connects from its Rust query engine, a binary downloaded at install time (not possible here); Prisma 7 delegates TLS to a driver adapter (pg, mssql, mariadb) that is driven on its own',
  '@aws-sdk/client-*': 'not a devDependency: an S3-compatible HTTPS endpoint would be driven like @elastic/elasticsearch',
  'aws-sdk': 'not a devDependency, and end of support since 2025-09-08',
  minio: 'not a devDependency: an https endpoint with Node\'s own agent, which would be driven like @elastic/elasticsearch',
  mqtt: 'not a devDependency: MQTT over TLS is direct TLS, and would be driven like amqplib',
  'node-nats-streaming': 'not a devDependency, deprecated with NATS Streaming; it connects through nats 1.x (not installed here), whose TLS upgrade on the server\'s INFO would be driven like nats',
  elasticsearch: 'the legacy client (deprecated since 2020), not a devDependency',
  '@mikro-orm/core': 'not a devDependency; its `driverOptions` reach knex, pg or mysql2, which are driven',
  'prisma/config': "Prisma 7's CLI configuration: the schema engine that reads its URL is a binary downloaded at install time (not possible here), and the catalog makes no TLS claim for it",
  'drizzle-kit': 'a migration CLI, not a devDependency: it turns `ssl` modes into pg options before connecting with pg or postgres.js, which are driven',
  'strapi-connector-mongoose': "Strapi 3's connector, not a devDependency: it hands mongoose the URI and only `ssl` (true when `options.ssl` is true or 'true', else false), `user`, `pass`, `authSource` and `dbName`, and the catalog judges them by mongoose's facts, which are driven",
  'egg-knex': "an Egg.js plugin, not a devDependency: it hands each instance's options to knex as they are, `dialect` standing for `client`, and the catalog judges them by knex's facts, which are driven",
  directus: 'an application, not a devDependency: its flat `DB_*` keys become the options of knex and pg (`DB_SSL__REJECT_UNAUTHORIZED` is `ssl.rejectUnauthorized`, `DB_CONNECTION_STRING` pg\'s own URL), and the catalog judges them by pg\'s facts, which are driven',
};

/**
 * Wrappers (`wraps`: NestJS modules, session stores, drizzle, pg-pool) carry their client's facts,
 * moved under a prefix where they nest them (src/catalog/rebase.ts), and build that client: the
 * client's driver covers them.
 */
const WRAPPERS: Readonly<Record<string, string>> = Object.fromEntries(
  catalog
    .filter((entry) => entry.wraps !== undefined && !(entry.id in UNDRIVEN))
    .map((entry) => [entry.id, `builds a ${entry.wraps} client from its options, judged by ${entry.wraps}'s own facts: covered by ${entry.wraps}`]),
);

export const NOT_DRIVEN: Readonly<Record<string, string>> = { ...UNDRIVEN, ...WRAPPERS };
