import { describe, it, expect } from 'vitest';
import { HOLE } from '../../src/policy/value';
import {
  classifyHost,
  isLocalHost,
  looksLikeHost,
  parseHostPort,
  parseIPv4,
  parseIPv6,
  type HostClass,
} from '../../src/policy/host';

describe('classifyHost', () => {
  const table: Array<[string, HostClass]> = [
    // loopback
    ['localhost', 'loopback'],
    ['LOCALHOST', 'loopback'],
    ['localhost.', 'loopback'],
    ['app.localhost', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['127.1.2.3', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['[::1]:6379', 'loopback'],
    ['localhost:5432', 'loopback'],
    ['127.0.0.1:6379', 'loopback'],
    ['db:5432', 'private'],
    ['10.0.0.5:5432', 'private'],
    ['db.example.com:5432', 'public'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['0.0.0.0', 'loopback'],
    ['::', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['host.docker.internal', 'loopback'],
    ['Host.Docker.Internal', 'loopback'],
    ['ip6-localhost', 'loopback'],
    ['/var/run/postgresql', 'loopback'],
    ['/tmp/redis.sock', 'loopback'],
    ['', 'loopback'],
    // private
    ['10.0.0.5', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'private'],
    ['100.64.0.1', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['[fd00::5]', 'private'],
    ['fe80::1', 'private'],
    ['fe80::1%eth0', 'private'],
    ['febf::1', 'private'],
    ['::ffff:10.1.2.3', 'private'],
    ['db', 'private'],
    ['redis', 'private'],
    ['kafka-1', 'private'],
    ['mongo_primary', 'private'],
    // cluster-local
    ['postgres.default.svc', 'cluster-local'],
    ['postgres.default.svc.cluster.local', 'cluster-local'],
    ['redis.ns.cluster.local', 'cluster-local'],
    ['my-db.internal', 'cluster-local'],
    ['my-app-db.flycast', 'cluster-local'],
    ['printer.local', 'cluster-local'],
    ['redis.railway.internal', 'cluster-local'],
    ['postgres.default.svc.cluster.local.', 'cluster-local'],
    // public
    ['db.example.com', 'public'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['172.15.0.1', 'public'],
    ['192.169.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['11.0.0.1', 'public'],
    ['2001:db8::1', 'public'],
    ['fec0::1', 'public'],
    ['cluster0.abcde.mongodb.net', 'public'],
    ['localhost.example.com', 'public'],
    ['internal.example.com', 'public'],
    ['my host', 'public'],
    // dynamic
    [HOLE, 'dynamic'],
    [`${HOLE}.example.com`, 'dynamic'],
    [`db-${HOLE}`, 'dynamic'],
    [`localhost${HOLE}`, 'dynamic'],
  ];
  it.each(table)('%j is %s', (host, expected) => {
    expect(classifyHost(host)).toBe(expected);
    expect(isLocalHost(host)).toBe(expected === 'loopback');
  });
});

describe('parseIPv4 / parseIPv6', () => {
  it.each<[string, boolean]>([
    ['1.2.3.4', true],
    ['255.255.255.255', true],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    ['1..3.4', false],
    ['a.b.c.d', false],
    ['1234.1.1.1', false],
  ])('v4 %j', (text, ok) => {
    expect(parseIPv4(text) !== undefined).toBe(ok);
  });

  it.each<[string, number[] | undefined]>([
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['2001:db8::1', [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['[::1]', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['::ffff:1.2.3.4', [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]],
    ['fe80::1%eth0', [0xfe80, 0, 0, 0, 0, 0, 0, 1]],
    ['1:2:3:4:5:6:7', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['1::2::3', undefined],
    ['12345::1', undefined],
    ['g::1', undefined],
    ['1.2.3.4', undefined],
    ['h:6379', undefined],
    [':', undefined],
  ])('v6 %j', (text, groups) => {
    expect(parseIPv6(text)).toEqual(groups);
  });
});

describe('parseHostPort', () => {
  it.each<[string, { host: string; port?: number } | undefined]>([
    ['kafka-1:9092', { host: 'kafka-1', port: 9092 }],
    ['[::1]:6379', { host: '::1', port: 6379 }],
    ['[::1]', { host: '::1' }],
    ['::1', { host: '::1' }],
    ['fe80::1', { host: 'fe80::1' }],
    ['10.0.0.5', { host: '10.0.0.5' }],
    ['10.0.0.5:5432', { host: '10.0.0.5', port: 5432 }],
    ['db.example.com', { host: 'db.example.com' }],
    ['Db.Example.com:1', { host: 'Db.Example.com', port: 1 }],
    ['redis', { host: 'redis' }],
    [`${HOLE}:9092`, { host: HOLE, port: 9092 }],
    [`kafka-1:${HOLE}`, { host: 'kafka-1' }],
    [`[${HOLE}]:5432`, { host: HOLE, port: 5432 }],
    ['h:p', undefined],
    ['h:', undefined],
    [':6379', undefined],
    ['h:70000', undefined],
    ['', undefined],
    ['has space', undefined],
    ['a/b', undefined],
    ['/var/run/pg', undefined],
    ['redis://h:6379', undefined],
    ['user:pass@h:11211', undefined],
    ['h1:1,h2:2', undefined],
    ['[::1', undefined],
    ['[::1]x', undefined],
    ['[zz]:1', undefined],
    ['a:b:c', undefined],
    ['x'.repeat(1000), undefined],
  ])('%j', (text, expected) => {
    expect(parseHostPort(text)).toEqual(expected);
  });
});

describe('looksLikeHost', () => {
  it.each([
    'db.example.com',
    'db.example.com:5432',
    'localhost',
    'localhost:6379',
    '127.0.0.1',
    '10.0.0.5:5432',
    '::1',
    '[::1]:6379',
    'cluster0.abcde.mongodb.net',
    'postgres.default.svc.cluster.local',
    'my-db.internal',
    'sql.example.com.',
    `${HOLE}.example.com`,
    `db.${HOLE}.example.com:5432`,
  ])('host: %j', (text) => {
    expect(looksLikeHost(text)).toBe(true);
    expect(looksLikeHost(text, { allowSingleLabel: true })).toBe(true);
  });

  it.each(['redis', 'db', 'kafka-1:9092', 'mongo_primary:27017', `db-${HOLE}`])('single label %j only when allowed', (text) => {
    expect(looksLikeHost(text)).toBe(false);
    expect(looksLikeHost(text, { allowSingleLabel: true })).toBe(true);
  });

  it.each([
    '',
    'hello world',
    'index.js',
    'config.json',
    '.env.example',
    'cert.pem',
    'redis.sock',
    '1.2.3',
    'v1.2.3',
    '1.2',
    '6379',
    'a..b',
    '-a.example.com',
    'a.b-',
    'redis://h',
    'user@example.com',
    '/etc/hosts',
    HOLE,
    `${HOLE}:${HOLE}`,
    `${HOLE}.${HOLE}`,
    'e.g',
  ])('not a host: %j', (text) => {
    expect(looksLikeHost(text)).toBe(false);
    expect(looksLikeHost(text, { allowSingleLabel: true })).toBe(false);
  });
});

describe('pathological inputs', () => {
  it('run on 1 MB strings without trouble', () => {
    const MB = 1024 * 1024;
    const inputs = ['a'.repeat(MB), 'a.'.repeat(MB / 2), ':'.repeat(MB), '['.repeat(MB), '1.'.repeat(MB / 2), HOLE.repeat(MB)];
    for (const text of inputs) {
      expect(() => classifyHost(text)).not.toThrow();
      expect(() => parseHostPort(text)).not.toThrow();
      expect(() => looksLikeHost(text, { allowSingleLabel: true })).not.toThrow();
      expect(() => parseIPv6(text)).not.toThrow();
    }
  });
});
