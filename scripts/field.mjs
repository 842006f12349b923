// `npm run field`: recall and precision of the rules on the field corpus, labelled real files
// from public repositories (test/field/manifest.json; labels by ../shared/reference/labelling.md).
// Third-party code never enters the repository: each file is rebuilt from a fetched snapshot of
// its repository (a git directory, `<mirror>/<owner>+<name>/repo`) at the manifest's commit into
// `.field/` (ignored), then linted with every rule on. CI does not run this (it has no snapshots).
//
//   node scripts/field.mjs [--manifest FILE ...] [--mirror DIR] [--reserved FILE] [--json FILE] [--quiet]
//
// --mirror defaults to $FIELD_MIRROR, else ../.mirror next to the checkout. Prints recall and
// precision per category and per pattern, then every miss and every false positive.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from '../bench/corpus.mjs';
import { PLUGIN_PATH } from '../bench/configs.mjs';
import { CATEGORIES, RULE_CATEGORY, matchFile, PATTERNS, summarize } from './field/score.mjs';
import { lintOptionsFor } from './field/lint-options.mjs';
import { fieldRoot } from './field/paths.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const values = (name) => args.flatMap((a, i) => (args[i - 1] === name ? [a] : []));
const known = new Set(['--manifest', '--mirror', '--json', '--reserved', '--quiet']);
for (let i = 0; i < args.length; i++) {
  if (!known.has(args[i])) {
    console.error(`field: unknown option ${args[i]}`);
    process.exit(2);
  }
  if (args[i] !== '--quiet') i++;
}
const manifests = values('--manifest').length > 0 ? values('--manifest') : [join(ROOT, 'test/field/manifest.json')];
const mirror = resolve(values('--mirror')[0] ?? process.env.FIELD_MIRROR ?? join(ROOT, '..', '.mirror'));
const quiet = args.includes('--quiet');

if (!existsSync(PLUGIN_PATH)) {
  console.error('field: dist/ is missing: run `npm run build` first (npm run field does).');
  process.exit(2);
}
const entries = manifests.flatMap((file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`field: cannot read ${file}: ${error.message}`);
    process.exit(2);
  }
});

// Repositories kept for an independent measurement (the steering repository's list, when it is
// next to the checkout) must never be in the manifest.
const reservedList = values('--reserved')[0] ?? join(ROOT, '..', 'shared', 'reserved-repos.txt');
const reserved = new Set(
  existsSync(reservedList)
    ? readFileSync(reservedList, 'utf8')
        .split('\n')
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l && !l.startsWith('#'))
    : [],
);

/**
 * The project modules a file requires or imports by a relative path (`require('./prod')`), taken
 * from the same commit beside it, as a checkout would hold them: `no-environment-branching` reads
 * the modules a file chooses between by environment. They are not linted or scored.
 */
