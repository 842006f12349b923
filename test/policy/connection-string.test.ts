import { describe, it, expect } from 'vitest';
import { HOLE } from '../../src/policy/value';
import { looksLikeAdoConnectionString, parseAdoConnectionString, type AdoConnectionString } from '../../src/policy/connection-string';

function parse(text: string): AdoConnectionString {
  const result = parseAdoConnectionString(text);
  if (!result) throw new Error(`did not parse: ${JSON.stringify(text)}`);
  return result;
}

describe('parseAdoConnectionString', () => {
  it('parses the canonical example', () => {
    const text = 'Server=tcp:sql.example.com,1433;Database=app;User Id=appuser;Password=p@ss;Encrypt=false;TrustServerCertificate=true';
    const cs = parse(text);
    expect(cs.host).toBe('sql.example.com');
    expect(cs.port).toBe(1433);
    expect(cs.user).toBe('appuser');
    expect(cs.password).toBe('p@ss');
    expect(text.slice(...cs.passwordRange!)).toBe('p@ss');
    expect(cs.params.get('database')).toBe('app');
    expect(cs.params.get('encrypt')).toBe('false');
    expect(cs.params.get('trustservercertificate')).toBe('true');
  });

  it.each<[string, string]>([
    ['Server', 'server'],
    ['SERVER', 'server'],
    ['Data Source', 'server'],
    ['data  source', 'server'],
    ['Address', 'server'],
    ['Addr', 'server'],
    ['Network Address', 'server'],
    ['UID', 'user'],
    ['User ID', 'user'],
    ['user id', 'user'],
    ['User', 'user'],
    ['PWD', 'password'],
    ['Password', 'password'],
    ['Initial Catalog', 'database'],
    ['Database', 'database'],
    ['Encrypt', 'encrypt'],
    ['TrustServerCertificate', 'trustservercertificate'],
    ['Trust Server Certificate', 'trustservercertificate'],
    ['Application Name', 'application name'],
  ])('key alias %j → %s', (key, canonical) => {
    const cs = parse(`${key}=value;Other=1`);
    expect(cs.params.get(canonical)).toBe('value');
  });

  it.each<[string, string | undefined, number | undefined]>([
    ['Server=tcp:h.example.com,1433', 'h.example.com', 1433],
    ['Server=h.example.com', 'h.example.com', undefined],
    ['Server=h.example.com\\SQLEXPRESS', 'h.example.com', undefined],
    ['Server=h\\INST,1500', 'h', 1500],
    ['Server=np:\\\\h\\pipe\\sql\\query', undefined, undefined],
    ['Server=.', 'localhost', undefined],
    ['Server=.\\SQLEXPRESS', 'localhost', undefined],
    ['Server=(local)', 'localhost', undefined],
    ['Server=(localdb)\\MSSQLLocalDB', 'localhost', undefined],
    ['Data Source=10.0.0.5,1433', '10.0.0.5', 1433],
    ['Server=TCP:myserver.database.windows.net,1433', 'myserver.database.windows.net', 1433],
    [`Server=${HOLE},1433`, HOLE, 1433],
    [`Server=sql.example.com,${HOLE}`, 'sql.example.com', undefined],
    ['Server=h;Port=1500', 'h', 1500],
  ])('server %j', (text, host, port) => {
    const cs = parse(text);
    expect(cs.host).toBe(host);
    expect(cs.port).toBe(port);
  });

  it.each<[string, string]>([
    ["Password='a;b'", 'a;b'],
    ["Password='it''s'", "it's"],
    ['Password="a;b"', 'a;b'],
    ['Password="say ""hi"""', 'say "hi"'],
    ['Password={a;b}', 'a;b'],
    ['Password={a}}b}', 'a}b'],
    ['Password=  spaced out  ', 'spaced out'],
    ['Password=', ''],
    ['PWD=x=y', 'x=y'],
    [`Password=${HOLE}`, HOLE],
  ])('value %j', (text, password) => {
    const full = `Server=h;${text};Database=d`;
    const cs = parse(full);
    expect(cs.password).toBe(password);
    const [start, end] = cs.passwordRange!;
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThanOrEqual(start);
    if (!text.includes("''") && !text.includes('""') && !text.includes('}}')) {
      expect(full.slice(start, end)).toBe(password);
    }
  });

  it('the last key wins and the range follows it', () => {
    const text = 'Server=h;Password=first;Pwd=second';
    const cs = parse(text);
    expect(cs.password).toBe('second');
    expect(text.slice(...cs.passwordRange!)).toBe('second');
  });

  it('handles an escaped = in a key', () => {
    expect(parse('Server=h;a==b=c').params.get('a=b')).toBe('c');
  });

  it('tolerates whitespace and empty segments', () => {
    const cs = parse('  Server = h ;; ;User Id = u ;  ');
    expect(cs.host).toBe('h');
    expect(cs.user).toBe('u');
  });

  it.each([
    '',
    'just text',
    'Server',
    'Server=h;garbage',
    "Password='unterminated",
    "Password='a' trailing;Server=h",
    '=value',
    'postgres://u:p@h/db?a=b',
    'a<b=c',
    'x = 1; y',
    `${HOLE}=h`,
  ])('rejects %j', (text) => {
    expect(parseAdoConnectionString(text)).toBeUndefined();
    expect(looksLikeAdoConnectionString(text)).toBe(false);
  });
});

describe('looksLikeAdoConnectionString', () => {
  it.each([
    'Server=h;Database=d',
    'Server=h;',
    'Data Source=h,1433;Initial Catalog=d;Integrated Security=true',
    'Address=h;UID=u;PWD=p',
    'Addr=h;Encrypt=true',
    'Network Address=h;User=u',
    `Server=${HOLE};Database=d`,
  ])('accepts %j', (text) => {
    expect(looksLikeAdoConnectionString(text)).toBe(true);
  });

  it.each([
    'Server=h',
    'Database=d;User Id=u;Password=p',
    'host=h port=5432 dbname=d',
    'a=b;c=d',
    'mssql://sa:pw@h/db',
    'sqlserver://h;database=d',
  ])('rejects %j', (text) => {
    expect(looksLikeAdoConnectionString(text)).toBe(false);
  });

  it('is linear on pathological inputs', () => {
    const MB = 1024 * 1024;
    const inputs = [
      'Server=h;' + 'a=b;'.repeat(MB / 4),
      'Server=' + 'x'.repeat(MB),
      "Password='" + "''".repeat(MB / 2),
      'Server=h;Password={' + '}}'.repeat(MB / 2) + '}',
      ';'.repeat(MB),
      '='.repeat(MB),
      ' '.repeat(MB) + 'x',
      'Server=h;' + 'k'.repeat(MB),
    ];
    for (const text of inputs) {
      expect(() => looksLikeAdoConnectionString(text)).not.toThrow();
      expect(() => parseAdoConnectionString(text)).not.toThrow();
    }
  });
});
