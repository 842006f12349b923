// Paired measurement, for a busy machine: one process lints every corpus file once with each
// configuration (floor, recommended, all), back to back, in a rotating order, and adds up the
// CPU time of each `Linter#verify` (parse, scope analysis, traversal, rules). Load that changes
// over the run hits every configuration alike, so the ratios stay steady where separate runs'
// wall times do not. Prints `BENCH_RESULT <json>`.
//
//   node bench/paired-run.mjs --files <list> [--passes 2]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isTypeScript, ROOT } from './corpus.mjs';
import { fileSourceType, PLUGIN_PATH } from './configs.mjs';
import { option } from './options.mjs';

const require = createRequire(import.meta.url);
const files = readFileSync(option('--files'), 'utf8').split('\n').filter(Boolean);
const passes = Number(option('--passes', '2'));

const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = require(PLUGIN_PATH);
const linter = new Linter({ configType: 'flat', cwd: ROOT });
const FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];
const floorRules = { 'no-debugger': 'error' };
const kinds = {
  floor: [],
  recommended: [].concat(plugin.configs.recommended),
  all: [].concat(plugin.configs.all),
};
const names = Object.keys(kinds);
const cpu = Object.fromEntries(names.map((k) => [k, 0]));
// Files that name a catalog module in quotes (the only ones where a client can be built) and
// the rest, which should cost next to nothing: CPU per configuration for each group.
const { moduleMentionPattern } = require(join(ROOT, 'dist/src/policy/mentions.js'));
const { catalogModuleNames } = require(join(ROOT, 'dist/src/catalog/index.js'));
const mention = moduleMentionPattern(catalogModuleNames);
const groups = { client: { files: 0, cpuMs: {} }, other: { files: 0, cpuMs: {} } };
for (const group of Object.values(groups)) group.cpuMs = Object.fromEntries(names.map((k) => [k, 0]));
const problems = Object.fromEntries(names.map((k) => [k, 0]));
const cache = new Map();

const texts = files.map((file) => readFileSync(file, 'utf8'));
const groupOf = texts.map((text) => (mention.test(text) ? groups.client : groups.other));
for (const group of groupOf) group.files++;
const options = files.map((file) => (isTypeScript(file) ? { parser: tsParser, sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: fileSourceType(file, cache) }));

// One normalized config array per configuration and language variant, built once, as the
// ESLint class does (a plain array would be normalized again on every `verify`).
const { FlatConfigArray } = require(join(ROOT, 'node_modules/eslint/lib/config/flat-config-array.js'));
const arrays = new Map();
const configArray = (kind, languageOptions) => {
  const key = `${kind}\0${JSON.stringify({ ...languageOptions, parser: languageOptions.parser ? 'ts' : undefined })}`;
  let array = arrays.get(key);
  if (!array) {
    const base = [{ ignores: ['!**/node_modules/'] }, { files: FILES, languageOptions, linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' }, rules: floorRules }];
    array = new FlatConfigArray([...base, ...kinds[kind]], { basePath: ROOT });
    array.normalizeSync();
    arrays.set(key, array);
  }
  return array;
};

for (let pass = 0; pass < passes; pass++) {
  for (let i = 0; i < files.length; i++) {
    for (let k = 0; k < names.length; k++) {
      const kind = names[(i + pass + k) % names.length];
      const config = configArray(kind, options[i]);
      const before = process.cpuUsage();
      const messages = linter.verify(texts[i], config, { filename: files[i] });
      const used = process.cpuUsage(before);
      cpu[kind] += (used.user + used.system) / 1000;
      groupOf[i].cpuMs[kind] += (used.user + used.system) / 1000;
      if (pass === 0) problems[kind] += messages.filter((m) => m.ruleId?.startsWith('backing-services/')).length;
    }
  }
}
const result = { files: files.length, passes, cpuMs: cpu, groups, ratio: Object.fromEntries(names.map((k) => [k, cpu[k] / cpu.floor])), problems };
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
