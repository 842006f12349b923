// ESLint configurations the benchmark and the stress script compare. Each is written as a
// config file (so `concurrency` can clone the options) that sets the same parsers for the same
// files: espree for JS (`sourceType` from the nearest package.json `type`), the
// typescript-eslint parser without type information for TS.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ROOT, sourceTypeOf } from './corpus.mjs';

const require = createRequire(import.meta.url);
export const PLUGIN_PATH = join(ROOT, 'dist/src/index.js');
export const SONAR_PEER_RULES = [
  'unverified-certificate',
  'unverified-hostname',
  'weak-ssl',
  'no-clear-text-protocols',
  'no-hardcoded-passwords',
  'no-hardcoded-secrets',
  'no-hardcoded-ip',
];

/**
 * What each configuration turns on. `none` has no rules at all (ESLint 10 then skips the
 * traversal, so it is only a reference); `floor` has one trivial core rule; the others add
 * their rules on top of the floor's.
 */
export const CONFIG_KINDS = {
  none: { plugin: false, sonar: false, rules: 'none' },
  floor: { plugin: false, sonar: false, rules: 'floor' },
  recommended: { plugin: 'recommended', sonar: false, rules: 'floor' },
  all: { plugin: 'all', sonar: false, rules: 'floor' },
  sonar: { plugin: false, sonar: true, rules: 'floor' },
  // The TIMING run: our rules and the SonarJS peers in one run.
  timing: { plugin: 'all', sonar: true, rules: 'floor' },
  // Where the overhead goes (`--only overhead`): a second floor (the method's own error: an
  // identical configuration), the plugin registered with no rule on, ten rules that do nothing
  // (three of them with an empty `Program` listener), and `recommended`'s rules with their
  // `create` run and their listeners dropped (the gates, without the work behind them).
  'floor-again': { plugin: false, sonar: false, rules: 'floor' },
  loaded: { plugin: 'loaded', sonar: false, rules: 'floor' },
  noop: { plugin: false, sonar: false, rules: 'floor', noop: 10 },
  'create-only': { plugin: 'create-only', sonar: false, rules: 'floor' },
};

/** Directories whose package.json sets `type`, shallowest first (deeper ones win). */
function typeBoundaries(files) {
  const dirs = new Map();
  const seen = new Set();
  for (const file of files) {
    let dir = dirname(file);
    while (dir.startsWith(join(ROOT, 'node_modules')) && !seen.has(dir)) {
      seen.add(dir);
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg)) {
        try {
          const { type } = JSON.parse(readFileSync(pkg, 'utf8'));
          if (type === 'module' || type === 'commonjs') dirs.set(dir, type);
        } catch {
          // not JSON: no type
        }
      }
      dir = dirname(dir);
    }
  }
  return [...dirs].sort((a, b) => a[0].split('/').length - b[0].split('/').length);
}

const ESM_SYNTAX = /^[ \t]*(?:import[ \t]*[\w{*'"]|export[ \t]+(?:\{|\*|default\b|const\b|let\b|var\b|function\b|class\b|async\b))/m;

/**
 * Directories of `.js` files written as ES modules although no package.json says so (bundler
 * builds such as `dist/esm`): one file with `import`/`export` statements marks its directory.
 */
function esmDirectories(files) {
  const cache = new Map();
  const dirs = new Set();
  for (const file of files) {
    if (!file.endsWith('.js') || dirs.has(dirname(file)) || sourceTypeOf(file, cache) === 'module') continue;
    if (ESM_SYNTAX.test(readFileSync(file, 'utf8'))) dirs.add(dirname(file));
  }
  return [...dirs].sort();
}

/** `module` or `commonjs` for one file, as the config files decide it. */
export function fileSourceType(file, cache = new Map()) {
  const declared = sourceTypeOf(file, cache);
  if (declared === 'module' || !file.endsWith('.js')) return declared;
  return ESM_SYNTAX.test(readFileSync(file, 'utf8')) ? 'module' : 'commonjs';
}

/** The config file's text for `kind` over `files` (absolute paths under ROOT). */
export function configSource(kind, files) {
  const spec = CONFIG_KINDS[kind];
  if (!spec) throw new Error(`unknown config ${kind}`);
  const lines = [];
  const url = (p) => JSON.stringify(pathToFileURL(p).href);
  lines.push(`import tsParser from ${url(join(ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js'))};`);
  if (spec.plugin) lines.push(`import plugin from ${url(PLUGIN_PATH)};`);
  if (spec.sonar) lines.push(`import sonarjs from ${url(require.resolve('eslint-plugin-sonarjs'))};`);
  const entries = [
    // The corpus lives under node_modules, which ESLint ignores by default.
    `{ ignores: ['!**/node_modules/'] }`,
    `{ files: ['**/*.js', '**/*.cjs', '**/*.mjs'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } }`,
    `{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } }`,
  ];
  for (const [dir, type] of typeBoundaries(files)) {
    entries.push(`{ files: [${JSON.stringify(`${relative(ROOT, dir)}/**/*.js`)}], languageOptions: { sourceType: ${JSON.stringify(type)} } }`);
  }
  entries.push(`{ files: ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'], languageOptions: { parser: tsParser, sourceType: 'module' } }`);
  for (const dir of esmDirectories(files)) {
    entries.push(`{ files: [${JSON.stringify(`${relative(ROOT, dir)}/*.js`)}], languageOptions: { sourceType: 'module' } }`);
  }
  entries.push(`{ files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } }`);
  entries.push(`{ linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' } }`);
  if (spec.rules === 'floor') entries.push(`{ rules: { 'no-debugger': 'error' } }`);
  // A config may be one object or an array of them (main entry, then test-file relaxations).
  if (spec.plugin === 'loaded') entries.push(`{ plugins: { 'backing-services': plugin } }`);
  else if (spec.plugin === 'create-only') {
    const rules = `Object.fromEntries(Object.entries(plugin.rules).map(([id, rule]) => [id, { meta: rule.meta, create: (context) => (rule.create(context), {}) }]))`;
    entries.push(`{ plugins: { 'backing-services': { ...plugin, rules: ${rules} } }, rules: plugin.configs.recommended[0].rules }`);
  } else if (spec.plugin) entries.push(`...[].concat(plugin.configs[${JSON.stringify(spec.plugin)}])`);
  if (spec.noop) {
    lines.push(`import { noopConfig } from ${url(join(ROOT, 'bench/noop-rules.mjs'))};`);
    entries.push(`noopConfig(${spec.noop}, 3)`);
  }
  if (spec.sonar) {
    const rules = SONAR_PEER_RULES.map((r) => `'sonarjs/${r}': 'error'`).join(', ');
    entries.push(`{ plugins: { sonarjs }, rules: { ${rules} } }`);
  }
  lines.push(`export default [\n  ${entries.join(',\n  ')},\n];`);
  return lines.join('\n') + '\n';
}

/** Writes the config file for `kind` and returns its path. */
export function writeConfig(kind, files, dir = join(tmpdir(), 'backing-services-bench')) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `eslint.${kind}.config.mjs`);
  writeFileSync(path, configSource(kind, files));
  return path;
}
