import rule from '../../src/rules/no-unverified-tls';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

/** A library import in both module systems; `body` uses the bound names. */
interface Lib {
  esm: string;
  cjs: string;
}

const L = {
  pg: { esm: "import pg from 'pg';\nconst { Pool, Client } = pg;", cjs: "const { Pool, Client } = require('pg');" },
  pgDefault: { esm: "import pg from 'pg';", cjs: "const pg = require('pg');" },
  pgNamed: { esm: "import { Pool as P } from 'pg';", cjs: "const P = require('pg').Pool;" },
  postgres: { esm: "import postgres from 'postgres';", cjs: "const postgres = require('postgres');" },
  mysql: { esm: "import mysql from 'mysql';", cjs: "const mysql = require('mysql');" },
  mysql2: { esm: "import mysql from 'mysql2/promise';", cjs: "const mysql = require('mysql2');" },
  mongodb: { esm: "import { MongoClient } from 'mongodb';", cjs: "const { MongoClient } = require('mongodb');" },
  mongoose: { esm: "import mongoose from 'mongoose';", cjs: "const mongoose = require('mongoose');" },
  ioredis: { esm: "import Redis from 'ioredis';", cjs: "const Redis = require('ioredis');" },
  redis: { esm: "import { createClient } from 'redis';", cjs: "const { createClient } = require('redis');" },
  amqplib: { esm: "import * as amqp from 'amqplib';", cjs: "const amqp = require('amqplib');" },
  kafkajs: { esm: "import { Kafka } from 'kafkajs';", cjs: "const { Kafka } = require('kafkajs');" },
  nodemailer: { esm: "import nodemailer from 'nodemailer';", cjs: "const nodemailer = require('nodemailer');" },
  elastic: { esm: "import { Client } from '@elastic/elasticsearch';", cjs: "const { Client } = require('@elastic/elasticsearch');" },
  opensearch: { esm: "import { Client } from '@opensearch-project/opensearch';", cjs: "const { Client } = require('@opensearch-project/opensearch');" },
  knex: { esm: "import knex from 'knex';", cjs: "const knex = require('knex');" },
  sequelize: { esm: "import { Sequelize } from 'sequelize';", cjs: "const { Sequelize } = require('sequelize');" },
  typeorm: { esm: "import { DataSource } from 'typeorm';", cjs: "const { DataSource } = require('typeorm');" },
  mssql: { esm: "import sql from 'mssql';", cjs: "const sql = require('mssql');" },
  tedious: { esm: "import { Connection } from 'tedious';", cjs: "const { Connection } = require('tedious');" },
  nats: { esm: "import { connect } from 'nats';", cjs: "const { connect } = require('nats');" },
  cassandra: { esm: "import cassandra from 'cassandra-driver';", cjs: "const cassandra = require('cassandra-driver');" },
  ldapjs: { esm: "import ldap from 'ldapjs';", cjs: "const ldap = require('ldapjs');" },
  bullmq: { esm: "import { Queue, Worker } from 'bullmq';", cjs: "const { Queue, Worker } = require('bullmq');" },
  prisma: { esm: "import { PrismaClient } from '@prisma/client';", cjs: "const { PrismaClient } = require('@prisma/client');" },
  s3: { esm: "import { S3Client } from '@aws-sdk/client-s3';", cjs: "const { S3Client } = require('@aws-sdk/client-s3');" },
  ws: { esm: "import WebSocket from 'ws';", cjs: "const WebSocket = require('ws');" },
  https: { esm: "import https from 'node:https';", cjs: "const https = require('https');" },
  tls: { esm: "import * as tls from 'tls';", cjs: "const tls = require('node:tls');" },
} satisfies Record<string, Lib>;

/**
 * `[library, body, suggestion]`: one finding each, tested as ESM and as CommonJS. The suggestion
 * is the `[from, to]` edit it offers, or null when it offers none.
 */
