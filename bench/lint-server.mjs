// One configuration's ESLint in a process of its own, kept alive and driven chunk by chunk
// (bench/interleaved.mjs), so that several configurations can take turns on the same files
// seconds apart. Reads one JSON command per line on stdin and answers each with one line:
//
//   {"files": [...]}  lints them with ESLint#lintFiles -> {"lintMs", "cpuMs", "problems", "byRule", "fatal"}
//   {"exit": true}    -> {"maxRssMiB", "typescriptLoaded"}, then exits
//
// The config is loaded before the first answer ({"ready": true, "startMs"}), so a chunk's time is
// linting only; start-up has its own measurement.
//
//   node bench/lint-server.mjs --config <file>
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { ESLint } from 'eslint';
import { ROOT } from './corpus.mjs';
import { option } from './options.mjs';

const config = option('--config');
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: config, ignore: true });
const reply = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

// Loads the config file, its plugins and parsers.
await eslint.calculateConfigForFile(join(ROOT, 'src/index.ts'));
reply({ ready: true, startMs: performance.now() });

for await (const line of createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  if (command.exit) {
    const require = createRequire(import.meta.url);
    reply({
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      typescriptLoaded: Object.keys(require.cache).some((k) => k.includes('/node_modules/typescript/')),
    });
    break;
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const results = await eslint.lintFiles(command.files);
  const lintMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const byRule = {};
  let problems = 0;
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal++;
      else {
        problems++;
        byRule[message.ruleId] = (byRule[message.ruleId] ?? 0) + 1;
      }
    }
  }
  reply({ files: results.length, lintMs, cpuMs: (cpu.user + cpu.system) / 1000, problems, byRule, fatal });
}
process.exit(0);
