import { readFileSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { dirname, extname, relative, resolve, sep } from 'node:path';
import { createTwoFilesPatch, structuredPatch } from 'diff';
import { catalog } from '../catalog';
import { blankSecrets } from '../policy/secrets';
import { mayNeedWork, parses, runCodemod, type CodemodName, type MarkerNote } from '../../codemods/engine';
import { codemods, codemodNames } from '../../codemods/registry';
import type { EnvVariable } from '../../codemods/transforms/env-service-url';
import { parseCommandArgs } from './args';
import type { Command } from './commands';
import { describeFsError, EXIT, firstLine, InputError, UsageError } from './errors';
import { discoverFiles, findRepositoryRoot, SOURCE_EXTENSIONS } from './files';
import type { CliIo } from './io';
import { envExampleAddition } from './migrate/env-example';
import { FindingCounter, NOT_MIGRATED_RULES } from './migrate/findings';
import { belowMarkers, summaryLines } from './migrate/summary';
import { uncommittedChanges } from './migrate/git';
import { writeAtomically } from './migrate/write';
import { Progress } from './progress';

const width = Math.max(...codemods.map((c) => c.name.length));

export const MIGRATE_HELP = `Usage: backing-services migrate <codemod> [options] [paths...]

Rewrites backing-service clients so they read their location from the environment over
verified TLS. Paths default to "."; node_modules, .git, dist, build, coverage and .gitignore'd
files are skipped. Refuses to write into a git work tree with uncommitted changes (--force).

Codemods:
${codemods.map((c) => `  ${c.name.padEnd(width)}  ${c.description}`).join('\n')}

Options:
  --dry                        print a unified diff per changed file; write nothing
  --print                      print each changed file's new text
  --fail-on-change             exit 1 if any file would change (implies --dry; for CI)
  --report <file.json>         write a JSON report (per file: what changed, the variables it
                               now reads, every marker with its line, findings before/after)
  --no-findings                do not run the rules before and after (faster; no counts)
  --config-modules             also read exported app configuration that names no client
                               library (found by its shape; parses many more files)
  --env-example <path>         where new variables are listed (default .env.example at the
                               repository root, or the working directory)
  --env-var <SERVICE=NAME>     variable name for a service, library or default variable
                               (postgres=PRIMARY_DB_URL, ioredis=CACHE_URL); repeatable
  --extensions <list>          only these extensions (default js,mjs,cjs,jsx,ts,mts,cts,tsx
                               and json, for the tools' JSON config files such as
                               config/config.json)
  --ignore-pattern <pattern>   skip more files (.gitignore syntax); repeatable
  --force                      write even when the git work tree has uncommitted changes
  -h, --help                   show this help

Exit codes: 0 success, 1 files that could not be transformed or (--fail-on-change) files
that would change, 2 usage or I/O error.
`;

export const migrate: Command = {
  name: 'migrate',
  summary: 'run a codemod (env-service-url, verify-tls, remove-environment-branching, all) with dry-run diffs',
  run: runMigrate,
};

export interface FileReport {
  file: string;
  status: 'changed' | 'unchanged' | 'skipped' | 'error';
  sites: number;
  /** Every marker the file holds after the migration, with its line. */
  markers: MarkerNote[];
  variables: string[];
  /** The changed lines, as diff hunks (line numbers only: no text, so no secret). */
  changes?: Array<{ line: number; removed: number; added: number }>;
  /** The rules' findings in the file before and after, and how many of those after sit below a marker. */
  findings?: { before: number; after: number; atMarkers: number };
  error?: string;
}

/** What `--env-var KEY=NAME` may name: a service kind, a library id or a default variable. */
const ENV_VAR_KEYS = new Set(catalog.flatMap((entry) => [entry.service, entry.id, entry.envVar]));

const ENV_VAR_OPTION = /^([A-Za-z0-9@/._-]+)=([A-Za-z_][A-Za-z0-9_]*)$/;

async function runMigrate(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    dry: { type: 'boolean' },
    print: { type: 'boolean' },
    'fail-on-change': { type: 'boolean' },
    report: { type: 'string' },
    'env-example': { type: 'string' },
    'env-var': { type: 'string', multiple: true },
    extensions: { type: 'string' },
    'ignore-pattern': { type: 'string', multiple: true },
    force: { type: 'boolean' },
    'no-findings': { type: 'boolean' },
    'config-modules': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(MIGRATE_HELP);
    return EXIT.ok;
  }
  const [name, ...paths] = positionals;
  if (name === undefined) throw new UsageError(`missing codemod (one of: ${codemodNames.join(', ')})`);
  if (!(codemodNames as readonly string[]).includes(name)) throw new UsageError(`unknown codemod '${name}' (one of: ${codemodNames.join(', ')})`);
  const codemod = name as CodemodName;
  const envVars: Record<string, string> = {};
  for (const item of values['env-var'] ?? []) {
    const match = ENV_VAR_OPTION.exec(item);
    if (!match) throw new UsageError(`--env-var expects SERVICE=NAME with NAME a variable name, got '${item}'`);
    if (!ENV_VAR_KEYS.has(match[1]!)) {
      throw new UsageError(`--env-var: unknown service '${match[1]}' (use a service such as postgres or redis, a library such as ioredis, or a default variable such as DATABASE_URL)`);
    }
    envVars[match[1]!] = match[2]!;
  }
  const extensions = parseExtensions(values.extensions);
  const failOnChange = values['fail-on-change'] === true;
  const dry = values.dry === true || failOnChange;

  const progress = new Progress(io.stderr, io.env);
  progress.set('finding files');
  let files: string[];
  try {
    files = discoverFiles({ paths, cwd: io.cwd, ignorePatterns: values['ignore-pattern'] ?? [] }).filter((file) => extensions.has(extname(file)));
  } finally {
    progress.stop();
  }

  const root = findRepositoryRoot(io.cwd);
  if (!dry && !values.force && root) {
    const dirty = uncommittedChanges(root);
    if (dirty && dirty.length > 0) {
      throw new InputError(
        `the git work tree has uncommitted changes (${dirty.length} file${dirty.length === 1 ? '' : 's'}, e.g. ${dirty[0]}); commit or stash them first so the migration can be reviewed and undone, or pass --force (--dry always works)`,
      );
    }
  }

  const reports: FileReport[] = [];
  const variables: EnvVariable[] = [];
  const counter = values['no-findings'] ? undefined : new FindingCounter();
  const configModules = values['config-modules'] === true;
  const runProgress = new Progress(io.stderr, io.env);
  try {
    files.forEach((file, i) => {
      runProgress.set(`migrating ${i + 1}/${files.length} files`);
      const shown = relative(io.cwd, file).split(sep).join('/') || file;
      const report: FileReport = { file: shown, status: 'unchanged', sites: 0, markers: [], variables: [] };
      reports.push(report);
      let source: string;
      try {
        source = readFileSync(file, 'utf8');
      } catch (error) {
        report.status = 'error';
        report.error = `cannot read: ${describeFsError(error)}`;
        runProgress.log(`${shown}: ${report.error}\n`);
        return;
      }
      let result;
      try {
        result = runCodemod(codemod, source, file, { envVars, cwd: io.cwd, configModules });
        if (result.skipped !== undefined) throw new Error(`it does not parse: ${result.skipped}`);
      } catch (error) {
        report.status = 'error';
        report.error = `cannot transform: ${firstLine(error)}`;
        runProgress.log(`${shown}: ${report.error}; left untouched\n`);
        return;
      }
      report.sites = result.sites;
      report.markers = result.markerNotes;
      // Files that cannot hold a client are not even parsed (nor linted: the codemods never touch them).
      if (counter && mayNeedWork(source, file, { configModules })) {
        const before = counter.findings(source, file, io.cwd).length;
        const after = result.changed ? counter.findings(result.output, file, io.cwd) : undefined;
        report.findings = { before, after: after?.length ?? before, atMarkers: belowMarkers(after ?? counter.findings(source, file, io.cwd), result.output, result.markerNotes) };
      }
      if (!result.changed) {
        report.status = mayNeedWork(source, file, { configModules }) ? 'unchanged' : 'skipped';
        return;
      }
      report.status = 'changed';
      report.changes = structuredPatch('a', 'b', source, result.output, '', '', { context: 0 }).hunks.map((h) => ({ line: h.oldStart, removed: h.oldLines, added: h.newLines }));
      report.variables = [...new Set(result.variables.map((v) => v.name))];
      for (const variable of result.variables) variables.push({ ...variable, file: shown });
      if (dry) {
        io.stdout.write(redact(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, source, result.output), result.secrets));
      }
      if (values.print) io.stdout.write(redact(result.output, result.secrets));
      if (dry) return;
      if (!parses(result.output, file, { cwd: io.cwd })) {
        report.status = 'error';
        report.error = 'the transformed text does not parse; left untouched';
        runProgress.log(`${shown}: ${report.error}\n`);
        return;
      }
      try {
        writeAtomically(file, result.output);
      } catch (error) {
        report.status = 'error';
        report.error = `cannot write: ${describeFsError(error)}`;
        runProgress.log(`${shown}: ${report.error}\n`);
      }
    });
  } finally {
    runProgress.stop();
  }

  const envExamplePath = resolve(io.cwd, values['env-example'] ?? resolve(root ?? io.cwd, '.env.example'));
  const addition = envExampleAddition(envExamplePath, variables, codemod);
  const envShown = relative(io.cwd, envExamplePath).split(sep).join('/');
  if (addition.added.length > 0) {
    if (dry) {
      io.stderr.write(`would add ${addition.added.join(', ')} to ${envShown}\n`);
    } else {
      try {
        mkdirSync(dirname(envExamplePath), { recursive: true });
        appendFileSync(envExamplePath, addition.text);
        io.stderr.write(`added ${addition.added.join(', ')} to ${envShown}\n`);
      } catch (error) {
        throw new InputError(`cannot write ${envShown}: ${describeFsError(error)}`);
      }
    }
  }

  const count = (status: FileReport['status']): number => reports.filter((r) => r.status === status).length;
  const judged = reports.filter((r) => r.findings);
  const summary = {
    changed: count('changed'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    errors: count('error'),
    markers: reports.reduce((n, r) => n + r.markers.length, 0),
    sites: reports.reduce((n, r) => n + r.sites, 0),
    ...(counter
      ? {
          findings: {
            rules: `every rule but ${NOT_MIGRATED_RULES.join(', ')}`,
            files: judged.length,
            before: judged.reduce((n, r) => n + r.findings!.before, 0),
            after: judged.reduce((n, r) => n + r.findings!.after, 0),
            atMarkers: judged.reduce((n, r) => n + r.findings!.atMarkers, 0),
          },
        }
      : {}),
  };
  if (values.report) {
    const reportPath = resolve(io.cwd, values.report);
    const body = {
      codemod,
      dryRun: dry,
      summary,
      variables: [...new Set(variables.map((v) => v.name))].sort(),
      envExample: addition.added.length > 0 ? { path: envShown, added: addition.added } : undefined,
      files: reports.filter((r) => r.status !== 'skipped'),
    };
    try {
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileSync(reportPath, `${JSON.stringify(body, null, 2)}\n`);
    } catch (error) {
      throw new InputError(`cannot write report ${values.report}: ${describeFsError(error)}`);
    }
  }
  for (const line of summaryLines({ codemod, dry, summary, reports, variables: [...new Set(variables.map((v) => v.name))].sort() })) io.stderr.write(`${line}\n`);
  if (summary.errors > 0) return EXIT.findings;
  if (failOnChange && summary.changed > 0) return EXIT.findings;
  return EXIT.ok;
}

/** Source files, and the tools' JSON config files (`config/config.json`) the file search finds. */
const MIGRATED_EXTENSIONS: readonly string[] = [...SOURCE_EXTENSIONS, '.json'];

function parseExtensions(raw: string | undefined): Set<string> {
  if (raw === undefined) return new Set(MIGRATED_EXTENSIONS);
  const list = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => (e.startsWith('.') ? e : `.${e}`));
  const unknown = list.filter((e) => !MIGRATED_EXTENSIONS.includes(e));
  if (list.length === 0 || unknown.length > 0) {
    throw new UsageError(`--extensions takes a comma-separated list of ${MIGRATED_EXTENSIONS.map((e) => e.slice(1)).join(', ')}${unknown.length ? ` (not '${unknown.join(', ')}')` : ''}`);
  }
  return new Set(list);
}

/**
 * Blanks out secrets before text is printed: every secret value found in the file's client
 * configuration where it stands as a value, and the password of any URL with userinfo.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return blankSecrets(text, secrets);
}
