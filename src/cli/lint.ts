import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { createEslintOptions, type LintSettings } from './eslint-options';
import { UsageError } from './errors';

export interface LintHooks {
  /** Called after each batch of files; batches only exist when this is given. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** ESLint's warnings (e.g. poor concurrency), instead of Node's `(node:123) Warning` lines. */
  onWarning?: ((message: string) => void) | undefined;
}

/**
 * Warnings that concern a project's own ESLint set-up, which the audit does not use: a
 * `.eslintignore` file found in the working directory.
 */
const IRRELEVANT_WARNINGS = ['ESLintIgnoreWarning'];

/** Lints `files` (absolute, inside `settings.cwd`) with the audit's own config. */
export async function lintFiles(files: string[], settings: LintSettings, hooks: LintHooks = {}): Promise<ESLint.LintResult[]> {
  // ESLint reads an empty list as "the working directory".
  if (files.length === 0) return [];
  const { eslint, cleanup } = await createEslint(settings, hooks.onWarning);
  try {
    // Batches only exist to report progress (results are the same as in one call); not with
    // worker threads, which would be started again for every batch.
    const { onProgress } = hooks;
    if (!onProgress || settings.concurrency !== 'off') return await eslint.lintFiles(files);
    const size = Math.max(50, Math.ceil(files.length / 20));
    const results: ESLint.LintResult[] = [];
    for (let start = 0; start < files.length; start += size) {
      results.push(...(await eslint.lintFiles(files.slice(start, start + size))));
      onProgress(Math.min(start + size, files.length), files.length);
    }
    return results;
  } finally {
    cleanup();
  }
}

async function createEslint(
  settings: LintSettings,
  onWarning: ((message: string) => void) | undefined,
): Promise<{ eslint: ESLint; cleanup: () => void }> {
  const none = () => undefined;
  if (settings.concurrency === 'off') {
    return { eslint: await withWarnings(onWarning, () => new ESLint(createEslintOptions(settings))), cleanup: none };
  }
  if (typeof ESLint.fromOptionsModule !== 'function') {
    throw new UsageError(`--concurrency needs ESLint 9.34 or later (found ${ESLint.version})`);
  }
  // Run from TypeScript sources (tests): worker threads could not load this module, so lint in
  // the main thread. The built CLI always has a `.js` file here.
  const optionsSource = require.resolve('./eslint-options');
  if (!optionsSource.endsWith('.js')) {
    const eslint = await withWarnings(onWarning, () => new ESLint(createEslintOptions({ ...settings, concurrency: 'off' })));
    return { eslint, cleanup: none };
  }
  // ESLint's worker threads cannot receive a config holding parser and plugin objects, so each
  // one builds it from this module (ESLint's "options module").
  const dir = mkdtempSync(join(tmpdir(), 'backing-services-'));
  const file = join(dir, 'eslint-options.cjs');
  writeFileSync(
    file,
    [
      "'use strict';",
      'const emitWarning = process.emitWarning;',
      `const irrelevant = ${JSON.stringify(IRRELEVANT_WARNINGS)};`,
      'process.emitWarning = function (warning, type, ...rest) {',
      "  if (irrelevant.includes(typeof type === 'string' ? type : type && type.type)) return;",
      '  return emitWarning.call(process, warning, type, ...rest);',
      '};',
      `module.exports = require(${JSON.stringify(optionsSource)}).createEslintOptions(${JSON.stringify(settings)});`,
      '',
    ].join('\n'),
  );
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    return { eslint: await withWarnings(onWarning, () => ESLint.fromOptionsModule(pathToFileURL(file))), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * ESLint's warning service keeps the `process.emitWarning` it finds when an instance is
 * constructed; this lends it one that drops irrelevant warnings and hands the others to
 * `onWarning`, for the instance's lifetime, without touching other code's warnings.
 */
async function withWarnings<T>(onWarning: ((message: string) => void) | undefined, create: () => T | Promise<T>): Promise<T> {
  const original = process.emitWarning;
  const replacement = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    const [typeOrOptions] = rest;
    const type =
      typeof typeOrOptions === 'string'
        ? typeOrOptions
        : (typeOrOptions as { type?: string } | undefined)?.type ?? (warning instanceof Error ? warning.name : undefined);
    if (type && IRRELEVANT_WARNINGS.includes(type)) return;
    if (onWarning) onWarning(typeof warning === 'string' ? warning : warning.message);
    else (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  };
  process.emitWarning = replacement as typeof process.emitWarning;
  try {
    return await create();
  } finally {
    if (process.emitWarning === replacement) process.emitWarning = original;
  }
}
