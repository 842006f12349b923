// Separate processes, alternating at a fine grain: one long-lived ESLint process per
// configuration (bench/lint-server.mjs), all started up front, then each chunk of the corpus is
// linted by every configuration in turn, in a shuffled order. A shared
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

/** `items` in an order drawn from `seed` (mulberry32, then Fisher-Yates): reproducible runs. */
function shuffled(items, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Lints `files` with each configuration of `configs` ({ kind: configFile }), `chunkSize` files
 * at a time, `passes` times over (the `references` only `referencePasses` times). Returns per
 * kind: total lint time and CPU per pass, every chunk's lint time, findings, peak RSS.
 *
 * Each chunk's order is shuffled, not rotated: with a rotation every configuration always runs
 * right after the same other one, and a process's garbage collector and compiler threads go on
 * for a moment after its turn, on a machine with two CPUs. A second floor in its own process
 * read 0.983x of the floor that way. `settleMs` is a pause before every turn, for those threads
 * of the previous turn's process to finish.
 */
export async function runInterleaved({ configs, files, chunkSize, passes, referencePasses = passes, references = [], settleMs = 100, log }) {
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
    // Started in a shuffled order too: the first process started is not always the same one.
    const servers = Object.fromEntries(shuffled(active, pass + 7).map((kind) => [kind, startServer(configs[kind])]));
    for (const kind of active) await servers[kind].ready;
    for (let c = 0; c < chunks.length; c++) {
      for (const kind of shuffled(active, pass * 100003 + c)) {
        await sleep(settleMs);
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
