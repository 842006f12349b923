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
  it('client-only rules register nothing in a file that names no catalog module', () => {
    const found = listeners("const x = require('lodash');\nmodule.exports = { host: 'db.internal' };");
    for (const id of CLIENT_ONLY) expect(found[id], id).toEqual([]);
    expect(found['no-unverified-tls']).toEqual([]);
    // These also judge env reads, URLs and exported per-environment maps.
    expect(found['no-local-service-fallback']).toEqual(['Program']);
    expect(found['no-plaintext-service-url']).toEqual(['Program']);
    expect(found['no-environment-branching']).toEqual(['Program']);
  });

  it('every rule listens in a file that names a catalog module', () => {
    const found = listeners("const { Pool } = require('pg');\nnew Pool();");
    for (const id of Object.keys(rules)) expect(found[id], id).toEqual(['Program']);
  });

  it('no-unverified-tls still listens for the process-wide switch without a catalog module', () => {
    expect(listeners("process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';")['no-unverified-tls']).toEqual(['Program']);
  });
});
