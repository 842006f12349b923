import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, parse as parsePath, relative, resolve, sep } from 'node:path';
import type { ConfigName } from '../configs';
import { oneOf, parseCommandArgs } from './args';
import type { Command } from './commands';
import { describeFsError, EXIT, InputError, UsageError } from './errors';
import { discoverFiles, findRepositoryRoot } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import type { CliIo } from './io';
import { lintFiles } from './lint';
import { Progress } from './progress';
import { buildReport, filesWithFindings, type AuditReport } from './report';

const CONFIGS = ['recommended', 'strict', 'all'] as const satisfies readonly ConfigName[];
const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const DEFAULT_CACHE_LOCATION = '.backing-services-cache';

export const AUDIT_HELP = `Usage: backing-services audit [options] [paths...]

Lints JavaScript and TypeScript files (js, mjs, cjs, jsx, ts, mts, cts, tsx), and the JSON
config files tools read (config/config.json, ormconfig.json), for insecure backing-service
clients with the plugin's own config; the project's eslint.config.* is not used.
Paths default to "."; node_modules, .git, dist, build, coverage and .gitignore'd files are skipped.

Options:
  --config <name>              recommended (default), strict or all
  -f, --format <name>          stylish (default), json or sarif
  -o, --output <file>          write the report to <file> instead of stdout
  --ignore-pattern <pattern>   skip more files (.gitignore syntax, relative to the
                               working directory); repeatable
  --concurrency <n|auto|off>   lint in worker threads (default off)
  --cache                      only lint files changed since the last run
  --cache-location <path>      cache file (default ${DEFAULT_CACHE_LOCATION})
  --exit-zero                  exit 0 even when there are findings
  -h, --help                   show this help

Exit codes: 0 no findings, 1 findings or files that could not be parsed,
2 usage or I/O error.
`;

interface AuditOptions {
  paths: string[];
  config: ConfigName;
  format: Format;
  output: string | undefined;
  ignorePatterns: string[];
  concurrency: number | 'auto' | 'off';
  cache: boolean;
  cacheLocation: string;
  exitZero: boolean;
}

export const audit: Command = {
  name: 'audit',
  summary: 'lint a tree for insecure backing-service clients (stylish, json or sarif output)',
  run: runAudit,
};

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const options = parseAuditArgs(argv, io.cwd);
  if (!options) {
    io.stdout.write(AUDIT_HELP);
    return EXIT.ok;
  }
  const progress = new Progress(io.stderr, io.env);
  let report: AuditReport;
  try {
    progress.set('finding files');
    const files = discoverFiles({ paths: options.paths, cwd: io.cwd, ignorePatterns: options.ignorePatterns });
    progress.set(`linting ${files.length} files`);
    const results = await lintFiles(
      files,
      {
        config: options.config,
        // ESLint ignores files outside its cwd, so it gets a folder that holds them all.
        cwd: commonAncestor([io.cwd, ...files]),
        cache: options.cache,
        cacheLocation: options.cacheLocation,
        concurrency: options.concurrency,
      },
      {
        onProgress: progress.enabled ? (done, total) => progress.set(`linting ${done}/${total} files`) : undefined,
        onWarning: (message) => progress.log(`backing-services audit: warning: ${message}\n`),
      },
    );
    report = buildReport(results, { config: options.config, cwd: io.cwd, filesScanned: files.length });
  } finally {
    progress.stop();
  }

  const text = format(report, options.format, {
    color: !options.output && useColor(io),
    srcRoot: findRepositoryRoot(io.cwd) ?? io.cwd,
  });
  if (options.output) {
    writeReport(resolve(io.cwd, options.output), text);
    io.stderr.write(`backing-services audit: ${describe(report)}; report written to ${options.output}\n`);
  } else {
    io.stdout.write(text);
  }
  const failed = report.findings.length > 0 || report.parseErrors.length > 0;
  return failed && !options.exitZero ? EXIT.findings : EXIT.ok;
}

/** The options, or `undefined` for `--help`. */
function parseAuditArgs(argv: string[], cwd: string): AuditOptions | undefined {
  const { values, positionals } = parseCommandArgs(argv, {
    config: { type: 'string', default: 'recommended' },
    format: { type: 'string', short: 'f', default: 'stylish' },
    output: { type: 'string', short: 'o' },
    'ignore-pattern': { type: 'string', multiple: true, default: [] },
    concurrency: { type: 'string', default: 'off' },
    cache: { type: 'boolean', default: false },
    'cache-location': { type: 'string', default: DEFAULT_CACHE_LOCATION },
    'exit-zero': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return undefined;
  if (values.output === '') throw new UsageError(`option '--output' needs a file name`);
  return {
    paths: positionals,
    config: oneOf('config', values.config, CONFIGS),
    format: oneOf('format', values.format, FORMATS),
    output: values.output,
    ignorePatterns: values['ignore-pattern'].filter((pattern) => pattern.trim() !== ''),
    concurrency: parseConcurrency(values.concurrency),
    cache: values.cache,
    cacheLocation: resolve(cwd, values['cache-location']),
    exitZero: values['exit-zero'],
  };
}

function parseConcurrency(value: string): number | 'auto' | 'off' {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UsageError(`invalid --concurrency '${value}' (expected a positive integer, auto or off)`);
}

function format(report: AuditReport, name: Format, options: { color: boolean; srcRoot: string }): string {
  switch (name) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { srcRoot: options.srcRoot });
    default:
      return formatStylish(report, { color: options.color });
  }
}

function writeReport(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}

function describe(report: AuditReport): string {
  const found = report.findings.length;
  let text =
    found === 0
      ? `no findings in ${report.filesScanned} files`
      : `${found} finding${found === 1 ? '' : 's'} in ${filesWithFindings(report)} of ${report.filesScanned} files`;
  if (report.parseErrors.length > 0) text += ` (${report.parseErrors.length} could not be parsed)`;
  return text;
}

/** Colors on a terminal, unless NO_COLOR is set; FORCE_COLOR forces them. */
function useColor(io: CliIo): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/** The deepest folder holding every path (their common ancestor). */
export function commonAncestor(paths: string[]): string {
  const [first, ...rest] = paths.map((path) => resolve(path));
  if (first === undefined) return resolve('.');
  let ancestor = first;
  for (const path of rest) {
    while (ancestor !== parsePath(ancestor).root && relative(ancestor, path).split(sep)[0] === '..') {
      ancestor = dirname(ancestor);
    }
    if (relative(ancestor, path).split(sep)[0] === '..') ancestor = parsePath(ancestor).root;
  }
  return ancestor;
}
