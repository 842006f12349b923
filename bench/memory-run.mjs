// Memory one configuration holds: one process lints every corpus file with `Linter#verify`
// (configs as in paired-run.mjs) and, every `--every` files, collects garbage and reads the live
// heap. Peak RSS follows the garbage collector's heap growth, which differs from run to run for
// the same configuration; the live heap is what the rules actually keep. Prints
// `BENCH_RESULT <json>`.
//
//   node --expose-gc bench/memory-run.mjs --files <list> --config floor|recommended|all [--every 50]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isTypeScript, ROOT } from './corpus.mjs';
import { fileSourceType, PLUGIN_PATH } from './configs.mjs';
import { option } from './options.mjs';

const require = createRequire(import.meta.url);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const files = readFileSync(option('--files'), 'utf8').split('\n').filter(Boolean);
const kind = option('--config');
const every = Number(option('--every', '50'));

const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const { FlatConfigArray } = require(join(ROOT, 'node_modules/eslint/lib/config/flat-config-array.js'));
const FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];
// The floor does not load the plugin, so its module memory counts against the plugin.
const extra = kind === 'floor' ? [] : [].concat(require(PLUGIN_PATH).configs[kind]);
const linter = new Linter({ configType: 'flat', cwd: ROOT });
const arrays = new Map();
const cache = new Map();
const configArray = (languageOptions) => {
  const key = JSON.stringify({ ...languageOptions, parser: languageOptions.parser ? 'ts' : undefined });
  let array = arrays.get(key);
  if (!array) {
    const base = [{ ignores: ['!**/node_modules/'] }, { files: FILES, languageOptions, rules: { 'no-debugger': 'error' } }];
    array = new FlatConfigArray([...base, ...extra], { basePath: ROOT });
    array.normalizeSync();
    arrays.set(key, array);
  }
  return array;
};

const mib = (bytes) => bytes / 2 ** 20;
configArray({ ecmaVersion: 'latest', sourceType: 'commonjs' });
globalThis.gc();
const baseline = process.memoryUsage().heapUsed;
let maxLive = 0;
let maxHeapUsed = 0;
for (let i = 0; i < files.length; i++) {
  const file = files[i];
  const languageOptions = isTypeScript(file) ? { parser: tsParser, sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: fileSourceType(file, cache) };
  linter.verify(readFileSync(file, 'utf8'), configArray(languageOptions), { filename: file });
  maxHeapUsed = Math.max(maxHeapUsed, process.memoryUsage().heapUsed);
  if ((i + 1) % every === 0 || i === files.length - 1) {
    globalThis.gc();
    maxLive = Math.max(maxLive, process.memoryUsage().heapUsed);
  }
}
const finalLive = process.memoryUsage().heapUsed;
const result = {
  files: files.length,
  baselineMiB: mib(baseline),
  maxLiveMiB: mib(maxLive),
  finalLiveMiB: mib(finalLive),
  maxHeapUsedMiB: mib(maxHeapUsed),
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
