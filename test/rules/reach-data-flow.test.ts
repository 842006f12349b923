/**
 * Same-file data flow real code uses to reach a client: configuration passed to a helper that
 * builds the client (any parameter position; function, arrow or method), variables reassigned
 * after their declaration, properties written after the options object is built, `this.x`
 * fields, lists of configurations mapped or iterated into clients, a conditional whose arms are
 * whole option objects, and optional chaining in environment reads. Minimal reproductions, in
 * our own words, of shapes seen in real projects.
 */
import fallback from '../../src/rules/no-local-service-fallback';
import location from '../../src/rules/no-hardcoded-service-location';
import unverified from '../../src/rules/no-unverified-tls';
import { forms, L } from '../harness/libraries';
import { ruleTests } from '../harness/rule-tester';

const unverifiedAt = (line: number) => [{ messageId: 'unverified', line, suggestions: [] }];

ruleTests('no-unverified-tls through data flow', unverified, {
  valid: [
    // The helper is called with verified options only.
    ...forms(L.pgNamed, 'function connect(cfg) {\n  return new Pool(cfg);\n}\nconnect({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });'),
    // The unverified object is replaced in the same block before use.
    ...forms(L.ioredis, 'let tls = { rejectUnauthorized: false };\ntls = { ca: process.env.REDIS_CA };\nnew Redis(process.env.REDIS_URL, { tls });'),
    // A helper called with a value the analysis cannot see.
    ...forms(L.pgNamed, 'function connect(cfg) {\n  return new Pool(cfg);\n}\nconnect(loadOptions());'),
  ],
  invalid: [
    ...forms(L.pgNamed, 'function connect(cfg) {\n  return new Pool(cfg);\n}\nconnect({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });').map((c) => ({ ...c, errors: unverifiedAt(5) })),
    ...forms(L.redis, "const makeClient = (name, options) => createClient(options);\nmakeClient('cache', { url: process.env.REDIS_URL, socket: { tls: true, rejectUnauthorized: false } });").map((c) => ({ ...c, errors: unverifiedAt(3) })),
    ...forms(L.pgNamed, 'class Db {\n  connect(opts) {\n    return new Pool(opts);\n  }\n  start() {\n    return this.connect({ ssl: { rejectUnauthorized: false } });\n  }\n}').map((c) => ({ ...c, errors: unverifiedAt(7) })),
    // Two helpers deep.
    ...forms(L.pgNamed, 'function pool(options) {\n  return new Pool(options);\n}\nfunction primary(ssl) {\n  return pool({ connectionString: process.env.DATABASE_URL, ssl });\n}\nprimary({ rejectUnauthorized: false });').map((c) => ({ ...c, errors: unverifiedAt(8) })),
    ...forms(L.pgNamed, 'let ssl = false;\nif (process.env.DB_SSL) ssl = { rejectUnauthorized: false };\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl });').map((c) => ({ ...c, errors: unverifiedAt(3) })),
    ...forms(L.ioredis, 'const opts = { host: process.env.REDIS_HOST };\nopts.tls = { rejectUnauthorized: false };\nnew Redis(opts);').map((c) => ({ ...c, errors: unverifiedAt(3) })),
    ...forms(L.pgNamed, 'const config = loadConfig();\nif (process.env.DB_SELF_SIGNED) config.ssl = { rejectUnauthorized: false };\nnew Pool(config);').map((c) => ({ ...c, errors: unverifiedAt(3) })),
    ...forms(L.mysql2, 'const options = { host: process.env.DB_HOST, ssl: { ca: process.env.DB_CA } };\noptions.ssl.rejectUnauthorized = false;\nmysql.createPool(options);').map((c) => ({ ...c, errors: unverifiedAt(3) })),
    ...forms(L.mongodb, 'const options = {};\nObject.assign(options, { tlsAllowInvalidCertificates: true });\nnew MongoClient(process.env.MONGODB_URI, options);').map((c) => ({ ...c, errors: unverifiedAt(3) })),
    ...forms(L.pgNamed, 'class Store {\n  constructor() {\n    this.options = { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } };\n  }\n  pool() {\n    return new Pool(this.options);\n  }\n}').map((c) => ({ ...c, errors: unverifiedAt(4) })),
    // A conditional spread inside a class field.
    ...forms(L.mysql2, 'class Sync {\n  constructor() {\n    this.config = { host: process.env.DB_HOST, ...(process.env.DB_SSL ? { ssl: { rejectUnauthorized: false } } : {}) };\n  }\n  open() {\n    return mysql.createConnection(this.config);\n  }\n}').map((c) => ({ ...c, errors: unverifiedAt(4) })),
    // An entry picked from a known map by the environment name, spread into the export.
    ...forms(L.knex, "const base = { client: 'pg' };\nconst byEnv = {\n  production: { connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } } },\n};\nknex({ ...byEnv[process.env.NODE_ENV], ...base });").map((c) => ({ ...c, errors: unverifiedAt(4) })),
    // One arm of the whole configuration unknown (a required file), the other written here.
    ...forms(L.knex, "knex(process.env.NODE_ENV === 'production'\n  ? { client: 'pg', connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } } }\n  : loadLocalConfig());").map((c) => ({
      ...c,
      errors: [{ messageId: 'unverified', line: 3, suggestions: [{ messageId: 'suggestSecure', output: c.code.replace('rejectUnauthorized: false', 'rejectUnauthorized: true') }] }],
    })),
    ...forms(L.pgNamed, "new Pool(process.env.NODE_ENV === 'production'\n  ? { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } }\n  : { connectionString: process.env.DATABASE_URL });").map((c) => ({
      ...c,
      errors: [{ messageId: 'unverified', line: 3, suggestions: [{ messageId: 'suggestSecure', output: c.code.replace('rejectUnauthorized: false', 'rejectUnauthorized: true') }] }],
    })),
  ],
});

