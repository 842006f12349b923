/**
 * Directus keeps its database settings as flat `DB_*` keys (in the environment, or a config
 * module exporting the same names), which it hands to knex: judged by the driver's facts under
 * those names. An object with such keys but another driver, or no `DB_CLIENT`, stays silent.
 */
import branching from '../../src/rules/no-environment-branching';
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import privileged from '../../src/rules/no-privileged-service-account';
import disabled from '../../src/rules/no-disabled-tls';
import unverified from '../../src/rules/no-unverified-tls';
import { ruleTests, type ValidCase } from '../harness/rule-tester';

const fromEnvironment = "  DB_CLIENT: 'pg',\n  DB_CONNECTION_STRING: process.env.DB_CONNECTION_STRING,\n  DB_USER: process.env.DB_USER,\n  DB_PASSWORD: process.env.DB_PASSWORD,\n";

const silent: ValidCase[] = [
  { code: `module.exports = {\n${fromEnvironment}};`, sourceType: 'commonjs' },
  { code: `export default {\n${fromEnvironment}  DB_SSL__REJECT_UNAUTHORIZED: true,\n};` },
  // A file-backed driver, and flat keys with no driver named.
  { code: "module.exports = { DB_CLIENT: 'sqlite3', DB_FILENAME: './data.db', DB_SSL: false };", sourceType: 'commonjs' },
  { code: "export default { DB_HOST: process.env.DB_HOST, DB_SSL__REJECT_UNAUTHORIZED: false, DB_SSL: false };" },
];

ruleTests('no-unverified-tls: Directus configuration', unverified, {
  valid: silent,
  invalid: [
    {
      code: "module.exports = {\n  DB_CLIENT: 'pg',\n  DB_HOST: process.env.DB_HOST,\n  DB_SSL__REJECT_UNAUTHORIZED: false,\n};",
      sourceType: 'commonjs',
      errors: [
        {
          messageId: 'unverified',
          line: 4,
          suggestions: [{ messageId: 'suggestSecure', output: "module.exports = {\n  DB_CLIENT: 'pg',\n  DB_HOST: process.env.DB_HOST,\n  DB_SSL__REJECT_UNAUTHORIZED: true,\n};" }],
        },
      ],
    },
    {
      code: "export default {\n  DB_CLIENT: 'postgres',\n  DB_CONNECTION_STRING: `${process.env.DATABASE_URL}?sslmode=no-verify`,\n};",
      errors: [{ messageId: 'unverified', line: 3, suggestions: [] }],
    },
  ],
});

ruleTests('no-disabled-tls: Directus configuration', disabled, {
  valid: silent,
  invalid: [{ code: "export default { DB_CLIENT: 'pg', DB_HOST: process.env.DB_HOST, DB_SSL: false };", errors: [{ messageId: 'disabled' }] }],
});

ruleTests('no-hardcoded-service-location: Directus configuration', location, {
  valid: silent,
  invalid: [
    {
      code: "module.exports = {\n  DB_CLIENT: 'mysql',\n  DB_HOST: 'mysql.internal',\n  DB_PORT: 3306,\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 3, data: { client: 'Directus', path: 'DB_HOST', what: 'host', envVar: 'DB_CONNECTION_STRING' }, suggestions: [] }],
    },
  ],
});

ruleTests('no-hardcoded-service-credentials and no-privileged-service-account: Directus configuration', credentials, {
  valid: silent,
  invalid: [{ code: "export default {\n  DB_CLIENT: 'pg',\n  DB_HOST: process.env.DB_HOST,\n  DB_PASSWORD: 's3cr3t-pw',\n};", errors: [{ messageId: 'option', line: 4 }] }],
});

ruleTests('no-privileged-service-account: Directus configuration', privileged, {
  valid: silent,
  invalid: [{ code: "module.exports = { DB_CLIENT: 'pg', DB_HOST: process.env.DB_HOST, DB_USER: 'postgres' };", sourceType: 'commonjs', errors: [{ messageId: 'option' }] }],
});

ruleTests('no-environment-branching: Directus configuration', branching, {
  valid: silent,
  invalid: [
    {
      name: 'a URL suffix chosen by the environment name',
      code: "let flags = '';\nif (process.env.NODE_ENV === 'production') {\n  flags = '?sslmode=require';\n}\nmodule.exports = {\n  DB_CLIENT: 'pg',\n  DB_CONNECTION_STRING: `${process.env.DATABASE_URL}${flags}`,\n};",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 2 }],
    },
  ],
});
