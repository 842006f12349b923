import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const requireHere = createRequire(__filename);
const entry = resolve(__dirname, '../../dist/src/index.js');

interface ESLintClass {
  new (options: { cwd: string }): { lintFiles(patterns: string[]): Promise<Array<{ filePath: string; messages: Array<{ ruleId: string | null; message: string }> }>> };
  version: string;
}

/**
 * A user project as the README describes it: `eslint.config.js` requires the installed plugin
 * (here the build) and spreads `configs.recommended` (an array: the config and its test-file
 * relaxation). Run with ESLint 10 and ESLint 9.
 */
const project = mkdtempSync(join(tmpdir(), 'bs-user-'));
writeFileSync(
  join(project, 'eslint.config.js'),
  `const backingServices = require(${JSON.stringify(entry)});\nmodule.exports = [...backingServices.configs.recommended];\n`,
);
writeFileSync(join(project, 'db.js'), "const { Pool } = require('pg');\nmodule.exports = new Pool({ ssl: { rejectUnauthorized: false } });\n");
// Test code: a client against a local test container is normal there, so `recommended` stays
// quiet on the attached-resource rules (`relaxedInTests`) while TLS rules still apply.
mkdirSync(join(project, 'test'));
writeFileSync(
  join(project, 'test', 'db.js'),
  "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL || 'postgres://localhost/test' });\n",
);
writeFileSync(
  join(project, 'app.js'),
  "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL || 'postgres://localhost/dev' });\n",
);
// The other ways of using the configs: spread, and `extends` by name under defineConfig.
const spreadProject = mkdtempSync(join(tmpdir(), 'bs-user-spread-'));
const extendsProject = mkdtempSync(join(tmpdir(), 'bs-user-extends-'));
writeFileSync(
  join(spreadProject, 'eslint.config.js'),
  `const { defineConfig } = require(${JSON.stringify(requireHere.resolve('eslint/config'))});\nconst backingServices = require(${JSON.stringify(entry)});\nmodule.exports = defineConfig([backingServices.configs.recommended]);\n`,
);
for (const dir of [spreadProject, extendsProject]) {
  mkdirSync(join(dir, 'test'));
  writeFileSync(join(dir, 'app.js'), "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL || 'postgres://localhost/dev' });\n");
  writeFileSync(join(dir, 'test', 'app.test.js'), "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL || 'postgres://localhost/test' });\n");
}
afterAll(() => {
  rmSync(spreadProject, { recursive: true, force: true });
  rmSync(extendsProject, { recursive: true, force: true });
});
// Not source: the test-file config object must not make ESLint lint these.
writeFileSync(join(project, 'test', 'tsconfig.spec.json'), '{ "extends": "../tsconfig.json" }\n');
writeFileSync(join(project, 'test', 'db.test.js.snap'), 'exports[`db 1`] = `"ok"`;\n');
writeFileSync(join(project, 'clean.js'), "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });\n");
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe.each([
  ['eslint', 10],
  ['eslint9', 9],
])('a user project on %s', (pkg, major) => {
  it('loads the plugin from eslint.config.js and reports with configs.recommended', async () => {
    const { ESLint } = requireHere(pkg) as { ESLint: ESLintClass };
    expect(Number(ESLint.version.split('.')[0])).toBe(major);
    const results = await new ESLint({ cwd: project }).lintFiles(['db.js', 'clean.js']);
    const byFile = results.map((r) => r.messages.map((m) => m.ruleId));
    expect(byFile.flat()).toEqual(['backing-services/no-unverified-tls']);
  });

  it('turns the attached-resource rules off in test files, and only there', async () => {
    const { ESLint } = requireHere(pkg) as { ESLint: ESLintClass };
    const eslint = new ESLint({ cwd: project });
    const [app] = await eslint.lintFiles(['app.js']);
    expect(app!.messages.map((m) => m.ruleId)).toContain('backing-services/no-local-service-fallback');
    const [fixture] = await eslint.lintFiles(['test/db.js']);
    expect(fixture!.messages.map((m) => m.ruleId)).not.toContain('backing-services/no-local-service-fallback');
  });

  it('does not make ESLint lint non-source files in test folders', async () => {
    const { ESLint } = requireHere(pkg) as { ESLint: ESLintClass };
    const linted = (await new ESLint({ cwd: project }).lintFiles(['.'])).map((r) => r.filePath.slice(project.length + 1));
    expect(linted).toContain(join('test', 'db.js'));
    expect(linted.filter((path) => !path.endsWith('.js'))).toEqual([]);
  });

  it('works nested inside defineConfig', async () => {
    const { ESLint } = requireHere(pkg) as { ESLint: ESLintClass };
    const results = await new ESLint({ cwd: spreadProject }).lintFiles(['app.js', 'test/app.test.js']);
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['backing-services/no-local-service-fallback'], []]);
  });

  it("works through defineConfig's extends by name", async () => {
    const { ESLint } = requireHere(pkg) as { ESLint: ESLintClass };
    const configModule = requireHere.resolve(`${pkg}/config`);
    writeFileSync(
      join(extendsProject, 'eslint.config.js'),
      `const { defineConfig } = require(${JSON.stringify(configModule)});\nconst backingServices = require(${JSON.stringify(entry)});\nmodule.exports = defineConfig([{ plugins: { 'backing-services': backingServices }, extends: ['backing-services/recommended'] }]);\n`,
    );
    const results = await new ESLint({ cwd: extendsProject }).lintFiles(['app.js', 'test/app.test.js']);
    expect(results.map((r) => r.messages.map((m) => m.ruleId))).toEqual([['backing-services/no-local-service-fallback'], []]);
  });
});

