#!/usr/bin/env node
import { commands } from './commands';
import { EXIT, InputError, UsageError } from './errors';
import { processIo, type CliIo } from './io';
import { packageInfo } from '../util/package-info';

function help(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Usage: backing-services <command> [options]

Keeps databases, caches, queues and mail servers attached the Twelve-Factor way.

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Options:
  -h, --help     show this help (or a command's: backing-services <command> --help)
  -v, --version  print the version

Exit codes: 0 nothing found, 1 findings, 2 usage or I/O error.
`;
}

/**
 * The `backing-services` CLI: dispatches to a subcommand from `commands.ts` and turns errors
 * into one line on stderr and exit code 2 (no stack traces; set BACKING_SERVICES_DEBUG=1 to
 * see one for an internal error). Returns the exit code.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(help());
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${packageInfo.version}\n`);
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    const what = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    io.stderr.write(
      `backing-services: ${what} (commands: ${commands.map((c) => c.name).join(', ')}; see 'backing-services --help')\n`,
    );
    return EXIT.error;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const prefix = `backing-services ${command.name}`;
    if (error instanceof UsageError) {
      io.stderr.write(`${prefix}: ${error.message} (see 'backing-services ${command.name} --help')\n`);
    } else if (error instanceof InputError) {
      io.stderr.write(`${prefix}: ${error.message}\n`);
    } else {
      io.stderr.write(`${prefix}: internal error: ${oneLine(error)}\n`);
      if (io.env.BACKING_SERVICES_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    }
    return EXIT.error;
  }
}

/** A multi-line error message (ESLint adds "Occurred while linting <file>" lines) on one line. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`backing-services: internal error: ${oneLine(error)}\n`);
      process.exitCode = EXIT.error;
    },
  );
}
