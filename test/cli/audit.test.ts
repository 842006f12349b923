import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/bin';
import type { CliIo } from '../../src/cli/io';
import { Progress } from '../../src/cli/progress';
import { serviceOf } from '../../src/cli/report';

const RULE = 'backing-services/no-unverified-tls';
/** The one finding these tests rely on: pg with certificate checks off. */
const INSECURE_PG = "const { Pool } = require('pg');\nmodule.exports = new Pool({ ssl: { rejectUnauthorized: false } });\n";
const INSECURE_PG_ESM = "import { Pool } from 'pg';\nexport const pool = new Pool({ ssl: { rejectUnauthorized: false } });\n";
/** No client at all: nothing can fire. */
const CLEAN = 'export function add(a, b) {\n  return a + b;\n}\n';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A temporary project holding `files` (paths with `/`). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'bs-audit-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function audit(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    cwd,
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

interface JsonReport {
  config: string;
  summary: {
    filesScanned: number;
    filesWithFindings: number;
    findings: number;
    filesNotParsed: number;
    byRule: Record<string, number>;
    byService: Record<string, number>;
  };
  findings: Array<{ file: string; line: number; column: number; ruleId: string; service: string; message: string; helpUri: string }>;
  parseErrors: Array<{ file: string; line: number; message: string }>;
}

