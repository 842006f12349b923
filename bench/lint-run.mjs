// One ESLint run in a fresh process, the way the CLI lints: the Node API with an explicit
// config file, over a list of files. Prints `BENCH_RESULT <json>`; with TIMING=all ESLint
// prints its per-rule table after it, at exit.
//
//   node bench/lint-run.mjs --config <file> --files <list> [--concurrency N] [--cache <file>]
//                           [--messages <out.json>]
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ESLint } from 'eslint';
import { ROOT } from './corpus.mjs';
import { option } from './options.mjs';


const files = readFileSync(option('--files'), 'utf8').split('\n').filter(Boolean);
const concurrency = option('--concurrency');
const cacheLocation = option('--cache');
const messagesOut = option('--messages');

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: option('--config'),
  // The config's own `ignores` un-ignores node_modules, where the corpus lives.
  ignore: true,
  cache: cacheLocation !== undefined,
  ...(cacheLocation ? { cacheLocation, cacheStrategy: 'content' } : {}),
  ...(concurrency ? { concurrency: concurrency === 'auto' || concurrency === 'off' ? concurrency : Number(concurrency) } : {}),
});

const started = performance.now();
const results = await eslint.lintFiles(files);
const lintMs = performance.now() - started;

let problems = 0;
let fatal = 0;
const byRule = {};
const fatalFiles = [];
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) {
      fatal++;
      fatalFiles.push(`${result.filePath}: ${message.message}`);
      continue;
    }
    problems++;
    byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1;
  }
}
if (messagesOut) {
  const stable = results
    .map((r) => ({ filePath: r.filePath, messages: r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message, fatal: m.fatal ?? false })) }))
    .sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  writeFileSync(messagesOut, JSON.stringify(stable));
}

const usage = process.resourceUsage();
const result = {
  files: results.length,
  lintMs,
  // From process start: module loading, config loading and linting.
  processMs: performance.now(),
  // CPU time of the whole process (user + system): steadier than wall time on a busy machine.
  cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  maxRssMiB: usage.maxRSS / 1024,
  problems,
  fatal,
  fatalFiles: fatalFiles.slice(0, 20),
  byRule,
  typescriptLoaded: Object.keys((await import('node:module')).createRequire(import.meta.url).cache).some((k) => k.includes('/node_modules/typescript/')),
};
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
