import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../src/analysis/settings';
import { withAnalysis } from './probe';

const modules = (map: Record<string, unknown>) => ({ 'backing-services': { modules: map } });

describe("settings['backing-services'].modules", () => {
  it('maps a fork or an in-house wrapper to a catalog library', () => {
    const found = (code: string, settings: Record<string, unknown>, filename = 'src/app.js') =>
      withAnalysis(code, (analysis) => analysis.sites.map((s) => `${s.entry.id}:${s.factory?.path}`), { settings, filename });
    expect(found("import ldap from 'ldapjs-hotfix';\nldap.createClient({ url: 'ldap://x' });", modules({ 'ldapjs-hotfix': 'ldapjs' }))).toEqual(['ldapjs:createClient']);
    // A relative module, from any file that imports it (keys resolve against the working directory).
    expect(found("import { Pool } from '../lib/db';\nnew Pool({});", modules({ './lib/db': 'pg' }), 'src/app.js')).toEqual(['pg:Pool']);
    expect(found("const { Pool } = require('./db');\nnew Pool({});", modules({ './lib/db': 'pg' }), 'lib/app.js')).toEqual(['pg:Pool']);
    expect(found("import { Pool } from './db/index.js';\nnew Pool({});", modules({ './lib/db': 'pg' }), 'lib/app.js')).toEqual(['pg:Pool']);
    // Not the same module, and nothing mapped.
    expect(found("import { Pool } from './db';\nnew Pool({});", modules({ './lib/db': 'pg' }), 'src/app.js')).toEqual([]);
    expect(found("import ldap from 'ldapjs-hotfix';\nldap.createClient({});", {})).toEqual([]);
  });

  it('rejects what it cannot use, saying what to write', () => {
    const bad = (settings: unknown) => () => readSettings(settings, '/project');
    expect(bad({ 'backing-services': 'pg' })).toThrow(SettingsError);
    expect(bad({ 'backing-services': { module: {} } })).toThrow(/unknown key `module`/);
    expect(bad(modules({ './db': 'postgresql-client' }))).toThrow(/"postgresql-client" is not a library the plugin knows/);
    expect(bad(modules({ './db': 42 }))).toThrow(/must be a catalog library name/);
    expect(bad({ 'backing-services': { modules: ['pg'] } })).toThrow(/must map module specifiers/);
    expect(readSettings({}, '/project').packages.size).toBe(0);
    // A catalog library by package name or by entry id.
    expect(readSettings(modules({ a: 'mysql2/promise', b: '@nestjs/typeorm' }), '/project').packages.get('a')?.id).toBe('mysql2');
  });
});