describe('the plugin object', () => {
  it('has meta, rules and configs computed from rule metadata', () => {
    const plugin = requireHere(entry) as {
      meta: { name: string; version: string; namespace: string };
      rules: Record<string, { meta: { docs: { recommended?: boolean } } }>;
      configs: Record<string, Array<{ name: string; files?: string[]; rules: Record<string, unknown>; plugins: Record<string, unknown> }>>;
    };
    const pkg = requireHere('../../package.json') as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'backing-services' });
    const ids = Object.keys(plugin.rules);
    // `all`, then its JSON block (@eslint/json is installed here).
    expect(plugin.configs.all!.map((c) => c.name)).toEqual(['backing-services/all', 'backing-services/all/json']);
    expect(Object.keys(plugin.configs.all![0]!.rules)).toEqual(ids.map((id) => `backing-services/${id}`));
    const recommended = ids.filter((id) => plugin.rules[id]!.meta.docs.recommended);
    expect(Object.keys(plugin.configs.recommended![0]!.rules)).toEqual(recommended.map((id) => `backing-services/${id}`));
    for (const name of ['recommended', 'strict', 'all']) {
      expect(plugin.configs[name]![0]!.name).toBe(`backing-services/${name}`);
      expect(plugin.configs[name]![0]!.files).toBeUndefined();
      for (const part of plugin.configs[name]!) expect(part.plugins['backing-services']).toBe(plugin);
    }
    // The test-file entry turns off exactly the enabled rules marked relaxedInTests.
    for (const name of ['recommended', 'strict']) {
      const [main, , tests] = plugin.configs[name]!;
      const relaxed = ids.filter((id) => (plugin.rules[id]!.meta.docs as { relaxedInTests?: boolean }).relaxedInTests && `backing-services/${id}` in main!.rules);
      expect(tests!.name).toBe(`backing-services/${name}/tests`);
      // Each test pattern paired with the source extensions: `tsconfig.spec.json` is not linted.
      expect(tests!.files!.length).toBeGreaterThan(0);
      for (const pattern of tests!.files!) expect(pattern).toEqual([expect.any(String), '**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}']);
      expect(tests!.rules).toEqual(Object.fromEntries(relaxed.map((id) => [`backing-services/${id}`, 'off'])));
    }
  });
});
