/**
 * Choices by environment the field corpus still missed, in our own words: a TLS switch whose
 * default a project helper binds to the environment test (`toBool(process.env.DB_SSL, isProd)`),
 * an environment name normalised before it is compared, a switch between ways of logging in,
 * node-redis 3's top-level `tls` chosen by environment, a knexfile keyed by deployment names,
 * option objects imported from a project module (test/rules/fixtures/module-choice/db-options),
 * and configurations exported inline in the paths of an `if`.
 */
import { join } from 'node:path';
import branching from '../../src/rules/no-environment-branching';
import { ruleTests } from '../harness/rule-tester';

const toBool = 'function toBool(value, fallback = false) {\n  if (typeof value === "string") return value === "true";\n  return fallback;\n}';
const pgPool = (read: string, esm: boolean): string =>
  `${esm ? "import { Pool } from 'pg';" : "const { Pool } = require('pg');"}\n${toBool}\nconst ssl = ${read};\n${esm ? 'export default' : 'module.exports ='} new Pool({ connectionString: process.env.DATABASE_URL, ssl: ssl ? { ca: process.env.DB_CA } : false });`;

ruleTests("no-environment-branching: a TLS switch's default bound to the environment by a helper", branching, {
  valid: [
    // A literal default, or a test beside a read that is no TLS switch.
    { code: pgPool('toBool(process.env.DB_SSL, true)', true) },
    { code: pgPool("toBool(process.env.DB_SSL, process.env.NODE_ENV === 'production') && toBool(process.env.LOG_SQL, process.env.NODE_ENV !== 'production')", true).replace('DB_SSL', 'DB_FLAG') },
    // The test runner only.
    { code: pgPool("toBool(process.env.DB_SSL, process.env.NODE_ENV !== 'test')", false), sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: pgPool("toBool(process.env.DB_SSL, process.env.NODE_ENV === 'production')", true),
      errors: [{ messageId: 'setting', data: { name: 'DB_SSL', what: 'the environment name' }, line: 6, column: 40 }],
    },
    {
      // The name is lower-cased before it is compared.
      code: `const nodeEnv = (process.env.NODE_ENV || 'development').toLowerCase();\n${pgPool("toBool(process.env.DB_SSL, nodeEnv === 'production')", false)}`,
      sourceType: 'commonjs',
      errors: [{ messageId: 'setting', data: { name: 'DB_SSL', what: 'the environment name' }, line: 7 }],
    },
  ],
});

const convictAuth = (name: string, esm: boolean): string =>
  `${esm ? "import convict from 'convict';" : "const convict = require('convict');"}\nconst isProduction = process.env.NODE_ENV === 'production';\n${esm ? 'export const config =' : 'module.exports ='} convict({\n  postgres: {\n    useIAM: { format: Boolean, default: isProduction, env: '${name}' },\n  },\n});`;

ruleTests('no-environment-branching: a way of logging in chosen by environment', branching, {
  valid: [
    // Logging is no connection setting.
    { code: convictAuth('DB_LOGGING', true) },
    { code: convictAuth('DB_LOGGING', false), sourceType: 'commonjs' },
  ],
  invalid: [
    { code: convictAuth('DB_IAM_AUTHENTICATION', true), errors: [{ messageId: 'setting', data: { name: 'DB_IAM_AUTHENTICATION', what: 'the environment name' }, line: 5 }] },
    { code: convictAuth('POSTGRES_USE_IAM', false), sourceType: 'commonjs', errors: [{ messageId: 'setting', data: { name: 'POSTGRES_USE_IAM', what: 'the environment name' }, line: 5 }] },
  ],
});

const legacyRedis = (production: string, esm: boolean): string =>
  `${esm ? "import redis from 'redis';" : "const redis = require('redis');"}\nconst config = { host: process.env.REDIS_HOST, port: process.env.REDIS_PORT };\nconst secured = { tls: { ca: process.env.REDIS_CA } };\n${esm ? 'export default' : 'module.exports ='} redis.createClient(process.env.NODE_ENV === 'production' ? ${production} : config);`;

ruleTests("no-environment-branching: node-redis 3's top-level tls chosen by environment", branching, {
  valid: [
    // Both paths connect alike.
    { code: legacyRedis('{ ...config }', true) },
    { code: legacyRedis('{ ...config, connect_timeout: 5000 }', false), sourceType: 'commonjs' },
  ],
  invalid: [
    { code: legacyRedis('{ ...config, ...secured }', true), errors: [{ messageId: 'config', data: { client: 'node-redis', setting: 'its configuration', what: 'the environment name' }, line: 4 }] },
    { code: legacyRedis('{ ...config, ...secured }', false), sourceType: 'commonjs', errors: [{ messageId: 'config', line: 4 }] },
  ],
});