async function auditJson(cwd: string, args: string[] = []): Promise<JsonReport & { code: number }> {
  const run = await audit(cwd, ['audit', '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  return { ...(JSON.parse(run.stdout) as JsonReport), code: run.code };
}

function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd()).toMatch(pattern);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('backing-services audit: stylish (default) format', () => {
  it('groups findings by file with location and rule, then prints the summary, and exits 1', async () => {
    const cwd = project({ 'src/db.js': INSECURE_PG, 'src/util.js': CLEAN });
    const run = await audit(cwd, ['audit']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('src/db.js\n');
    expect(run.stdout).toMatch(/^ {2}2:\d+ +\w+ +.+ {2}backing-services\/no-unverified-tls$/m);
    expect(run.stdout).not.toContain('src/util.js');
    expect(run.stdout).toMatch(/^ {2}rule +severity +findings$/m);
    expect(run.stdout).toMatch(/^ {2}backing-services\/no-unverified-tls +\w+ +\d+$/m);
    expect(run.stdout).toMatch(/^ {2}service +findings$/m);
    expect(run.stdout).toMatch(/^ {2}pg +\d+$/m);
    expect(run.stdout).toMatch(/^ {2}files scanned +2$/m);
    expect(run.stdout).toMatch(/^ {2}files with findings +1$/m);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 0 with a clean report when nothing is found', async () => {
    const cwd = project({ 'a.js': CLEAN, 'b.ts': 'export const b: number = 1;\n' });
    const run = await audit(cwd, ['audit']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('No findings in 2 files.');
  });

  it('uses colors only when forced or on a terminal', async () => {
    const cwd = project({ 'db.js': INSECURE_PG });
    expect((await audit(cwd, ['audit'], { FORCE_COLOR: '1' })).stdout).toMatch(/\u001b\[/);
  });

  it('--exit-zero reports the findings and exits 0', async () => {
    const cwd = project({ 'db.js': INSECURE_PG });
    const run = await audit(cwd, ['audit', '--exit-zero']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(RULE);
  });
});

describe('backing-services audit: json format', () => {
  it('lists findings with relative paths, services and a summary', async () => {
    const cwd = project({ 'src/db.js': INSECURE_PG, 'src/esm.mjs': INSECURE_PG_ESM, 'src/util.js': CLEAN });
    const report = await auditJson(cwd);
    expect(report.code).toBe(1);
    expect(report.config).toBe('recommended');
    expect(report.summary).toMatchObject({ filesScanned: 3, filesWithFindings: 2, filesNotParsed: 0 });
    const ours = report.findings.filter((finding) => finding.ruleId === RULE);
    expect(ours.map((finding) => finding.file)).toEqual(['src/db.js', 'src/esm.mjs']);
    for (const finding of ours) {
      expect(finding.line).toBe(2);
      expect(finding.service).toBe('pg');
      expect(finding.helpUri).toMatch(/\/docs\/rules\/no-unverified-tls\.md$/);
    }
    expect(report.summary.byRule[RULE]).toBe(2);
    expect(report.summary.byService.pg).toBeGreaterThanOrEqual(2);
    expect(report.summary.findings).toBe(report.findings.length);
  });

  it('audits every supported extension with the right parser (TS, JSX, TSX, mts, cts)', async () => {
    const tsPg = "import { Pool } from 'pg';\ninterface Options { max: number }\nconst options: Options = { max: 2 };\nexport const pool = new Pool({ ...options, ssl: { rejectUnauthorized: false } });\n";
    const cwd = project({
      'a.ts': tsPg,
      'b.mts': tsPg,
      'c.cts': "import pg = require('pg');\nexport const pool = new pg.Pool({ ssl: { rejectUnauthorized: false } as const });\n",
      'd.tsx': `${tsPg}export const View = (props: { name: string }) => <div>{props.name}</div>;\n`,
      'e.jsx': `${INSECURE_PG_ESM}export const View = (props) => <div>{props.name}</div>;\n`,
      'f.cjs': `${INSECURE_PG}return;\n`,
      'g.d.ts': 'export declare const x: number;\n',
      'README.md': '# not code\n',
    });
    const report = await auditJson(cwd);
    expect(report.parseErrors).toEqual([]);
    expect(report.summary.filesScanned).toBe(6);
    const files = new Set(report.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.file));
    expect([...files].sort()).toEqual(['a.ts', 'b.mts', 'c.cts', 'd.tsx', 'e.jsx', 'f.cjs']);
  });

  it('--config strict and all run at least the recommended rules', async () => {
    const cwd = project({ 'db.js': INSECURE_PG });
    for (const config of ['strict', 'all']) {
      const report = await auditJson(cwd, ['--config', config]);
      expect(report.config).toBe(config);
      expect(report.summary.byRule[RULE]).toBe(1);
    }
  });
});

describe('backing-services audit: sarif format', () => {
  // The SARIF 2.1.0 schema (draft-04) as shipped by Microsoft's SARIF SDK. Its `language`
  // pattern is not a valid Unicode regular expression, hence `unicodeRegExp: false`.
  const schemaPath = createRequire(__filename).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const compileSchema = () => {
    const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  };

  it('validates against the SARIF 2.1.0 schema and carries what GitHub code scanning ranks by', async () => {
    const cwd = project({ 'src/db.js': INSECURE_PG, 'src/broken.ts': 'const = ;\n', 'src/util.js': CLEAN });
    const run = await audit(cwd, ['audit', '-f', 'sarif']);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string; properties: { tags: string[]; 'security-severity': string } }> } };
        results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }> }>;
        invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
      }>;
    };

    const validate = compileSchema();
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);

    expect(sarif.version).toBe('2.1.0');
    const [sarifRun] = sarif.runs;
    expect(sarifRun?.tool.driver.name).toBe('backing-services');
    const rules = sarifRun?.tool.driver.rules ?? [];
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^backing-services\//);
      expect(rule.helpUri).toMatch(/\/docs\/rules\/[a-z-]+\.md$/);
      expect(rule.properties.tags).toContain('security');
      expect(rule.properties['security-severity']).toMatch(/^(10|\d)\.\d$/);
    }
    const result = sarifRun?.results.find((candidate) => candidate.ruleId === RULE);
    expect(result).toBeDefined();
    expect(rules[result?.ruleIndex ?? -1]?.id).toBe(RULE);
    expect(result?.locations[0]?.physicalLocation).toMatchObject({
      artifactLocation: { uri: 'src/db.js', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2 },
    });
    const notifications = sarifRun?.invocations[0]?.toolExecutionNotifications ?? [];
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.message.text).toMatch(/^Could not parse/);
    expect(notifications[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('src/broken.ts');
  });

  it('is valid with no findings too', async () => {
    const cwd = project({ 'a.js': CLEAN });
    const run = await audit(cwd, ['audit', '--format=sarif']);
    expect(run.code).toBe(0);
    const validate = compileSchema();
    expect(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('backing-services audit --output', () => {
  it('writes the report to the file (creating folders), nothing to stdout, a summary line to stderr', async () => {
    const cwd = project({ 'db.js': INSECURE_PG });
    const run = await audit(cwd, ['audit', '--format', 'sarif', '--output', 'reports/audit.sarif']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^backing-services audit: \d+ findings? in 1 of 1 files; report written to reports\/audit\.sarif\n$/);
    const sarif = JSON.parse(readFileSync(join(cwd, 'reports/audit.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('writes stylish reports without colors', async () => {
    const cwd = project({ 'db.js': INSECURE_PG });
    const run = await audit(cwd, ['audit', '-o', 'out.txt'], { FORCE_COLOR: '1' });
    expect(run.code).toBe(1);
    const text = readFileSync(join(cwd, 'out.txt'), 'utf8');
    expect(text).toContain(RULE);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('exits 2 when the file cannot be written', async () => {
    const cwd = project({ 'db.js': INSECURE_PG, 'blocker': 'a file, not a folder' });
    expectOneLineError(await audit(cwd, ['audit', '-o', 'blocker/out.json']), /^backing-services audit: cannot write .*blocker.*: /);
  });
});

describe('backing-services audit: which files', () => {
  it('audits the JSON files tools read as client configuration, and no other JSON', async () => {
    const config = JSON.stringify({ production: { dialect: 'postgres', host: 'db.internal', dialectOptions: { ssl: { rejectUnauthorized: false } } } }, null, 2);
    const cwd = project({ 'config/config.json': config, 'data/config.json': config, 'package.json': '{ "name": "x" }', 'tsconfig.json': '{}' });
    const report = await auditJson(cwd);
    expect(report.summary.filesScanned).toBe(1);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['config/config.json']));
    expect(report.findings.map((f) => f.ruleId)).toContain(RULE);
    expect((await auditJson(cwd, ['config/config.json'])).summary.filesScanned).toBe(1);
  });

  it('skips node_modules, dist, build, coverage and .git at any depth', async () => {
    const cwd = project({
      'src/app.js': CLEAN,
      'node_modules/pkg/index.js': INSECURE_PG,
      'dist/db.js': INSECURE_PG,
      'build/db.js': INSECURE_PG,
      'coverage/db.js': INSECURE_PG,
      'packages/a/node_modules/x.js': INSECURE_PG,
      'packages/a/dist/db.js': INSECURE_PG,
      '.git/hooks/db.js': INSECURE_PG,
    });
    const report = await auditJson(cwd);
    expect(report).toMatchObject({ code: 0, summary: { filesScanned: 1, findings: 0 } });
  });

  it('honours .gitignore files: the repository root, nested ones and negations', async () => {
    const cwd = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'generated/\n*.local.js\n',
      'generated/db.js': INSECURE_PG,
      'src/db.local.js': INSECURE_PG,
      'src/app/.gitignore': 'legacy/*\n!legacy/keep.js\n',
      'src/app/legacy/old.js': INSECURE_PG,
      'src/app/legacy/keep.js': INSECURE_PG,
      'src/app/main.js': CLEAN,
    });
    const report = await auditJson(cwd);
    expect(report.summary.filesScanned).toBe(2);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['src/app/legacy/keep.js']));

    // Auditing a sub-folder still applies the repository's .gitignore above it.
    const sub = await auditJson(join(cwd, 'src'));
    expect(sub.summary.filesScanned).toBe(2);
    expect(sub.findings.every((finding) => finding.file === 'app/legacy/keep.js')).toBe(true);
  });

  it('applies the audited folder’s own .gitignore outside a repository', async () => {
    const cwd = project({ '.gitignore': 'vendor\n', 'vendor/db.js': INSECURE_PG, 'app.js': CLEAN });
    const report = await auditJson(cwd);
    expect(report).toMatchObject({ code: 0, summary: { filesScanned: 1 } });
  });

  it('audits nothing (and exits 0) when everything is ignored', async () => {
    const cwd = project({ '.git/HEAD': '', '.gitignore': 'gen/\n', 'gen/db.js': INSECURE_PG, 'gen/broken.js': 'if (\n' });
    const report = await auditJson(cwd);
    expect(report).toMatchObject({ code: 0, summary: { filesScanned: 0, findings: 0, filesNotParsed: 0 } });
    // Named on the command line, the ignored folder is audited after all.
    const named = await auditJson(cwd, ['gen']);
    expect(named).toMatchObject({ code: 1, summary: { filesScanned: 2, filesNotParsed: 1 } });
    expect(named.summary.byRule[RULE]).toBe(1);
  });

  it('--ignore-pattern adds patterns (repeatable, .gitignore syntax, relative to the working directory)', async () => {
    const cwd = project({ 'src/db.js': INSECURE_PG, 'scripts/seed.js': INSECURE_PG, 'test/db.test.js': INSECURE_PG, 'app.js': CLEAN });
    const report = await auditJson(cwd, ['--ignore-pattern', 'scripts/', '--ignore-pattern', '*.test.js']);
    expect(report.summary.filesScanned).toBe(2);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['src/db.js']));
  });

  it('audits only the paths given, and always a file named explicitly', async () => {
    const cwd = project({ 'a/db.js': INSECURE_PG, 'b/db.js': INSECURE_PG, 'dist/db.js': INSECURE_PG });
    const onlyA = await auditJson(cwd, ['a']);
    expect(onlyA.findings.map((finding) => finding.file)).toEqual(['a/db.js']);
    const named = await auditJson(cwd, ['dist/db.js', 'a/db.js', 'a']);
    expect(named.summary.filesScanned).toBe(2);
    expect(new Set(named.findings.map((finding) => finding.file))).toEqual(new Set(['a/db.js', 'dist/db.js']));
  });

  it('never reads the project’s own ESLint config', async () => {
    const cwd = project({
      'eslint.config.js': "throw new Error('the audit must not load this');\n",
      'eslint.config.mjs': "throw new Error('the audit must not load this');\n",
      '.eslintrc.json': '{ "rules": { "semi": "error" } }',
      '.eslintignore': 'db.js\n',
      'db.js': INSECURE_PG,
    });
    const report = await auditJson(cwd, ['--ignore-pattern', 'eslint.config.*']);
    expect(report.summary.filesScanned).toBe(1);
    expect(report.summary.byRule[RULE]).toBe(1);
  });

  it('reports only the plugin’s rules, whatever inline comments turn on', async () => {
    const cwd = project({ 'db.js': `/* eslint semi: "error", no-var: "error" */\nvar x = 1\n// eslint-disable-next-line no-console\n${INSECURE_PG}` });
    const report = await auditJson(cwd);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((finding) => finding.ruleId.startsWith('backing-services/'))).toBe(true);
  });

  it('respects eslint-disable comments for the plugin’s rules', async () => {
    const cwd = project({
      'db.js': `const { Pool } = require('pg');\n// eslint-disable-next-line ${RULE} -- internal CA, tracked in OPS-1\nmodule.exports = new Pool({ ssl: { rejectUnauthorized: false } });\n`,
    });
    const report = await auditJson(cwd);
    expect(report.summary.byRule[RULE]).toBeUndefined();
  });
});

