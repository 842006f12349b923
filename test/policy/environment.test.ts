import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryById } from '../../src/catalog';
import { TEST_FILES } from '../../src/configs';
import { expandBraces, isLocalHostName, localHostOf, localLocationIn, matchesGlob, touchesServiceConfig } from '../../src/policy/environment';
import { HOLE, type Value } from '../../src/policy/value';

const lit = (value: string | number): Value<string> => ({ kind: 'literal', value, node: String(value) });
const obj = (props: Record<string, Value<string>>): Value<string> => ({
  kind: 'object',
  props: Object.entries(props).map(([key, value]) => ({ key, value, node: key })),
  open: false,
  node: 'obj',
});

describe('local hosts', () => {
  it('are loopback names and addresses, not sockets, empty hosts or remote names', () => {
    for (const host of ['localhost', 'LOCALHOST', 'api.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '0.0.0.0', 'host.docker.internal']) {
      expect(isLocalHostName(host), host).toBe(true);
    }
    for (const host of ['', '/var/run/postgresql', 'db', 'db.internal', '10.0.0.5', 'example.com', `local${HOLE}`]) {
      expect(isLocalHostName(host), host).toBe(false);
    }
  });

  it('are read from URLs, host:port, lists and bare hosts', () => {
    expect(localHostOf('postgres://user:pw@localhost:5432/dev')).toBe('localhost');
    expect(localHostOf('mongodb://127.0.0.1:27017,127.0.0.1:27018/app')).toBe('127.0.0.1');
    expect(localHostOf('mongodb://127.0.0.1:27017,db.example.com:27018/app')).toBeUndefined();
    expect(localHostOf('redis://[::1]:6379')).toBe('::1');
    expect(localHostOf('localhost:9092,localhost:9093')).toBe('localhost');
    expect(localHostOf('localhost')).toBe('localhost');
    expect(localHostOf('postgres:///dev')).toBeUndefined();
    expect(localHostOf('http://localhost:3000/callback is the default')).toBe('localhost');
    expect(localHostOf('not a host at all')).toBeUndefined();
    expect(localHostOf('db:5432')).toBeUndefined();
  });

  it('are found in fallback objects only under location keys', () => {
    expect(localLocationIn(obj({ host: lit('localhost'), port: lit(5432) }))?.host).toBe('localhost');
    expect(localLocationIn(obj({ origin: lit('http://localhost:3000') }))).toBeUndefined();
    expect(localLocationIn({ kind: 'array', elements: [lit('localhost:9092')], open: false, node: 'arr' })?.host).toBe('localhost');
    expect(localLocationIn(lit(6379))).toBeUndefined();
  });
});

describe('service configuration paths', () => {
  const pg = entryById('pg')!;
  const knex = entryById('knex')!;
  it('cover location, TLS and credentials, inside and above them', () => {
    expect(touchesServiceConfig(pg, 'ssl', [])).toBe(true);
    expect(touchesServiceConfig(pg, 'ssl.rejectUnauthorized', [])).toBe(true);
    expect(touchesServiceConfig(pg, 'host', [])).toBe(true);
    expect(touchesServiceConfig(pg, 'password', [])).toBe(true);
    expect(touchesServiceConfig(pg, 'max', [])).toBe(false);
    expect(touchesServiceConfig(pg, '', [obj({ max: lit(5) })])).toBe(false);
    expect(touchesServiceConfig(pg, '', [obj({ host: lit('localhost') })])).toBe(true);
    expect(touchesServiceConfig(knex, 'connection', [obj({ host: lit('localhost') })])).toBe(true);
    expect(touchesServiceConfig(knex, 'pool', [obj({ min: lit(0) })])).toBe(false);
  });
});

describe('globs', () => {
  it('expand braces, nested too', () => {
    expect(expandBraces('a/{b,c}/*.{js,ts}')).toEqual(['a/b/*.js', 'a/b/*.ts', 'a/c/*.js', 'a/c/*.ts']);
    expect(expandBraces('{a,{b,c}}')).toEqual(['a', 'b', 'c']);
    expect(expandBraces('no-braces')).toEqual(['no-braces']);
  });

  it('match the test files of common layouts and nothing else', () => {
    const isTest = (path: string): boolean => TEST_FILES.some((glob) => matchesGlob(path, glob));
    for (const path of ['src/db.test.ts', 'src/db.spec.js', 'test/db.js', 'tests/setup/db.mjs', 'src/__tests__/db.ts', 'src/__mocks__/pg.js', 'test/app.e2e-spec.ts', 'e2e/db.ts', 'packages/api/test/fixtures/db.cjs', 'vitest.setup.ts', 'jest.config.js', 'src/setupTests.ts', 'e2e-common/db.ts', 'apps/api-e2e/src/db.ts']) {
      expect(isTest(path), path).toBe(true);
    }
    for (const path of ['src/db.ts', 'src/testing-utils.ts', 'src/contest/db.ts', 'src/latest.ts', 'src/attestation/db.ts', 'src/test.ts', 'src/spec-reader.ts', 'src/e2e.ts', 'src/e2e-helpers.ts']) {
      expect(isTest(path), path).toBe(false);
    }
  });

  it('are the list docs/configs.md shows', () => {
    const docs = readFileSync(join(__dirname, '../../docs/configs.md'), 'utf8');
    const block = /the test files are:\n\n```js\n\[\n([^]*?)\]\n```/.exec(docs)?.[1];
    expect(block?.trim().split('\n').map((line) => line.trim().replace(/^'|',$/g, ''))).toEqual(TEST_FILES);
  });
});
