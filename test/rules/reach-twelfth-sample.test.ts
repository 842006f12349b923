/**
 * What the twelfth field sample showed, in our own words: properties written onto a destructured
 * name, zod's versioned entry points, locations written into `process.env` (and chosen by
 * environment), and AdonisJS's `Env.get(name, default)`.
 */
import branching from '../../src/rules/no-environment-branching';
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import fallback from '../../src/rules/no-local-service-fallback';
import unverified from '../../src/rules/no-unverified-tls';
import { ruleTests } from '../harness/rule-tester';

const objection = (write: string): string =>
  `const knex = require('knex');\nmodule.exports = function (app) {\n  const { client, connection } = app.get('postgres');\n  ${write}\n  return knex({ client, connection });\n};`;

ruleTests('no-unverified-tls: a property written onto a destructured name', unverified, {
  valid: [
    { code: objection('connection.ssl = { rejectUnauthorized: true };'), sourceType: 'commonjs' },
    { code: objection('other.ssl = { rejectUnauthorized: false };'), sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: objection('connection.ssl = { rejectUnauthorized: false };'),
      sourceType: 'commonjs',
      // Written outside the call: no suggestion edits what another statement wrote.
      errors: [{ messageId: 'unverified', line: 4 }],
    },
  ],
});

const zodEnv = (from: string, fallbackUrl: string): string =>
  `import { z } from '${from}';\nconst schema = z.object({\n  REDIS_URL: z.string().min(1).default('${fallbackUrl}'),\n});\nexport const env = schema.parse(process.env);`;

ruleTests("no-local-service-fallback: zod's versioned entry points", fallback, {
  valid: [
    { code: zodEnv('zod/v4', 'rediss://cache.example.com:6380') },
    // Not zod.
    { code: zodEnv('zod-like', 'redis://localhost:6379') },
  ],
  invalid: [
    { code: zodEnv('zod/v4', 'redis://localhost:6379'), errors: [{ messageId: 'variableFallback', line: 3 }] },
    { code: zodEnv('zod/mini', 'redis://127.0.0.1:6379'), errors: [{ messageId: 'variableFallback', line: 3 }] },
  ],
});

ruleTests('no-hardcoded-service-location: a location written into process.env', location, {
  valid: [
    { code: "process.env.MONGODB_URI = process.env.MONGO_URL;\nprocess.env.LOG_LEVEL = 'debug';", sourceType: 'commonjs' },
    // Loopback, where loopback is allowed (a test set-up).
    { code: "process.env.MONGODB_URI = 'mongodb://localhost:27017/test';", sourceType: 'commonjs', options: [{ allowLoopback: true }] },
  ],
  invalid: [
    {
      code: "process.env.MONGODB_URI = 'mongodb://localhost:27017/test';",
      sourceType: 'commonjs',
      errors: [{ messageId: 'environmentWrite', data: { name: 'MONGODB_URI', what: 'URL', host: 'localhost' }, line: 1 }],
    },
    {
      code: "export function setup() {\n  process.env.REDIS_HOST = 'cache.internal';\n}",
      errors: [{ messageId: 'environmentWrite', data: { name: 'REDIS_HOST', what: 'host', host: 'cache.internal' }, line: 2 }],
    },
  ],
});

const envChain = "const env = process.env.NODE_ENV || 'development';\nif (env === 'test') {\n  process.env.MONGODB_URI = 'mongodb://localhost/test';\n} else if (env === 'development') {\n  process.env.MONGODB_URI = 'mongodb://localhost/dev';\n}";