function extractRequired(gitDir, entry, root, target) {
  const text = readFileSync(target, 'utf8');
  const specifiers = new Set([...text.matchAll(/(?:\brequire\(\s*|\bfrom\s*)['"`](\.\.?\/[^'"`]+)['"`]/g)].map((m) => m[1]));
  for (const specifier of specifiers) {
    const base = join(dirname(entry.path), specifier).replace(/\\/g, '/');
    const candidates = [base, ...MODULE_EXTENSIONS.map((ext) => base + ext), ...MODULE_EXTENSIONS.map((ext) => `${base}/index${ext}`)];
    for (const path of candidates) {
      const out = join(root, path);
      if (path.startsWith('..') || existsSync(out)) continue;
      try {
        const content = execFileSync('git', ['-C', gitDir, 'show', `${entry.commit}:${path}`], { maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, content);
        break;
      } catch {
        // Not this candidate (or a folder): try the next.
      }
    }
  }
}
const MODULE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.json'];

// ---- Rebuild the files from the snapshots.
const missingRepos = new Set();
const files = [];
for (const entry of entries) {
  if (reserved.has(entry.repo.toLowerCase())) {
    console.error(`field: ${entry.repo} is reserved for the independent measurement and must leave the manifest.`);
    process.exit(2);
  }
  const gitDir = join(mirror, entry.repo.replace('/', '+'), 'repo');
  const root = fieldRoot(entry);
  const target = join(root, entry.path);
  if (!existsSync(target)) {
    if (!existsSync(gitDir)) {
      missingRepos.add(entry.repo);
      continue;
    }
    try {
      const text = execFileSync('git', ['-C', gitDir, 'show', `${entry.commit}:${entry.path}`], { maxBuffer: 64 << 20 });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    } catch {
      console.error(`field: ${entry.repo}@${entry.commit.slice(0, 8)} has no ${entry.path}`);
      continue;
    }
  }
  extractRequired(gitDir, entry, root, target);
  files.push({ entry, file: target, root });
}
if (missingRepos.size > 0) {
  console.error(`field: ${missingRepos.size} repositories have no snapshot in ${mirror}; clone them bare (or fetch github:<owner>/<name> into it):`);
  for (const repo of [...missingRepos].sort()) console.error(`  git clone --bare https://github.com/${repo}.git ${join(mirror, repo.replace('/', '+'), 'repo')}`);
}
if (files.length === 0) {
  console.error('field: no file of the manifest could be rebuilt.');
  process.exit(2);
}
if (missingRepos.size > 0) console.error(`field: scoring the ${files.length} files rebuilt; the figures below are partial.`);

// ---- Lint every file with every rule on, and score it against its labels.
const { Linter } = require('eslint');
const plugin = require(PLUGIN_PATH);
const linter = new Linter({ configType: 'flat' });
const results = [];
for (const { entry, file, root } of files) {
  const text = readFileSync(file, 'utf8');
  const relativePath = entry.path;
  const options = lintOptionsFor(relativePath, text, plugin);
  let messages;
  if (!options) {
    messages = [{ ruleId: null, fatal: true, message: 'no parser for this file type', line: 1 }];
  } else {
    // A physical file name under the rebuilt repository, so config-file conventions apply.
    messages = linter.verify(text, options, { filename: join(root, relativePath) });
  }
  const fatal = messages.find((m) => m.fatal);
  const findings = messages.filter((m) => m.ruleId && RULE_CATEGORY[m.ruleId.replace(/^backing-services\//, '')]);
  results.push({ entry, fatal: fatal?.message, ...matchFile(entry, findings) });
}

const summary = summarize(results);
const pct = (n, d) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const line = (name, s) => `${name.padEnd(22)} ${String(s.labels).padStart(5)} ${String(s.found).padStart(6)} ${pct(s.found, s.labels)}   ${String(s.reports).padStart(7)} ${String(s.fp).padStart(4)} ${pct(s.reports - s.fp, s.reports)}`;
const repos = new Set(results.map((r) => r.entry.repo.toLowerCase()));
console.log(`field corpus: ${results.length} files from ${repos.size} repositories (${results.filter((r) => r.entry.negative).length} negatives), ${summary.total.labels} labels`);
if (results.some((r) => r.fatal)) console.log(`unparsable: ${results.filter((r) => r.fatal).map((r) => `${r.entry.repo}:${r.entry.path} (${r.fatal})`).join(', ')}`);
console.log(`\n${'category'.padEnd(22)} labels  found recall   reports   FP precision`);
for (const category of CATEGORIES) console.log(line(category, summary.byCategory[category]));
console.log(line('all', summary.total));
console.log(`\n${'pattern'.padEnd(22)} labels  found recall   reports   FP precision`);
for (const pattern of PATTERNS) console.log(line(pattern, summary.byPattern[pattern]));

if (!quiet) {
  console.log(`\nmisses (${summary.misses.length}):`);
  for (const m of summary.misses) console.log(`  ${m.repo}:${m.path}:${m.line} ${m.category} [${m.pattern}]${m.note ? ` ${m.note}` : ''}`);
  console.log(`\nfalse positives (${summary.falsePositives.length}):`);
  for (const f of summary.falsePositives) console.log(`  ${f.repo}:${f.path}:${f.line} ${f.rule} [${f.pattern}] ${f.message}`);
}
const json = values('--json')[0];
if (json) writeFileSync(json, `${JSON.stringify({ files: results.length, repositories: repos.size, ...summary }, null, 2)}\n`);
