/**
 * What the thirteenth field sample showed, in our own words: hapi's Redis cache engine and
 * Fastify's Postgres plugin, a verification switch whose environment default is the insecure
 * value, nested choices between whole option objects, tedious 1.x's top-level login, a URL
 * argument chosen by environment, a local configuration used only while a variable is unset, and
 * a mail-named variable that holds a web page's address.
 */
import branching from '../../src/rules/no-environment-branching';
import disabled from '../../src/rules/no-disabled-tls';
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import fallback from '../../src/rules/no-local-service-fallback';
import privileged from '../../src/rules/no-privileged-service-account';
import unverified from '../../src/rules/no-unverified-tls';
import { forms, type Lib } from '../harness/libraries';
import { ruleTests } from '../harness/rule-tester';

const catbox: Lib = { esm: "import CatboxRedis from '@hapi/catbox-redis';", cjs: "const CatboxRedis = require('@hapi/catbox-redis');" };
const provider = (options: string): string => `export const cache = [{ name: 'sessions', provider: { constructor: CatboxRedis.Engine, options: ${options} } }];`;

ruleTests("no-unverified-tls: hapi's Redis cache engine", unverified, {
  valid: [
    ...forms(catbox, provider('{ url: process.env.REDIS_URL, tls: {} }')),
    // Not handed in as the engine's constructor: a plain object.
    ...forms(catbox, "export const cache = [{ provider: { engine: CatboxRedis.Engine, options: { tls: { rejectUnauthorized: false } } } }];"),
  ],
  invalid: [
    ...forms(catbox, provider('{ host: process.env.REDIS_HOST, tls: { checkServerIdentity: () => undefined } }')).map((c) => ({
      ...c,
      errors: [{ messageId: 'unverified', line: 2, suggestions: [{ messageId: 'suggestSecure', output: c.code.replace('checkServerIdentity: () => undefined', '') }] }],
    })),
    ...forms(catbox, 'export const engine = new CatboxRedis.Engine({ url: process.env.REDIS_URL, tls: { rejectUnauthorized: false } });').map((c) => ({
      ...c,
      errors: [{ messageId: 'unverified', line: 2, suggestions: [{ messageId: 'suggestSecure', output: c.code.replace('rejectUnauthorized: false', 'rejectUnauthorized: true') }] }],
    })),
  ],
});

const fastifyPostgres: Lib = { esm: "import fastifyPostgres from '@fastify/postgres';", cjs: "const fastifyPostgres = require('@fastify/postgres');" };

ruleTests("no-privileged-service-account: Fastify's Postgres plugin", privileged, {
  valid: [...forms(fastifyPostgres, 'app.register(fastifyPostgres, { connectionString: process.env.DATABASE_URL });')],
  invalid: [
    ...forms(fastifyPostgres, "app.register(fastifyPostgres, { connectionString: process.env.DATABASE_URL || 'postgres://postgres@localhost/app' });").map((c) => ({
      ...c,
      errors: [{ messageId: 'urlUsername', line: 2, data: { client: '@fastify/postgres', where: 'connectionString', account: 'postgres' } }],
    })),
  ],
});

const strapiDatabase = (reject: string): string =>
  `module.exports = ({ env }) => ({\n  connection: {\n    client: 'postgres',\n    connection: {\n      connectionString: env('DATABASE_URL'),\n      ssl: { rejectUnauthorized: ${reject} },\n    },\n  },\n});`;

ruleTests("no-unverified-tls: a verification switch whose environment default is the insecure value", unverified, {
  valid: [
    { code: strapiDatabase("env.bool('DATABASE_SSL_SELF', true)"), sourceType: 'commonjs', filename: 'config/database.js' },
    { code: strapiDatabase("env.bool('DATABASE_SSL_SELF')"), sourceType: 'commonjs', filename: 'config/database.js' },
  ],
  invalid: [
    {
      code: strapiDatabase("env.bool('DATABASE_SSL_SELF', false)"),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      // At the default, which the fix makes `true`.
      errors: [
        {
          messageId: 'unverified',
          line: 6,
          column: 64,
          suggestions: [{ messageId: 'suggestSecure', output: strapiDatabase("env.bool('DATABASE_SSL_SELF', true)") }],
        },
      ],
    },
    {
      code: "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: process.env.PG_VERIFY ?? false } });",
      errors: [
        {
          messageId: 'unverified',
          line: 2,
          suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: process.env.PG_VERIFY ?? true } });" }],
        },
      ],
    },
  ],
});

ruleTests('no-disabled-tls stays silent on a TLS switch whose environment default is off', disabled, {
  valid: [
    // A schema's default, not a setting written to take effect (the labelling conventions agree).
    { code: "import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: process.env.PG_SSL ?? false });" },
  ],
  invalid: [],
});

const pg: Lib = { esm: "import { Pool } from 'pg';", cjs: "const { Pool } = require('pg');" };
const nested = "const test = { host: 'localhost', user: 'tester' };\nconst dev = { host: 'db.dev.internal', user: 'admin' };\nconst prod = { connectionString: process.env.DATABASE_URL };\nexport const pool = new Pool(process.env.NODE_ENV === 'production' ? prod : process.env.NODE_ENV === 'test' ? test : dev);";

