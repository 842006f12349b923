// One codemod pass in a fresh process over a list of files, in memory (dry: nothing written).
//
//   node bench/codemod-run.mjs --mode migrate --files <list>       every codemod (`all`), dry
//   node bench/codemod-run.mjs --mode parse-print --files <list>   jscodeshift parse + print only
//
// Prints `BENCH_RESULT <json>`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT } from './corpus.mjs';
import { option } from './options.mjs';

const require = createRequire(import.meta.url);
const mode = option('--mode');
const files = readFileSync(option('--files'), 'utf8').split('\n').filter(Boolean);

const ENGINE_PATH = join(ROOT, 'dist/codemods/engine.js');

/** jscodeshift's parser for a path, as the codemod engine chooses it (fallback: same rule). */
function parserFor(engine, path) {
  if (engine?.parserFor) return engine.parserFor(path);
  return /\.[cm]?ts$/.test(path) && !path.endsWith('.d.ts') ? 'ts' : 'tsx';
}

const engine = existsSync(ENGINE_PATH) ? require(ENGINE_PATH) : undefined;
if (mode === 'migrate' && typeof engine?.runCodemod !== 'function') {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ unavailable: 'dist/codemods/engine.js has no runCodemod (run npm run build)' })}\n`);
  process.exit(0);
}
const jscodeshift = require('jscodeshift');

let changed = 0;
let failed = 0;
let bytes = 0;
const started = performance.now();
for (const file of files) {
  const source = readFileSync(file, 'utf8');
  bytes += source.length;
  try {
    if (mode === 'migrate') {
      if (engine.runCodemod('all', source, file, {}).changed) changed++;
    } else {
      let j = jscodeshift.withParser(parserFor(engine, file));
      let root;
      try {
        root = j(source);
      } catch (error) {
        // The same fallback the engine uses for plain JS the TS parser refuses.
        if (!/\.(c|m)?jsx?$/.test(file)) throw error;
        j = jscodeshift.withParser('babylon');
        root = j(source);
      }
      if (root.toSource() !== source) changed++;
    }
  } catch {
    failed++;
  }
}
const ms = performance.now() - started;
process.stdout.write(
  `BENCH_RESULT ${JSON.stringify({ files: files.length, ms, filesPerSecond: (files.length / ms) * 1000, changed, failed, bytes, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
