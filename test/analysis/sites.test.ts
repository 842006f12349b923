import { describe, expect, it } from 'vitest';
import { HOLE } from '../../src/policy/value';
import { withAnalysis } from './probe';

type Options = { ts?: boolean; sourceType?: 'module' | 'commonjs' };

/** `library:factory` for every client site found in `code`. */
function sites(code: string, options?: Options): string[] {
  return withAnalysis(code, (analysis) => analysis.sites.map((s) => `${s.entry.id}:${s.factory?.path ?? s.origin}`), options);
}

describe('client sites are resolved through imports, never by name', () => {
  it.each([
    ['default import', "import pg from 'pg';\nnew pg.Pool();", ['pg:Pool']],
    ['named import with alias', "import { Pool as P } from 'pg';\nnew P();", ['pg:Pool']],
    ['namespace import', "import * as pg from 'pg';\nnew pg.Client();\nnew pg.default.Pool();", ['pg:Client', 'pg:Pool']],
    ['destructured from a default import', "import pg from 'pg';\nconst { Pool } = pg;\nnew Pool();", ['pg:Pool']],
    ['alias of a member', "import pg from 'pg';\nconst P = pg.Pool;\nnew P();", ['pg:Pool']],
    ['callable module', "import knex from 'knex';\nknex({ client: 'pg' });", ['knex:']],
    ['static member', "import Redis from 'ioredis';\nnew Redis.Cluster([]);", ['ioredis:Cluster']],
    ['method on a call result', "import mysql from 'mysql2';\nconst cluster = mysql.createPoolCluster();\ncluster.add({ host: 'a' });", ['mysql2:createPoolCluster().add']],
    ['prefixed module family', "import { S3Client } from '@aws-sdk/client-s3';\nnew S3Client({});", ['@aws-sdk/client-*:*Client']],
    ['node: built-in', "import https from 'node:https';\nnew https.Agent({});", ['node:tls:Agent']],
  ])('%s', (_name, code, expected) => {
    expect(sites(code)).toEqual(expected);
  });

  it.each([
    ['require at top level', "const { Pool } = require('pg');\nnew Pool();", ['pg:Pool']],
    ['require inside a function', "function make() { return new (require('pg').Client)(); }", ['pg:Client']],
    ['require with chained call', "module.exports = require('mysql2').createPool({}).promise();", ['mysql2:createPool']],
    ['require assigned later', "let pg;\npg = require('pg');\nnew pg.Pool();", ['pg:Pool']],
    ['nested destructuring', "const { native: { Pool } } = require('pg');\nnew Pool();", ['pg:native.Pool']],
  ])('%s', (_name, code, expected) => {
    expect(sites(code, { sourceType: 'commonjs' })).toEqual(expected);
  });

  it('TypeScript import-equals and type-only imports', () => {
    expect(sites("import pg = require('pg');\nnew pg.Pool();", { ts: true, sourceType: 'commonjs' })).toEqual(['pg:Pool']);
    expect(sites("import type { Pool } from 'pg';\ndeclare const Pool: any;\nnew Pool();", { ts: true })).toEqual([]);
  });

  it.each([
    ['a local class of the same name', "class Pool {}\nnew Pool();"],
    ['another package with the same export', "import { createClient } from '@supabase/supabase-js';\ncreateClient(url, key);"],
    ['a relative module', "import { Pool } from './pg';\nnew Pool();"],
    ['a shadowed require', "function load(require) { return new (require('pg').Pool)(); }"],
    ['a dynamic specifier', "const name = 'pg';\nnew (require(name).Pool)();"],
    ['a parameter shadowing the import', "import { Pool } from 'pg';\nfunction f(Pool) { return new Pool(); }"],
    ['a look-alike module name', "import { Pool } from 'pg-pool-lookalike';\nnew Pool();"],
  ])('stays silent for %s', (_name, code) => {
    expect(sites(code)).toEqual([]);
  });
});

describe('arguments are folded into one options object', () => {
  const keys = (code: string): string[][] => withAnalysis(code, (a) => a.sites.map((s) => s.options.props.map((p) => p.key)));
  it('per library call shape', () => {
    expect(keys("import { Client } from 'pg';\nnew Client('postgres://db/app');")).toEqual([['connectionString']]);
    expect(keys("import Redis from 'ioredis';\nnew Redis(6379, '10.0.0.5', { password: x });")).toEqual([['port', 'host', 'password']]);
    expect(keys("import Redis from 'ioredis';\nnew Redis('rediss://cache:6380');")).toEqual([['url']]);
    expect(keys("import { Sequelize } from 'sequelize';\nnew Sequelize('db', 'user', 'pass', { host: 'h' });")).toEqual([['database', 'username', 'password', 'host']]);
    expect(keys("import { MongoClient } from 'mongodb';\nnew MongoClient(uri, { tls: true });")).toEqual([['url', 'tls']]);
    expect(keys("import amqp from 'amqplib';\namqp.connect('amqp://mq', { rejectUnauthorized: false });")).toEqual([['url', 'socket']]);
    expect(keys("import { Queue } from 'bullmq';\nnew Queue('mail', { connection: { host: 'r' } });")).toEqual([['connection']]);
  });
});

describe('service URLs are found from the text, then mapped to the literal that starts there', () => {
  const urls = (code: string, options?: Options): string[] =>
    withAnalysis(code, (analysis) => analysis.serviceUrls.map((u) => u.text.replaceAll(HOLE, '<hole>')), options);

  it.each([
    ['a string literal', "const u = 'redis://cache:6379';", ['redis://cache:6379']],
    ['double quotes, upper case scheme', 'const u = "AMQP://mq";', ['AMQP://mq']],
    ['a scheme with + and .', "const u = 'mongodb+srv://db.example.com/app';", ['mongodb+srv://db.example.com/app']],
    ['a template with a hole', 'const u = `postgres://${host}/app`;', ['postgres://<hole>/app']],
    ['a concatenation it starts', "const u = 'mysql://' + host + ':3306';", ['mysql://<hole>:3306']],
    ['two on one line', "f('redis://a', 'nats://b');", ['redis://a', 'nats://b']],
    ['a template nested in a template', 'const u = `x ${`redis://${h}`}`;', ['redis://<hole>']],
  ])('%s', (_name, code, expected) => {
    expect(urls(code)).toEqual(expected);
    expect(urls(code, { ts: true })).toEqual(expected);
  });

  it.each([
    ['a quoted URL in a comment', "// see 'redis://cache:6379'\nconst x = 1;"],
    ['a quoted URL inside a longer string', `const s = "use 'redis://cache' here";`],
    ['a URL in the middle of a string', "const s = 'url: redis://cache';"],
    ['a longer scheme that ends like a service one', "const s = 'xredis://cache';"],
    ['a scheme no catalog library reads', "const s = 'ftp://files.example.com';"],
    ['a template part after a hole', 'const s = `${a}redis://cache`;'],
    ['a regular expression', 'const r = /redis:\\/\\/cache/;'],
  ])('not %s', (_name, code) => {
    expect(urls(code)).toEqual([]);
  });
});
