import type { ESLint, Linter } from 'eslint';
import { catalog } from './catalog';
import type { PluginDocs } from './util/create-rule';

export const NAMESPACE = 'backing-services';

interface RuleWithDocs {
  meta?: { docs?: Partial<PluginDocs> };
}

export type ConfigName = 'recommended' | 'strict' | 'all';

/**
 * Test code, where `recommended` and `strict` turn off the rules marked `relaxedInTests`:
 * fixtures that point at a test container (`postgres://postgres:postgres@localhost/test`),
 * per-test clients and `NODE_ENV === 'test'` set-ups are normal there. Test files by name
 * (`*.test.*`, `*.spec.*`, `*.e2e-spec.*`...), test folders anywhere (`test/`, `tests/`,
 * `__tests__/`, `__mocks__/`, `fixtures/`, `e2e/`, `e2e-common/`, `api-e2e/`...) and
 * test-runner set-up files. Written without extensions (ESLint matches every file against
 * every pattern after brace expansion; listing the eight source extensions made 252 patterns
 * of these); the config pairs each with `SOURCE_FILES` so that only source files match.
 */
export const TEST_FILES: readonly string[] = [
  '**/*.{test,spec,e2e,e2e-spec,e2e-test,int-spec,int-test,integration,integration-spec}.*',
  '**/{test,tests,__tests__,__mocks__,__fixtures__,fixtures,__testfixtures__,e2e,integration-tests,spec,cypress,playwright}/**',
  '**/{e2e-*,*-e2e}/**',
  '**/{jest,vitest,playwright,cypress}.{setup,config,global-setup,global-teardown}.*',
  '**/{setupTests,test-setup,testSetup,globalSetup,globalTeardown}.*',
];

/**
 * The files the rules read as programs. A config object's `files` make ESLint lint what they
 * match, so the test-file object matches a test pattern and one of these (a nested array in
 * `files` is an AND): `tsconfig.spec.json` or a `.snap` file is never linted because of it.
 */
export const SOURCE_FILES = '**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}';

/**
 * JSON files the tools read as configuration (`config/config.json` for sequelize-cli,
 * `ormconfig.json`), from the catalog's config-file conventions.
 */
export const JSON_CONFIG_FILES: readonly string[] = catalog.flatMap((entry) =>
  (entry.configFiles ?? []).filter((c) => c.extensions.includes('json')).map((c) => (c.dir === undefined ? `**/${c.name}.json` : `**/${c.dir}/${c.name}.json`)),
);

/** A config's rules that judge configuration values (a JSON file builds no client). */
function jsonRules(rules: Partial<Linter.RulesRecord>): Linter.RulesRecord {
  return Object.fromEntries(Object.entries(rules).filter(([name, entry]) => entry !== undefined && name !== `${NAMESPACE}/no-client-outside-resource-module`)) as Linter.RulesRecord;
}

/** Rules for each config, derived from rule metadata so no list is kept twice. */
export function ruleEntries(rules: Record<string, RuleWithDocs>, config: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [id, rule] of Object.entries(rules)) {
    const docs = rule.meta?.docs ?? {};
    const name = `${NAMESPACE}/${id}`;
    if (config === 'all') entries[name] = 'error';
    else if (docs.recommended) {
      entries[name] = config === 'strict' && docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    } else if (config === 'strict' && docs.strict) {
      entries[name] = docs.strictOptions ? ['error', ...docs.strictOptions] : 'error';
    }
  }
  return entries;
}

/** The rules of a config that its test-file entry turns off (`docs.relaxedInTests`). */
export function relaxedInTests(rules: Record<string, RuleWithDocs>, config: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  if (config === 'all') return entries;
  const enabled = ruleEntries(rules, config);
  for (const [id, rule] of Object.entries(rules)) {
    const name = `${NAMESPACE}/${id}`;
    if (rule.meta?.docs?.relaxedInTests && name in enabled) entries[name] = 'off';
  }
  return entries;
}

/**
 * Each config is an array of flat-config objects: the config itself
 * (`backing-services/<name>`) and, for `recommended` and `strict`, the test-file relaxation
 * (`backing-services/<name>/tests`, `files: TEST_FILES`). ESLint flattens nested arrays, so
 * both `[backingServices.configs.recommended]` and `...backingServices.configs.recommended`
 * work, and so does `extends: ['backing-services/recommended']`. `all` turns on every rule
 * everywhere, tests included.
 */
export function createConfigs(plugin: ESLint.Plugin, rules: Record<string, RuleWithDocs>, withJson = false): Record<ConfigName, Linter.Config[]> {
  const make = (config: ConfigName): Linter.Config[] => {
    const main: Linter.Config = {
      name: `${NAMESPACE}/${config}`,
      plugins: { [NAMESPACE]: plugin },
      rules: ruleEntries(rules, config),
    };
    // JSON config files, through the JSON language, when @eslint/json is installed.
    const json: Linter.Config[] = withJson
      ? [{ name: `${NAMESPACE}/${config}/json`, files: [...JSON_CONFIG_FILES], language: `${NAMESPACE}/json`, plugins: { [NAMESPACE]: plugin }, rules: jsonRules(main.rules!) }]
      : [];
    const relaxed = relaxedInTests(rules, config);
    if (Object.keys(relaxed).length === 0) return [main, ...json];
    const files = TEST_FILES.map((pattern) => [pattern, SOURCE_FILES]);
    return [main, ...json, { name: `${NAMESPACE}/${config}/tests`, files, plugins: { [NAMESPACE]: plugin }, rules: relaxed }];
  };
  return { recommended: make('recommended'), strict: make('strict'), all: make('all') };
}

/** Every rule a config turns on (outside test files), whatever its shape. */
export function enabledRules(config: Linter.Config | readonly Linter.Config[]): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const part of Array.isArray(config) ? config : [config as Linter.Config]) {
    if (part.files !== undefined) continue;
    Object.assign(entries, part.rules);
  }
  return entries;
}
