/**
 * A configuration chosen by environment name between modules of the project: the file only
 * requires `./prod` or `./dev`, and which of them holds backing-service configuration is read
 * from those modules (test/rules/fixtures/module-choice). Modules without service configuration,
 * modules that are missing or do not parse, and choices for the test runner stay silent.
 */
import { join } from 'node:path';
import branching from '../../src/rules/no-environment-branching';
import unverified from '../../src/rules/no-unverified-tls';
import { ruleTests } from '../harness/rule-tester';

const dir = join(__dirname, 'fixtures', 'module-choice');
const at = (name: string): string => join(dir, name);

const ifElse = (prod: string, dev: string): string =>
  `if (process.env.NODE_ENV === 'production') {\n  module.exports = require('${prod}');\n} else {\n  module.exports = require('${dev}');\n}`;

ruleTests('no-environment-branching: configuration modules chosen by environment', branching, {
  valid: [
    // The modules hold no backing-service configuration.
    { code: ifElse('./analytics-prod', './analytics-dev'), sourceType: 'commonjs', filename: at('analytics.js') },
    // A module that is not there, and one that does not parse: nothing to judge, nothing thrown.
    { code: ifElse('./missing-prod', './missing-dev'), sourceType: 'commonjs', filename: at('keys.js') },
    { code: ifElse('./broken', './analytics-dev'), sourceType: 'commonjs', filename: at('keys.js') },
    // The test runner's own configuration.
    { code: "module.exports = process.env.NODE_ENV === 'test' ? require('./dev') : require('./prod');", sourceType: 'commonjs', filename: at('keys.js') },
    // One module whatever the environment.
    { code: "module.exports = process.env.NODE_ENV === 'production' ? require('./prod') : require('./prod.js');", sourceType: 'commonjs', filename: at('keys.js') },
    // Chosen, but not what the module exports.
    { code: "const keys = process.env.NODE_ENV === 'production' ? require('./prod') : require('./dev');\nconsole.log(Object.keys(keys));\nmodule.exports = {};", sourceType: 'commonjs', filename: at('keys.js') },
    // Packages are not the project's configuration modules.
    { code: "module.exports = process.env.NODE_ENV === 'production' ? require('pino') : require('pino-pretty');", sourceType: 'commonjs', filename: at('logger.js') },
  ],
  invalid: [
    {
      name: 'module.exports in the paths of an if',
      code: ifElse('./prod', './dev'),
      sourceType: 'commonjs',
      filename: at('keys.js'),
      errors: [{ messageId: 'config', line: 1, column: 5, data: { client: 'mongodb', setting: 'its configuration', what: 'the environment name' } }],
    },
    {
      // dev.js is often left out of the repository: production's module names a MongoDB URI.
      name: 'the development module is not there',
      code: ifElse('./prod', './dev-not-committed'),
      sourceType: 'commonjs',
      filename: at('keys.js'),
      errors: [{ messageId: 'config', line: 1, data: { client: 'mongodb', setting: 'its configuration', what: 'the environment name' } }],
    },
    {
      name: 'a conditional between two required modules',
      code: "module.exports = process.env.NODE_ENV !== 'production' ? require('./dev') : require('./prod');",
      sourceType: 'commonjs',
      filename: at('keys.js'),
      errors: [{ messageId: 'config', line: 1, column: 18 }],
    },
    {
      name: 'a variable given one module, and another in an if, spread into the exports',
      code: "const isDev = process.env.NODE_ENV !== 'prod';\nconst base = { port: 3000 };\nconst dev = require('./dev');\nconst prod = require('./prod');\nlet envConfig = prod;\nif (isDev) {\n  envConfig = dev;\n}\nmodule.exports = { ...base, ...envConfig };",
      sourceType: 'commonjs',
      filename: at('index.js'),
      errors: [{ messageId: 'config', line: 6 }],
    },
    {
      name: 'imported modules, chosen in the default export',
      code: "import prod from './prod.js';\nimport dev from './dev.js';\nexport default process.env.NODE_ENV === 'production' ? prod : dev;",
      filename: at('keys.mjs'),
      errors: [{ messageId: 'config', line: 3 }],
    },
    {
      name: 'JSON modules, read as the value they export',
      code: "const settings = process.env.NODE_ENV === 'production' ? require('./settings/production.json') : require('./settings/development.json');\nmodule.exports = settings;",
      sourceType: 'commonjs',
      filename: at('settings.js'),
      errors: [{ messageId: 'config', line: 1, data: { client: 'ioredis', setting: 'its configuration', what: 'the environment name' } }],
    },
    {
      name: "TypeScript's import-equals",
      code: "import prod = require('./prod');\nimport dev = require('./dev');\nconst isProd = process.env.NODE_ENV === 'production';\nexport = isProd ? prod : dev;",
      filename: at('keys.ts'),
      tsOnly: true,
      errors: [{ messageId: 'config', line: 4 }],
    },
    {
      name: 'TypeScript modules, read with the TypeScript parser',
      code: "import production from './db-production';\nimport development from './db-development';\nconst isProduction = process.env.NODE_ENV === 'production';\nexport default isProduction ? production : development;",
      filename: at('db.ts'),
      tsOnly: true,
      errors: [{ messageId: 'config', line: 4, data: { client: 'mysql2', setting: 'its configuration', what: 'the environment name' } }],
    },
  ],
});

