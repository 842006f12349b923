// `npm run stress`: the plugin and the codemods over every corpus file (bench/corpus.mjs).
// Run after `npm run build`. Fails (exit 1) on any of:
//   - a rule that throws on a file (every rule on, with default and with strict options);
//   - a suggestion whose output does not parse;
//   - a codemod that throws on a file that parses, whose changed output does not parse, or
//     that changes its own output on a second pass;
//   - `eslint --concurrency=2` and a single-threaded run that disagree, or a `--cache` run that
//     does not reuse the cache or gives other results.
//
//   node scripts/stress.mjs [--limit N] [--skip lint,suggestions,codemods,eslint]
// CI runs `--limit 300`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isTypeScript, listCorpus, ROOT } from '../bench/corpus.mjs';
import { fileSourceType, PLUGIN_PATH, writeConfig } from '../bench/configs.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const limit = option('--limit') ? Number(option('--limit')) : process.env.STRESS_LIMIT ? Number(process.env.STRESS_LIMIT) : undefined;
const skip = new Set((option('--skip') ?? '').split(',').filter(Boolean));

if (!existsSync(PLUGIN_PATH)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = require(PLUGIN_PATH);
const { files } = listCorpus({ limit });
const failures = [];
const fail = (kind, file, detail) => {
  failures.push({ kind, file: file ? relative(ROOT, file) : '', detail });
  if (failures.length <= 50) console.error(`FAIL ${kind}${file ? ` ${relative(ROOT, file)}` : ''}: ${detail}`);
};
const log = (line) => console.log(line);
const started = performance.now();
log(`stress: ${files.length} corpus files${limit ? ` (--limit ${limit})` : ''}`);

// ---- Every rule, default options, then strict options; suggestions must parse.
const SOURCE_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'];
const languageOptionsFor = (file, sourceType) =>
  isTypeScript(file) ? { parser: tsParser, sourceType: 'module' } : { ecmaVersion: 'latest', sourceType };
// A config may be one object or an array of them. `strict` runs too when it sets options.
const configEntries = (name) => [].concat(plugin.configs[name] ?? []);
const hasOptions = (name) => configEntries(name).some((entry) => Object.values(entry.rules ?? {}).some(Array.isArray));
const ruleSets = [['all', configEntries('all')], ...(hasOptions('strict') ? [['strict', configEntries('strict')]] : [])];
const ruleCount = (entries) => new Set(entries.flatMap((entry) => Object.keys(entry.rules ?? {}))).size;

if (!skip.has('lint')) {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const cache = new Map();
  let parseErrors = 0;
  let verified = 0;
  let reports = 0;
  let suggestions = 0;
  const byRule = {};
  const t0 = performance.now();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const languageOptions = languageOptionsFor(file, fileSourceType(file, cache));
    for (const [setName, entries] of ruleSets) {
      const config = [
        // The corpus lives under node_modules, which ESLint ignores by default.
        { ignores: ['!**/node_modules/'] },
        {
          files: SOURCE_FILES,
          languageOptions,
          linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off', noInlineConfig: true },
        },
        ...entries,
      ];
      let messages;
      try {
        verified++;
        messages = linter.verify(text, config, { filename: file });
      } catch (error) {
        fail('rule-crash', file, `${setName}: ${String(error?.stack ?? error).split('\n').slice(0, 6).join(' | ')}`);
        continue;
      }
      for (const message of messages) {
        if (message.ruleId === null && !message.fatal && message.message.startsWith('No matching configuration')) {
          fail('setup', file, message.message);
          continue;
        }
        if (message.fatal) {
          if (setName === 'all') parseErrors++;
          continue;
        }
        if (!message.ruleId?.startsWith('backing-services/')) continue;
        if (setName === 'all') {
          reports++;
          byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1;
        }
        if (message.fix) fail('autofix', file, `${message.ruleId} offers an autofix; behaviour changes must be suggestions`);
        if (message.message.length > 500) fail('long-message', file, `${message.ruleId}: ${message.message.length} characters`);
        if (skip.has('suggestions')) continue;
        for (const suggestion of message.suggestions ?? []) {
          suggestions++;
          const { range, text: replacement } = suggestion.fix;
          const output = text.slice(0, range[0]) + replacement + text.slice(range[1]);
          const check = linter.verify(output, [config[0], { files: SOURCE_FILES, languageOptions }], { filename: file });
          const broken = check.find((m) => m.fatal);
          if (broken) fail('suggestion-parse', file, `${message.ruleId} line ${message.line}: "${suggestion.desc}" gives unparsable code (${broken.message})`);
        }
      }
    }
  }
  log(
    `rules: ${ruleSets.map(([n, entries]) => `${n} (${ruleCount(entries)} rules)`).join(', ')} over ${files.length} files (${verified} runs) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ` +
      `${reports} reports, ${suggestions} suggestions checked, ${parseErrors} files the parser refused (not ours), ${failures.filter((f) => f.kind === 'rule-crash').length} crashes`,
  );
  log(`  reports by rule: ${JSON.stringify(byRule)}`);
}

