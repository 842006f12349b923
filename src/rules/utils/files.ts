import { isAbsolute, relative } from 'node:path';
import { TEST_FILES } from '../../configs';
import { globMatcher } from '../../policy/environment';

/** A file's path relative to the working directory, with forward slashes. */
export function projectPath(filename: string, cwd: string): string {
  return (isAbsolute(filename) ? relative(cwd, filename) : filename).split('\\').join('/');
}

const isTestPath = globMatcher(TEST_FILES);

/** Whether a file is test code by the configs' own test-file globs. */
export function isTestFile(filename: string, cwd: string): boolean {
  return isTestPath(projectPath(filename, cwd));
}
