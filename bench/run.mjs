// `npm run bench`: what the plugin costs on top of ESLint, and what `migrate all` costs next to a
// jscodeshift parse-and-print pass, over the corpus of bench/corpus.mjs. Run after
// `npm run build`. Lint configurations run in separate processes and take turns chunk by chunk.
//
//   node bench/run.mjs [--chunk 100] [--settle 100] [--passes 6] [--paired-passes 2] [--codemod-reps 1]
//                      [--limit N] [--json out.json]
//                      [--only lint,paired,listeners,memory,timing,startup,codemods,pathological,whole,overhead]
//                      [--reps 3] [--ref-reps 1]   (whole-corpus runs, `--only whole`)
//                      [--overhead-passes 4]       (`--only overhead`)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { groupFiles, listCorpus, ROOT } from './corpus.mjs';
import { PLUGIN_PATH, SONAR_PEER_RULES, writeConfig } from './configs.mjs';
import { runInterleaved } from './interleaved.mjs';
import { option } from './options.mjs';

const reps = Number(option('--reps', '3'));
const refReps = Number(option('--ref-reps', '1'));
const limit = option('--limit') ? Number(option('--limit')) : undefined;
const only = option('--only');
const jsonOut = option('--json');
const DEFAULT_PARTS = ['lint', 'paired', 'listeners', 'memory', 'timing', 'startup', 'codemods', 'pathological'];
const want = (part) => (only ? only.split(',') : DEFAULT_PARTS).includes(part);

if (!existsSync(PLUGIN_PATH)) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

