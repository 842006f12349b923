/**
 * Errors the CLI turns into a one-line message and exit code 2, never a stack trace.
 * `UsageError`: bad arguments (unknown flag, unknown config, bad value).
 * `InputError`: the file system said no (missing path, unreadable folder, unwritable output).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes shared by every subcommand. */
export const EXIT = {
  /** Nothing to report. */
  ok: 0,
  /** Findings (or files that could not be parsed). */
  findings: 1,
  /** Usage or I/O error. */
  error: 2,
} as const;

/** `ENOENT: no such file or directory, open '/x'` → `no such file or directory`. */
export function describeFsError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code);
    const known: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EISDIR: 'is a directory',
      ENOTDIR: 'not a directory',
      EROFS: 'read-only file system',
      ENOSPC: 'no space left on device',
    };
    return known[code] ?? code;
  }
  return firstLine(error);
}

/** The first line of an error's message: what a user sees instead of a stack. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}
