/** Where a command writes and what it sees of its process; injectable so tests run in-process. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
