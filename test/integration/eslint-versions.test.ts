import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const requireHere = createRequire(__filename);
const entry = resolve(__dirname, '../../dist/src/index.js');

interface ESLintClass {
  new (options: { cwd: string }): { lintFiles(patterns: string[]): Promise<Array<{ messages: Array<{ ruleId: string | null; message: string }> }>> };
  version: string;
}

/**
 * A user project as the README describes it: `eslint.config.js` requires the installed plugin
 * (here the build) and spreads `configs.recommended`. Run with ESLint 10 and ESLint 9.
 */
const project = mkdtempSync(join(tmpdir(), 'bs-user-'));
writeFileSync(
  join(project, 'eslint.config.js'),
  `const backingServices = require(${JSON.stringify(entry)});\nmodule.exports = [backingServices.configs.recommended];\n`,
);
writeFileSync(join(project, 'db.js'), "const { Pool } = require('pg');\nmodule.exports = new Pool({ ssl: { rejectUnauthorized: false } });\n");
writeFileSync(join(project, 'clean.js'), "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });\n");
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe.each([
  ['eslint', 10],
  ['eslint9', 9],
])('a user project on %s', (pkg, major) => {
  it('loads the plugin from eslint.config.js and reports with configs.recommended', async () => {
    const { ESLint } = requireHere(pkg) as { ESLint: ESLintClass };
    expect(Number(ESLint.version.split('.')[0])).toBe(major);
    const results = await new ESLint({ cwd: project }).lintFiles(['*.js']);
    const byFile = results.map((r) => r.messages.map((m) => m.ruleId));
    expect(byFile.flat()).toEqual(['backing-services/no-unverified-tls']);
  });
});

describe('the plugin object', () => {
  it('has meta, rules and configs computed from rule metadata', () => {
    const plugin = requireHere(entry) as {
      meta: { name: string; version: string; namespace: string };
      rules: Record<string, { meta: { docs: { recommended?: boolean } } }>;
      configs: Record<string, { name: string; rules: Record<string, unknown>; plugins: Record<string, unknown> }>;
    };
    const pkg = requireHere('../../package.json') as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'backing-services' });
    const ids = Object.keys(plugin.rules);
    expect(Object.keys(plugin.configs.all!.rules)).toEqual(ids.map((id) => `backing-services/${id}`));
    const recommended = ids.filter((id) => plugin.rules[id]!.meta.docs.recommended);
    expect(Object.keys(plugin.configs.recommended!.rules)).toEqual(recommended.map((id) => `backing-services/${id}`));
    for (const name of ['recommended', 'strict', 'all']) {
      expect(plugin.configs[name]!.name).toBe(`backing-services/${name}`);
      expect(plugin.configs[name]!.plugins['backing-services']).toBe(plugin);
    }
  });
});