// ---- Every codemod, dry, in memory: no exceptions on parsable files, outputs parse, idempotent.
if (!skip.has('codemods')) {
  const enginePath = join(ROOT, 'dist/codemods/engine.js');
  const registryPath = join(ROOT, 'dist/codemods/registry.js');
  if (!existsSync(enginePath)) {
    log('codemods: dist/codemods/engine.js not built; skipped');
  } else {
    const engine = require(enginePath);
    const names = existsSync(registryPath) ? [...require(registryPath).codemodNames] : ['all'];
    const jscodeshift = require('jscodeshift');
    const parses = (source, file) => {
      for (const parser of [engine.parserFor ? engine.parserFor(file) : 'tsx', ...(/\.(c|m)?jsx?$/.test(file) ? ['babylon'] : [])]) {
        try {
          jscodeshift.withParser(parser)(source);
          return true;
        } catch {
          // try the next parser
        }
      }
      return false;
    };
    const t0 = performance.now();
    let changed = 0;
    let unparsable = 0;
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const name of names) {
        let result;
        try {
          result = engine.runCodemod(name, source, file, {});
        } catch (error) {
          // The engine throws for a file it cannot parse; the CLI reports and skips those.
          if (!parses(source, file)) {
            if (name === names[0]) unparsable++;
            continue;
          }
          fail('codemod-crash', file, `${name}: ${String(error?.stack ?? error).split('\n').slice(0, 6).join(' | ')}`);
          continue;
        }
        if (!result.changed) continue;
        changed++;
        if (!parses(result.output, file)) {
          fail('codemod-output-parse', file, `${name}: the changed output does not parse`);
          continue;
        }
        try {
          const second = engine.runCodemod(name, result.output, file, {});
          if (second.changed) fail('codemod-not-idempotent', file, `${name}: a second pass changes the output again`);
        } catch (error) {
          fail('codemod-crash', file, `${name} (second pass): ${String(error).split('\n')[0]}`);
        }
      }
    }
    log(
      `codemods: ${names.join(', ')} over ${files.length} files in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${changed} changed outputs (all parse-checked, second pass checked), ` +
        `${unparsable} files jscodeshift cannot parse (skipped, as the CLI does), ${failures.filter((f) => f.kind.startsWith('codemod')).length} failures`,
    );
  }
}

// ---- ESLint itself: --concurrency=2 equals single-threaded; --cache is reused and equal.
if (!skip.has('eslint')) {
  const work = mkdtempSync(join(tmpdir(), 'backing-services-stress-'));
  try {
    const subset = files.slice(0, Math.min(files.length, 300));
    const listFile = join(work, 'files.txt');
    writeFileSync(listFile, subset.join('\n'));
    const config = writeConfig('all', subset, work);
    const run = (name, extra) => {
      const out = join(work, `${name}.json`);
      const r = spawnSync(process.execPath, [join(ROOT, 'bench/lint-run.mjs'), '--config', config, '--files', listFile, '--messages', out, ...extra], { cwd: ROOT, encoding: 'utf8' });
      const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (r.status !== 0 || !line) {
        fail('eslint-run', null, `${name}: exit ${r.status}: ${r.stderr.split('\n').slice(0, 8).join(' | ')}`);
        return undefined;
      }
      return { ...JSON.parse(line.slice('BENCH_RESULT '.length)), messages: readFileSync(out, 'utf8') };
    };
    const single = run('single', ['--concurrency', 'off']);
    const parallel = run('parallel', ['--concurrency', '2']);
    const cacheFile = join(work, 'eslintcache');
    const cold = run('cache-cold', ['--cache', cacheFile]);
    const warm = run('cache-warm', ['--cache', cacheFile]);
    if (single && parallel && single.messages !== parallel.messages) fail('concurrency', null, '--concurrency=2 and a single-threaded run give different results');
    if (single && cold && single.messages !== cold.messages) fail('cache', null, 'a --cache run gives other results than an uncached one');
    if (cold && warm && warm.messages !== cold.messages) fail('cache', null, 'the cached (second) run gives other results');
    const cacheHit = cold && warm && existsSync(cacheFile) && warm.lintMs < cold.lintMs / 2;
    if (cold && warm && !cacheHit) fail('cache', null, `the second --cache run did not reuse the cache (${cold.lintMs.toFixed(0)} ms, then ${warm.lintMs.toFixed(0)} ms)`);
    if (single) {
      log(
        `eslint: ${subset.length} files, ${single.problems} problems; --concurrency=2 ${parallel && single.messages === parallel.messages ? 'identical' : 'DIFFERENT'}; ` +
          `--cache cold ${cold?.lintMs.toFixed(0)} ms, warm ${warm?.lintMs.toFixed(0)} ms, ${warm && cold && warm.messages === cold.messages ? 'identical' : 'DIFFERENT'}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length) {
  const counts = {};
  for (const f of failures) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  console.error(`stress: ${failures.length} failures in ${seconds} s: ${JSON.stringify(counts)}`);
  process.exit(1);
}
log(`stress: no crashes, no internal errors, in ${seconds} s`);
