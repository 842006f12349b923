import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/bin';
import type { CliIo } from '../../src/cli/io';
import { redact } from '../../src/cli/migrate';

const DB = "import { Pool } from 'pg';\n\nexport const pool = new Pool({ host: 'db.internal', user: 'app', password: 'hunter2-db', max: 5 });\n";
const DB_OUT = "import { Pool } from 'pg';\n\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5, ssl: { rejectUnauthorized: true } });\n";
const TLS = "const { createClient } = require('redis');\n\nmodule.exports = createClient({ url: process.env.REDIS_URL, socket: { tls: false } });\n";
const CLEAN = 'export const add = (a: number, b: number) => a + b;\n';
const BROKEN = "import { Pool } from 'pg';\nconst = ;\n";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd, encoding: 'utf8' });
}

/** A temporary git repository holding `files`, all committed. */
function repo(files: Record<string, string>, { commit = true } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'bs-migrate-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  git(root, 'init', '-q');
  if (commit) {
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'init');
  }
  return root;
}

async function migrate(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env: {},
  };
  const code = await main(['migrate', ...args], io);
  return { code, stdout, stderr };
}

const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

/** Migrates a repository of one file with `--report`, and that file's entry in the report. */
async function migratedWithReport(files: Record<string, string>, codemod: string) {
  const root = repo(files);
  const run = await migrate(root, [codemod, '--report', 'report.json']);
  expect(run.code).toBe(0);
  const report = JSON.parse(read(root, 'report.json')) as { files: Array<{ file: string; markers: Array<{ line: number; text: string }>; findings: { after: number; atMarkers: number } }> };
  const file = report.files.find((f) => f.file === Object.keys(files)[0])!;
  return { root, run, file };
}

