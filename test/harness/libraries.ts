/**
 * Library imports shared by every rule test: one ES module header and one CommonJS header per
 * library; a case's `body` uses the names they bind. Headers are one line unless noted, so
 * `line` assertions hold in both module systems.
 */
export interface Lib {
  esm: string;
  cjs: string;
}

export const L = {
  /** Two lines in ESM (`pg` is CommonJS: its default export holds the classes). */
  pg: { esm: "import pg from 'pg';\nconst { Pool, Client } = pg;", cjs: "const { Pool, Client } = require('pg');" },
  pgDefault: { esm: "import pg from 'pg';", cjs: "const pg = require('pg');" },
  /** Named imports: one line in both forms. */
  pgNamed: { esm: "import { Pool, Client } from 'pg';", cjs: "const { Pool, Client } = require('pg');" },
  pgAlias: { esm: "import { Pool as P } from 'pg';", cjs: "const P = require('pg').Pool;" },
  postgres: { esm: "import postgres from 'postgres';", cjs: "const postgres = require('postgres');" },
  mysql: { esm: "import mysql from 'mysql';", cjs: "const mysql = require('mysql');" },
  mysql2: { esm: "import mysql from 'mysql2/promise';", cjs: "const mysql = require('mysql2');" },
  mongodb: { esm: "import { MongoClient } from 'mongodb';", cjs: "const { MongoClient } = require('mongodb');" },
  mongoose: { esm: "import mongoose from 'mongoose';", cjs: "const mongoose = require('mongoose');" },
  ioredis: { esm: "import Redis from 'ioredis';", cjs: "const Redis = require('ioredis');" },
  redis: { esm: "import { createClient, createCluster } from 'redis';", cjs: "const { createClient, createCluster } = require('redis');" },
  amqplib: { esm: "import * as amqp from 'amqplib';", cjs: "const amqp = require('amqplib');" },
  kafkajs: { esm: "import { Kafka } from 'kafkajs';", cjs: "const { Kafka } = require('kafkajs');" },
  mqtt: { esm: "import mqtt from 'mqtt';", cjs: "const mqtt = require('mqtt');" },
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
  ldapts: { esm: "import { Client } from 'ldapts';", cjs: "const { Client } = require('ldapts');" },
  memcached: { esm: "import Memcached from 'memcached';", cjs: "const Memcached = require('memcached');" },
  memjs: { esm: "import memjs from 'memjs';", cjs: "const memjs = require('memjs');" },
  bullmq: { esm: "import { Queue, Worker } from 'bullmq';", cjs: "const { Queue, Worker } = require('bullmq');" },
  prisma: { esm: "import { PrismaClient } from '@prisma/client';", cjs: "const { PrismaClient } = require('@prisma/client');" },
  prismaConfig: { esm: "import { defineConfig, env } from 'prisma/config';", cjs: "const { defineConfig, env } = require('prisma/config');" },
  minio: { esm: "import * as Minio from 'minio';", cjs: "const Minio = require('minio');" },
  s3: { esm: "import { S3Client } from '@aws-sdk/client-s3';", cjs: "const { S3Client } = require('@aws-sdk/client-s3');" },
  awsV2: { esm: "import AWS from 'aws-sdk';", cjs: "const AWS = require('aws-sdk');" },
  ws: { esm: "import WebSocket from 'ws';", cjs: "const WebSocket = require('ws');" },
  socketio: { esm: "import { io } from 'socket.io-client';", cjs: "const { io } = require('socket.io-client');" },
  https: { esm: "import https from 'node:https';", cjs: "const https = require('https');" },
  tls: { esm: "import * as tls from 'tls';", cjs: "const tls = require('node:tls');" },
  acm: { esm: "import amqp from 'amqp-connection-manager';", cjs: "const amqp = require('amqp-connection-manager');" },
  acmNamed: { esm: "import { connect } from 'amqp-connection-manager';", cjs: "const { connect } = require('amqp-connection-manager');" },
  stan: { esm: "import stan from 'node-nats-streaming';", cjs: "const stan = require('node-nats-streaming');" },
  ldapauth: { esm: "import LdapAuth from 'ldapauth-fork';", cjs: "const LdapAuth = require('ldapauth-fork');" },
  ldapauthParent: { esm: "import LdapAuth from 'ldapauth';", cjs: "const LdapAuth = require('ldapauth');" },
  /** No import: a body that builds no client (an empty header line keeps line numbers alike). */
  none: { esm: '', cjs: '' },
} satisfies Record<string, Lib>;

/**
 * The same body under the ES module header and the CommonJS header, named by its body. The
 * CommonJS body has its `export`s rewritten (ESLint 9's tester rejects `export` in CommonJS).
 */
export function forms(lib: Lib, body: string): Array<{ code: string; sourceType: 'module' | 'commonjs'; name: string }> {
  return [
    { code: `${lib.esm}\n${body}`, sourceType: 'module', name: `esm: ${body}` },
    { code: `${lib.cjs}\n${toCommonJs(body)}`, sourceType: 'commonjs', name: `cjs: ${body}` },
  ];
}

/** The same body without ESM syntax: `export default x` → `module.exports = x`, `export const` → `const`. */
function toCommonJs(body: string): string {
  return body
    .replace(/^export default /gm, 'module.exports = ')
    .replace(/^export \{([^}]*)\};?$/gm, 'module.exports = {$1};')
    .replace(/^export (const|let|function|async function|class) /gm, '$1 ');
}
