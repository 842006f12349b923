import { describe, expect, it } from 'vitest';
import { evaluateProbe } from './probe';

describe('static evaluation', () => {
  it.each([
    ['literals', "const probe = 'postgres://db/app';", 'postgres://db/app'],
    ['numbers and booleans', 'const probe = [5432, false, null];', [5432, false, null]],
    ['templates with known parts', "const h = 'db';\nconst probe = `postgres://${h}:${5432}/app`;", 'postgres://db:5432/app'],
    ['concatenation through const chains', "const a = 'redis://';\nconst b = a + 'cache';\nconst probe = b + ':6379';", 'redis://cache:6379'],
    ['let written once', "let host = 'db';\nconst probe = host;", 'db'],
    ['let replaced in its own block is the new value', "let host = 'db';\nhost = other();\nconst probe = host;", '?'],
    ['let written in a branch is either value', "let host = 'db';\nif (x) host = 'replica';\nconst probe = host;", { conditional: ['db', 'replica'] }],
    ['a falsy placeholder is not one of its values', 'let ssl = false;\nif (x) ssl = { ca };\nconst probe = ssl;', { ca: '?' }],
    ['compound assignment is unknown', "let url = 'redis://';\nurl += host;\nconst probe = url;", '?'],
    ['member of a const object', "const cfg = { db: { host: 'db' } };\nconst probe = cfg.db.host;", 'db'],
    ['array join', "const probe = ['a', 'b'].join(',');", 'a,b'],
    ['String()', "const probe = String('x' + 1);", 'x1'],
    ['void 0', 'const probe = void 0;', undefined],
    ['negation', 'const probe = !0;', true],
    ['unknown call', 'const probe = load();', '?'],
  ])('%s', (_name, code, expected) => {
    expect(evaluateProbe(code)).toEqual(expected);
  });

  it('keeps the known text of partly unknown strings', () => {
    expect(evaluateProbe('const probe = `redis://${host}:6379`;')).toEqual({ template: ['redis://', '?', ':6379'] });
    expect(evaluateProbe("const probe = 'amqp://' + process.env.MQ_HOST;")).toEqual({ template: ['amqp://', { env: 'MQ_HOST', source: 'process.env' }] });
  });

  it('spreads, Object.assign and open objects', () => {
    expect(evaluateProbe("const base = { max: 5 };\nconst probe = { ...base, ssl: true };")).toEqual({ max: 5, ssl: true });
    expect(evaluateProbe('const probe = { ...load(), ssl: true };')).toEqual({ ssl: true, '...': true });
    expect(evaluateProbe("const probe = Object.assign({}, { a: 1 }, { a: 2, b: 'x' });")).toEqual({ a: 2, b: 'x' });
    expect(evaluateProbe("const key = 'ssl';\nconst probe = { [key]: false, [other]: 1 };")).toEqual({ ssl: false, '...': true });
  });

  it('options built by a same-file function', () => {
    expect(evaluateProbe("function options() { return { ssl: false }; }\nconst probe = options();")).toEqual({ ssl: false });
    expect(evaluateProbe("const options = () => ({ host: 'db' });\nconst probe = options();")).toEqual({ host: 'db' });
    // Any of its returns, with the parameters bound to the call's arguments.
    expect(evaluateProbe("function options(x) { if (x) return { a: 1 }; return { b: 2 }; }\nconst probe = options();")).toEqual({ conditional: [{ a: 1 }, { b: 2 }] });
    expect(evaluateProbe("const options = (host, port = 5432) => ({ host, port });\nconst probe = options('db');")).toEqual({ host: 'db', port: 5432 });
    expect(evaluateProbe('function* options() { return { a: 1 }; }\nconst probe = options();')).toBe('?');
  });

  it('functions that can never fail', () => {
    expect(evaluateProbe('const probe = () => undefined;')).toEqual({ function: 'never-fails' });
    expect(evaluateProbe('const probe = function () {};')).toEqual({ function: 'never-fails' });
    expect(evaluateProbe('const probe = () => { return null; };')).toEqual({ function: 'never-fails' });
    expect(evaluateProbe('const probe = (h, c) => tls.checkServerIdentity(h, c);')).toEqual({ function: 'may-fail' });
    expect(evaluateProbe("const probe = () => { throw new Error('x'); };")).toEqual({ function: 'may-fail' });
  });

  it('properties written after the object is built', () => {
    expect(evaluateProbe("const o = { a: 1 };\no.b = 'x';\no.a = 2;\nconst probe = o;")).toEqual({ a: 2, b: 'x' });
    expect(evaluateProbe('const o = { ssl: { ca } };\no.ssl.rejectUnauthorized = false;\nconst probe = o;')).toEqual({ ssl: { ca: '?', rejectUnauthorized: false } });
    // A write that may not run leaves either value possible.
    expect(evaluateProbe('const o = { tls: true };\nif (x) o.tls = false;\nconst probe = o;')).toEqual({ tls: { conditional: [true, false] } });
    expect(evaluateProbe('const o = load();\no.ssl = false;\nconst probe = o;')).toEqual({ ssl: false, '...': true });
    expect(evaluateProbe("const o = {};\nObject.assign(o, { host: 'h' });\nconst probe = o;")).toEqual({ host: 'h' });
  });

  it('awaited values, string methods on env reads, members of either object', () => {
    expect(evaluateProbe("const probe = await { host: 'h' };")).toEqual({ host: 'h' });
    expect(evaluateProbe("const probe = process.env.REDIS_HOST?.trim() || 'localhost';")).toEqual({ env: 'REDIS_HOST', source: 'process.env', fallback: 'localhost' });
    expect(evaluateProbe("const cfg = x ? { host: 'a' } : { host: 'b' };\nconst probe = cfg.host;")).toEqual({ conditional: ['a', 'b'] });
  });

  it('conditionals keep both branches', () => {
    expect(evaluateProbe('const probe = isProd ? { ca } : false;')).toEqual({ conditional: [{ ca: '?' }, false] });
    expect(evaluateProbe('const probe = isProd && { rejectUnauthorized: false };')).toEqual({ conditional: [{ rejectUnauthorized: false }] });
    expect(evaluateProbe("const probe = true ? 'a' : 'b';")).toBe('a');
  });
});