ruleTests('no-hardcoded-service-location: nested choices between whole option objects', location, {
  valid: [...forms(pg, 'export const pool = new Pool(process.env.NODE_ENV === \'production\' ? { connectionString: process.env.DATABASE_URL } : process.env.NODE_ENV === \'test\' ? { host: process.env.TEST_HOST } : { host: process.env.DEV_HOST });')],
  invalid: [
    ...forms(pg, nested).map((c) => ({
      ...c,
      errors: [
        { messageId: 'hardcoded', line: 2 },
        { messageId: 'hardcoded', line: 3 },
      ],
    })),
  ],
});

ruleTests('no-privileged-service-account: nested choices between whole option objects', privileged, {
  valid: [],
  invalid: [...forms(pg, nested).map((c) => ({ ...c, errors: [{ messageId: 'option', line: 3, data: { client: 'pg', where: 'user', account: 'admin' } }] }))],
});

const tedious: Lib = { esm: "import { Connection } from 'tedious';", cjs: "const { Connection } = require('tedious');" };

ruleTests("no-hardcoded-service-credentials: tedious 1.x's top-level login", credentials, {
  valid: [...forms(tedious, 'export const connection = new Connection({ server: process.env.MSSQL_SERVER, userName: process.env.MSSQL_USER, password: process.env.MSSQL_PASSWORD });')],
  invalid: [
    ...forms(tedious, "export const connection = new Connection({ server: process.env.MSSQL_SERVER, userName: 'app', password: 'Winter2024!' });").map((c) => ({
      ...c,
      errors: [{ messageId: 'option', line: 2, data: { client: 'tedious', where: 'password' } }],
    })),
  ],
});

ruleTests("no-privileged-service-account: tedious 1.x's top-level login", privileged, {
  valid: [...forms(tedious, "export const connection = new Connection({ server: process.env.MSSQL_SERVER, userName: 'app_rw', password: process.env.MSSQL_PASSWORD });")],
  invalid: [
    ...forms(tedious, "export const connection = new Connection({ server: process.env.MSSQL_SERVER, userName: 'sa', password: process.env.MSSQL_PASSWORD });").map((c) => ({
      ...c,
      errors: [{ messageId: 'option', line: 2, data: { client: 'tedious', where: 'userName', account: 'sa' } }],
    })),
  ],
});

const mongoose: Lib = { esm: "import mongoose from 'mongoose';", cjs: "const mongoose = require('mongoose');" };

ruleTests('no-environment-branching: a URL argument chosen by environment', branching, {
  valid: [...forms(mongoose, "const isProduction = process.env.NODE_ENV === 'production';\nmongoose.connect(process.env.MONGODB_URI, { autoIndex: !isProduction });")],
  invalid: [
    ...forms(mongoose, "const isProduction = process.env.NODE_ENV === 'production';\nmongoose.connect(isProduction ? process.env.MONGO_URI_PROD : process.env.MONGO_URI_DEV);").map((c) => ({
      ...c,
      errors: [{ messageId: 'config', line: 3, data: { client: 'mongoose', setting: '`url`', what: 'the environment name' } }],
    })),
  ],
});

const knexfile = "module.exports = {\n  client: 'pg',\n  connection: process.env.DATABASE_URL ? { connectionString: process.env.DATABASE_URL } : { host: '127.0.0.1', database: 'app' },\n};";

ruleTests('no-hardcoded-service-location: a local configuration used only while a variable is unset', location, {
  valid: [{ code: knexfile, sourceType: 'commonjs', filename: 'knexfile.js' }],
  invalid: [
    {
      code: knexfile.replace("'127.0.0.1'", "'db.internal'"),
      sourceType: 'commonjs',
      filename: 'knexfile.js',
      errors: [{ messageId: 'hardcoded', line: 3 }],
    },
  ],
});

ruleTests('no-local-service-fallback: a local configuration used only while a variable is unset', fallback, {
  valid: [],
  invalid: [{ code: knexfile, sourceType: 'commonjs', filename: 'knexfile.js', errors: [{ messageId: 'clientFallback', line: 3 }] }],
});

ruleTests("no-local-service-fallback: a mail-named variable that holds a web page's address", fallback, {
  valid: [
    { code: "export const email = { verifyUrl: process.env.EMAIL_VERIFY_URL || 'http://localhost:3000/email/verify' };" },
    { code: "module.exports = { mail: { link: process.env.MAIL_LINK_URL ?? 'https://localhost/confirm' } };", sourceType: 'commonjs' },
  ],
  invalid: [
    // A mail server's own address still is one.
    { code: "export const mail = { url: process.env.SMTP_URL || 'smtp://localhost:1025' };", errors: [{ messageId: 'variableFallback', line: 1 }] },
    { code: "export const mail = { host: process.env.SMTP_HOST || 'localhost' };", errors: [{ messageId: 'clientFallback', line: 1 }] },
  ],
});
