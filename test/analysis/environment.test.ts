import { describe, expect, it } from 'vitest';
import { withAnalysis } from './probe';

/** Names of the env reads and writes of `code`; with `writesFirst`, the writes are computed first. */
function readsAndWrites(code: string, writesFirst = false): { reads: string[]; writes: string[] } {
  return withAnalysis(code, (analysis) => {
    if (writesFirst) void analysis.envWrites;
    return { reads: analysis.envReads.map((r) => r.name), writes: analysis.envWrites.map((w) => w.name) };
  }, { sourceType: 'commonjs' });
}

describe('env reads and writes share the file’s `process.env` nodes', () => {
  const code = "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\nObject.assign(process.env, { PGSSLMODE: 'disable' });\nconst url = process.env.REDIS_URL || 'redis://localhost:6379';\n";

  it('finds both, whichever is asked first', () => {
    for (const writesFirst of [false, true]) {
      const { reads, writes } = readsAndWrites(code, writesFirst);
      expect(writes).toEqual(['NODE_TLS_REJECT_UNAUTHORIZED', 'PGSSLMODE']);
      expect(reads).toContain('REDIS_URL');
    }
  });

  it('a local `process` is not the environment', () => {
    expect(readsAndWrites(`const process = { env: {} };\n${code}`)).toEqual({ reads: [], writes: [] });
  });

  it('a configuration library is read without `process.env` in the text', () => {
    const { reads, writes } = readsAndWrites("const env = require('env-var');\nconst url = env.get('REDIS_URL').required().asString();\n");
    expect(reads).toEqual(['REDIS_URL']);
    expect(writes).toEqual([]);
  });
});
