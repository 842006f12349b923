// The benchmark and stress corpus: the JS and TS sources that `npm ci` installs for the
// backing-service client libraries (devDependencies) and the packages they ship with.
// Deterministic: same lockfile, same list, same order.
//
//   node bench/corpus.mjs            prints a per-package summary
//   node bench/corpus.mjs --list     prints one path per line
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = join(ROOT, 'node_modules');

/**
 * Package folders under node_modules, each walked without its nested node_modules. The client
 * libraries of the catalog first, then the client packages they are built from, then the
 * TypeScript sources some of them ship (so the typescript-eslint parser gets real TS).
 */
export const CORPUS_PACKAGES = [
  // Catalog client libraries (devDependencies).
  'knex',
  'sequelize',
  'typeorm',
  'mongoose',
  'mongodb',
  'ioredis',
  'redis',
  'pg',
  'mysql2',
  'nodemailer',
  'kafkajs',
  'amqplib',
  '@elastic/elasticsearch',
  'mssql',
  'nats',
  'cassandra-driver',
  'bullmq',
  // What they are built from.
  '@redis/client',
  '@redis/search',
  '@redis/json',
  '@redis/bloom',
  '@redis/time-series',
  'pg-pool',
  'pg-protocol',
  'pg-connection-string',
  'pg-cloudflare',
  '@elastic/transport',
  'tedious',
  'bson',
  '@azure/msal-common',
  '@azure/msal-node',
  '@azure/msal-browser',
];

const JS = /\.(?:js|cjs|mjs)$/;
const TS = /\.(?:ts|cts|mts|tsx)$/;
const DECLARATION = /\.d\.(?:ts|cts|mts)$|\.d\.[^/]*\.ts$/;
/** Bundles this large are minified builds, not source; `test/robustness` covers minified code. */
export const MAX_BYTES = 512 * 1024;
/** A file whose lines average this many characters is minified. */
const MAX_AVERAGE_LINE = 300;

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      walk(path, out);
    } else if (entry.isFile() && (JS.test(entry.name) || TS.test(entry.name)) && !DECLARATION.test(entry.name) && !entry.name.endsWith('.min.js')) {
      out.push(path);
    }
  }
}

function isMinified(path, size) {
  if (size < 4096) return false;
  const text = readFileSync(path, 'utf8');
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > MAX_AVERAGE_LINE;
}

/**
 * The corpus: `{ files, skipped, packages }`, files as absolute paths in a stable order.
 * `limit` keeps an evenly spread subset (every k-th file) for quick runs.
 */
export function listCorpus({ limit } = {}) {
  const files = [];
  const skipped = [];
  const packages = [];
  for (const name of CORPUS_PACKAGES) {
    const dir = join(NODE_MODULES, name);
    if (!existsSync(join(dir, 'package.json'))) {
      packages.push({ name, version: null, files: 0 });
      continue;
    }
    const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
    const found = [];
    walk(dir, found);
    let kept = 0;
    for (const path of found) {
      const size = statSync(path).size;
      if (size > MAX_BYTES || isMinified(path, size)) {
        skipped.push({ path, size });
        continue;
      }
      files.push(path);
      kept++;
    }
    packages.push({ name, version, files: kept });
  }
  return { files: limit && limit < files.length ? spread(files, limit) : files, skipped, packages };
}

function spread(files, limit) {
  const step = files.length / limit;
  const out = [];
  for (let i = 0; i < limit; i++) out.push(files[Math.floor(i * step)]);
  return out;
}

/** `module` or `commonjs` for a `.js` file, from the nearest package.json `type`. */
export function sourceTypeOf(path, cache = new Map()) {
  if (path.endsWith('.mjs') || path.endsWith('.mts')) return 'module';
  if (path.endsWith('.cjs') || path.endsWith('.cts')) return 'commonjs';
  if (TS.test(path)) return 'module';
  let dir = dirname(path);
  const seen = [];
  while (dir.startsWith(NODE_MODULES) && dir !== NODE_MODULES) {
    if (cache.has(dir)) return remember(cache, seen, cache.get(dir));
    seen.push(dir);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      let type;
      try {
        type = JSON.parse(readFileSync(pkg, 'utf8')).type;
      } catch {
        type = undefined;
      }
      if (type !== undefined || basenameIsPackageRoot(dir)) return remember(cache, seen, type === 'module' ? 'module' : 'commonjs');
    }
    dir = dirname(dir);
  }
  return remember(cache, seen, 'commonjs');
}

function basenameIsPackageRoot(dir) {
  const rel = relative(NODE_MODULES, dir).split(sep);
  return rel.length === 1 || (rel.length === 2 && rel[0].startsWith('@'));
}

function remember(cache, dirs, type) {
  for (const dir of dirs) cache.set(dir, type);
  return type;
}

/** Files grouped by parser and module system: `{ jsModule, jsCommonjs, ts }`. */
export function groupFiles(files) {
  const cache = new Map();
  const groups = { jsModule: [], jsCommonjs: [], ts: [] };
  for (const file of files) {
    if (TS.test(file)) groups.ts.push(file);
    else if (sourceTypeOf(file, cache) === 'module') groups.jsModule.push(file);
    else groups.jsCommonjs.push(file);
  }
  return groups;
}

export function isTypeScript(path) {
  return TS.test(path);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { files, skipped, packages } = listCorpus();
  if (process.argv.includes('--list')) {
    process.stdout.write(files.map((f) => relative(ROOT, f)).join('\n') + '\n');
  } else {
    const groups = groupFiles(files);
    let bytes = 0;
    for (const f of files) bytes += statSync(f).size;
    console.log('| package | version | files |\n| --- | --- | ---: |');
    for (const p of packages) console.log(`| ${p.name} | ${p.version ?? 'missing'} | ${p.files} |`);
    console.log(`\n${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB: ${groups.jsCommonjs.length} CommonJS, ${groups.jsModule.length} ES module, ${groups.ts.length} TypeScript.`);
    console.log(`Skipped ${skipped.length} (over ${MAX_BYTES / 1024} KiB or minified): ${skipped.map((s) => relative(NODE_MODULES, s.path)).join(', ') || 'none'}.`);
  }
}
