import { builtinModules } from 'node:module';
import { amqplib } from './amqplib';
import { amqpConnectionManager } from './amqp-connection-manager';
import { awsSdk } from './aws-sdk';
import { awsSdkV2 } from './aws-sdk-v2';
import { bullmq } from './bullmq';
import { cassandra } from './cassandra';
import { elasticsearch } from './elasticsearch';
import { ioredis } from './ioredis';
import { kafkajs } from './kafkajs';
import { knex } from './knex';
import { ldapjs } from './ldapjs';
import { ldapts } from './ldapts';
import { memcached } from './memcached';
import { memjs } from './memjs';
import { mongodb } from './mongodb';
import { mongoose } from './mongoose';
import { mssql } from './mssql';
import { mysql } from './mysql';
import { mysql2 } from './mysql2';
import { nats } from './nats';
import { nodeTls } from './node-tls';
import { nodemailer } from './nodemailer';
import { opensearch } from './opensearch';
import { pg } from './pg';
import { postgres } from './postgres';
import { prisma } from './prisma';
import { redis } from './redis';
import { sequelize } from './sequelize';
import { socketIoClient } from './socket-io-client';
import { tedious } from './tedious';
import { typeorm } from './typeorm';
import type { CatalogEntry, ServiceKind } from './types';
import { ws } from './ws';
import { bull } from './bull';
import { cacheManagerIoredis } from './cache-manager-ioredis';
import { catboxRedis } from './catbox-redis';
import { expressCassandra } from './express-cassandra';
import { fastifyPostgres } from './fastify-postgres';
import { fastifyRedis } from './fastify-redis';
import { keyvRedis } from './keyv-redis';
import { cacheManagerRedis } from './cache-manager-redis';
import { connectMongo } from './connect-mongo';
import { connectMongodbSession } from './connect-mongodb-session';
import { connectRedis } from './connect-redis';
import { drizzleMysql2, drizzleNodePostgres, drizzlePostgresJs } from './drizzle';
import { drizzleKit } from './drizzle-kit';
import { elasticsearchLegacy } from './elasticsearch-legacy';
import { mikroOrm } from './mikro-orm';
import { mqtt } from './mqtt';
import { nestjsBull } from './nestjs-bull';
import { nestjsBullmq } from './nestjs-bullmq';
import { nestjsMailer } from './nestjs-mailer';
import {
  nestjsCoreMicroservice,
  nestjsMicroservices,
  nestTransportKafka,
  nestTransportMqtt,
  nestTransportNats,
  nestTransportRedis,
  nestTransportRmq,
} from './nestjs-microservices';
import { nestjsMongoose } from './nestjs-mongoose';
import { nestjsElasticsearch } from './nestjs-elasticsearch';
import { nestjsIoredis } from './nestjs-ioredis';
import { nestjsTypeorm } from './nestjs-typeorm';
import { socketIoRedis } from './socket-io-redis';
import { strapiBookshelf } from './strapi-bookshelf';
import { strapiMongoose } from './strapi-mongoose';
import { eggKnex } from './egg-knex';
import { pgPool } from './pg-pool';
import { directus } from './directus';
import { ldapauthFork, passportLdapauth } from './ldapauth-fork';
import { nodeNatsStreaming } from './node-nats-streaming';
import { prismaConfig } from './prisma-config';
import { minio } from './minio';

export type * from './types';

/** Every client library the rules and codemods know, one entry per npm package (family). */
export const catalog: readonly CatalogEntry[] = [
  pg,
  postgres,
  mysql,
  mysql2,
  mongodb,
  mongoose,
  ioredis,
  redis,
  bullmq,
  amqplib,
  kafkajs,
  nodemailer,
  elasticsearch,
  opensearch,
  knex,
  sequelize,
  typeorm,
  prisma,
  prismaConfig,
  mssql,
  tedious,
  nats,
  cassandra,
  ldapjs,
  ldapts,
  memjs,
  memcached,
  awsSdk,
  awsSdkV2,
  minio,
  ws,
  socketIoClient,
  nodeTls,
  mqtt,
  nodeNatsStreaming,
  // Legacy clients, framework wrappers and config conventions, judged by the facts of the
  // client they configure (`wraps`).
  bull,
  elasticsearchLegacy,
  nestjsTypeorm,
  nestjsMongoose,
  nestjsElasticsearch,
  nestjsIoredis,
  nestjsBull,
  nestjsBullmq,
  nestjsMicroservices,
  nestjsCoreMicroservice,
  nestTransportRedis,
  nestTransportRmq,
  nestTransportKafka,
  nestTransportNats,
  nestTransportMqtt,
  nestjsMailer,
  connectRedis,
  connectMongo,
  connectMongodbSession,
  cacheManagerRedis,
  cacheManagerIoredis,
  fastifyRedis,
  fastifyPostgres,
  catboxRedis,
  expressCassandra,
  keyvRedis,
  socketIoRedis,
  drizzleNodePostgres,
  drizzlePostgresJs,
  drizzleMysql2,
  drizzleKit,
  mikroOrm,
  strapiBookshelf,
  strapiMongoose,
  eggKnex,
  pgPool,
  directus,
  amqpConnectionManager,
  ldapauthFork,
  passportLdapauth,
];

