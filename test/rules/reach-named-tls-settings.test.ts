/**
 * TLS settings a configuration module exports under a service's name for a client in another
 * module (`export const DB_SSL = IS_PRODUCTION ? { rejectUnauthorized: false } : undefined`), and
 * convict definitions of such a setting whose default is the environment test: two of the
 * tenth field sample's misses, in our own words.
 */
import branching from '../../src/rules/no-environment-branching';
import unverified from '../../src/rules/no-unverified-tls';
import { ruleTests } from '../harness/rule-tester';

const flag = "const isProduction = process.env.NODE_ENV === 'production';";

ruleTests('no-unverified-tls: TLS settings exported under a service name', unverified, {
  valid: [
    { code: 'export const DB_SSL = { rejectUnauthorized: true };' },
    { code: 'export const DB_SSL = { ca: process.env.DB_CA };' },
    // Not a backing service's setting, or no service named.
    { code: 'export const HTTPS_TLS = { rejectUnauthorized: false };' },
    { code: 'export const SSL = { rejectUnauthorized: false };' },
    { code: 'module.exports = { USE_SSL: { rejectUnauthorized: false } };', sourceType: 'commonjs' },
    // Not exported: nothing hands it to a client.
    { code: 'const DB_SSL = { rejectUnauthorized: false };\nconsole.log(DB_SSL);' },
    // A certificate path is not a TLS options object.
    { code: "export const DB_SSL_CERT = { rejectUnauthorized: false, path: './ca.pem' };" },
  ],
  invalid: [
    {
      code: `${flag}\nexport const DB_SSL = isProduction ? { rejectUnauthorized: false } : undefined;`,
      errors: [{ messageId: 'namedSetting', data: { name: 'DB_SSL' }, line: 2, column: 40 }],
    },
    {
      code: "import { IS_PRODUCTION } from './server';\nexport const DB_SSL = IS_PRODUCTION ? { rejectUnauthorized: false } : undefined;",
      errors: [{ messageId: 'namedSetting', line: 2 }],
    },
    {
      code: 'module.exports = {\n  redis: { tls: { rejectUnauthorized: false } },\n};',
      sourceType: 'commonjs',
      errors: [{ messageId: 'namedSetting', data: { name: 'redis.tls' }, line: 2 }],
    },
    {
      code: 'exports.PG_SSL_OPTIONS = { ca: undefined,\n  rejectUnauthorized: false };',
      sourceType: 'commonjs',
      errors: [{ messageId: 'namedSetting', data: { name: 'PG_SSL_OPTIONS' }, line: 2 }],
    },
    {
      code: 'export const DATABASE_SSL: { rejectUnauthorized: boolean } = { rejectUnauthorized: false };',
      tsOnly: true,
      errors: [{ messageId: 'namedSetting', data: { name: 'DATABASE_SSL' }, line: 1 }],
    },
  ],
});

// A setting inside options the analysis already judges as a client's is that client's finding, once.
ruleTests('no-unverified-tls: a named setting inside a client options object is reported once', unverified, {
  valid: [],
  invalid: [
    {
      code: "import { Pool } from 'pg';\nexport const db = { ssl: { rejectUnauthorized: false } };\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, ...db });",
      errors: [{ messageId: 'unverified', line: 2 }],
    },
  ],
});

ruleTests('no-environment-branching: TLS settings exported under a service name', branching, {
  valid: [
    // The same whichever way the test goes, or not an environment test.
    { code: `${flag}\nexport const DB_SSL = isProduction ? { ca: process.env.DB_CA } : { ca: process.env.DB_CA };` },
    { code: "export const DB_SSL = process.env.DB_SSL === 'true' ? { ca: process.env.DB_CA } : false;" },
    // Only the test runner is told apart.
    { code: "export const DB_SSL = process.env.NODE_ENV === 'test' ? false : { ca: process.env.DB_CA };" },
    // Not a service's TLS setting.
    { code: `${flag}\nexport const LOG_LEVEL = isProduction ? 'info' : 'debug';\nexport const HTTPS_TLS = isProduction ? {} : undefined;` },
    // A convict definition whose default is no environment test.
    {
      code: "import convict from 'convict';\nexport const config = convict({ postgres: { ssl: { format: Boolean, default: true, env: 'DB_SSL' } } });",
    },
  ],
  invalid: [
    {
      code: `${flag}\nexport const DB_SSL = isProduction ? { ca: process.env.DB_CA } : undefined;`,
      errors: [{ messageId: 'setting', data: { name: 'DB_SSL', what: 'the environment name' }, line: 2, column: 23 }],
    },
    {
      code: "import { IS_PRODUCTION } from './server';\nexport const DB_SSL = IS_PRODUCTION ? { rejectUnauthorized: false } : undefined;",
      errors: [{ messageId: 'setting', line: 2 }],
    },
    {
      code: "module.exports = {\n  redis: { tls: process.env.NODE_ENV !== 'development' && {} },\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'setting', data: { name: 'redis.tls', what: 'the environment name' }, line: 2 }],
    },
    {
      code: `${flag}\nimport convict from 'convict';\nexport const config = convict({\n  postgres: {\n    ssl: { doc: 'TLS', format: Boolean,\n      default: isProduction, env: 'DB_SSL' },\n  },\n});`,
      errors: [{ messageId: 'setting', data: { name: 'DB_SSL', what: 'the environment name' }, line: 6 }],
    },
    {
      code: `${flag}\nconst convict = require('convict');\nmodule.exports = convict({ redis: { tls: { format: Boolean, default: !isProduction, env: 'REDIS_TLS' } } });`,
      sourceType: 'commonjs',
      errors: [{ messageId: 'setting', data: { name: 'REDIS_TLS', what: 'the environment name' }, line: 3 }],
    },
  ],
});

// `IS_LOCAL_DATABASE`, `USE_CLOUD_REDIS`: a flag that says whether one service is local, as `USE_LOCAL_DB` does.
ruleTests('no-environment-branching: a flag naming whether one service is local', branching, {
  valid: [
    { code: "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.IS_LOCAL_FILE ? 'postgres://localhost/app' : process.env.DATABASE_URL });", sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.IS_LOCAL_DATABASE ? 'postgres://localhost/app' : process.env.DATABASE_URL });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 2 }],
    },
    {
      code: "import Redis from 'ioredis';\nexport const redis = new Redis(process.env.REDIS_URL, { tls: process.env.USE_CLOUD_REDIS === 'true' ? {} : undefined });",
      errors: [{ messageId: 'config', line: 2 }],
    },
  ],
});
