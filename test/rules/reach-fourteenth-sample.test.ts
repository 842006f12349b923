/**
 * What the fourteenth field sample showed, in our own words: express-cassandra's client options
 * and its driver's auth providers, a location default that is only logged, node-config's file
 * of variable names, an environment schema's loopback default, and a configuration assigned in
 * each path of an `if` to a name the module exports.
 */
import branching from '../../src/rules/no-environment-branching';
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import fallback from '../../src/rules/no-local-service-fallback';
import { forms, type Lib } from '../harness/libraries';
import { ruleTests } from '../harness/rule-tester';

const expressCassandra: Lib = { esm: "import ExpressCassandra from 'express-cassandra';", cjs: "const ExpressCassandra = require('express-cassandra');" };

ruleTests("no-hardcoded-service-location: express-cassandra's client options", location, {
  valid: [
    ...forms(expressCassandra, "export const models = ExpressCassandra.createClient({ clientOptions: { contactPoints: process.env.CASSANDRA_CONTACT_POINTS.split(','), keyspace: 'app' }, ormOptions: {} });"),
    // The ORM's own options name no host.
    ...forms(expressCassandra, "export const models = ExpressCassandra.createClient({ clientOptions: { contactPoints: [process.env.CASSANDRA_HOST] }, ormOptions: { defaultReplicationStrategy: { class: 'SimpleStrategy' } } });"),
  ],
  invalid: [
    ...forms(expressCassandra, "export const models = ExpressCassandra.createClient({ clientOptions: { contactPoints: ['10.1.2.3'], keyspace: 'app' }, ormOptions: {} });").map((c) => ({
      ...c,
      errors: [{ messageId: 'hardcoded', line: 2 }],
    })),
  ],
});

ruleTests("no-hardcoded-service-credentials: express-cassandra's driver auth providers", credentials, {
  valid: [...forms(expressCassandra, 'export const auth = new ExpressCassandra.driver.auth.PlainTextAuthProvider(process.env.CQL_USER, process.env.CQL_PASSWORD);')],
  invalid: [
    ...forms(expressCassandra, "export const auth = new ExpressCassandra.driver.auth.DsePlainTextAuthProvider('app', 'Cql-s3cret');").map((c) => ({
      ...c,
      errors: [{ messageId: 'helper', line: 2 }],
    })),
  ],
});

const pg: Lib = { esm: "import { Pool } from 'pg';", cjs: "const { Pool } = require('pg');" };

ruleTests('no-local-service-fallback: a location default that is only logged', fallback, {
  valid: [
    ...forms(pg, "logger.info('database', { host: process.env.DATABASE_URL ? 'from url' : process.env.PGHOST || 'localhost' });\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });"),
    ...forms(pg, "console.log({ hosts: [process.env.PGHOST || 'localhost'] });\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });"),
  ],
  invalid: [
    // The same default handed to the client is one.
    ...forms(pg, "logger.info('database', { host: process.env.PGHOST || 'localhost' });\nexport const pool = new Pool({ host: process.env.PGHOST || 'localhost' });").map((c) => ({
      ...c,
      errors: [{ messageId: 'clientFallback', line: 3 }],
    })),
  ],
});

ruleTests("no-hardcoded-service-location: node-config's file of variable names", location, {
  valid: [
    { code: "module.exports = {\n  db: { host: 'PGHOST', port: 'PGPORT', password: 'PGPASSWORD' },\n  redis: { url: 'REDIS_URL' },\n};", sourceType: 'commonjs', filename: 'config/custom-environment-variables.js' },
  ],
  invalid: [
    // A host written as a host still is one.
    { code: "module.exports = {\n  db: { host: 'db.internal', port: 5432 },\n};", sourceType: 'commonjs', filename: 'config/default.js', errors: [{ messageId: 'hardcoded', line: 2 }] },
  ],
});

const envSchema = (url: string): string =>
  `module.exports = {\n  type: 'object',\n  required: ['REDIS_URL'],\n  properties: {\n    REDIS_URL: { type: 'string', default: '${url}' },\n  },\n};`;

ruleTests("no-hardcoded-service-location: an environment schema's loopback default", location, {
  valid: [{ code: envSchema('redis://127.0.0.1:6379'), sourceType: 'commonjs' }],
  invalid: [{ code: envSchema('redis://cache.internal:6379'), sourceType: 'commonjs', errors: [{ messageId: 'hardcoded', line: 5 }] }],
});

ruleTests("no-local-service-fallback: an environment schema's loopback default", fallback, {
  valid: [{ code: envSchema('redis://cache.internal:6379'), sourceType: 'commonjs' }],
  invalid: [{ code: envSchema('redis://127.0.0.1:6379'), sourceType: 'commonjs', errors: [{ messageId: 'variableFallback', line: 5 }] }],
});

// `config` undeclared, as in the sample (with `let config;` each write under the test is judged
// on its own, as an option written under a test is; see docs/accuracy.md).
const exportedVariable = (production: string, development: string): string =>
  `if (process.env.APP_ENV === 'prod') {\n  config = { dialect: 'postgres', host: process.env.DB_HOST${production} };\n} else {\n  config = { dialect: 'postgres', host: process.env.DB_HOST${development} };\n}\nmodule.exports = config;`;

// CommonJS only: an ES module's exports cannot be chosen at run time.
ruleTests('no-environment-branching: a configuration assigned in each path to a name the module exports', branching, {
  valid: [
    { code: exportedVariable(', logging: false', ', logging: true'), sourceType: 'commonjs' },
    // Not what the module exports.
    { code: exportedVariable(', dialectOptions: { ssl: { rejectUnauthorized: true } }', '').replace('module.exports = config;', 'module.exports = {};'), sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: exportedVariable(', dialectOptions: { ssl: { rejectUnauthorized: true } }', ''),
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 1, data: { client: 'sequelize', setting: 'its configuration', what: 'the environment name' } }],
    },
  ],
});