describe('environment reads', () => {
  it.each([
    ['process.env.X', 'const probe = process.env.DATABASE_URL;', { env: 'DATABASE_URL', source: 'process.env' }],
    ["process.env['X']", "const probe = process.env['REDIS_URL'];", { env: 'REDIS_URL', source: 'process.env' }],
    ['|| fallback', "const probe = process.env.DATABASE_URL || 'postgres://localhost/dev';", { env: 'DATABASE_URL', source: 'process.env', fallback: 'postgres://localhost/dev' }],
    ['?? fallback', "const probe = process.env.REDIS_HOST ?? '127.0.0.1';", { env: 'REDIS_HOST', source: 'process.env', fallback: '127.0.0.1' }],
    ['presence ternary', "const probe = process.env.DB_HOST ? process.env.DB_HOST : 'localhost';", { env: 'DB_HOST', source: 'process.env', fallback: 'localhost' }],
    ['destructuring with a default', "const { DB_HOST = 'localhost' } = process.env;\nconst probe = DB_HOST;", { env: 'DB_HOST', source: 'process.env', fallback: 'localhost' }],
    ['renamed destructuring', 'const { DATABASE_URL: url } = process.env;\nconst probe = url;', { env: 'DATABASE_URL', source: 'process.env' }],
    ['env object alias', 'const env = process.env;\nconst probe = env.AMQP_URL;', { env: 'AMQP_URL', source: 'process.env' }],
    ['import.meta.env', 'const probe = import.meta.env.VITE_API;', { env: 'VITE_API', source: 'import.meta.env' }],
    ['shadowed process is not the environment', "const process = { env: { X: 'a' } };\nconst probe = process.env.X;", 'a'],
  ])('%s', (_name, code, expected) => {
    expect(evaluateProbe(code)).toEqual(expected);
  });

  it('env-var', () => {
    expect(evaluateProbe("import env from 'env-var';\nconst probe = env.get('DATABASE_URL').default('postgres://localhost/dev').asString();")).toEqual({
      env: 'DATABASE_URL',
      source: 'env-var',
      fallback: 'postgres://localhost/dev',
    });
    expect(evaluateProbe("const { get } = require('env-var');\nconst probe = get('REDIS_URL').required().asUrlString();", { sourceType: 'commonjs' })).toEqual({
      env: 'REDIS_URL',
      source: 'env-var',
    });
  });

  it('envalid', () => {
    const code = "import { cleanEnv, url, str } from 'envalid';\nconst env = cleanEnv(process.env, { DATABASE_URL: url({ devDefault: 'postgres://localhost/dev' }), NODE_ENV: str() });\nconst probe = env.DATABASE_URL;";
    expect(evaluateProbe(code)).toEqual({ env: 'DATABASE_URL', source: 'envalid', fallback: 'postgres://localhost/dev' });
  });

  it('@nestjs/config ConfigService#get', () => {
    const code = "import { ConfigService } from '@nestjs/config';\nclass Db { constructor(private readonly configService: ConfigService) {}\n make() { const probe = this.configService.get('DB_HOST', 'localhost'); return probe; } }\nconst probe = new ConfigService().get<string>('REDIS_URL');";
    expect(evaluateProbe(code, { ts: true })).toEqual({ env: 'REDIS_URL', source: 'config-service' });
  });

  it('convict', () => {
    const code = "import convict from 'convict';\nconst config = convict({ db: { url: { doc: 'db', format: String, default: 'postgres://localhost/dev', env: 'DATABASE_URL' } } });\nconst probe = config.get('db.url');";
    expect(evaluateProbe(code)).toEqual({ env: 'DATABASE_URL', source: 'convict', fallback: 'postgres://localhost/dev' });
  });
});
