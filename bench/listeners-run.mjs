// What our rules themselves spend per file, without parsing or garbage-collection noise: each
// batch of corpus files is parsed once (a probe rule keeps ESLint's `SourceCode`), then every rule
// of the plugin is created and its `Program` listener run on each file, timed, as ESLint would.
// Split by files that name a catalog module in quotes and the rest. Prints `BENCH_RESULT <json>`.
//
//   node bench/listeners-run.mjs --files <list> [--batch 200]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isTypeScript, ROOT } from './corpus.mjs';
import { fileSourceType, PLUGIN_PATH } from './configs.mjs';
import { option } from './options.mjs';

const require = createRequire(import.meta.url);
const files = readFileSync(option('--files'), 'utf8').split('\n').filter(Boolean);
const batch = Number(option('--batch', '200'));

const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = require(PLUGIN_PATH);
const { moduleMentionPattern } = require(join(ROOT, 'dist/src/policy/mentions.js'));
const { catalogModuleNames } = require(join(ROOT, 'dist/src/catalog/index.js'));
const mention = moduleMentionPattern(catalogModuleNames);
const ids = Object.keys(plugin.rules);
const FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];
const linter = new Linter({ configType: 'flat', cwd: ROOT });
const cache = new Map();
let captured;
const probe = { create: (context) => ((captured = context.sourceCode), {}) };

const groups = { client: { files: 0, ms: 0, byRule: {} }, other: { files: 0, ms: 0, byRule: {} } };
for (const group of Object.values(groups)) group.byRule = Object.fromEntries(ids.map((id) => [id, 0]));
let reports = 0;
for (let start = 0; start < files.length; start += batch) {
  const parsed = [];
  for (const file of files.slice(start, start + batch)) {
    const languageOptions = isTypeScript(file) ? { parser: tsParser, sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: fileSourceType(file, cache) };
    captured = undefined;
    linter.verify(readFileSync(file, 'utf8'), [{ ignores: ['!**/node_modules/'] }, { files: FILES, languageOptions, plugins: { bench: { rules: { probe } } }, rules: { 'bench/probe': 'error' } }], { filename: file });
    if (!captured) throw new Error(`${file}: not linted`);
    parsed.push({ file, sourceCode: captured });
  }
  for (const { file, sourceCode } of parsed) {
    const group = mention.test(sourceCode.text) ? groups.client : groups.other;
    group.files++;
    for (const id of ids) {
      const context = { sourceCode, options: [], filename: join(ROOT, file), cwd: ROOT, report: () => reports++ };
      const started = performance.now();
      plugin.rules[id].create(context).Program?.(sourceCode.ast);
      const ms = performance.now() - started;
      group.ms += ms;
      group.byRule[id] += ms;
    }
  }
}
process.stdout.write(`BENCH_RESULT ${JSON.stringify({ files: files.length, reports, groups })}\n`);