describe('backing-services audit: files that do not parse', () => {
  it('reports them, keeps auditing the others, and exits 1', async () => {
    const cwd = project({ 'broken.ts': 'export const = 1;\n', 'broken.js': 'if (\n', 'db.js': INSECURE_PG });
    const report = await auditJson(cwd);
    expect(report.code).toBe(1);
    expect(report.parseErrors.map((error) => error.file)).toEqual(['broken.js', 'broken.ts']);
    expect(report.summary).toMatchObject({ filesScanned: 3, filesNotParsed: 2 });
    expect(report.summary.byRule[RULE]).toBe(1);

    const stylish = await audit(cwd, ['audit']);
    expect(stylish.stdout).toMatch(/^broken\.ts\n {2}1:\d+ +error +could not parse: .+$/m);
    expect(stylish.stdout).toMatch(/^ {2}files not parsed +2$/m);
  });

  it('exits 1 even when nothing else is found', async () => {
    const cwd = project({ 'broken.mjs': 'import {\n' });
    const run = await audit(cwd, ['audit']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('could not parse');
  });
});

describe('backing-services audit: bad arguments and I/O errors exit 2 with one line', () => {
  const cwd = project({ 'db.js': INSECURE_PG, 'notes.txt': 'hello\n' });

  it.each([
    [['audit', '--bogus'], /^backing-services audit: unknown option '--bogus' \(see 'backing-services audit --help'\)$/],
    [['audit', '-x'], /unknown option '-x'/],
    [['audit', '--config', 'loose'], /unknown config 'loose' \(expected recommended, strict, all\)/],
    [['audit', '--format', 'xml'], /unknown format 'xml' \(expected stylish, json, sarif\)/],
    [['audit', '--format'], /option '--format' needs a value/],
    [['audit', '--cache=yes'], /option '--cache' does not take a value/],
    [['audit', '--concurrency', 'many'], /invalid --concurrency 'many'/],
    [['audit', '--concurrency', '0'], /invalid --concurrency '0'/],
    [['audit', 'missing-folder'], /^backing-services audit: no such file or folder: missing-folder$/],
    [['audit', 'notes.txt'], /not a JavaScript or TypeScript source file \(or a JSON config file such as config\/config\.json\): notes\.txt/],
    [['frobnicate'], /^backing-services: unknown command 'frobnicate' \(commands: audit[,;]/],
    [['--bogus'], /^backing-services: unknown option '--bogus'/],
  ])('%j', async (args, message) => {
    expectOneLineError(await audit(cwd, args), message);
  });
});

describe('backing-services help, version, cache, progress', () => {
  it('prints help and the version', async () => {
    const cwd = project({});
    const help = await audit(cwd, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}audit +lint/m);
    const auditHelp = await audit(cwd, ['audit', '--help']);
    expect(auditHelp.code).toBe(0);
    expect(auditHelp.stdout).toContain('--format <name>');
    const version = await audit(cwd, ['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--cache writes the cache where --cache-location says and gives the same report', async () => {
    const cwd = project({ 'db.js': INSECURE_PG });
    const first = await audit(cwd, ['audit', '--format', 'json', '--cache', '--cache-location', 'tmp/cache']);
    expect(existsSync(join(cwd, 'tmp/cache'))).toBe(true);
    const second = await audit(cwd, ['audit', '--format', 'json', '--cache', '--cache-location', 'tmp/cache']);
    expect(second).toEqual(first);
    expect(first.code).toBe(1);
  });

  it('shows progress only on a terminal outside CI, and erases it', async () => {
    let written = '';
    const tty = { write: (text: string) => (written += text), isTTY: true };
    const progress = new Progress(tty, {}, 0);
    progress.set('linting 1/2 files');
    await new Promise((done) => setTimeout(done, 450));
    progress.stop();
    expect(written).toContain('linting 1/2 files');
    expect(written.endsWith('\r\u001b[2K')).toBe(true);

    expect(new Progress(tty, { CI: 'true' }, 0).enabled).toBe(false);
    expect(new Progress({ write: () => true, isTTY: false }, {}, 0).enabled).toBe(false);
  });

  it('names the service from the leading backticked client name', () => {
    expect(serviceOf('`pg`: ssl.rejectUnauthorized is false.')).toBe('pg');
    expect(serviceOf('`Prisma Client`: the URL has sslaccept=accept_invalid_certs.')).toBe('Prisma Client');
    expect(serviceOf("`NODE_TLS_REJECT_UNAUTHORIZED = '0'` turns off verification.")).toBe('other');
    expect(serviceOf('no backticks')).toBe('other');
  });
});

describe('the built bin', () => {
  // Built with tsc into a private folder (inside the repository, so the package resolves its
  // package.json and dependencies), never into dist/, which other suites may be reading.
  const root = resolve(__dirname, '../..');
  const outDir = join(root, 'node_modules/.cache/backing-services-cli-test');
  const bin = join(outDir, 'src/cli/bin.js');
  let skip = '';
  beforeAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--declaration', 'false'], {
      cwd: root,
      encoding: 'utf8',
    });
    // tsc still emits when some other module has a type error; only a missing bin skips.
    if (!existsSync(bin)) skip = `the build produced no bin: ${build.stdout}${build.stderr}`.slice(0, 2000);
  }, 180_000);

  it('runs end to end in a child process, with worker threads, and prints no progress when piped', (context) => {
    if (skip) context.skip(skip);
    const cwd = project({ 'src/db.ts': INSECURE_PG_ESM, 'src/a.js': CLEAN, 'src/b.js': CLEAN, 'src/c.js': CLEAN });
    const child = spawnSync(process.execPath, [bin, 'audit', '--format', 'json', '--concurrency', '2'], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
    });
    // Only ESLint's own advice may appear ("You may disable concurrency..."), as one line.
    for (const line of child.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^backing-services audit: warning: /);
    expect(child.status).toBe(1);
    const report = JSON.parse(child.stdout) as JsonReport;
    expect(report.summary.filesScanned).toBe(4);
    expect(report.summary.byRule[RULE]).toBe(1);

    const bad = spawnSync(process.execPath, [bin, 'audit', '--nope'], { cwd, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
