import { audit } from './audit';
import { migrate } from './migrate';
import type { CliIo } from './io';

/** A `backing-services <name>` subcommand. Errors it throws are reported by `bin.ts`. */
export interface Command {
  name: string;
  /** One line for `backing-services --help`. */
  summary: string;
  /** Returns the exit code (0, 1 or 2; see `EXIT` in errors.ts). */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Every subcommand, in the order `--help` lists them. Adding one is adding an entry here. */
export const commands: readonly Command[] = [audit, migrate];
