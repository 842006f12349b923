import { describe, expect, it } from 'vitest';
import { catalog, entryById } from '../../src/catalog';
import {
  credentialsWithoutTls,
  judgeServiceUrl,
  optionsTlsVerdict,
  pairedTlsScheme,
  schemeOwners,
  secureSwitchValue,
  serviceSchemes,
} from '../../src/policy/plaintext';
import { HOLE, type ObjectValue, type Value } from '../../src/policy/value';

const lit = (value: string | number | boolean | null): Value<string> => ({ kind: 'literal', value, node: `lit:${String(value)}` });
const env = (name: string): Value<string> => ({ kind: 'env', name, source: 'process.env', node: `env:${name}` });
const unknown: Value<string> = { kind: 'unknown', node: 'unknown' };
const obj = (props: Record<string, Value<string>>, open = false): ObjectValue<string> => ({
  kind: 'object',
  props: Object.entries(props).map(([key, value]) => ({ key, value, node: `prop:${key}` })),
  open,
  node: 'obj',
});
const arr = (...elements: Value<string>[]): Value<string> => ({ kind: 'array', elements, open: false, node: 'arr' });
const entry = (id: string) => entryById(id)!;

const standalone = (text: string) => {
  const scheme = text.slice(0, text.indexOf('://')).toLowerCase();
  return judgeServiceUrl(text, schemeOwners(catalog, scheme));
};

describe('serviceSchemes', () => {
  it('derives every service scheme from the catalog', () => {
    const schemes = serviceSchemes(catalog);
    for (const s of ['redis', 'rediss', 'amqp', 'amqps', 'ldap', 'ldaps', 'ws', 'wss', 'http', 'https', 'mongodb', 'mongodb+srv', 'postgres', 'postgresql', 'mysql', 'smtp', 'smtps', 'nats']) {
      expect(schemes).toContain(s);
    }
  });
});

describe('judgeServiceUrl on its own', () => {
  it.each([
    ['redis://cache.example.com:6379', 'rediss'],
    ['amqp://u:p@rabbit.example.com', 'amqps'],
    ['ldap://ldap.example.com', 'ldaps'],
    ['ws://relay.example.com', 'wss'],
    [`redis://${HOLE}:6379`, 'rediss'],
  ])('%s is plaintext, use %s', (text, tlsScheme) => {
    expect(standalone(text)).toMatchObject({ kind: 'plaintext', tlsScheme });
  });

  it.each(['mongodb://db.example.com/app', 'postgres://db.example.com/app', 'postgresql://10.0.0.4/app', 'mysql://db.example.com/app', 'smtp://smtp.example.com:587', 'nats://nats.example.com:4222'])(
    '%s is plaintext (parameters decide)',
    (text) => expect(standalone(text)).toMatchObject({ kind: 'plaintext', tlsScheme: undefined }),
  );

  it.each([
    'rediss://cache.example.com',
    // node-redis reads the scheme case-insensitively, so on its own this is not certain.
    'REDISS://cache.example.com',
    'redis://localhost:6379',
    'redis://127.0.0.1',
    'redis://[::1]:6379',
    'redis://',
    'redis://<host>:6379',
    'redis://host:6379',
    // ioredis turns TLS on for any `tls` parameter.
    'redis://cache.example.com?tls=true',
    'mongodb+srv://cluster0.example.net/app',
    'mongodb://db.example.com/app?tls=true',
    'mongodb://db.example.com/app?ssl=true',
    'postgres://db.example.com/app?sslmode=require',
    // pg reads `ssl=false` as TLS on, postgres.js as off: not certain either way.
    'postgres://db.example.com/app?ssl=false',
    'postgres://db.example.com/app?sslrootcert=/ca.pem',
    `postgres://${HOLE}/app`,
    `postgres://db.example.com/app${HOLE}`,
    'smtp://smtp.example.com?requireTLS=true',
    'http://api.example.com',
    'https://api.example.com',
  ])('%s is not reported', (text) => expect(standalone(text)).toBeUndefined());

  it('reports parameters that turn TLS off as such', () => {
    expect(standalone('postgres://db.example.com/app?sslmode=disable')).toMatchObject({ kind: 'off' });
    expect(standalone('mongodb+srv://cluster0.example.net/app?tls=false')).toMatchObject({ kind: 'off' });
  });
});

describe('judgeServiceUrl at a client', () => {
  const at = (id: string, options: ObjectValue<string>, text: string) => judgeServiceUrl(text, schemeOwners(catalog, text.slice(0, text.indexOf(':')).toLowerCase()), { entry: entry(id), options });

  it('uses the client semantics and options', () => {
    expect(at('ioredis', obj({}), 'REDISS://cache.example.com')).toMatchObject({ kind: 'plaintext', tlsScheme: 'rediss' });
    expect(at('redis', obj({}), 'REDISS://cache.example.com')).toBeUndefined();
    expect(at('ioredis', obj({ tls: obj({}) }), 'redis://cache.example.com')).toBeUndefined();
    expect(at('redis', obj({ socket: obj({ tls: lit(true) }) }), 'redis://cache.example.com')).toBeUndefined();
    expect(at('mongodb', obj({ tls: lit(true) }), 'mongodb://db.example.com')).toBeUndefined();
    expect(at('nats', obj({ tls: obj({}) }), 'nats://nats.example.com')).toBeUndefined();
    expect(at('nats', obj({}), 'nats://nats.example.com')).toMatchObject({ kind: 'plaintext' });
    expect(at('pg', obj({ ssl: unknown }), 'postgres://db.example.com/app')).toBeUndefined();
    expect(at('pg', obj({}, true), 'postgres://db.example.com/app')).toBeUndefined();
    expect(at('knex', obj({ client: lit('mysql2'), connection: obj({ ssl: obj({}) }) }), 'mysql://db.example.com/app')).toBeUndefined();
  });

  it('counts `http://` only at a client that reads it', () => {
    expect(at('@elastic/elasticsearch', obj({}), 'http://es.example.com:9200')).toMatchObject({ tlsScheme: 'https' });
    expect(at('@aws-sdk/client-*', obj({}), 'http://minio.example.com')).toMatchObject({ tlsScheme: 'https' });
    expect(at('pg', obj({}), 'http://api.example.com')).toBeUndefined();
  });

  it('leaves parameters that turn TLS off to no-disabled-tls', () => {
    expect(at('pg', obj({}), 'postgres://db.example.com/app?sslmode=disable')).toBeUndefined();
  });
});