const insecure: Array<[Lib, string, [string, string] | null]> = [
  [L.pg, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=no-verify');", ['sslmode=no-verify', 'sslmode=verify-full']],
  [L.pg, "new Client({ connectionString: 'postgres://db.example.com/app?uselibpqcompat=true&sslmode=require' });", ['sslmode=require', 'sslmode=verify-full']],
  [L.pg, "new Pool({ ssl: { checkServerIdentity: () => undefined } });", ['{ checkServerIdentity: () => undefined }', '{  }']],
  [L.pgNamed, "const ssl = { rejectUnauthorized: false };\nconst options = { max: 5, ssl };\nnew P({ ...options });", null],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'require' });", null],
  [L.postgres, "postgres('postgres://db.example.com/app?sslmode=require');", ['sslmode=require', 'sslmode=verify-full']],
  [L.mysql, "mysql.createConnection({ host: process.env.DB_HOST, ssl: true });", null],
  [L.mysql, "mysql.createPool({ ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.mysql2, "mysql.createPool({ uri: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false, verifyIdentity: true } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.mysql2, "mysql.createConnection({ ssl: { ca: process.env.DB_CA } });", null],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tlsAllowInvalidCertificates: true });", ['Certificates: true', 'Certificates: false']],
  [L.mongodb, "MongoClient.connect('mongodb+srv://cluster0.example.net/app?tlsInsecure=true');", ['tlsInsecure=true', 'tlsInsecure=false']],
  [L.mongoose, "mongoose.connect(process.env.MONGODB_URI, { tlsAllowInvalidHostnames: true });", ['Hostnames: true', 'Hostnames: false']],
  [L.mongoose, "mongoose.createConnection(process.env.MONGODB_URI, { tls: true, rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.ioredis, "new Redis(process.env.REDIS_URL, { tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.ioredis, "new Redis.Cluster([{ host: 'a' }], { redisOptions: { tls: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.redis, "createClient({ url: process.env.REDIS_URL, socket: { tls: true, rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.amqplib, "amqp.connect(process.env.AMQP_URL, { rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER], ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.nodemailer, "nodemailer.createTransport({ host: process.env.SMTP_HOST, tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.nodemailer, "nodemailer.createTransport('smtps://smtp.example.com?tls.rejectUnauthorized=false');", ['rejectUnauthorized=false', 'rejectUnauthorized=true']],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.opensearch, "new Client({ node: process.env.OPENSEARCH_URL, ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.knex, "knex({ client: 'pg', connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', dialectOptions: { ssl: { require: true, rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql' });", null],
  [L.typeorm, "new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { ssl: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { trustServerCertificate: true } });", ['Certificate: true', 'Certificate: false']],
  [L.mssql, "new sql.ConnectionPool('Server=db.example.com;Database=app;Encrypt=true;TrustServerCertificate=true');", ['TrustServerCertificate=true', 'TrustServerCertificate=false']],
  [L.tedious, "new Connection({ server: process.env.DB_SERVER, options: { trustServerCertificate: true } });", ['Certificate: true', 'Certificate: false']],
  [L.nats, "connect({ servers: process.env.NATS_URL, tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', sslOptions: {} });", null],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL, tlsOptions: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.bullmq, "new Queue('mail', { connection: { url: process.env.REDIS_URL, tls: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.bullmq, "new Worker('mail', async () => {}, { connection: { tls: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'postgresql://db.example.com/app?sslaccept=accept_invalid_certs' });", ['sslaccept=accept_invalid_certs', 'sslaccept=strict']],
  [L.s3, "new S3Client({ requestHandler: { httpsAgent: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.ws, "new WebSocket('wss://relay.example.com', { rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.https, "new https.Agent({ rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.https, "https.globalAgent.options.rejectUnauthorized = false;", ['= false', '= true']],
  [L.tls, "tls.connect({ host: process.env.HOST, port: 443, rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.pgDefault, 'pg.defaults.ssl = { rejectUnauthorized: false };', ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
];

const secure: Array<[Lib, string]> = [
  [L.pg, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });"],
  [L.pg, "new Client('postgres://db.example.com/app?ssl=false');"],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=require');"],
  [L.pg, "new Pool({ ssl: { rejectUnauthorized: process.env.DB_VERIFY !== 'false' } });"],
  [L.pg, "new Pool({ ssl: { checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) } });"],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'verify-full' });"],
  [L.mysql2, "mysql.createPool({ ssl: { ca: process.env.DB_CA, verifyIdentity: true } });"],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tlsAllowInvalidCertificates: false });"],
  [L.redis, "createClient({ url: process.env.REDIS_URL, socket: { tls: true } });"],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, caFingerprint: process.env.ES_FINGERPRINT, tls: { rejectUnauthorized: false } });"],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', sslOptions: { rejectUnauthorized: true } });"],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { encrypt: true, trustServerCertificate: false } });"],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql', dialectOptions: { options: { trustServerCertificate: false } } });"],
  [L.https, "new https.Agent({ keepAlive: true });"],
  [L.pg, "new Pool({ ssl: getSsl() });"],
];

function forms(lib: Lib, body: string): Array<{ code: string; sourceType: 'module' | 'commonjs' }> {
  return [
    { code: `${lib.esm}\n${body}`, sourceType: 'module' },
    { code: `${lib.cjs}\n${body}`, sourceType: 'commonjs' },
  ];
}

const invalid: InvalidCase[] = insecure.flatMap(([lib, body, edit]) =>
  forms(lib, body).map((form) => ({
    ...form,
    errors: [
      {
        messageId: expectedId(body),
        suggestions: edit ? [{ messageId: 'suggestSecure', output: form.code.replace(edit[0], edit[1]) }] : [],
      },
    ],
  })),
);

function expectedId(body: string): string {
  return /globalAgent|defaults\./.test(body) ? 'globalDefault' : 'unverified';
}

