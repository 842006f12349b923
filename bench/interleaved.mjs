// Separate processes, alternating at a fine grain: one long-lived ESLint process per
// configuration (bench/lint-server.mjs), all started up front, then each chunk of the corpus is
// linted by every configuration in turn, in an order that rotates from chunk to chunk. A shared
// machine whose speed drifts over minutes (two identical whole-corpus runs here differed by
// 50 %) then slows every configuration alike, while each configuration still has its own
// process, heap and peak memory, as in a real run. Each pass starts fresh processes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './corpus.mjs';

/** A lint-server child and a function to send it one command and await its answer. */
function startServer(config) {
  const child = spawn(process.execPath, [join(ROOT, 'bench/lint-server.mjs'), '--config', config], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.resolve(JSON.parse(line)));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`lint-server for ${config} exited with ${code}`));
  });
  const next = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  const ready = next();
  const send = (command) => {
    const answer = next();
    child.stdin.write(`${JSON.stringify(command)}\n`);
    return answer;
  };
  return { ready, send };
}

/**
 * Lints `files` with each configuration of `configs` ({ kind: configFile }), `chunkSize` files
 * at a time, `passes` times over (the `references` only `referencePasses` times). Returns per
 * kind: total lint time and CPU per pass, every chunk's lint time, findings, peak RSS.
 */
export async function runInterleaved({ configs, files, chunkSize, passes, referencePasses = passes, references = [], log }) {
  const kinds = Object.keys(configs);
  const chunks = [];
  for (let i = 0; i < files.length; i += chunkSize) chunks.push(files.slice(i, i + chunkSize));
  const out = Object.fromEntries(kinds.map((kind) => [kind, { lintMs: [], cpuMs: [], chunkMs: [], problems: 0, byRule: {}, fatal: 0 }]));
  for (let pass = 0; pass < passes; pass++) {
    for (const kind of kinds) {
      if (pass >= referencePasses && references.includes(kind)) continue;
      out[kind].lintMs.push(0);
      out[kind].cpuMs.push(0);
      out[kind].chunkMs.push([]);
    }
    // References (no rules, the SonarJS peers) only take part in the first passes.
    const active = kinds.filter((kind) => pass < referencePasses || !references.includes(kind));
    // Fresh processes every pass: a process's own heap growth and JIT history make it a percent
    // or two faster or slower for its whole life, so passes in the same processes are not
    // independent samples.
    const servers = Object.fromEntries(active.map((kind) => [kind, startServer(configs[kind])]));
    for (const kind of active) await servers[kind].ready;
    for (let c = 0; c < chunks.length; c++) {
      const order = active.map((_, i) => active[(i + c + pass) % active.length]);
      for (const kind of order) {
        const r = await servers[kind].send({ files: chunks[c] });
        const o = out[kind];
        o.lintMs[pass] += r.lintMs;
        o.cpuMs[pass] += r.cpuMs;
        o.chunkMs[pass].push(r.lintMs);
        if (pass === 0) {
          o.problems += r.problems;
          o.fatal += r.fatal;
          for (const [id, n] of Object.entries(r.byRule)) o.byRule[id] = (o.byRule[id] ?? 0) + n;
        }
      }
      if ((c + 1) % 10 === 0 || c === chunks.length - 1) {
        log(`interleaved pass ${pass + 1}: ${c + 1}/${chunks.length} chunks; ` + active.map((k) => `${k} ${(out[k].lintMs[pass] / 1000).toFixed(1)} s`).join(', '));
      }
    }
    for (const kind of active) {
      const end = await servers[kind].send({ exit: true });
      out[kind].maxRssMiB = Math.max(out[kind].maxRssMiB ?? 0, end.maxRssMiB);
      out[kind].typescriptLoaded ||= end.typescriptLoaded;
    }
  }
  return { chunks: chunks.length, chunkSize, passes, kinds: out };
}
