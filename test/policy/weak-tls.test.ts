import { describe, expect, it } from 'vitest';
import { entryById } from '../../src/catalog';
import type { ObjectValue, Value } from '../../src/policy/value';
import { weakCipher, weakProcessDefault, weakSecureProtocol, weakTlsSettings, weakVersion } from '../../src/policy/weak-tls';

const lit = (value: string | number | boolean): Value<string> => ({ kind: 'literal', value, node: `lit:${String(value)}` });
const obj = (props: Record<string, Value<string>>, open = false): ObjectValue<string> => ({
  kind: 'object',
  props: Object.entries(props).map(([key, value]) => ({ key, value, node: `prop:${key}` })),
  open,
  node: 'obj',
});

describe('weakVersion', () => {
  it.each(['TLSv1', 'TLSv1.1'])('%s is weak', (v) => expect(weakVersion(v)).toBe(v));
  it.each(['TLSv1.2', 'TLSv1.3', 'tlsv1', 'SSLv3', '', 'TLSv1.10'])('%s is not reported', (v) => expect(weakVersion(v)).toBeUndefined());
});

describe('weakSecureProtocol', () => {
  it.each([
    ['TLSv1_method', 'TLSv1'],
    ['TLSv1_1_method', 'TLSv1.1'],
    ['TLSv1_1_client_method', 'TLSv1.1'],
    ['SSLv3_method', 'SSLv3'],
    ['SSLv2_method', 'SSLv2'],
    ['TLSv1_server_method', 'TLSv1'],
  ])('%s pins %s', (method, protocol) => expect(weakSecureProtocol(method)).toBe(protocol));
  it.each(['TLSv1_2_method', 'TLS_method', 'SSLv23_method', 'TLSv1_3_method', 'tlsv1_method'])('%s is not reported', (m) =>
    expect(weakSecureProtocol(m)).toBeUndefined(),
  );
});