const byId: ReadonlyMap<string, CatalogEntry> = new Map(catalog.map((entry) => [entry.id, entry]));
const byModule: ReadonlyMap<string, CatalogEntry> = new Map(catalog.flatMap((entry) => entry.modules.map((m) => [m, entry] as const)));
/** Longest prefix first, so a more specific family wins. */
const prefixed: readonly CatalogEntry[] = catalog
  .filter((entry) => entry.modulePrefix !== undefined)
  .sort((a, b) => b.modulePrefix!.length - a.modulePrefix!.length);

export function entryById(id: string): CatalogEntry | undefined {
  return byId.get(id);
}

/**
 * The entry an import specifier resolves to: an exact module name first, then a module prefix
 * (`@aws-sdk/client-s3`). `node:x` also finds an entry listing the bare built-in `x`.
 */
export function entryForModule(specifier: string): CatalogEntry | undefined {
  const exact = byModule.get(specifier);
  if (exact) return exact;
  for (const entry of prefixed) {
    const prefix = entry.modulePrefix!;
    if (specifier.length > prefix.length && specifier.startsWith(prefix)) return entry;
  }
  // `node:tls` for an entry that lists only `tls`; never `node:pg`, which is not a built-in.
  if (specifier.startsWith('node:')) {
    const bare = specifier.slice('node:'.length);
    if (builtinModules.includes(bare)) return byModule.get(bare);
  }
  return undefined;
}

/**
 * Names whose quoted appearance in a file (`'pg'`, `"mysql2/promise"`, `'@aws-sdk/...`) is
 * needed before any client can be built there: every module name, and for each module prefix
 * the part before its last `/` (`@aws-sdk`), which is always followed by `/` in a specifier.
 * Longest first, so an alternation built from them prefers the longer name.
 */
export const catalogModuleNames: readonly string[] = [
  ...new Set(
    catalog.flatMap((entry) => [
      ...entry.modules,
      ...(entry.modulePrefix === undefined ? [] : [entry.modulePrefix.slice(0, entry.modulePrefix.lastIndexOf('/'))]),
    ]),
  ),
].sort((a, b) => b.length - a.length || a.localeCompare(b));

/**
 * Undeclared global names read as a catalog module (`nodemailer`), to that module. A wrapper
 * that copies its client's entry (`@nestjs-modules/mailer`) does not take its global too.
 */
export const catalogGlobalNames: ReadonlyMap<string, string> = new Map(
  catalog.flatMap((entry) => (entry.wraps === undefined ? (entry.globalNames ?? []) : []).map((name): [string, string] => [name, entry.modules[0]!])),
);

/** Parameter names read as a catalog module when a caller hands it in (`(mongoose) => ...`), to that module. */
export const catalogParameterNames: ReadonlyMap<string, string> = new Map(
  catalog.flatMap((entry) => (entry.wraps === undefined ? (entry.parameterNames ?? []) : []).map((name): [string, string] => [name, entry.modules[0]!])),
);

/** Entries whose conventional environment variable (or an alias of it) is `name`. */
export function entriesForEnvVar(name: string): CatalogEntry[] {
  return catalog.filter((entry) => entry.envVar === name || entry.envVarAliases.includes(name));
}

/** Service kinds by conventional environment variable name (`REDIS_URL` -> redis). */
export const servicesByEnvVar: ReadonlyMap<string, readonly ServiceKind[]> = (() => {
  const map = new Map<string, ServiceKind[]>();
  for (const entry of catalog) {
    for (const name of [entry.envVar, ...entry.envVarAliases]) {
      const kinds = map.get(name) ?? [];
      if (!kinds.includes(entry.service)) kinds.push(entry.service);
      map.set(name, kinds);
    }
  }
  return map;
})();

/**
 * Whether a factory path from the catalog matches the path at which a module's export was
 * called. Paths are `.`-separated and must have the same number of segments; a `*` in a
 * factory segment stands for one or more characters other than `.`, `(` and `)`
 * (`'*Client'` matches `'S3Client'`, not `'Client'` nor `'S3Client().send'`).
 */
export function factoryMatches(factoryPath: string, actualPath: string): boolean {
  if (!factoryPath.includes('*')) return factoryPath === actualPath;
  const expected = factoryPath.split('.');
  const actual = actualPath.split('.');
  if (expected.length !== actual.length) return false;
  return expected.every((segment, i) => segmentMatches(segment, actual[i]!));
}

function segmentMatches(pattern: string, segment: string): boolean {
  if (!pattern.includes('*')) return pattern === segment;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^.()]+');
  return new RegExp(`^${source}$`).test(segment);
}