const deploymentKnexfile = (awsSsl: string, esm: boolean): string =>
  `const connection = { host: process.env.DB_HOST, user: process.env.DB_USER, password: process.env.DB_PASSWORD };\n${esm ? 'export default' : 'module.exports ='} {\n  default: { client: 'pg', connection },\n  aws: {\n    client: 'pg',\n    connection: { ...connection, ${awsSsl} },\n  },\n};`;

ruleTests('no-environment-branching: a knexfile keyed by deployment names', branching, {
  valid: [
    { code: deploymentKnexfile('database: process.env.DB_NAME', false), sourceType: 'commonjs', filename: 'knexfile.js' },
    // Not a knexfile: keys that name no environment are no choice by environment.
    { code: deploymentKnexfile("ssl: { ca: process.env.DB_CA }", false), sourceType: 'commonjs', filename: 'databases.js' },
  ],
  invalid: [
    {
      code: deploymentKnexfile("ssl: { ca: process.env.DB_CA }", false),
      sourceType: 'commonjs',
      filename: 'knexfile.js',
      errors: [{ messageId: 'environmentFile', data: { client: 'knex', name: 'aws', against: 'default', envVar: 'DATABASE_URL' }, line: 3, endLine: 7 }],
    },
    {
      code: deploymentKnexfile("ssl: { ca: process.env.DB_CA }", true),
      filename: 'knexfile.mjs',
      errors: [{ messageId: 'environmentFile', data: { client: 'knex', name: 'aws', against: 'default', envVar: 'DATABASE_URL' }, line: 3 }],
    },
  ],
});

const dir = join(__dirname, 'fixtures', 'module-choice');
const mongooseModule = (a: string, b: string, esm: boolean): string =>
  esm
    ? `import { MongooseModule } from '@nestjs/mongoose';\nimport { ${a}, ${b} } from './db-options';\nexport const database = MongooseModule.forRoot(process.env.DATABASE_URL, process.env.IS_LOCAL_DATABASE ? ${a} : ${b});`
    : `const mongoose = require('mongoose');\nconst { ${a}, ${b} } = require('./db-options');\nmodule.exports = mongoose.connect(process.env.MONGODB_URI, process.env.NODE_ENV === 'production' ? ${b} : ${a});`;

ruleTests('no-environment-branching: option objects imported from a project module', branching, {
  valid: [
    // The two objects connect alike (only a retry setting differs).
    { code: mongooseModule('localDbOptions', 'patientDbOptions', true), filename: join(dir, 'app.module.js') },
    { code: mongooseModule('localDbOptions', 'patientDbOptions', false), sourceType: 'commonjs', filename: join(dir, 'database.js') },
    // A package's exports are not read.
    { code: "import mongoose from 'mongoose';\nimport { local, remote } from 'shared-db-options';\nmongoose.connect(process.env.MONGODB_URI, process.env.NODE_ENV === 'production' ? remote : local);", filename: join(dir, 'database.js') },
  ],
  invalid: [
    {
      code: mongooseModule('localDbOptions', 'serverDbOptions', true),
      filename: join(dir, 'app.module.js'),
      errors: [{ messageId: 'config', data: { client: '@nestjs/mongoose', setting: 'its configuration', what: 'the environment name' }, line: 3 }],
    },
    { code: mongooseModule('localDbOptions', 'serverDbOptions', false), sourceType: 'commonjs', filename: join(dir, 'database.js'), errors: [{ messageId: 'config', line: 3 }] },
  ],
});

const inlineExports = (production: string, development: string, test = "process.env.NODE_ENV == 'production'"): string =>
  `if (${test}) {\n  module.exports = { ${production} };\n} else {\n  module.exports = { ${development} };\n}`;

// CommonJS only: an ES module's exports cannot be chosen at run time.
ruleTests('no-environment-branching: configurations exported inline in the paths of an if', branching, {
  valid: [
    // The same location either way, or paths that differ in what is no location.
    { code: inlineExports('mongoURI: process.env.MONGO_URL, debug: false', 'mongoURI: process.env.MONGO_URL, debug: true'), sourceType: 'commonjs' },
    // No service named by the keys.
    { code: inlineExports("apiUrl: 'https://api.example.com'", "apiUrl: 'http://localhost:3000'"), sourceType: 'commonjs' },
    // Not a test of the environment.
    { code: inlineExports('mongoURI: process.env.MONGO_URL', 'mongoURI: process.env.MONGO_LOCAL', 'process.env.MONGO_URL'), sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: inlineExports('mongoURI: process.env.MONGO_URL', 'mongoURI: process.env.MONGO_LOCAL'),
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 1, data: { client: 'mongodb', setting: 'its configuration', what: 'the environment name' } }],
    },
    {
      code: inlineExports("redisUrl: 'rediss://cache.example.com:6380'", "redisUrl: 'redis://localhost:6379'", "process.env.NODE_ENV === 'production'"),
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 1 }],
    },
  ],
});
