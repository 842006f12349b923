import { describe, expect, it } from 'vitest';
import { hardcodedSecrets, implicitAccount, passwordInText, privilegedAccounts } from '../../src/policy/credentials';
import { HOLE } from '../../src/policy/value';
import { type V, lit, obj, env, template, entry } from '../harness/values';

describe('passwordInText', () => {
  it('finds URL and ADO passwords with their range, never placeholders', () => {
    const url = 'postgres://app:s3cret@db/app';
    const found = passwordInText(url)!;
    expect(found.kind).toBe('url-password');
    expect(url.slice(...found.range)).toBe('s3cret');
    const ado = 'Server=h;User Id=app;Password=pw1;';
    expect(ado.slice(...passwordInText(ado)!.range)).toBe('pw1');
    expect(passwordInText('postgres://app:<password>@db/app')).toBeUndefined();
    expect(passwordInText(`postgres://app:${HOLE}@db/app`)).toBeUndefined();
    expect(passwordInText('postgres://app:@db/app')).toBeUndefined();
    expect(passwordInText('postgres://app@db/app')).toBeUndefined();
    expect(passwordInText('hello world')).toBeUndefined();
  });
});

describe('hardcodedSecrets', () => {
  it('reads secret paths, URL userinfo and env defaults', () => {
    const options = obj({
      connectionString: template('postgres://app:pw@', env('DB_HOST'), '/app'),
      password: env('PGPASSWORD', lit('root', 'fb')),
    });
    const found = hardcodedSecrets(entry('pg'), options);
    expect(found.map((f) => [f.where, f.kind, f.node, f.envFallback?.name])).toEqual([
      ['password', 'option', 'fb', 'PGPASSWORD'],
      ['connectionString', 'url-password', 'tpl', undefined],
    ]);
  });

  it('never carries the secret text', () => {
    const found = hardcodedSecrets(entry('pg'), obj({ password: lit('hunter2', 'n') }));
    expect(JSON.stringify(found)).not.toContain('hunter2');
  });

  it('skips placeholders, empty values and unknowns', () => {
    for (const value of [lit(''), lit('<password>'), lit('YOUR_PASSWORD'), lit('***'), env('PGPASSWORD'), env('PGPASSWORD', lit('')), { kind: 'unknown', node: 'u' } as V]) {
      expect(hardcodedSecrets(entry('pg'), obj({ password: value }))).toEqual([]);
    }
  });
});

describe('privilegedAccounts', () => {
  it('matches user paths and URL usernames against the catalog list', () => {
    const options = obj({ user: lit('postgres', 'u'), connectionString: lit('postgres://rdsadmin@db/app', 'url') });
    expect(privilegedAccounts(entry('pg'), options, 'call').map((f) => [f.where, f.kind, f.account])).toEqual([
      ['user', 'option', 'postgres'],
      ['connectionString', 'url-username', 'rdsadmin'],
    ]);
    expect(privilegedAccounts(entry('pg'), options, 'call', ['postgres', 'rdsadmin'])).toEqual([]);
  });

  it('does not match names that merely contain a privileged one', () => {
    expect(privilegedAccounts(entry('pg'), obj({ user: lit('postgres_app') }), 'call')).toEqual([]);
  });
});

describe('implicitAccount (amqplib guest)', () => {
  const amqp = entry('amqplib');
  it('a remote literal URL without userinfo logs in as guest', () => {
    expect(implicitAccount(amqp, obj({ url: lit('amqps://rabbit.example.com') }), 'call')?.account).toBe('guest');
    expect(implicitAccount(amqp, obj({ hostname: lit('rabbit.example.com') }), 'call')?.account).toBe('guest');
  });
  it('is silent for loopback, userinfo, credentials, env and unknown options', () => {
    expect(implicitAccount(amqp, obj({ url: lit('amqp://localhost') }), 'call')).toBeUndefined();
    expect(implicitAccount(amqp, obj({ url: lit('amqps://app:pw@rabbit.example.com') }), 'call')).toBeUndefined();
    expect(implicitAccount(amqp, obj({ url: lit('amqps://rabbit.example.com'), socket: obj({ credentials: { kind: 'unknown', node: 'c' } }) }), 'call')).toBeUndefined();
    expect(implicitAccount(amqp, obj({ url: lit('amqps://rabbit.example.com'), socket: { kind: 'unknown', node: 's' } }), 'call')).toBeUndefined();
    expect(implicitAccount(amqp, obj({ url: env('AMQP_URL') }), 'call')).toBeUndefined();
    expect(implicitAccount(amqp, obj({ url: lit('amqps://rabbit.example.com') }, true), 'call')).toBeUndefined();
    expect(implicitAccount(entry('pg'), obj({ host: lit('db.example.com') }), 'call')).toBeUndefined();
  });
});
