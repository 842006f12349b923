import { describe, it, expect } from 'vitest';
import { HOLE } from '../../src/policy/value';
import { isPlaceholderSecret, redact } from '../../src/policy/secrets';

describe('isPlaceholderSecret', () => {
  it.each([
    '',
    ' ',
    '\t\n',
    HOLE,
    `pre${HOLE}`,
    '<password>',
    '<your password>',
    '<DB_PASSWORD>',
    '${PASSWORD}',
    '${ DB_PASSWORD }',
    '$PASSWORD',
    '$DB_PASS',
    '$(cat /run/secrets/db)',
    '%DB_PASSWORD%',
    '{{ password }}',
    '{{secrets.DB_PASSWORD}}',
    '<%= password %>',
    '#{password}',
    '%s',
    '%(password)s',
    '__DB_PASSWORD__',
    '@@PASSWORD@@',
    '[PASSWORD]',
    '[your password]',
    '***',
    '********',
    'xxx',
    'XXXXXXXX',
    'xxxx-xxxx-xxxx',
    '...',
    '…',
    '••••••',
    '----',
    '???',
    'YOUR_PASSWORD',
    'your_password',
    'yourpassword',
    'YourPassword',
    'your-password-here',
    'your password here',
    'YOUR_DB_PASSWORD',
    'your_secret_key',
    'password_here',
    'PASSWORD-HERE',
    'put-your-password-here',
    'secret here',
    'REPLACE_ME',
    'replace-me',
    'replaceme',
    'replace_with_real_password',
    'INSERT_PASSWORD_HERE',
    'insert password',
    'enter_password',
    'TODO',
    'todo',
    'TBD',
    'FIXME',
    'placeholder',
    'PLACEHOLDER',
    'redacted',
    '[redacted]',
    'none',
    'null',
    'undefined',
    'n/a',
    'N/A',
    'dummy',
    'fake',
    'process.env.DB_PASSWORD',
    "process.env['DB_PASSWORD']",
    'import.meta.env.VITE_DB_PASSWORD',
    'env.DB_PASSWORD',
    'DB_PASSWORD',
    'SMTP_PASS',
    'REDIS_AUTH_TOKEN',
    'MY_SECRET',
    // ALL-CAPS words, as labelling.md reads them: a word where the value goes.
    'PASSWORD',
    'CHANGEME',
    'S3RVER',
    'DB_HOST',
  ])('placeholder: %j', (text) => {
    expect(isPlaceholderSecret(text)).toBe(true);
  });

  it.each([
    // Real, if weak, passwords: reported on purpose (see the module comment).
    'changeme',
    'change_me',
    'change-me',
    'changeit',
    'password',
    'Password',
    'password123',
    // Capitals with as many digits as letters are a weak password, not a word.
    'ABC123',
    'AB12CD34',
    'secret',
    'admin',
    'root',
    'guest',
    'test',
    'postgres',
    'mysecretpassword',
    'hunter2',
    's3cr3t!',
    'P@ssw0rd',
    'correct horse battery staple',
    'x9Kq2mLr8ZpT',
    'xyz',
    '*abc*',
    'todo-list-app-pw',
    'minioadmin',
    'here',
    'your',
  ])('real: %j', (text) => {
    expect(isPlaceholderSecret(text)).toBe(false);
  });

  it('does not choke on huge input', () => {
    expect(isPlaceholderSecret('a'.repeat(1024 * 1024))).toBe(false);
    expect(isPlaceholderSecret('<'.repeat(1024 * 1024))).toBe(false);
    expect(isPlaceholderSecret('${'.repeat(512 * 1024))).toBe(false);
  });
});

describe('redact', () => {
  const secrets = [
    'hunter2',
    'p@ss:word',
    'a',
    '',
    ' ',
    'correct horse battery staple',
    'ünïcödé-🔑',
    '****',
    '*',
    HOLE,
    'x'.repeat(10_000),
    '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ];

  it.each(secrets)('never leaks %j', (secret) => {
    const out = redact(secret);
    // The output is the same whatever the input, so it carries no information about it.
    expect(out).toBe(redact('something else entirely'));
    expect(out.length).toBeGreaterThan(0);
    for (const ch of new Set(secret)) {
      if (ch !== '*') expect(out).not.toContain(ch);
    }
    if (secret.length > 1 && secret !== '****') expect(out).not.toContain(secret);
  });

  it('does not reveal length', () => {
    expect(redact('a')).toBe(redact('a'.repeat(100)));
  });
});
