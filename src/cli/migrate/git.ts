import { execFileSync } from 'node:child_process';

/**
 * Files with uncommitted changes (tracked or untracked) in the git work tree holding `dir`, or
 * undefined when `dir` is not in a work tree or git is missing.
 */
export function uncommittedChanges(dir: string): string[] | undefined {
  let output: string;
  try {
    output = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.slice(3));
}
