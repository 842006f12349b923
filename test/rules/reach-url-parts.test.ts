/**
 * Connection URLs written in parts: the URL from the environment with TLS parameters written
 * after it (`${process.env.DATABASE_URL}?sslmode=no-verify`), a suffix chosen in a template, and
 * a suffix kept in a variable that an `if` on the environment name writes. Reported where the
 * parameter is written.
 */
import branching from '../../src/rules/no-environment-branching';
import unverified from '../../src/rules/no-unverified-tls';
import { ruleTests } from '../harness/rule-tester';

ruleTests('no-unverified-tls: parameters after a URL from the environment', unverified, {
  valid: [
    { code: "import { Pool } from 'pg';\nnew Pool({ connectionString: `${process.env.DATABASE_URL}?sslmode=verify-full` });" },
    { code: "const { Pool } = require('pg');\nnew Pool({ connectionString: process.env.DATABASE_URL + '?application_name=api' });", sourceType: 'commonjs' },
    // The parameter's value is not written: nothing to judge.
    { code: "import { Pool } from 'pg';\nnew Pool({ connectionString: `${process.env.DATABASE_URL}?sslmode=${process.env.PGSSLMODE}` });" },
    // A look-alike: a web request's query, not a client's URL.
    { code: "const url = `${process.env.API_URL}?sslmode=no-verify`;\nfetch(url);" },
  ],
  invalid: [
    {
      code: "import { Pool } from 'pg';\nnew Pool({ connectionString: `${process.env.DATABASE_URL}?sslmode=no-verify` });",
      errors: [{ messageId: 'unverified', line: 2 }],
    },
    {
      code: "const { Pool } = require('pg');\nnew Pool({ connectionString: process.env.DATABASE_URL + '?sslmode=no-verify' });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'unverified', line: 2 }],
    },
    {
      name: 'a suffix chosen in the template, reported at the choice that writes it',
      code: "import { Pool } from 'pg';\nconst remote = process.env.DB_REMOTE === 'true';\nnew Pool({\n  connectionString: `${process.env.DATABASE_URL}${remote\n    ? '?sslmode=no-verify'\n    : ''}`,\n});",
      errors: [{ messageId: 'unverified', line: 5 }],
    },
    {
      name: 'a constant suffix after a choice of URLs, reported at the constant',
      code: "import { Pool } from 'pg';\nconst SUFFIX = '?sslmode=no-verify';\nconst remote = process.env.DB_REMOTE === 'true';\nnew Pool({\n  connectionString: `${remote ? 'postgres://db.example.com/app' : process.env.LOCAL_DB_URL}${SUFFIX}`,\n});",
      errors: [{ messageId: 'unverified', line: 2 }],
    },
    {
      name: 'a suffix kept in a variable, reported where it is written',
      code: "const knex = require('knex');\nlet flags = '';\nif (process.env.USE_SSL) flags = '?sslmode=no-verify';\nknex({ client: 'pg', connection: `${process.env.DATABASE_URL}${flags}` });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'unverified', line: 3 }],
    },
  ],
});

ruleTests('no-environment-branching: a variable written by an if on the environment name', branching, {
  valid: [
    // Written by an `if` on something else than the environment.
    { code: "import { Pool } from 'pg';\nlet flags = '';\nif (process.env.DB_SSL) flags = '?sslmode=verify-full';\nnew Pool({ connectionString: `${process.env.DATABASE_URL}${flags}` });" },
    // Written by an `if` on the environment, but not an option a connection depends on.
    { code: "import { Pool } from 'pg';\nlet max = 10;\nif (process.env.NODE_ENV === 'production') max = 50;\nnew Pool({ connectionString: process.env.DATABASE_URL, max });" },
  ],
  invalid: [
    {
      code: "import { Pool } from 'pg';\nlet flags = '';\nif (process.env.NODE_ENV === 'production') flags = '?sslmode=no-verify';\nnew Pool({ connectionString: `${process.env.DATABASE_URL}${flags}` });",
      errors: [{ messageId: 'config', line: 3 }],
    },
    {
      code: "const { Pool } = require('pg');\nlet ssl = false;\nif (process.env.NODE_ENV === 'production') {\n  ssl = { ca: process.env.PG_CA };\n}\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'config', line: 3 }],
    },
  ],
});