ruleTests('no-hardcoded-service-location through data flow', location, {
  valid: [...forms(L.ioredis, 'const hosts = [process.env.REDIS_A, process.env.REDIS_B];\nhosts.map((host) => new Redis({ host }));')],
  invalid: [
    {
      name: 'a list of hosts mapped into clients',
      code: "import Redis from 'ioredis';\n['cache-a.internal', 'cache-b.internal'].map((host) => new Redis({ host }));",
      errors: [
        { messageId: 'hardcoded', line: 2, column: 2, suggestions: [] },
        { messageId: 'hardcoded', line: 2, column: 22, suggestions: [] },
      ],
    },
    {
      name: 'a list of URLs iterated into clients',
      code: "const { createClient } = require('redis');\nfor (const url of ['rediss://cache-a.internal:6380']) createClient({ url });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [] }],
    },
    {
      name: 'a class field',
      code: "import Redis from 'ioredis';\nclass Cache {\n  options = { host: 'cache.internal', port: 6379 };\n  client = new Redis(this.options);\n}",
      errors: [{ messageId: 'hardcoded', line: 3, suggestions: [] }],
    },
    {
      name: 'a same-file helper that returns a URL in production and a local object otherwise',
      code: "import knex from 'knex';\nconst connection = (mode) => {\n  if (process.env.NODE_ENV === 'production') return process.env.DB_URL;\n  return { host: 'db.internal', user: mode };\n};\nknex({ client: 'mysql', connection: connection('write') });",
      errors: [{ messageId: 'hardcoded', line: 4, suggestions: [] }],
    },
    {
      name: 'a host written in a const and interpolated into a URL is reported where it is written',
      code: "import mongoose from 'mongoose';\nconst HOST = 'mongo.internal';\nconst url = `mongodb://${HOST}:27017/app`;\nmongoose.connect(url);",
      errors: [{ messageId: 'hardcoded', line: 2, suggestions: [] }],
    },
  ],
});