/** Look-alikes: the same option names on things that are not backing-service clients. */
const lookalikes: ValidCase[] = [
  { code: "module.exports = { devServer: { https: true, server: { options: { rejectUnauthorized: false } } } };", sourceType: 'commonjs' },
  { code: "import session from 'express-session';\napp.use(session({ cookie: { secure: false } }));" },
  { code: "import cors from 'cors';\napp.use(cors({ origin: 'http://localhost:3000', credentials: true }));" },
  { code: "import { createClient } from '@supabase/supabase-js';\ncreateClient(url, key, { rejectUnauthorized: false });" },
  { code: "import { createClient } from './redis-wrapper';\ncreateClient({ socket: { tls: true, rejectUnauthorized: false } });" },
  { code: "function Pool(options) {}\nnew Pool({ ssl: { rejectUnauthorized: false } });" },
  { code: "const { Pool } = require('pg');\nfunction make(Pool) { return new Pool({ ssl: { rejectUnauthorized: false } }); }", sourceType: 'commonjs' },
  { code: "const options = { rejectUnauthorized: false };\nfetch(url, options);" },
  { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';" },
  { code: "const process = { env: {} };\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';" },
  { code: "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warn();" },
  { code: "import { Pool } from 'pg';\nnew Pool({ ssl: { rejectUnauthorized: config.verify } });" },
  { code: "import { Pool } from 'pg';\nlet ssl = { rejectUnauthorized: true };\nssl = load();\nnew Pool({ ssl });" },
];

ruleTests('no-unverified-tls', rule, {
  valid: [...secure.flatMap(([lib, body]) => forms(lib, body)), ...lookalikes],
  invalid: [
    ...invalid,
    {
      name: 'suggestion flips rejectUnauthorized when the object is local to the call',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: { rejectUnauthorized: false } });",
      errors: [
        {
          messageId: 'unverified',
          line: 2,
          suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { rejectUnauthorized: true } });" }],
        },
      ],
    },
    {
      name: 'no suggestion when the options live outside the call',
      code: "import { Pool } from 'pg';\nconst ssl = { rejectUnauthorized: false };\nnew Pool({ ssl });",
      errors: [{ messageId: 'unverified', line: 2, suggestions: [] }],
    },
    {
      name: 'suggestion rewrites sslmode in a URL literal',
      code: "import { Client } from 'pg';\nnew Client('postgres://db.example.com/app?sslmode=no-verify');",
      errors: [
        {
          messageId: 'unverified',
          suggestions: [{ messageId: 'suggestSecure', output: "import { Client } from 'pg';\nnew Client('postgres://db.example.com/app?sslmode=verify-full');" }],
        },
      ],
    },
    {
      name: 'no-op checkServerIdentity removed by the suggestion',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: { ca, checkServerIdentity() {} } });",
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { ca,  } });" }] }],
    },
    {
      name: 'a TLS setting in one branch of a conditional',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: isProd ? { rejectUnauthorized: false } : false });",
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ ssl: isProd ? { rejectUnauthorized: true } : false });" }] }],
    },
    {
      name: 'options from a same-file function',
      code: "import { Pool } from 'pg';\nfunction options() { return { ssl: { rejectUnauthorized: false } }; }\nnew Pool(options());",
      errors: [{ messageId: 'unverified', line: 2, suggestions: [] }],
    },
    {
      name: 'options through Object.assign',
      code: "import { Pool } from 'pg';\nconst base = { max: 10 };\nnew Pool(Object.assign({}, base, { ssl: { rejectUnauthorized: false } }));",
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nconst base = { max: 10 };\nnew Pool(Object.assign({}, base, { ssl: { rejectUnauthorized: true } }));" }] }],
    },
    {
      name: 'require inside a function, chained call',
      code: "function db() { return require('mysql2').createPool({ ssl: { rejectUnauthorized: false, verifyIdentity: true } }).promise(); }",
      sourceType: 'commonjs',
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "function db() { return require('mysql2').createPool({ ssl: { rejectUnauthorized: true, verifyIdentity: true } }).promise(); }" }] }],
    },
    {
      name: 'TypeScript casts and satisfies',
      code: "import { Pool, type PoolConfig } from 'pg';\nconst config = { ssl: { rejectUnauthorized: false } as const } satisfies PoolConfig;\nnew Pool(config as PoolConfig);",
      tsOnly: true,
      errors: [{ messageId: 'unverified', suggestions: [] }],
    },
    { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", errors: [{ messageId: 'processWide', data: { value: "'0'" } }] },
    { code: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;", errors: [{ messageId: 'processWide', data: { value: '0' } }] },
    { code: "Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0' });", errors: [{ messageId: 'processWide' }] },
    { code: "const off = '0';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = off;", sourceType: 'commonjs', errors: [{ messageId: 'processWide' }] },
  ],
});