ruleTests('no-environment-branching: a location written into process.env by environment', branching, {
  valid: [
    // Only the test runner is told apart: a test set-up, also when the chain goes on to a branch that writes nothing.
    { code: "if (process.env.NODE_ENV === 'test') {\n  process.env.MONGODB_URI = 'mongodb://localhost/test';\n}", sourceType: 'commonjs' },
    { code: "if (process.env.NODE_ENV === 'test') {\n  process.env.MONGODB_URI = 'mongodb://localhost/test';\n} else if (process.env.NODE_ENV === 'development') {\n  process.env.LOG_LEVEL = 'debug';\n}", sourceType: 'commonjs' },
    // Not a location.
    { code: "if (process.env.NODE_ENV === 'development') {\n  process.env.LOG_LEVEL = 'debug';\n}", sourceType: 'commonjs' },
  ],
  invalid: [
    // The test arm of a chain that also writes for development is one arm of the choice.
    {
      code: envChain,
      sourceType: 'commonjs',
      errors: [
        { messageId: 'environmentWrite', data: { name: 'MONGODB_URI', what: 'the environment name' }, line: 2 },
        { messageId: 'environmentWrite', data: { name: 'MONGODB_URI', what: 'the environment name' }, line: 4 },
      ],
    },
    {
      code: "if (process.env.NODE_ENV !== 'production') {\n  process.env.DATABASE_URL = 'postgres://localhost:5432/app';\n}",
      errors: [{ messageId: 'environmentWrite', line: 1 }],
    },
  ],
});

const mongo = (variable: string): string =>
  `import mongoose from 'mongoose';\nexport default async () => {\n  let connection;\n  if (process.env.${variable} === 'production') {\n    connection = process.env.MONGO_PRODUCTION;\n  }\n  if (process.env.${variable} === 'development') {\n    connection = process.env.MONGO_DEVELOPMENT;\n  }\n  await mongoose.connect(connection || process.env.MONGO_URL);\n};`;

ruleTests('no-environment-branching: a second copy of the environment name (NODE_ENV2)', branching, {
  valid: [{ code: mongo('MONGO_PROFILE') }],
  invalid: [
    {
      code: mongo('NODE_ENV2'),
      errors: [
        { messageId: 'config', line: 4 },
        { messageId: 'config', line: 7 },
      ],
    },
  ],
});

const adonis4 = (host: string): string =>
  `'use strict'\nconst Env = use('Env')\nmodule.exports = {\n  connection: Env.get('DB_CONNECTION', 'pg'),\n  pg: {\n    client: 'pg',\n    connection: {\n      host: Env.get('DB_HOST', ${host}),\n      user: Env.get('DB_USER', 'app'),\n      password: Env.get('DB_PASSWORD', 's3cr3t-pg'),\n    },\n  },\n}`;

ruleTests("no-local-service-fallback: AdonisJS's Env.get(name, default)", fallback, {
  valid: [
    { code: adonis4("'db.internal'"), sourceType: 'commonjs', filename: 'config/database.js' },
    // Without AdonisJS's `Env`, `Env.get` is nobody's environment read.
    { code: adonis4("'127.0.0.1'").replace("const Env = use('Env')", "const Env = require('./env')"), sourceType: 'commonjs', filename: 'config/database.js' },
  ],
  invalid: [
    { code: adonis4("'127.0.0.1'"), sourceType: 'commonjs', filename: 'config/database.js', errors: [{ messageId: 'clientFallback', line: 8 }] },
    {
      code: "import Env from '@ioc:Adonis/Core/Env'\nimport knex from 'knex'\nexport const db = knex({ client: 'pg', connection: { host: Env.get('PG_HOST', 'localhost') } })",
      errors: [{ messageId: 'clientFallback', line: 3 }],
    },
  ],
});

ruleTests("no-hardcoded-service-credentials: AdonisJS's Env.get(name, default)", credentials, {
  valid: [{ code: adonis4("'127.0.0.1'").replace("'s3cr3t-pg'", "''"), sourceType: 'commonjs', filename: 'config/database.js' }],
  invalid: [{ code: adonis4("'127.0.0.1'"), sourceType: 'commonjs', filename: 'config/database.js', errors: [{ messageId: 'envDefault', line: 10 }] }],
});
