// What ESLint itself charges per enabled rule, in one process: the same small file verified
// many times with the floor, with ten rules that do nothing, and with our configs, in rounds
// that rotate the order. Prints `BENCH_RESULT <json>` with the median µs per `Linter#verify`.
//
//   node bench/rule-cost-run.mjs [--verifies 20000] [--rounds 8]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { PLUGIN_PATH } from './configs.mjs';
import { noopConfig } from './noop-rules.mjs';
import { option } from './options.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const plugin = require(PLUGIN_PATH);
const verifies = Number(option('--verifies', '20000'));
const rounds = Number(option('--rounds', '8'));

// A file like most of a project's: no catalog module, no `process.env`, no URL.
const TEXT = "const a = require('lodash');\nmodule.exports = function f(x) { return a.map(x, (y) => y + 1); };\n";
const base = { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' }, rules: { 'no-debugger': 'error' } };
const configs = {
  floor: [base],
  'ten rules returning {}': [base, noopConfig(10, 0)],
  'ten rules with an empty Program listener': [base, noopConfig(10, 10)],
  recommended: [base, ...plugin.configs.recommended],
  all: [base, ...plugin.configs.all],
};

const linter = new Linter({ configType: 'flat' });
const times = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
const kinds = Object.keys(configs);
for (let round = 0; round < rounds; round++) {
  for (const kind of kinds.map((_, i) => kinds[(i + round) % kinds.length])) {
    const started = performance.now();
    for (let i = 0; i < verifies; i++) linter.verify(TEXT, configs[kind], { filename: `/project/src/f${i % 64}.js` });
    times[kind].push(((performance.now() - started) * 1000) / verifies);
  }
}
// The first two rounds warm the JIT up.
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const perVerify = Object.fromEntries(kinds.map((k) => [k, median(times[k].slice(2))]));
process.stdout.write(`BENCH_RESULT ${JSON.stringify({ verifies, rounds, perVerify })}\n`);
