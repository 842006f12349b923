import { describe, expect, it } from 'vitest';
import { expandValue, isLoopbackLocation, locationValues, parseLocation, serviceLocations } from '../../src/policy/location';
import { HOLE } from '../../src/policy/value';
import { type V, lit, obj, arr, env, unknown, entry } from '../harness/values';

describe('parseLocation', () => {
  it.each<[string, 'url' | 'host' | 'list', string[] | undefined]>([
    ['postgres://app:pw@db.example.com:5432/app', 'url', ['db.example.com']],
    ['mongodb://a:27017,b:27017/app', 'url', ['a', 'b']],
    ['redis://[::1]:6379', 'url', ['::1']],
    ['Server=tcp:sql.example.com,1433;Database=app', 'url', ['sql.example.com']],
    ['Server=.;Database=app', 'url', ['localhost']],
    ['postgres:///app', 'url', undefined],
    ['sqlite://./dev.db', 'url', undefined],
    ['file:./dev.db', 'url', undefined],
    ['db.example.com', 'url', undefined],
    [`postgres://${HOLE}/app`, 'url', undefined],
    ['postgres://user:pass@host:port/database', 'url', undefined],
    ['postgres://app@<host>/db', 'url', undefined],
    ['db', 'host', ['db']],
    ['10.0.0.5', 'host', ['10.0.0.5']],
    ['localhost\\SQLEXPRESS', 'host', ['localhost']],
    ['tcp:sql.example.com,1433', 'host', ['sql.example.com']],
    ['/var/run/postgresql', 'host', undefined],
    ['', 'host', undefined],
    ['YOUR_DB_HOST', 'host', undefined],
    ['not a host', 'host', undefined],
    ['config.json', 'host', undefined],
    ['kafka-1:9092,kafka-2:9092', 'list', ['kafka-1', 'kafka-2']],
    ['nats://n1:4222, n2:4222', 'list', ['n1', 'n2']],
    [`${HOLE}:9092`, 'list', undefined],
  ])('%s in a %s slot', (text, slot, hosts) => {
    expect(parseLocation(text, slot)?.hosts.map((h) => h.host)).toEqual(hosts);
  });

  it('classifies hosts', () => {
    expect(parseLocation('postgres://localhost/app', 'url')?.hosts[0]?.hostClass).toBe('loopback');
    expect(parseLocation('10.0.0.5', 'host')?.hosts[0]?.hostClass).toBe('private');
    expect(parseLocation('db.svc.cluster.local', 'host')?.hosts[0]?.hostClass).toBe('cluster-local');
    expect(parseLocation('db.example.com:5432', 'host')?.hosts[0]).toEqual({ host: 'db.example.com', port: 5432, hostClass: 'public' });
  });

  it('isLoopbackLocation needs every host local', () => {
    expect(isLoopbackLocation(parseLocation('localhost:9092,127.0.0.1:9093', 'list')!)).toBe(true);
    expect(isLoopbackLocation(parseLocation('localhost:9092,kafka:9093', 'list')!)).toBe(false);
    expect(isLoopbackLocation({ hosts: [] })).toBe(false);
  });
});

describe('expandValue', () => {
  it('yields branches and environment defaults, not the env read itself', () => {
    const value: V = { kind: 'conditional', test: 't', branches: [lit('a'), env('X', lit('b'))], node: 'c' };
    const out = [...expandValue(value)];
    expect(out.map((e) => [e.value.node, e.direct, e.envFallback?.name])).toEqual([
      ['a', false, undefined],
      ['b', false, 'X'],
    ]);
    expect([...expandValue(env('X'))]).toEqual([]);
  });
});

describe('locationValues and serviceLocations', () => {
  it('reads URL, host and list paths of the catalog entry', () => {
    const pg = obj({ connectionString: lit('postgres://db.example.com/app', 'url'), host: lit('db', 'host'), port: lit(5432) });
    expect(serviceLocations(entry('pg'), pg).map((l) => [l.path, l.slot, l.direct, l.format])).toEqual([
      ['connectionString', 'url', true, 'url'],
      ['host', 'host', true, 'host'],
    ]);
  });

  it('walks lists of strings and of host objects', () => {
    const kafka = obj({ brokers: arr(lit('k1:9092', 'b1'), lit('k2:9092', 'b2')) });
    expect(serviceLocations(entry('kafkajs'), kafka).map((l) => [l.node, l.inList, l.direct])).toEqual([
      ['b1', true, false],
      ['b2', true, false],
    ]);
    const cluster = obj({ startupNodes: arr(obj({ host: lit('r1', 'h1'), port: lit(6379) })) });
    expect(serviceLocations(entry('ioredis'), cluster).map((l) => l.node)).toEqual(['h1']);
    const memcached = obj({ servers: obj({ '10.0.0.1:11211': lit(1), '10.0.0.2:11211': lit(2) }) });
    expect(serviceLocations(entry('memcached'), memcached).map((l) => l.text)).toEqual(['10.0.0.1:11211', '10.0.0.2:11211']);
  });

  it('marks the literal default of an environment read', () => {
    const pg = obj({ host: env('PGHOST', lit('localhost', 'fb')) });
    const [location] = serviceLocations(entry('pg'), pg);
    expect(location?.envFallback?.name).toBe('PGHOST');
    expect(location?.node).toBe('fb');
    expect(isLoopbackLocation(location!)).toBe(true);
  });

  it('skips notLocations, unknown values and open objects without the key', () => {
    expect(locationValues(entry('nodemailer'), obj({ service: lit('gmail'), name: lit('mail.example.com') }))).toEqual([]);
    expect(locationValues(entry('pg'), obj({ host: unknown }))).toEqual([]);
    expect(locationValues(entry('pg'), obj({}, true))).toEqual([]);
    expect(locationValues(entry('pg'), obj({ host: env('PGHOST') }))).toEqual([]);
  });

  it('reports a shared node once', () => {
    const url = lit('mysql://db.example.com/app', 'u');
    expect(locationValues(entry('mysql2'), obj({ url, uri: url })).length).toBe(1);
  });
});
