/**
 * Reading a project module on its own (analysis/module-files.ts): resolution as Node and
 * TypeScript resolve, and no failure of that read ever reaches the lint of the file that asked.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import tsParser from '@typescript-eslint/parser';
import { moduleFiles } from '../../src/analysis/module-files';

const dir = mkdtempSync(join(tmpdir(), 'module-files-'));
writeFileSync(join(dir, 'prod.js'), 'module.exports = { a: 1 };\n');
writeFileSync(join(dir, 'env.js'), 'module.exports = {};\n');
writeFileSync(join(dir, 'env.ts'), 'export const a: number = 1;\n');
writeFileSync(join(dir, 'broken.js'), 'module.exports = {\n');
writeFileSync(join(dir, 'data.json'), '{ "a": 1 }\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const nodeCount = (context: { sourceCode: { ast: { body: unknown[] } } }): number => context.sourceCode.ast.body.length;

describe('moduleFiles', () => {
  it('resolves a specifier with an extension added, TypeScript files first for a TypeScript file', () => {
    expect(moduleFiles(join(dir, 'index.js'), undefined, {}).resolve('./env')).toBe(join(dir, 'env.js'));
    expect(moduleFiles(join(dir, 'index.ts'), undefined, {}).resolve('./env')).toBe(join(dir, 'env.ts'));
    expect(moduleFiles(join(dir, 'index.js'), undefined, {}).resolve('./missing')).toBeUndefined();
  });

  it('resolves `.`, `..` and a trailing slash to a folder\'s index only, as Node does', () => {
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config.js'), 'module.exports = {};\n');
    writeFileSync(join(dir, 'config', 'index.js'), 'module.exports = {};\n');
    expect(moduleFiles(join(dir, 'config', 'keys.js'), undefined, {}).resolve('.')).toBe(join(dir, 'config', 'index.js'));
    expect(moduleFiles(join(dir, 'index.js'), undefined, {}).resolve('./config/')).toBe(join(dir, 'config', 'index.js'));
    expect(moduleFiles(join(dir, 'index.js'), undefined, {}).resolve('./config')).toBe(join(dir, 'config.js'));
    expect(moduleFiles(join(dir, 'config', 'keys.js'), undefined, {}).resolve('..')).toBeUndefined();
  });

  it('answers from a lint of that file alone, with no settings given too', () => {
    expect(moduleFiles(join(dir, 'index.js'), undefined, undefined).read(join(dir, 'prod.js'), 'count', nodeCount, -1)).toBe(1);
    expect(moduleFiles(join(dir, 'index.js'), undefined, {}).read(join(dir, 'data.json'), 'count', nodeCount, -1)).toBe(1);
  });

  it('does not parse a module whose text fails the test the question gives', () => {
    const files = moduleFiles(join(dir, 'index.js'), undefined, {});
    let parsed = 0;
    const count = (context: { sourceCode: { ast: { body: unknown[] } } }): number => (parsed++, nodeCount(context));
    expect(files.read(join(dir, 'prod.js'), 'gated', count, -1, (text) => text.includes('nothing like this'))).toBe(-1);
    expect(parsed).toBe(0);
    expect(files.read(join(dir, 'prod.js'), 'gated-open', count, -1, (text) => text.includes('module.exports'))).toBe(1);
    expect(parsed).toBe(1);
  });

  it('gives the fallback for a file that does not parse, is gone, or needs a parser the file was not linted with', () => {
    const files = moduleFiles(join(dir, 'index.js'), undefined, {});
    expect(files.read(join(dir, 'broken.js'), 'count', nodeCount, -1)).toBe(-1);
    expect(files.read(join(dir, 'gone.js'), 'count', nodeCount, -1)).toBe(-1);
    expect(files.read(join(dir, 'env.ts'), 'count', nodeCount, -1)).toBe(-1);
    expect(moduleFiles(join(dir, 'index.ts'), { parser: tsParser }, {}).read(join(dir, 'env.ts'), 'count', nodeCount, -1)).toBe(1);
  });

  it('gives the fallback when the host refuses the options', () => {
    const files = moduleFiles(join(dir, 'index.js'), { parserOptions: { ecmaVersion: 'no such version' } } as never, {});
    expect(files.read(join(dir, 'env.js'), 'count', nodeCount, -1)).toBe(-1);
  });
});
