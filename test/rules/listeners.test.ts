import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules';
import { withAnalysis } from '../analysis/probe';

/** The selectors each rule registers for `code`, keyed by rule id. */
function listeners(code: string): Record<string, string[]> {
  return withAnalysis(code, (_analysis, sourceCode) =>
    Object.fromEntries(
      Object.entries(rules).map(([id, rule]) => {
        const context = { sourceCode, options: [], filename: '/project/src/app.js', cwd: '/project', report: () => undefined };
        return [id, Object.keys((rule.create as (c: unknown) => object)(context))];
      }),
    ),
  );
}

/** What a rule that judges the file registers: the root of a program and of a JSON document. */
const ONCE = ['Program', 'Document'];

// Rules whose every finding needs a client, an assignment or a helper call of a catalog module.
const CLIENT_ONLY = [
  'no-hardcoded-service-location',
  'no-hardcoded-service-credentials',
  'no-privileged-service-account',
  'no-client-outside-resource-module',
  'no-disabled-tls',
  'no-weak-tls',
];

describe('rules register listeners only where they can find something', () => {
  it('client-only rules register nothing in a file that names no catalog module and exports no configuration', () => {
    const found = listeners("const x = require('lodash');\nmodule.exports = { render: x.template, port: 3000 };");
    for (const id of CLIENT_ONLY) expect(found[id], id).toEqual([]);
    expect(found['no-unverified-tls']).toEqual([]);
    // Nor do the rules that also judge env reads, URLs and exported maps, when there are none.
    expect(found['no-local-service-fallback']).toEqual([]);
    expect(found['no-plaintext-service-url']).toEqual([]);
    expect(found['no-environment-branching']).toEqual([]);
  });

  it('the env-read, URL and exported-map rules listen when the text can hold what they judge', () => {
    expect(listeners("const url = process.env.DATABASE_URL || 'postgres://localhost/dev';")).toMatchObject({
      'no-local-service-fallback': ONCE,
      'no-plaintext-service-url': ONCE,
      'no-environment-branching': [],
    });
    expect(listeners("const { REDIS_URL = 'redis://localhost' } = process['env'];")['no-local-service-fallback']).toEqual(ONCE);
    expect(listeners("const env = require('env-var');\nenv.get('DB_HOST').default('localhost').asString();")['no-local-service-fallback']).toEqual(ONCE);
    // `process` without `env` (and `env` without `process`) cannot read the environment.
    expect(listeners("process.exit(1); const environment = 'x';")['no-local-service-fallback']).toEqual([]);
    expect(listeners("module.exports = { development: { client: 'pg' }, production: { client: 'pg' } };")['no-environment-branching']).toEqual(ONCE);
    expect(listeners("export default { development: { dialect: 'mysql' } };")['no-environment-branching']).toEqual(ONCE);
    // An exported value without environment names, and environment names without an export.
    expect(listeners('module.exports = { client: knexClient };')['no-environment-branching']).toEqual([]);
    expect(listeners("const config = { development: { client: dbClient } };")['no-environment-branching']).toEqual([]);
  });

  it('the configuration rules listen in a file that exports a value next to words an option shape needs', () => {
    const found = listeners("module.exports = { db: { host: 'db.internal', password: 'x' } };");
    for (const id of CLIENT_ONLY) if (id !== 'no-client-outside-resource-module') expect(found[id], id).toEqual(ONCE);
    // Words without an export, and an export without the words.
    expect(listeners("const db = { host: 'db.internal' };")['no-hardcoded-service-location']).toEqual([]);
    expect(listeners('export const render = () => null;')['no-hardcoded-service-location']).toEqual([]);
  });

  it('every rule but the URL one listens in a file that names a catalog module', () => {
    const found = listeners("const { Pool } = require('pg');\nnew Pool();");
    // A client built outside the resource layer is a program's, never a JSON file's.
    for (const id of Object.keys(rules)) if (id !== 'no-plaintext-service-url') expect(found[id], id).toEqual(id === 'no-client-outside-resource-module' ? ['Program'] : ONCE);
    // Its findings are URLs, whatever the file imports.
    expect(found['no-plaintext-service-url']).toEqual([]);
    expect(listeners("const { Pool } = require('pg');\nnew Pool({ connectionString: 'postgres://db/app' });")['no-plaintext-service-url']).toEqual(ONCE);
  });

  it('no-unverified-tls still listens for the process-wide switch without a catalog module', () => {
    expect(listeners("process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';")['no-unverified-tls']).toEqual(ONCE);
  });
});
