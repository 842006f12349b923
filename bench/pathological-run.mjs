// Times each rule of `all` alone on each pathological input (bench/pathological-cases.cjs),
// with espree, against the floor (`no-debugger` alone) on the same text. Prints
// `BENCH_RESULT <json>`: `{ cases: { name: { bytes, floorMs, rules: { id: ms } } } }`.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { PLUGIN_PATH } from './configs.mjs';
import { CASES } from './pathological-cases.cjs';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const plugin = require(PLUGIN_PATH);
const linter = new Linter({ configType: 'flat' });
const base = { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } };
const ruleIds = Object.keys(plugin.rules);

const time = (code, rules) => {
  const config = [base, { plugins: { 'backing-services': plugin }, rules }];
  let best = Infinity;
  // Best of two: the first run also warms the JIT.
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    linter.verify(code, config, { filename: 'case.js' });
    best = Math.min(best, performance.now() - started);
  }
  return best;
};

const cases = {};
for (const [name, code] of Object.entries(CASES)) {
  const floorMs = time(code, { 'no-debugger': 'error' });
  const rules = {};
  for (const id of ruleIds) rules[id] = time(code, { 'no-debugger': 'error', [`backing-services/${id}`]: 'error' }) - floorMs;
  const allMs = time(code, { 'no-debugger': 'error', ...Object.fromEntries(ruleIds.map((id) => [`backing-services/${id}`, 'error'])) }) - floorMs;
  cases[name] = { bytes: code.length, floorMs, allMs, rules };
  process.stderr.write(`${name}: floor ${floorMs.toFixed(0)} ms, all +${allMs.toFixed(0)} ms\n`);
}
process.stdout.write(`BENCH_RESULT ${JSON.stringify({ cases })}\n`);