describe('weakCipher', () => {
  it.each([
    ['SSLv3', 'SSLv3'],
    ['RC4-SHA', 'RC4-SHA'],
    ['ECDHE-RSA-AES128-GCM-SHA256:RC4-MD5', 'RC4-MD5'],
    ['DES-CBC3-SHA', 'DES-CBC3-SHA'],
    ['EDH-RSA-DES-CBC-SHA', 'EDH-RSA-DES-CBC-SHA'],
    ['NULL-SHA256', 'NULL-SHA256'],
    ['ALL:eNULL', 'eNULL'],
    ['aNULL', 'aNULL'],
    ['EXP-RC4-MD5', 'EXP-RC4-MD5'],
    ['EXPORT', 'EXPORT'],
    ['ADH-AES256-SHA', 'ADH-AES256-SHA'],
    ['AECDH-AES128-SHA', 'AECDH-AES128-SHA'],
    ['TLS_DH_anon_WITH_AES_128_CBC_SHA', 'TLS_DH_anon_WITH_AES_128_CBC_SHA'],
    ['TLS_RSA_WITH_3DES_EDE_CBC_SHA', 'TLS_RSA_WITH_3DES_EDE_CBC_SHA'],
    ['HIGH:MD5', 'MD5'],
    ['DEFAULT:@SECLEVEL=0', '@SECLEVEL=0'],
    ['kRSA+RC4', 'kRSA+RC4'],
    ['HIGH, LOW', 'LOW'],
    ['HIGH 3DES', '3DES'],
  ])('%s enables %s', (ciphers, weak) => expect(weakCipher(ciphers)).toBe(weak));

  it.each([
    'HIGH:!aNULL:!MD5',
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384',
    'TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256',
    'DEFAULT:-RC4:!DES:!3DES:!EXPORT:!eNULL',
    'HIGH:+RC4',
    'DEFAULT:@SECLEVEL=2',
    'DHE-RSA-AES256-SHA',
    'ECDHE-ECDSA-AES128-SHA256',
    'aDH',
    'rc4',
    '',
  ])('%s is not reported', (ciphers) => expect(weakCipher(ciphers)).toBeUndefined());

  it.each([
    ['DEFAULT:@SECLEVEL=0', undefined],
    ['@SECLEVEL=0:RC4-SHA', 'RC4-SHA'],
  ])('without the security level, %s enables %s', (ciphers, weak) => expect(weakCipher(ciphers, { securityLevel: false })).toBe(weak));

  it('is linear on long input', () => {
    const long = `${'ECDHE-RSA-AES128-GCM-SHA256:'.repeat(20000)}!RC4`;
    const start = Date.now();
    expect(weakCipher(long)).toBeUndefined();
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe('weakTlsSettings', () => {
  const pg = entryById('pg')!;
  const mongodb = entryById('mongodb')!;
  const mssql = entryById('mssql')!;

  it('reads the library TLS bag', () => {
    const found = weakTlsSettings(pg, obj({ ssl: obj({ minVersion: lit('TLSv1'), ciphers: lit('HIGH:!aNULL'), maxVersion: lit('TLSv1.3') }) }));
    expect(found.map((s) => [s.kind, s.path, s.weak])).toEqual([['version', 'ssl.minVersion', 'TLSv1']]);
  });

  it('reads the options root for libraries that take TLS options at the top (mongodb)', () => {
    const found = weakTlsSettings(mongodb, obj({ tls: lit(true), secureProtocol: lit('TLSv1_method'), ciphers: lit('RC4-SHA') }));
    expect(found.map((s) => [s.kind, s.path])).toEqual([
      ['method', 'secureProtocol'],
      ['cipher', 'ciphers'],
    ]);
  });

  it('reads mssql cryptoCredentialsDetails', () => {
    const found = weakTlsSettings(mssql, obj({ options: obj({ cryptoCredentialsDetails: obj({ minVersion: lit('TLSv1') }) }) }));
    expect(found.map((s) => s.path)).toEqual(['options.cryptoCredentialsDetails.minVersion']);
  });

  it('ignores options outside the bag and unknown values', () => {
    expect(weakTlsSettings(pg, obj({ minVersion: lit('TLSv1') }))).toEqual([]);
    expect(weakTlsSettings(pg, obj({ ssl: obj({ minVersion: { kind: 'unknown', node: 'x' } }) }))).toEqual([]);
    expect(weakTlsSettings(pg, obj({ ssl: obj({}, true) }))).toEqual([]);
  });

  it('judges both branches of a conditional', () => {
    const cond: Value<string> = { kind: 'conditional', test: 't', branches: [lit('TLSv1.2'), lit('TLSv1.1')], node: 'c' };
    const found = weakTlsSettings(pg, obj({ ssl: obj({ minVersion: cond }) }));
    expect(found.map((s) => [s.weak, s.node, s.propNode])).toEqual([['TLSv1.1', 'lit:TLSv1.1', undefined]]);
  });
});

describe('weakProcessDefault', () => {
  it('reports tls.DEFAULT_MIN_VERSION and DEFAULT_CIPHERS', () => {
    expect(weakProcessDefault('DEFAULT_MIN_VERSION', 'TLSv1')).toEqual({ kind: 'version', weak: 'TLSv1' });
    expect(weakProcessDefault('DEFAULT_MAX_VERSION', 'TLSv1.1')).toEqual({ kind: 'version', weak: 'TLSv1.1' });
    expect(weakProcessDefault('DEFAULT_CIPHERS', 'DEFAULT:RC4-SHA')).toEqual({ kind: 'cipher', weak: 'RC4-SHA' });
  });
  it('ignores safe values and other paths', () => {
    expect(weakProcessDefault('DEFAULT_MIN_VERSION', 'TLSv1.2')).toBeUndefined();
    expect(weakProcessDefault('DEFAULT_ECDH_CURVE', 'TLSv1')).toBeUndefined();
  });
});