const work = join(tmpdir(), 'backing-services-bench');
mkdirSync(work, { recursive: true });
const { files, packages } = listCorpus({ limit });
const groups = groupFiles(files);
const listFile = join(work, 'files.txt');
writeFileSync(listFile, files.join('\n'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** 95 % t interval of the mean of per-pass ratios (undefined with one pass). */
function passInterval(ratios) {
  const n = ratios.length;
  if (n < 2) return undefined;
  const mean = ratios.reduce((a, x) => a + x, 0) / n;
  const sd = Math.sqrt(ratios.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const t = [12.71, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262][n - 2] ?? 2.2;
  return [mean - (t * sd) / Math.sqrt(n), mean + (t * sd) / Math.sqrt(n)];
}
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const log = (line) => process.stderr.write(`${line}\n`);

/** Runs a bench child, returns its parsed result, wall time from spawn to exit, and stdout. */
function child(script, childArgs, env = {}, nodeArgs = []) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [...nodeArgs, join(ROOT, 'bench', script), ...childArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (run.status !== 0 || !line) {
    throw new Error(`${script} ${childArgs.join(' ')} failed (${run.status}):\n${run.stderr.slice(-4000)}`);
  }
  return { ...JSON.parse(line.slice('BENCH_RESULT '.length)), wallMs, stdout: run.stdout };
}

const report = {
  machine: { nproc: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, eslint: require_('eslint/package.json').version },
  corpus: { files: files.length, commonjs: groups.jsCommonjs.length, module: groups.jsModule.length, typescript: groups.ts.length, packages, limit: limit ?? null },
};

function require_(id) {
  return JSON.parse(spawnSync(process.execPath, ['-p', `JSON.stringify(require(${JSON.stringify(id)}))`], { cwd: ROOT, encoding: 'utf8' }).stdout);
}

// ---- Lint: floor vs recommended vs all (and the references), each configuration in its own
// long-lived process, taking turns chunk by chunk (bench/interleaved.mjs).
/**
 * Separate processes taking turns chunk by chunk (bench/interleaved.mjs), summarised per
 * configuration against the floor's same chunks: with `floor-again` in the run, against the mean
 * of the two floor processes, so that neither process's own luck is the yardstick.
 */
async function interleavedSummary(kinds, { passes, references = [], referencePasses = passes }) {
  const loadBefore = loadavg()[0];
  if (loadBefore > 1.5) log(`warning: load average ${loadBefore.toFixed(2)} before the lint runs; times will be noisy`);
  const configs = Object.fromEntries(kinds.map((k) => [k, writeConfig(k, files, work)]));
  const r = await runInterleaved({ configs, files, chunkSize: Number(option('--chunk', '100')), settleMs: Number(option('--settle', '100')), passes, references, referencePasses, log });
  const floors = [r.kinds.floor, r.kinds['floor-again']].filter(Boolean);
  const mean = (pick) => (pass, c) => floors.reduce((a, f) => a + pick(f, pass, c), 0) / floors.length;
  const chunkMs = mean((f, pass, c) => f.chunkMs[pass][c]);
  const floor = {
    chunkMs: r.kinds.floor.chunkMs.map((chunks, pass) => chunks.map((_, c) => chunkMs(pass, c))),
    lintMs: r.kinds.floor.lintMs.map((_, pass) => mean((f, p) => f.lintMs[p])(pass)),
    cpuMs: r.kinds.floor.cpuMs.map((_, pass) => mean((f, p) => f.cpuMs[p])(pass)),
    maxRssMiB: Math.max(...floors.map((f) => f.maxRssMiB)),
  };
  const summary = {};
  for (const kind of kinds) {
    const k = r.kinds[kind];
    const passes = k.lintMs.length;
    // (this configuration, floor) pairs of the same chunk in the same pass, seconds apart.
    const pairs = k.chunkMs.flatMap((chunks, pass) => chunks.map((ms, c) => [ms, floor.chunkMs[pass][c]]));
    const sum = (xs, i) => xs.reduce((a, x) => a + x[i], 0);
    summary[kind] = {
      passes,
      lintMs: sum(pairs, 0) / passes,
      ratio: sum(pairs, 0) / sum(pairs, 1),
      // Passes run in fresh processes and are the independent samples: t interval of their ratios.
      interval: passInterval(k.lintMs.map((ms, pass) => ms / floor.lintMs[pass])),
      cpuRatio: k.cpuMs.reduce((a, x) => a + x, 0) / floor.cpuMs.slice(0, passes).reduce((a, x) => a + x, 0),
      passRatios: k.lintMs.map((ms, pass) => ms / floor.lintMs[pass]),
      maxRssMiB: k.maxRssMiB,
      rssOverFloorMiB: k.maxRssMiB - floor.maxRssMiB,
      problems: Object.fromEntries(Object.entries(k.byRule).filter(([id]) => id.startsWith('backing-services/') || id.startsWith('sonarjs/'))),
      fatal: k.fatal,
      typescriptLoaded: k.typescriptLoaded,
    };
  }
  return { chunks: r.chunks, chunkSize: r.chunkSize, passes: r.passes, load: { before: loadBefore, after: loadavg()[0] }, kinds: summary };
}

if (want('lint')) {
  const referencePasses = Number(option('--ref-passes', '1'));
  // `floor-again`, the floor in a second process, is the control: what the method reads when
  // nothing differs.
  const kinds = ['floor', 'floor-again', 'recommended', 'all', ...(referencePasses > 0 ? ['none', 'sonar'] : [])];
  report.lint = await interleavedSummary(kinds, { passes: Number(option('--passes', '6')), references: ['none', 'sonar'], referencePasses });
}

// ---- Where the overhead of separate processes goes: a second, identical floor (what the method
// reads when nothing differs), the plugin loaded with no rule on, ten rules that do nothing
// (three with an empty `Program` listener), `recommended`'s rules with only `create` run, and
// `recommended`. Only on request.
if (want('overhead')) {
  report.overhead = await interleavedSummary(['floor', 'floor-again', 'loaded', 'noop', 'create-only', 'recommended'], { passes: Number(option('--overhead-passes', '4')) });
  report.ruleCost = child('rule-cost-run.mjs', []);
}

// ---- Whole-corpus runs: floor vs recommended vs all (and the references), each a fresh
// process over every file, alternating. Only on request: on a shared machine whose speed drifts
// over minutes, these say more about the machine than about the plugin.
if (want('whole')) {
  // The one-minute load average when the runs start: above about 1.5 on 2 CPUs, something
  // else is running and the wall times say more about it than about the plugin.
  const loadBefore = loadavg()[0];
  if (loadBefore > 1.5) log(`warning: load average ${loadBefore.toFixed(2)} before the lint runs; wall times will be noisy`);
  const kinds = ['floor', 'recommended', 'all', 'none', 'sonar'];
  const configs = Object.fromEntries(kinds.map((k) => [k, writeConfig(k, files, work)]));
  const runs = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let rep = 0; rep < reps; rep++) {
    // Rotate the order each repetition so no configuration always runs first.
    const order = kinds.map((_, i) => kinds[(i + rep) % kinds.length]);
    for (const kind of order) {
      // The references (no rules; the SonarJS peers) run once unless --ref-reps says otherwise.
      if ((kind === 'none' || kind === 'sonar') && rep >= refReps) continue;
      const r = child('lint-run.mjs', ['--config', configs[kind], '--files', listFile]);
      runs[kind].push(r);
      log(`lint ${kind} #${rep + 1}: wall ${fmt(r.wallMs)}, lint ${fmt(r.lintMs)}, cpu ${fmt(r.cpuMs)}, rss ${r.maxRssMiB.toFixed(0)} MiB, fatal ${r.fatal}`);
    }
  }
  // Each repetition runs every configuration back to back, so its own ratios to the floor
  // cancel the drift of a shared machine between repetitions; their median is the headline.
  const roundRatio = (kind, field) => runs[kind].map((r, i) => r[field] / runs.floor[i][field]);
  const summary = {};
  for (const kind of kinds) {
    const rs = runs[kind];
    summary[kind] = {
      roundWallRatios: roundRatio(kind, 'wallMs'),
      roundCpuRatios: roundRatio(kind, 'cpuMs'),
      minWallMs: Math.min(...rs.map((r) => r.wallMs)),
      wallMs: median(rs.map((r) => r.wallMs)),
      lintMs: median(rs.map((r) => r.lintMs)),
      cpuMs: median(rs.map((r) => r.cpuMs)),
      maxRssMiB: median(rs.map((r) => r.maxRssMiB)),
      fatal: rs[0].fatal,
      problems: Object.fromEntries(Object.entries(rs[0].byRule).filter(([id]) => id.startsWith('backing-services/') || id.startsWith('sonarjs/'))),
      runs: rs.map((r) => Math.round(r.wallMs)),
      rssRuns: rs.map((r) => Math.round(r.maxRssMiB)),
    };
  }
  for (const kind of kinds) {
    summary[kind].wallRatio = summary[kind].wallMs / summary.floor.wallMs;
    summary[kind].lintRatio = summary[kind].lintMs / summary.floor.lintMs;
    summary[kind].cpuRatio = summary[kind].cpuMs / summary.floor.cpuMs;
    summary[kind].rssOverFloorMiB = summary[kind].maxRssMiB - summary.floor.maxRssMiB;
    summary[kind].minWallRatio = summary[kind].minWallMs / summary.floor.minWallMs;
    summary[kind].roundWallRatio = median(summary[kind].roundWallRatios);
    summary[kind].roundCpuRatio = median(summary[kind].roundCpuRatios);
  }
  report.whole = summary;
  report.whole_load = { before: loadBefore, after: loadavg()[0] };
}

// ---- Paired: every file with each configuration back to back in one process (CPU time).
if (want('paired')) {
  const r = child('paired-run.mjs', ['--files', listFile, '--passes', option('--paired-passes', '2')]);
  report.paired = { cpuMs: r.cpuMs, ratio: r.ratio, passes: r.passes, problems: r.problems, groups: r.groups };
  log(`paired: floor ${fmt(r.cpuMs.floor)}, recommended ${r.ratio.recommended.toFixed(3)}x, all ${r.ratio.all.toFixed(3)}x`);
}

// ---- Listeners: our rules' own time per file, on files parsed beforehand.
if (want('listeners')) {
  const r = child('listeners-run.mjs', ['--files', listFile]);
  report.listeners = r.groups;
  log(`listeners: ${Object.entries(r.groups).map(([name, g]) => `${name} ${g.files} files ${g.ms.toFixed(0)} ms`).join(', ')}`);
}

// ---- Memory: the live heap each configuration holds (garbage collected every 50 files).
if (want('memory')) {
  report.memory = {};
  for (const kind of ['floor', 'recommended', 'all']) {
    const r = child('memory-run.mjs', ['--files', listFile, '--config', kind], {}, ['--expose-gc']);
    report.memory[kind] = r;
    log(`memory ${kind}: live heap up to ${r.maxLiveMiB.toFixed(1)} MiB, peak RSS ${r.maxRssMiB.toFixed(0)} MiB`);
  }
}

// ---- TIMING=all: our rules and the SonarJS peers in one run.
if (want('timing')) {
  const config = writeConfig('timing', files, work);
  const r = child('lint-run.mjs', ['--config', config, '--files', listFile], { TIMING: 'all' });
  const rows = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S+)\s*\|\s*([\d.]+)\s*\|\s*([\d.]+)%/.exec(line);
    if (m) rows.push({ rule: m[1], ms: Number(m[2]), percent: Number(m[3]) });
  }
  const ours = rows.filter((row) => row.rule.startsWith('backing-services/'));
  const sonar = rows.filter((row) => SONAR_PEER_RULES.includes(row.rule.replace(/^sonarjs\//, '')) && row.rule.startsWith('sonarjs/'));
  const sum = (xs) => xs.reduce((a, x) => a + x.ms, 0);
  report.timing = {
    rows,
    oursMs: sum(ours),
    sonarMs: sum(sonar),
    ratio: sum(ours) / sum(sonar),
    slowestOurs: ours.reduce((a, x) => (x.ms > (a?.ms ?? -1) ? x : a), undefined),
    fastestSonar: sonar.reduce((a, x) => (x.ms < (a?.ms ?? Infinity) ? x : a), undefined),
  };
  log(`TIMING: ours ${sum(ours).toFixed(0)} ms, SonarJS peers ${sum(sonar).toFixed(0)} ms`);
}

// ---- Start-up on a two-file project, and whether the plugin loads `typescript`.
if (want('startup')) {
  const project = join(work, 'startup');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'db.js'), "const { Pool } = require('pg');\nmodule.exports = new Pool({ connectionString: process.env.DATABASE_URL });\n");
  writeFileSync(join(project, 'app.js'), "const pool = require('./db');\nmodule.exports = async () => (await pool.query('select 1')).rows;\n");
  const base = "export default [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }, { rules: { 'no-debugger': 'error' } }";
  writeFileSync(join(project, 'floor.config.mjs'), `${base}];\n`);
  writeFileSync(
    join(project, 'plugin.config.mjs'),
    `import plugin from ${JSON.stringify(new URL(`file://${PLUGIN_PATH}`).href)};\n${base}, ...[].concat(plugin.configs.recommended)];\n`,
  );
  const probe = join(project, 'probe.cjs');
  writeFileSync(probe, "process.on('exit', () => { if (Object.keys(require.cache).some((k) => k.includes('/node_modules/typescript/'))) process.stderr.write('TYPESCRIPT_LOADED\\n'); });\n");
  const eslintBin = join(ROOT, 'node_modules/eslint/bin/eslint.js');
  const times = { floor: [], plugin: [] };
  let typescriptLoaded = false;
  for (let i = 0; i < Math.max(5, reps * 3); i++) {
    for (const kind of i % 2 ? ['plugin', 'floor'] : ['floor', 'plugin']) {
      const started = performance.now();
      const run = spawnSync(process.execPath, ['--require', probe, eslintBin, '--config', `${kind}.config.mjs`, 'db.js', 'app.js'], { cwd: project, encoding: 'utf8' });
      times[kind].push(performance.now() - started);
      if (run.status !== 0) throw new Error(`start-up run failed: ${run.stdout}${run.stderr}`);
      if (kind === 'plugin' && run.stderr.includes('TYPESCRIPT_LOADED')) typescriptLoaded = true;
    }
  }
  const load = spawnSync(process.execPath, ['-e', `const t = performance.now(); require(${JSON.stringify(PLUGIN_PATH)}); const ms = performance.now() - t; console.log(JSON.stringify({ ms, typescript: Object.keys(require.cache).some((k) => k.includes('/node_modules/typescript/')) }))`], { encoding: 'utf8' });
  const alone = JSON.parse(load.stdout);
  report.startup = {
    floorMs: median(times.floor),
    pluginMs: median(times.plugin),
    addedMs: median(times.plugin) - median(times.floor),
    typescriptLoadedByEslintRun: typescriptLoaded,
    requireAloneMs: alone.ms,
    typescriptLoadedByRequire: alone.typescript,
  };
  log(`start-up: floor ${report.startup.floorMs.toFixed(0)} ms, with plugin ${report.startup.pluginMs.toFixed(0)} ms; typescript loaded: ${typescriptLoaded || alone.typescript}`);
}

// ---- Codemods: `migrate all --dry` (in memory) vs jscodeshift parse + print.
if (want('codemods')) {
  const parsePrint = [];
  const migrate = [];
  for (let rep = 0; rep < Number(option('--codemod-reps', '1')); rep++) {
    parsePrint.push(child('codemod-run.mjs', ['--mode', 'parse-print', '--files', listFile]));
    migrate.push(child('codemod-run.mjs', ['--mode', 'migrate', '--files', listFile]));
  }
  const fps = (rs) => median(rs.map((r) => r.filesPerSecond));
  report.codemods = {
    parsePrint: { filesPerSecond: fps(parsePrint), failed: parsePrint[0].failed, changed: parsePrint[0].changed },
    migrate: migrate[0].unavailable ? { unavailable: migrate[0].unavailable } : { filesPerSecond: fps(migrate), failed: migrate[0].failed, changed: migrate[0].changed },
  };
  if (!migrate[0].unavailable) report.codemods.speedup = report.codemods.migrate.filesPerSecond / report.codemods.parsePrint.filesPerSecond;
  log(`codemods: parse+print ${fps(parsePrint).toFixed(0)} files/s, migrate ${migrate[0].unavailable ? 'n/a' : `${fps(migrate).toFixed(0)} files/s`}`);
}

// ---- Pathological inputs: each rule alone over the floor, in-process, espree.
if (want('pathological')) {
  report.pathological = child('pathological-run.mjs', []).cases;
}

if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
process.stdout.write(markdown(report));

function markdown(r) {
  const out = [];
  const x = (n) => `${n.toFixed(3)}x`;
  out.push(`Machine: ${r.machine.nproc} CPUs (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ESLint ${r.machine.eslint}.`);
  out.push(`Corpus: ${r.corpus.files} files (${r.corpus.commonjs} CommonJS, ${r.corpus.module} ES module, ${r.corpus.typescript} TypeScript)${r.corpus.limit ? `, subset --limit ${r.corpus.limit}` : ''}.`, '');
  const interleavedTable = (l) => {
    out.push('| config | passes | lint time per pass | x floor | 95 % interval | CPU x floor | each pass, x floor | peak RSS | findings |', '| --- | ---: | ---: | ---: | --- | ---: | --- | ---: | --- |');
    for (const [kind, k] of Object.entries(l.kinds)) {
      const findings = Object.entries(k.problems).map(([id, n]) => `${id.replace(/^backing-services\//, '')} ${n}`).join(', ') || '-';
      out.push(`| ${kind} | ${k.passes} | ${fmt(k.lintMs)} | ${x(k.ratio)} | ${k.interval ? k.interval.map((v) => v.toFixed(3)).join(' - ') : '-'} | ${x(k.cpuRatio)} | ${k.passRatios.map((v) => v.toFixed(3)).join(', ')} | ${k.maxRssMiB.toFixed(0)} MiB | ${findings} |`);
    }
    out.push('');
  };
  if (r.lint) {
    const l = r.lint;
    out.push(`Lint, separate processes taking turns: ${l.chunks} chunks of ${l.chunkSize} files; in each pass every chunk is linted by every configuration in a shuffled order, with a pause of ${option('--settle', '100')} ms before every turn ${l.kinds.none ? `(the references \`none\` and \`sonar\` in the first ${l.kinds.none.passes} pass(es) only)` : '(no references)'}; load average ${l.load.before.toFixed(2)} before, ${l.load.after.toFixed(2)} after. Time is \`ESLint#lintFiles\` (start-up is measured on its own), per pass; "x floor" is the sum over all chunks and passes against the floor's on the same chunks (${l.kinds['floor-again'] ? 'the mean of the two floor processes, \`floor\` and \`floor-again\`' : 'one floor process'}), with a 95 % t interval over the passes (each in fresh processes):`, '');
    interleavedTable(l);
  }
  if (r.overhead) {
    const l = r.overhead;
    out.push(`Where the overhead goes, the same way (${l.chunks} chunks of ${l.chunkSize} files, load average ${l.load.before.toFixed(2)} before, ${l.load.after.toFixed(2)} after): \`floor-again\` is the floor's own configuration in a process of its own, \`loaded\` registers the plugin with no rule on, \`noop\` turns on ten rules that do nothing (three return an empty \`Program\` listener), \`create-only\` runs \`recommended\`'s rules' \`create\` (the per-file gates) and drops their listeners:`, '');
    interleavedTable(l);
  }
  if (r.ruleCost) {
    const c = r.ruleCost;
    out.push(`ESLint's own charge per rule, in one process (\`bench/rule-cost-run.mjs\`: a two-line file without a client verified ${c.verifies} times per round, ${c.rounds} rounds in rotating order, median of the rounds after two warm-up rounds):`, '');
    out.push('| config | µs per verify | added |', '| --- | ---: | ---: |');
    for (const [kind, us] of Object.entries(c.perVerify)) out.push(`| ${kind} | ${us.toFixed(2)} | ${(us - c.perVerify.floor).toFixed(2)} |`);
    out.push('');
  }
  if (r.whole) {
    out.push(`Whole-corpus runs, ${reps} repetitions (references \`none\` and \`sonar\`: ${refReps}), each configuration a fresh process, run back to back in a rotating order; load average ${r.whole_load.before.toFixed(2)} before, ${r.whole_load.after.toFixed(2)} after. Wall and CPU are medians over the repetitions; "x floor" is the median of each repetition's own ratio to its floor run:`, '');
    out.push('| config | wall | x floor | CPU (user+sys) | x floor | fastest run, x floor | peak RSS | over floor | findings |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const [kind, s] of Object.entries(r.whole)) {
      const findings = Object.entries(s.problems).map(([id, n]) => `${id.replace(/^backing-services\//, '')} ${n}`).join(', ') || '-';
      out.push(`| ${kind} | ${fmt(s.wallMs)} | ${x(s.roundWallRatio)} | ${fmt(s.cpuMs)} | ${x(s.roundCpuRatio)} | ${x(s.minWallRatio)} | ${s.maxRssMiB.toFixed(0)} MiB | ${s.rssOverFloorMiB >= 0 ? '+' : ''}${s.rssOverFloorMiB.toFixed(0)} MiB | ${findings} |`);
    }
    out.push('', 'Each run (wall s / peak RSS MiB):', '');
    for (const [kind, s] of Object.entries(r.whole)) out.push(`- ${kind}: ${s.runs.map((ms, i) => `${(ms / 1000).toFixed(1)} / ${s.rssRuns[i]}`).join(', ')}`);
    out.push('');
  }
  if (r.paired) {
    out.push(`Paired (one process, each file linted with each config back to back in rotating order, ${r.paired.passes} passes, CPU time of \`Linter#verify\`):`, '');
    out.push('| config | CPU | x floor | our findings |', '| --- | ---: | ---: | ---: |');
    for (const kind of Object.keys(r.paired.cpuMs)) out.push(`| ${kind} | ${fmt(r.paired.cpuMs[kind])} | ${x(r.paired.ratio[kind])} | ${r.paired.problems[kind]} |`);
    out.push('', 'The same CPU time by file: files that name a catalog module in quotes, and the rest (added over the floor, per pass):', '');
    out.push('| files | count | floor | recommended: added | per file | all: added | per file |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [name, g] of Object.entries(r.paired.groups)) {
      const added = (kind) => (g.cpuMs[kind] - g.cpuMs.floor) / r.paired.passes;
      const perFile = (kind) => `${((added(kind) * 1000) / g.files).toFixed(0)} µs`;
      const label = name === 'client' ? 'naming a catalog module' : 'the rest';
      out.push(`| ${label} | ${g.files} | ${fmt(g.cpuMs.floor / r.paired.passes)} | ${added('recommended').toFixed(0)} ms | ${perFile('recommended')} | ${added('all').toFixed(0)} ms | ${perFile('all')} |`);
    }
    out.push('');
  }
  if (r.listeners) {
    out.push("Our rules' own time (`create` + `Program`, all ten rules, default options) on files parsed beforehand:", '');
    out.push('| files | count | total | per file | largest share |', '| --- | ---: | ---: | ---: | --- |');
    for (const [name, g] of Object.entries(r.listeners)) {
      const [top, ms] = Object.entries(g.byRule).sort((a, b) => b[1] - a[1])[0];
      out.push(`| ${name === 'client' ? 'naming a catalog module' : 'the rest'} | ${g.files} | ${g.ms.toFixed(0)} ms | ${((g.ms * 1000) / g.files).toFixed(0)} µs | ${top} ${ms.toFixed(0)} ms |`);
    }
    out.push('');
  }
  if (r.memory) {
    const m = r.memory;
    out.push('Memory (one process per configuration, `Linter#verify` over every file, garbage collected every 50 files; the floor does not load the plugin):', '');
    out.push('| config | live heap before the first file | largest live heap | over floor | live heap after the last file | peak RSS |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const [kind, k] of Object.entries(m)) {
      out.push(`| ${kind} | ${k.baselineMiB.toFixed(1)} MiB | ${k.maxLiveMiB.toFixed(1)} MiB | ${kind === 'floor' ? '-' : `+${(k.maxLiveMiB - m.floor.maxLiveMiB).toFixed(1)} MiB`} | ${k.finalLiveMiB.toFixed(1)} MiB | ${k.maxRssMiB.toFixed(0)} MiB |`);
    }
    out.push('');
  }
  if (r.timing) {
    out.push('`TIMING=all`, one run with our `all` and the SonarJS peer rules:', '', '| rule | time (ms) |', '| --- | ---: |');
    for (const row of r.timing.rows.filter((row) => row.rule.startsWith('backing-services/') || row.rule.startsWith('sonarjs/'))) out.push(`| ${row.rule} | ${row.ms.toFixed(1)} |`);
    out.push(`| **ours, sum** | ${r.timing.oursMs.toFixed(1)} |`, `| **SonarJS peers, sum** | ${r.timing.sonarMs.toFixed(1)} |`, '');
    out.push(`Ours / SonarJS: ${r.timing.ratio.toFixed(3)}; slowest of ours ${r.timing.slowestOurs?.rule} ${r.timing.slowestOurs?.ms.toFixed(1)} ms; fastest SonarJS peer ${r.timing.fastestSonar?.rule} ${r.timing.fastestSonar?.ms.toFixed(1)} ms.`, '');
  }
  if (r.startup) {
    const s = r.startup;
    out.push(`Start-up (two-file project, \`eslint\` CLI, median): floor ${s.floorMs.toFixed(0)} ms, with the plugin's recommended config ${s.pluginMs.toFixed(0)} ms (+${s.addedMs.toFixed(0)} ms). \`require\` of the plugin alone: ${s.requireAloneMs.toFixed(0)} ms. Loads \`typescript\`: ${s.typescriptLoadedByEslintRun || s.typescriptLoadedByRequire ? 'yes' : 'no'}.`, '');
  }
  if (r.codemods) {
    const c = r.codemods;
    out.push(`Codemods (in memory, dry): jscodeshift parse + print ${c.parsePrint.filesPerSecond.toFixed(0)} files/s (${c.parsePrint.failed} unparsable); ` + (c.migrate.unavailable ? `migrate all: ${c.migrate.unavailable}.` : `\`migrate all\` ${c.migrate.filesPerSecond.toFixed(0)} files/s (${c.migrate.changed} would change, ${c.migrate.failed} unparsable), ${c.speedup.toFixed(1)}x.`), '');
  }
  if (r.pathological) {
    out.push('Pathological inputs (bench/pathological-cases.cjs), espree, best of two; `all` and the slowest single rule, over the floor on the same text:', '');
    out.push('| input | size | floor | all: added | slowest rule: added |', '| --- | ---: | ---: | ---: | --- |');
    for (const [name, c] of Object.entries(r.pathological)) {
      const [slowId, slowMs] = Object.entries(c.rules).sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
      out.push(`| ${name} | ${(c.bytes / 1024).toFixed(0)} KiB | ${c.floorMs.toFixed(0)} ms | ${c.allMs.toFixed(0)} ms | ${slowId} ${slowMs.toFixed(0)} ms |`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}
