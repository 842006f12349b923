import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const pkg = require('../../package.json') as {
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};

describe('the published tarball', () => {
  // What `npm pack` would publish, from the `files` field (the build has run: `pretest`).
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
  const files = new Set(packed[0]!.files.map((f) => f.path));

  it('contains every entry point package.json names', () => {
    const targets = [pkg.main, pkg.types, ...Object.values(pkg.bin)];
    for (const value of Object.values(pkg.exports)) {
      targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
    }
    for (const target of targets) expect(files, target).toContain(target.replace(/^\.\//, ''));
  });

  it('ships the rule docs the rules link to, and no sources or tests', () => {
    expect([...files].filter((f) => f.startsWith('docs/rules/')).length).toBeGreaterThan(0);
    expect([...files].filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });
});
