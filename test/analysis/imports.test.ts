/**
 * What a file imports (analysis/imports.ts), read from its top-level statements and its global
 * `require` references: the gate that decides whether client resolution runs at all.
 */
import { describe, expect, it } from 'vitest';
import { importedNames, knownModules } from '../../src/analysis/imports';
import { withAnalysis } from './probe';

const imported = (code: string, options: Parameters<typeof withAnalysis>[2] = {}): string[] => withAnalysis(code, (analysis) => [...analysis.importedModules].sort(), options);

describe('importedModules', () => {
  it.each([
    ["import { Pool } from 'pg';", ['pg']],
    ["export { Pool } from 'pg';", ['pg']],
    ["export * from 'mongodb';", ['mongodb']],
    ["import tls from 'node:tls';", ['tls']],
    ["import { createClient } from '@redis/client/dist/lib/client';", ['@redis/client']],
    ["import { ConfigModule } from '@nestjs/config';\nimport { cleanEnv } from 'envalid';", ['@nestjs/config', 'envalid']],
    ["import x from 'pg';\nimport y from 'pg';", ['pg']],
  ])('module: %s', (code, expected) => {
    expect(imported(code)).toEqual(expected);
  });

  it.each([
    ['const { Pool } = require("pg-pool");', ['pg-pool']],
    ['function connect() { return new (require(`mysql2`).createPool)({}); }', ['mysql2']],
    ["const pg = require('pg');\nconst ioredis = require('ioredis');", ['ioredis', 'pg']],
  ])('commonjs: %s', (code, expected) => {
    expect(imported(code, { sourceType: 'commonjs' })).toEqual(expected);
  });

  it("TypeScript's import x = require() and type-only imports (option types)", () => {
    expect(imported("import pg = require('pg');", { ts: true })).toEqual(['pg']);
    expect(imported("import type { RedisOptions } from 'ioredis';", { ts: true })).toEqual(['ioredis']);
  });

  it.each([
    ["import x from 'pg-promise';"],
    ["import x from './pg';"],
    ['// uses pg and tls'],
    ["const client = 'pg';"],
    ["import x from 'node:http';"],
  ])('finds nothing in %s', (code) => {
    expect(imported(code)).toEqual([]);
  });

  it('not a require the file declares itself, nor one called with a computed name', () => {
    expect(imported("function require(m) { return m; }\nrequire('pg');", { sourceType: 'commonjs' })).toEqual([]);
    expect(imported("const name = 'pg';\nrequire(name);", { sourceType: 'commonjs' })).toEqual([]);
  });

  it('the same when the config declares Node\'s globals (`globals.node`), and process.env is found too', () => {
    const globals = { require: 'readonly', process: 'readonly', module: 'writable' } as const;
    const code = "const Redis = require('ioredis');\nmodule.exports = new Redis(process.env.REDIS_URL || 'redis://cache.internal');";
    for (const sourceType of ['commonjs', 'module'] as const) {
      const seen = withAnalysis(code, (analysis) => ({ modules: [...analysis.importedModules], reads: analysis.envReads.map((read) => read.name), sites: analysis.sites.length }), { sourceType, globals });
      expect(seen).toEqual({ modules: ['ioredis'], reads: ['REDIS_URL'], sites: 1 });
    }
  });

  it('a module the settings map to a catalog library names one', () => {
    const settings = { 'backing-services': { modules: { 'ldapjs-hotfix': 'ldapjs' } } };
    const names = (code: string): boolean => withAnalysis(code, (analysis) => analysis.namesCatalogModule, { settings });
    expect(names("import ldap from 'ldapjs-hotfix';")).toBe(true);
    expect(names("const s = 'ldapjs-hotfix';")).toBe(false);
  });
});

describe('importedNames', () => {
  const known = knownModules(['pg', '@redis/client', 'tls', 'mysql2/promise', '@aws-sdk']);

  it('keeps a known name, its subpaths and node: built-ins, and nothing else', () => {
    expect([...importedNames(['pg/lib/native', '@redis/client', 'node:tls', 'pg-promise', '@redis', './pg', '@redis/search'], known)].sort()).toEqual(['@redis/client', 'pg', 'tls']);
    expect([...importedNames(['mysql2/promise', 'mysql2'], known)]).toEqual(['mysql2/promise']);
    // A scope the catalog knows as a family (`@aws-sdk/client-*`).
    expect([...importedNames(['@aws-sdk/client-s3'], known)]).toEqual(['@aws-sdk']);
  });
});