ruleTests('no-environment-branching: a helper from a project module that picks a value by environment', branching, {
  valid: [
    { code: "const { firstSet } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: firstSet(undefined, false) });", sourceType: 'commonjs', filename: at('db.js') },
    { code: "const { orDefault } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: orDefault({ ca: process.env.CA }, false) });", sourceType: 'commonjs', filename: at('db.js') },
    { code: "const { unlessTesting } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: unlessTesting({ ca: process.env.CA }, false) });", sourceType: 'commonjs', filename: at('db.js') },
    // The same values either way.
    { code: "const { byEnvironment } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: byEnvironment(false, false) });", sourceType: 'commonjs', filename: at('db.js') },
    // A package's helper of the same name, and a module that is not there.
    { code: "const { byEnvironment } = require('env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: byEnvironment({ rejectUnauthorized: false }, false) });", sourceType: 'commonjs', filename: at('db.js') },
    { code: "const { byEnvironment } = require('./missing-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: byEnvironment({ rejectUnauthorized: false }, false) });", sourceType: 'commonjs', filename: at('db.js') },
    // TypeScript's import-equals binds the whole module, not a helper (and must not be read as one).
    { code: "import helpers = require('./env-helper');\nimport { Pool } from 'pg';\nnew Pool({ ssl: helpers({ rejectUnauthorized: true }, false) });", filename: at('db.ts'), tsOnly: true },
  ],
  invalid: [
    {
      name: 'required with destructuring',
      code: "const { byEnvironment } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl: byEnvironment({ rejectUnauthorized: false }, false) });",
      sourceType: 'commonjs',
      filename: at('db.js'),
      errors: [{ messageId: 'config', line: 3, column: 61, data: { client: 'pg', setting: '`ssl`', what: 'the environment name' } }],
    },
    {
      name: 'imported by name',
      code: "import { byEnvironment as env } from './env-helper.js';\nimport Redis from 'ioredis';\nexport const redis = new Redis({ host: env('cache.internal', 'localhost') });",
      filename: at('cache.mjs'),
      errors: [{ messageId: 'config', line: 3, data: { client: 'ioredis', setting: '`host`', what: 'the environment name' } }],
    },
    {
      name: 'a TypeScript helper, read with the TypeScript parser',
      code: "import { pick } from './env-helper';\nimport { Pool } from 'pg';\nexport const pool = new Pool({ ssl: pick({ rejectUnauthorized: true }, false) });",
      filename: at('db.ts'),
      tsOnly: true,
      errors: [{ messageId: 'config', line: 3 }],
    },
  ],
});

ruleTests('no-unverified-tls: the values a project helper picks between', unverified, {
  valid: [{ code: "const { byEnvironment } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: byEnvironment({ rejectUnauthorized: true }, false) });", sourceType: 'commonjs', filename: at('db.js') }],
  invalid: [
    {
      code: "const { byEnvironment } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: byEnvironment({ rejectUnauthorized: false }, false) });",
      sourceType: 'commonjs',
      filename: at('db.js'),
      errors: [{ messageId: 'unverified', line: 3, suggestions: [{ messageId: 'suggestSecure', output: "const { byEnvironment } = require('./env-helper');\nconst { Pool } = require('pg');\nnew Pool({ ssl: byEnvironment({ rejectUnauthorized: true }, false) });" }] }],
    },
  ],
});