ruleTests('no-local-service-fallback through data flow', fallback, {
  valid: [...forms(L.ioredis, 'new Redis({ host: process.env.REDIS_HOST?.trim() });')],
  invalid: [
    ...forms(L.ioredis, "const host = process.env.REDIS_HOST?.trim() || 'localhost';\nnew Redis({ host });").map((c) => ({
      ...c,
      errors: [{ messageId: 'clientFallback', data: { client: 'ioredis', name: 'REDIS_HOST', host: 'localhost' } }],
    })),
    ...forms(L.sequelize, "const db = process.env.DATABASE_URL\n  ? new Sequelize(process.env.DATABASE_URL)\n  : new Sequelize('postgres://localhost:5432/dev');").map((c) => ({
      ...c,
      errors: [{ messageId: 'clientFallback', line: 4, data: { client: 'sequelize', name: 'DATABASE_URL', host: 'localhost' } }],
    })),
  ],
});

// The same local client is not also a hard-coded location.
ruleTests('no-hardcoded-service-location leaves a local fallback client alone', location, {
  valid: [...forms(L.sequelize, "const db = process.env.DATABASE_URL\n  ? new Sequelize(process.env.DATABASE_URL)\n  : new Sequelize('postgres://localhost:5432/dev');")],
  invalid: [],
});

const presenceSwitch =
  "import knex from 'knex';\nconst local = { client: 'pg', connection: { host: '127.0.0.1', database: 'app' } };\nconst hosted = { client: 'pg', connection: { connectionString: process.env.DATABASE_URL } };\nexport default knex(process.env.DATABASE_URL ? hosted : local);";

ruleTests('a presence switch between option objects held in variables: the local one is a fallback', location, {
  valid: [{ code: presenceSwitch }, { code: presenceSwitch.replace("import knex from 'knex';", "const knex = require('knex');").replace('export default', 'module.exports ='), sourceType: 'commonjs' }],
  invalid: [
    // Chosen by a variable that is not the location's: a hard-coded host all the same.
    { code: presenceSwitch.replace('process.env.DATABASE_URL ? hosted', 'process.env.USE_HOSTED ? hosted'), errors: [{ messageId: 'hardcoded', line: 2 }] },
  ],
});

ruleTests('no-local-service-fallback: the local arm of a presence switch between variables', fallback, {
  valid: [{ code: presenceSwitch.replace("'127.0.0.1'", 'process.env.PGHOST') }],
  invalid: [{ code: presenceSwitch, errors: [{ messageId: 'clientFallback', line: 2, data: { client: 'knex', name: 'DATABASE_URL', host: '127.0.0.1' } }] }],
});

import plaintextRule from '../../src/rules/no-plaintext-service-url';

ruleTests('no-plaintext-service-url: a URL only ever logged connects nothing', plaintextRule, {
  valid: [
    { code: "const url = 'redis://' + client.address;\ninfolog('Redis client is connecting to ' + url);\nwarnlog(`reconnecting to ${url}`);" },
    { code: "const url = 'amqp://' + process.env.MQ_HOST;\nconsole.log('broker', url);\nlogger.info(`broker at ${url}`);", sourceType: 'commonjs' },
  ],
  invalid: [
    // Also exported: it may configure something elsewhere.
    {
      code: "export const url = 'redis://' + process.env.REDIS_HOST;\nlogger.info(url);",
      errors: [{ messageId: 'plaintext', suggestions: [{ messageId: 'suggestTlsScheme', data: { scheme: 'rediss' }, output: "export const url = 'rediss://' + process.env.REDIS_HOST;\nlogger.info(url);" }] }],
    },
    {
      code: "const url = 'amqp://' + process.env.MQ_HOST;\nconsole.log(url);\nmodule.exports = { url };",
      sourceType: 'commonjs',
      errors: [{ messageId: 'plaintext', suggestions: [{ messageId: 'suggestTlsScheme', data: { scheme: 'amqps' }, output: "const url = 'amqps://' + process.env.MQ_HOST;\nconsole.log(url);\nmodule.exports = { url };" }] }],
    },
  ],
});