describe('backing-services migrate', () => {
  it('--dry prints a unified diff per changed file, writes nothing and never prints a secret', async () => {
    const root = repo({ 'src/db.ts': DB, 'src/cache.js': TLS, 'src/util.ts': CLEAN });
    const run = await migrate(root, ['all', '--dry', 'src']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- a/src/db.ts');
    expect(run.stdout).toContain('+++ b/src/db.ts');
    expect(run.stdout).toContain('+export const pool = new Pool({ connectionString: process.env.DATABASE_URL');
    expect(run.stdout).toContain('--- a/src/cache.js');
    expect(run.stdout).not.toContain('util.ts');
    expect(`${run.stdout}${run.stderr}`).not.toContain('hunter2');
    expect(run.stderr).toContain('migrate all: 2 changed, 0 unchanged, 1 skipped, 0 errors, 0 markers left to fix by hand (dry run: nothing written)');
    expect(run.stderr).toContain('would add DATABASE_URL to .env.example');
    expect(read(root, 'src/db.ts')).toBe(DB);
    expect(existsSync(join(root, '.env.example'))).toBe(false);
  });

  it('rewrites files, appends to .env.example without values, and writes the report', async () => {
    const root = repo({ 'src/db.ts': DB, 'src/cache.js': TLS, '.env.example': 'PORT=3000' });
    const run = await migrate(root, ['all', '--report', 'out/report.json']);
    expect(run.code).toBe(0);
    expect(read(root, 'src/db.ts')).toBe(DB_OUT);
    expect(read(root, 'src/cache.js')).toContain('socket: { tls: true }');
    const example = read(root, '.env.example');
    expect(example.startsWith('PORT=3000\n\n# Added by `backing-services migrate all`')).toBe(true);
    expect(example).toMatch(/^# DATABASE_URL: postgres URL for pg/m);
    expect(example).toMatch(/^DATABASE_URL=$/m);
    expect(example).not.toMatch(/hunter2|db\.internal|app/);
    const report = JSON.parse(read(root, 'out/report.json')) as {
      dryRun: boolean;
      summary: Record<string, unknown>;
      variables: string[];
      files: Array<{ file: string; status: string; sites: number; markers: unknown[]; variables: string[] }>;
    };
    expect(report.dryRun).toBe(false);
    expect(report.summary).toMatchObject({ changed: 2, errors: 0, markers: 0, findings: { files: 2, after: 0, atMarkers: 0 } });
    expect((report.summary.findings as { before: number }).before).toBeGreaterThan(2);
    expect(report.variables).toEqual(['DATABASE_URL']);
    expect(report.files).toContainEqual({
      file: 'src/db.ts',
      status: 'changed',
      sites: 1,
      markers: [],
      variables: ['DATABASE_URL'],
      changes: [{ line: 3, removed: 1, added: 1 }],
      findings: { before: 2, after: 0, atMarkers: 0 },
    });
    expect(report.files).toContainEqual(expect.objectContaining({ file: 'src/cache.js', status: 'changed', sites: 1, markers: [], variables: [] }));
    expect(run.stderr).toMatch(/findings \(every rule but no-client-outside-resource-module\) in the 2 files read: \d+ before, 0 after, 100% gone/);
    expect(run.stderr).toContain('the code now reads: DATABASE_URL');
    expect(read(root, 'out/report.json')).not.toContain('hunter2');
    // A second run changes nothing and adds nothing.
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'migrated');
    const again = await migrate(root, ['all']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('0 changed');
    expect(read(root, '.env.example')).toBe(example);
  });

  it('creates .env.example when missing, at --env-example, and honours --env-var', async () => {
    const root = repo({ 'db.ts': DB });
    const run = await migrate(root, ['env-service-url', '--env-example', 'config/.env.example', '--env-var', 'postgres=PRIMARY_DB_URL']);
    expect(run.code).toBe(0);
    expect(read(root, 'db.ts')).toContain('process.env.PRIMARY_DB_URL');
    expect(read(root, 'config/.env.example')).toMatch(/^PRIMARY_DB_URL=$/m);
  });

  it('--fail-on-change exits 1 when something would change and writes nothing', async () => {
    const root = repo({ 'db.ts': DB });
    const run = await migrate(root, ['verify-tls', '--fail-on-change']);
    expect(run.code).toBe(0);
    const changed = await migrate(root, ['env-service-url', '--fail-on-change']);
    expect(changed.code).toBe(1);
    expect(read(root, 'db.ts')).toBe(DB);
  });

  it('lists every marker with its line in the report and on screen, without the secret beside it', async () => {
    const shared = "import knex from 'knex';\n\nexport const db = knex({ client: process.argv[2], connection: { host: 'db.internal', password: 'hunter2-shared' } });\n";
    const { root, run, file } = await migratedWithReport({ 'src/shared.ts': shared }, 'env-service-url');
    expect(file.markers).toEqual([{ line: 3, text: expect.stringMatching(/^backing-services: knex serves several drivers/) }]);
    expect(file.findings.after).toBe(file.findings.atMarkers);
    expect(run.stderr).toMatch(/^markers:\n {2}src\/shared\.ts:3 {2}knex serves several drivers/m);
    expect(`${run.stderr}${read(root, 'report.json')}`).not.toContain('hunter2');
  });

  it('lists what JSON cannot hold as a comment as a marker at its line, and counts the finding there', async () => {
    const config = '{\n  "development": {\n    "dialect": "sqlite",\n    "storage": "dev.sqlite"\n  },\n  "production": {\n    "username": "app",\n    "password": "hunter2-json",\n    "host": "db.example.com",\n    "dialect": "postgres"\n  }\n}\n';
    const { root, run, file } = await migratedWithReport({ 'config/config.json': config }, 'all');
    expect(file.markers).toEqual([{ line: 2, text: expect.stringMatching(/^backing-services: the `development` entry connects differently/) }]);
    expect(file.findings.after).toBeGreaterThan(0);
    expect(file.findings.after).toBe(file.findings.atMarkers);
    expect(read(root, 'config/config.json')).toContain('"use_env_variable": "DATABASE_URL"');
    expect(`${run.stderr}${read(root, 'report.json')}${read(root, 'config/config.json')}`).not.toContain('hunter2');
  });

  it('--no-findings skips the rules', async () => {
    const root = repo({ 'db.ts': DB });
    const run = await migrate(root, ['env-service-url', '--dry', '--no-findings']);
    expect(run.stderr).not.toContain('findings');
  });

  it('--print prints the new text of changed files', async () => {
    const root = repo({ 'db.ts': DB });
    const run = await migrate(root, ['env-service-url', '--print', '--dry']);
    expect(run.stdout).toContain(DB_OUT);
  });

  it('reports a file that does not parse, leaves it untouched, goes on and exits 1', async () => {
    const root = repo({ 'a/broken.ts': BROKEN, 'b/db.ts': DB });
    const run = await migrate(root, ['all']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('a/broken.ts: cannot transform');
    expect(read(root, 'a/broken.ts')).toBe(BROKEN);
    expect(read(root, 'b/db.ts')).toBe(DB_OUT);
    expect(run.stderr).toContain('1 changed, 0 unchanged, 0 skipped, 1 error');
  });

  it('refuses to write into a work tree with uncommitted changes unless --force; --dry always runs', async () => {
    const root = repo({ 'db.ts': DB });
    writeFileSync(join(root, 'notes.txt'), 'wip');
    const refused = await migrate(root, ['all']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(read(root, 'db.ts')).toBe(DB);
    expect((await migrate(root, ['all', '--dry'])).code).toBe(0);
    const forced = await migrate(root, ['all', '--force']);
    expect(forced.code).toBe(0);
    expect(read(root, 'db.ts')).toBe(DB_OUT);
  });

  it('skips node_modules, .gitignored files and --ignore-pattern, and honours --extensions', async () => {
    const root = repo({ '.gitignore': 'generated/\n', 'node_modules/x/db.js': DB, 'generated/db.ts': DB, 'legacy/db.ts': DB, 'src/db.ts': DB, 'src/db.js': DB });
    const run = await migrate(root, ['all', '--dry', '--ignore-pattern', 'legacy/', '--extensions', 'ts']);
    expect(run.stdout).toContain('a/src/db.ts');
    expect(run.stdout).not.toMatch(/node_modules|generated|legacy|db\.js/);
  });

  it('lists the codemods in --help', async () => {
    const run = await migrate(process.cwd(), ['--help']);
    expect(run.code).toBe(0);
    for (const name of ['env-service-url', 'verify-tls', 'remove-environment-branching', 'all']) expect(run.stdout).toContain(name);
  });

  describe('usage errors exit 2 with one clear line', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /missing codemod \(one of: env-service-url, verify-tls, remove-environment-branching, all\)/],
      [['fix-everything'], /unknown codemod 'fix-everything' \(one of: env-service-url, verify-tls, remove-environment-branching, all\)/],
      [['all', '--frobnicate'], /unknown option '--frobnicate'/],
      [['all', 'does/not/exist'], /no such file or folder: does\/not\/exist/],
      [['all', '--env-var', 'postgres'], /--env-var expects SERVICE=NAME/],
      [['all', '--extensions', 'py'], /--extensions takes/],
      [['all', '--env-var', 'postgress=PG_URL'], /--env-var: unknown service 'postgress'/],
    ];
    for (const [args, message] of cases) {
      it(args.join(' ') || '(no arguments)', async () => {
        const root = repo({ 'db.ts': DB });
        const run = await migrate(root, args);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
      });
    }
  });

  it('runs as the installed bin', () => {
    const root = repo({ 'db.ts': DB });
    const bin = resolve(__dirname, '../../dist/src/cli/bin.js');
    const result = spawnSync(process.execPath, [bin, 'migrate', 'all', '--dry'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('+++ b/db.ts');
  });
});

describe('redact', () => {
  it('blanks quoted secrets and URL passwords', () => {
    expect(redact("-  password: 'pw',\n-  url: 'redis://:s3cret@cache:6379'", ['pw'])).toBe("-  password: '****',\n-  url: 'redis://:****@cache:6379'");
  });
});