describe('optionsTlsVerdict', () => {
  it('reads switches whatever their conditions', () => {
    expect(optionsTlsVerdict(entry('knex'), obj({ connection: obj({ ssl: lit(true) }) }))).toBe('tls');
    expect(optionsTlsVerdict(entry('pg'), obj({ ssl: lit(false) }))).toBe('off');
    expect(optionsTlsVerdict(entry('pg'), obj({}))).toBe('none');
    expect(optionsTlsVerdict(entry('pg'), obj({ ssl: env('DB_SSL') }))).toBe('unknown');
    expect(optionsTlsVerdict(entry('redis'), obj({ socket: obj({ tls: obj({}) }) }))).toBe('off');
    expect(optionsTlsVerdict(entry('nodemailer'), obj({ port: lit(587), secure: lit(false) }))).toBe('none');
    expect(optionsTlsVerdict(entry('nodemailer'), obj({ port: lit(465) }))).toBe('tls');
    expect(optionsTlsVerdict(entry('knex'), obj({ connection: lit('postgres://db/app') }))).toBe('none');
  });
});

describe('credentialsWithoutTls', () => {
  it('kafkajs sasl without ssl to an environment broker', () => {
    const found = credentialsWithoutTls(entry('kafkajs'), obj({ brokers: arr(env('KAFKA_BROKER')), sasl: obj({ mechanism: lit('plain'), username: lit('u'), password: env('P') }) }));
    expect(found).toMatchObject({ credential: 'sasl.password', node: 'prop:password' });
  });

  it('amqplib amqp:// with a password, never echoing it', () => {
    const found = credentialsWithoutTls(entry('amqplib'), obj({ url: lit('amqp://app:hunter2@rabbit.example.com') }));
    expect(found).toMatchObject({ credential: 'the URL userinfo', secure: '`amqps://`' });
    expect(`${found?.credential} ${found?.secure}`).not.toContain('hunter2');
  });

  it.each([
    ['TLS on', 'pg', obj({ host: env('H'), password: env('P'), ssl: lit(true) })],
    ['TLS off (reported as disabled)', 'pg', obj({ host: env('H'), password: env('P'), ssl: lit(false) })],
    ['loopback host', 'pg', obj({ host: lit('localhost'), password: env('P') })],
    ['default host', 'pg', obj({ password: env('P') })],
    ['no credentials', 'pg', obj({ host: env('H') })],
    ['empty password', 'pg', obj({ host: env('H'), password: lit('') })],
    ['URL from the environment', 'pg', obj({ connectionString: env('DATABASE_URL'), password: env('P') })],
    ['unknown brokers', 'kafkajs', obj({ brokers: unknown, sasl: obj({ password: env('P') }) })],
    ['library verified by default', 'mssql', obj({ server: env('S'), password: env('P') })],
    ['amqps', 'amqplib', obj({ url: lit('amqps://app:pw@rabbit.example.com') })],
    ['nodemailer requireTLS', 'nodemailer', obj({ host: env('H'), requireTLS: lit(true), auth: obj({ pass: env('P') }) })],
    ['nodemailer port 465', 'nodemailer', obj({ host: env('H'), port: lit(465), auth: obj({ pass: env('P') }) })],
    ['memjs cannot do TLS', 'memjs', obj({ servers: env('S'), password: env('P') })],
  ])('%s is not reported', (_name, id, options) => expect(credentialsWithoutTls(entry(id), options)).toBeUndefined());
});

describe('secureSwitchValue', () => {
  it.each([
    ['ssl', 'ssl: { rejectUnauthorized: true }', '{ rejectUnauthorized: true }'],
    ['socket.tls', 'socket: { tls: true }', 'true'],
    ['connection.ssl', 'connection: { ssl: { rejectUnauthorized: true } }', '{ rejectUnauthorized: true }'],
    ['tls', 'tls: {}', '{}'],
    ['protocol', "protocol: 'amqps'", "'amqps'"],
  ])('%s with %s writes %s', (path, secure, value) => expect(secureSwitchValue(path, secure)).toBe(value));

  it.each([
    ['ignoreTLS', 'requireTLS: true (and no ignoreTLS)'],
    ['ssl', 'tls: true'],
    ['extra.ssl', 'ssl: { rejectUnauthorized: true } (and no extra.ssl)'],
    ['ssl', 'mysql2 with ssl: { rejectUnauthorized: true, verifyIdentity: true }'],
    ['sslEnabled', 'sslEnabled: true (the default)'],
  ])('%s with %s writes nothing', (path, secure) => expect(secureSwitchValue(path, secure)).toBeUndefined());
});

describe('pairedTlsScheme', () => {
  it('pairs schemes by position and fixes case for case-sensitive libraries', () => {
    expect(pairedTlsScheme(entry('ws'), 'http')).toBe('https');
    expect(pairedTlsScheme(entry('ioredis'), 'REDISS')).toBe('rediss');
    expect(pairedTlsScheme(entry('mongodb'), 'mongodb')).toBeUndefined();
  });
});
