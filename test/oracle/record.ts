import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ClaimRow {
  /** Driver order, then case order: the record does not depend on which case ends first. */
  index: number;
  driver: string;
  entry: string;
  setting: string;
  origin: string;
  expected: string;
  observed: string;
  runs: Record<string, string>;
}

/** One client a codemod fixture output builds, as run (or why it was not). */
export interface OutputRow {
  index: number;
  fixture: string;
  line: number;
  entry: string;
  library: string;
  setting: string;
  expected: string;
  observed: string;
  runs: Record<string, string>;
  /** How the output was built here (a URL at the oracle, the test CA for a CA file). */
  notes: string[];
  /** The codemod's marker comment on that statement, when it left one. */
  marker?: string;
}

/** Writes a suite's rows for scripts/verified-doc.mjs when ORACLE_RECORD names a directory. */
export function recordRows(suite: string, rows: unknown): void {
  const dir = process.env.ORACLE_RECORD;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${suite}.json`), `${JSON.stringify(rows, null, 2)}\n`);
}
