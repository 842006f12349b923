import { describe, it, expect } from 'vitest';
import { HOLE } from '../../src/policy/value';
import { hasUrlScheme, parseServiceUrl, percentDecode, parsePortText, queryOfUnknownUrl, type ServiceUrl } from '../../src/policy/url';

function parse(text: string): ServiceUrl {
  const url = parseServiceUrl(text);
  if (!url) throw new Error(`did not parse: ${JSON.stringify(text)}`);
  return url;
}

describe('hasUrlScheme', () => {
  it.each([
    'postgres://h',
    'mongodb+srv://cluster0.example.net',
    'kafka+ssl://b:9096',
    'REDISS://h',
    'x-y.z://h',
    'redis://',
    `redis://${HOLE}`,
  ])('accepts %j', (text) => {
    expect(hasUrlScheme(text)).toBe(true);
  });

  it.each([
    '',
    'localhost:6379',
    '://h',
    '1redis://h',
    'redis:/h',
    'redis:h',
    ' redis://h',
    'Server=h;Database=d',
    `${HOLE}://h`,
    'jdbc:postgresql://h/db',
    're dis://h',
  ])('rejects %j', (text) => {
    expect(hasUrlScheme(text)).toBe(false);
    expect(parseServiceUrl(text)).toBeUndefined();
  });
});

describe('parseServiceUrl: every scheme from the client reference', () => {
  const cases: Array<[string, string, string, number | undefined]> = [
    ['postgres://u:p@db.example.com:5432/app', 'postgres', 'db.example.com', 5432],
    ['postgresql://u:p@db.example.com/app?sslmode=verify-full', 'postgresql', 'db.example.com', undefined],
    ['mysql://root:pw@mysql.example.com:3306/app', 'mysql', 'mysql.example.com', 3306],
    ['mariadb://u:p@maria.example.com/app', 'mariadb', 'maria.example.com', undefined],
    ['mongodb://u:p@m1.example.com:27017/app?tls=true', 'mongodb', 'm1.example.com', 27017],
    ['mongodb+srv://u:p@cluster0.abcde.mongodb.net/app?retryWrites=true', 'mongodb+srv', 'cluster0.abcde.mongodb.net', undefined],
    ['redis://:pw@cache.example.com:6379/0', 'redis', 'cache.example.com', 6379],
    ['rediss://default:pw@cache.example.com:6380', 'rediss', 'cache.example.com', 6380],
    ['REDISS://cache.example.com:6380', 'rediss', 'cache.example.com', 6380],
    ['amqp://guest:guest@localhost:5672', 'amqp', 'localhost', 5672],
    ['amqps://u:p@rabbit.example.com/vhost', 'amqps', 'rabbit.example.com', undefined],
    ['kafka+ssl://b-1.kafka.example.com:9096', 'kafka+ssl', 'b-1.kafka.example.com', 9096],
    ['smtp://u:p@smtp.example.com:587', 'smtp', 'smtp.example.com', 587],
    ['smtps://u:p@smtp.example.com:465', 'smtps', 'smtp.example.com', 465],
    ['ldap://ldap.example.com:389', 'ldap', 'ldap.example.com', 389],
    ['ldaps://ldap.example.com:636', 'ldaps', 'ldap.example.com', 636],
    ['nats://nats.example.com:4222', 'nats', 'nats.example.com', 4222],
    ['tls://nats.example.com:4222', 'tls', 'nats.example.com', 4222],
    ['http://es.example.com:9200', 'http', 'es.example.com', 9200],
    ['https://elastic:pw@es.example.com', 'https', 'es.example.com', undefined],
    ['ws://relay.example.com/socket', 'ws', 'relay.example.com', undefined],
    ['wss://relay.example.com:443/socket', 'wss', 'relay.example.com', 443],
    ['sqlserver://sql.example.com:1433;database=app', 'sqlserver', 'sql.example.com', 1433],
    ['mssql://sa:pw@sql.example.com:1433/app', 'mssql', 'sql.example.com', 1433],
  ];
  it.each(cases)('%s', (text, scheme, host, port) => {
    const url = parse(text);
    expect(url.scheme).toBe(scheme);
    expect(url.raw).toBe(text);
    expect(url.schemeRaw).toBe(text.slice(0, text.indexOf(':')));
    expect(url.schemeRange).toEqual([0, text.indexOf(':')]);
    expect(url.hosts[0]?.host).toBe(host);
    expect(url.hosts[0]?.port).toBe(port);
    expect(url.hosts[0]?.dynamic).toBe(false);
    expect(url.dynamicAuthority).toBe(false);
  });

  it('keeps the scheme as written (ioredis is case-sensitive)', () => {
    expect(parse('REDISS://h').schemeRaw).toBe('REDISS');
    expect(parse('REDISS://h').scheme).toBe('rediss');
    expect(parse('Rediss://h').schemeRaw).toBe('Rediss');
  });
});

describe('parseServiceUrl: userinfo', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['postgres://alice:s3cret@h/db', 'alice', 's3cret'],
    ['redis://:pw@h', undefined, 'pw'],
    ['redis://user@h', 'user', undefined],
    ['redis://user:@h', 'user', ''],
    ['postgres://u:p%40ss%3Aword@h/db', 'u', 'p@ss:word'],
    ['postgres://us%40er:p%2Fw@h/db', 'us@er', 'p/w'],
    ['postgres://u:p@ss@h/db', 'u', 'p@ss'], // unencoded '@': the last '@' ends the userinfo
    ['postgres://u:pa:ss@h/db', 'u', 'pa:ss'], // unencoded ':' after the first
    ['postgres://u:pa/ss@h/db', 'u', 'pa/ss'], // unencoded '/'
    ['postgres://u:pa#ss@h/db', 'u', 'pa#ss'], // unencoded '#'
    ['postgres://u:pa?ss@h/db', 'u', 'pa?ss'], // unencoded '?'
    ['postgres://u:100%@h/db', 'u', '100%'], // malformed escape kept as written
    ['postgres://u:%E2%82%AC@h/db', 'u', '€'],
    ['postgres://u:%ZZ%41@h/db', 'u', '%ZZA'],
  ])('%s', (text, username, password) => {
    const url = parse(text);
    expect(url.username).toBe(username);
    expect(url.password).toBe(password);
    if (password === undefined) expect(url.passwordRange).toBeUndefined();
    else {
      const [start, end] = url.passwordRange!;
      expect(percentDecode(text.slice(start, end))).toBe(password);
    }
  });

  it('gives the exact password range for reports and rewrites', () => {
    const text = 'mongodb://admin:hunter2@m1:27017,m2:27018/app';
    const url = parse(text);
    expect(url.passwordRange).toEqual([text.indexOf('hunter2'), text.indexOf('hunter2') + 7]);
    expect(text.slice(...url.passwordRange!)).toBe('hunter2');
  });

  it('an @ in the path is not userinfo', () => {
    const url = parse('http://h.example.com/a@b');
    expect(url.username).toBeUndefined();
    expect(url.hosts).toEqual([{ host: 'h.example.com', dynamic: false }]);
    expect(url.path).toBe('/a@b');
  });

  it('a real port and a later @ do not make userinfo', () => {
    const url = parse('http://h.example.com:8080/x@y');
    expect(url.username).toBeUndefined();
    expect(url.hosts[0]).toEqual({ host: 'h.example.com', port: 8080, dynamic: false });
  });
});

describe('parseServiceUrl: holes', () => {
  it('hole as host', () => {
    const url = parse(`redis://${HOLE}:6379`);
    expect(url.hosts).toEqual([{ host: HOLE, port: 6379, dynamic: true }]);
    expect(url.dynamicAuthority).toBe(true);
  });

  it('hole as port keeps the host static', () => {
    const url = parse(`redis://localhost:${HOLE}/0`);
    expect(url.hosts).toEqual([{ host: 'localhost', dynamic: false }]);
    expect(url.dynamicAuthority).toBe(true);
    expect(url.path).toBe('/0');
  });

  it('hole in part of a host name', () => {
    const url = parse(`postgres://u:p@${HOLE}.db.example.com/app`);
    expect(url.hosts[0]).toEqual({ host: `${HOLE}.db.example.com`, dynamic: true });
  });

  it('hole as password', () => {
    const text = `postgres://app:${HOLE}@db.example.com/app`;
    const url = parse(text);
    expect(url.password).toBe(HOLE);
    expect(url.username).toBe('app');
    expect(text.slice(...url.passwordRange!)).toBe(HOLE);
    expect(url.dynamicAuthority).toBe(true);
    expect(url.hosts[0]?.dynamic).toBe(false);
  });

  it('hole as user and password', () => {
    const url = parse(`amqps://${HOLE}:${HOLE}@rabbit.example.com`);
    expect(url.username).toBe(HOLE);
    expect(url.password).toBe(HOLE);
    expect(url.hosts[0]?.host).toBe('rabbit.example.com');
  });

  it('hole as the whole authority', () => {
    const url = parse(`mongodb://${HOLE}/app?tls=true`);
    expect(url.hosts).toEqual([{ host: HOLE, dynamic: true }]);
    expect(url.path).toBe('/app');
    expect(url.params.get('tls')).toBe('true');
  });

  it('hole in path and query', () => {
    const url = parse(`postgres://db.example.com/${HOLE}?sslmode=${HOLE}`);
    expect(url.dynamicAuthority).toBe(false);
    expect(url.path).toBe(`/${HOLE}`);
    expect(url.params.get('sslmode')).toBe(HOLE);
  });

  it('hole for the whole rest', () => {
    const url = parse(`redis://${HOLE}`);
    expect(url.hosts).toEqual([{ host: HOLE, dynamic: true }]);
  });

  it('hole after the scheme separator before an @', () => {
    const url = parse(`redis://${HOLE}@cache.example.com`);
    expect(url.username).toBe(HOLE);
    expect(url.password).toBeUndefined();
    expect(url.hosts[0]?.host).toBe('cache.example.com');
  });
});

describe('parseServiceUrl: hosts', () => {
  it('multi-host mongodb', () => {
    const url = parse('mongodb://a:1,b:2,c/db?replicaSet=rs0');
    expect(url.hosts).toEqual([
      { host: 'a', port: 1, dynamic: false },
      { host: 'b', port: 2, dynamic: false },
      { host: 'c', dynamic: false },
    ]);
    expect(url.path).toBe('/db');
    expect(url.params.get('replicaset')).toBe('rs0');
  });

  it('multi-host postgres.js', () => {
    const url = parse('postgres://u:p@h1:5432,h2:5433/db');
    expect(url.hosts.map((h) => `${h.host}:${h.port}`)).toEqual(['h1:5432', 'h2:5433']);
    expect(url.password).toBe('p');
  });

  it.each<[string, Array<{ host: string; port?: number }>]>([
    ['postgres://[::1]:5432/db', [{ host: '::1', port: 5432 }]],
    ['redis://[::1]', [{ host: '::1' }]],
    ['mongodb://[fe80::1]:27017,[::1]:27018', [{ host: 'fe80::1', port: 27017 }, { host: '::1', port: 27018 }]],
    ['postgres://u:p@[2001:db8::10]:5432', [{ host: '2001:db8::10', port: 5432 }]],
    ['postgres://[fe80::1%25eth0]:5432', [{ host: 'fe80::1%eth0', port: 5432 }]],
    ['redis://::1', [{ host: '::1' }]],
    ['redis://[::1', [{ host: '::1' }]],
  ])('IPv6 %s', (text, hosts) => {
    expect(parse(text).hosts.map(({ host, port }) => (port === undefined ? { host } : { host, port }))).toEqual(hosts);
  });

  it('skips empty hosts', () => {
    expect(parse('mongodb://a,,b,').hosts.map((h) => h.host)).toEqual(['a', 'b']);
    expect(parse('redis://:pw@').hosts).toEqual([]);
    expect(parse('postgres:///db').hosts).toEqual([]);
    expect(parse('redis://').hosts).toEqual([]);
  });

  it('decodes a socket path host', () => {
    expect(parse('postgres://%2Fvar%2Frun%2Fpostgresql/db').hosts[0]?.host).toBe('/var/run/postgresql');
  });

  it('ignores an invalid port', () => {
    expect(parse('redis://h:99999').hosts[0]).toEqual({ host: 'h', dynamic: false });
    expect(parse('redis://h:').hosts[0]).toEqual({ host: 'h', dynamic: false });
  });

  it('keeps the host case as written', () => {
    expect(parse('redis://Cache.Example.COM').hosts[0]?.host).toBe('Cache.Example.COM');
  });
});

describe('parseServiceUrl: path and params', () => {
  it('missing path', () => {
    const url = parse('redis://h:6379');
    expect(url.path).toBe('');
    expect(url.params.size).toBe(0);
  });

  it('query without path', () => {
    const url = parse('mongodb://h?tls=true');
    expect(url.path).toBe('');
    expect(url.params.get('tls')).toBe('true');
  });

  it('lower-cases keys, decodes values, last wins', () => {
    const url = parse('postgres://h/db?SSLMode=require&sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem&app=a+b&flag&=x');
    expect(url.params.get('sslmode')).toBe('verify-full');
    expect(url.params.get('sslrootcert')).toBe('/etc/ca.pem');
    expect(url.params.get('app')).toBe('a b');
    expect(url.params.get('flag')).toBe('');
    expect([...url.params.keys()]).toEqual(['sslmode', 'sslrootcert', 'app', 'flag']);
  });

  it('nodemailer dotted params', () => {
    const url = parse('smtp://u:p@smtp.example.com:587/?tls.rejectUnauthorized=false');
    expect(url.params.get('tls.rejectunauthorized')).toBe('false');
    expect(url.path).toBe('/');
  });

  it('stops at the fragment', () => {
    const url = parse('mongodb://h/db?tls=false#tls=true');
    expect(url.params.get('tls')).toBe('false');
  });

  it('stops at whitespace', () => {
    const url = parse('redis://h:6379 is the default');
    expect(url.hosts[0]).toEqual({ host: 'h', port: 6379, dynamic: false });
    expect(url.path).toBe('');
  });

  it('mongodb+srv with tls=false', () => {
    const url = parse('mongodb+srv://u:p@cluster0.example.net/?tls=false');
    expect(url.scheme).toBe('mongodb+srv');
    expect(url.params.get('tls')).toBe('false');
  });
});

describe('parseServiceUrl: Prisma sqlserver properties', () => {
  it('reads ;key=value properties as params and credentials', () => {
    const text = 'sqlserver://sql.example.com:1433;database=app;user=sa;password=s3cret;encrypt=true;trustServerCertificate=true';
    const url = parse(text);
    expect(url.hosts).toEqual([{ host: 'sql.example.com', port: 1433, dynamic: false }]);
    expect(url.path).toBe('');
    expect(url.params.get('database')).toBe('app');
    expect(url.params.get('encrypt')).toBe('true');
    expect(url.params.get('trustservercertificate')).toBe('true');
    expect(url.username).toBe('sa');
    expect(url.password).toBe('s3cret');
    expect(text.slice(...url.passwordRange!)).toBe('s3cret');
  });

  it('handles braced values with ; / ? and }}', () => {
    const text = 'sqlserver://h;password={a;b/c?d}}e};username=app;encrypt=false';
    const url = parse(text);
    expect(url.password).toBe('a;b/c?d}e');
    expect(text.slice(...url.passwordRange!)).toBe('a;b/c?d}}e');
    expect(url.username).toBe('app');
    expect(url.params.get('encrypt')).toBe('false');
  });

  it('tolerates junk and unterminated braces', () => {
    expect(parse('sqlserver://h;;junk;=x;pwd={open').password).toBe('open');
    expect(parse('sqlserver://h;').hosts[0]?.host).toBe('h');
    expect(parse(`sqlserver://${HOLE};password=${HOLE}`).password).toBe(HOLE);
  });

  it('is specific to sqlserver', () => {
    const url = parse('postgres://h:5432;x=y/db');
    expect(url.params.size).toBe(0);
    expect(url.hosts[0]?.port).toBeUndefined();
  });
});

describe('parsePortText', () => {
  it.each<[string, number | undefined]>([
    ['0', 0],
    ['6379', 6379],
    ['65535', 65535],
    ['65536', undefined],
    ['', undefined],
    ['123456', undefined],
    ['12a', undefined],
    ['-1', undefined],
  ])('%j', (text, port) => {
    expect(parsePortText(text)).toBe(port);
  });
});

describe('parseServiceUrl: pathological inputs', () => {
  const MB = 1024 * 1024;
  it.each<[string, () => string]>([
    ['1 MB of letters', () => 'a'.repeat(MB)],
    ['1 MB scheme without ://', () => 'a'.repeat(MB) + ':/'],
    ['1 MB host', () => 'redis://' + 'a'.repeat(MB)],
    ['100k commas', () => 'mongodb://' + ','.repeat(100_000)],
    ['100k hosts', () => 'mongodb://' + 'h:1,'.repeat(100_000) + '/db'],
    ['1 MB of @', () => 'redis://' + '@'.repeat(MB)],
    ['1 MB of :', () => 'redis://' + ':'.repeat(MB)],
    ['1 MB of [', () => 'redis://' + '['.repeat(MB)],
    ['1 MB of %', () => 'postgres://u:' + '%'.repeat(MB) + '@h'],
    ['1 MB of %zz', () => 'postgres://u:' + '%zz'.repeat(MB / 3) + '@h'],
    ['1 MB of %e2', () => 'postgres://u:' + '%e2'.repeat(MB / 3) + '@h'],
    ['1 MB query', () => 'postgres://h/db?' + 'a=b&'.repeat(MB / 4)],
    ['1 MB of holes', () => 'redis://' + HOLE.repeat(MB)],
    ['user:pass without @, 1 MB path', () => 'postgres://u:p/' + 'x/'.repeat(MB / 2)],
    ['1 MB of /', () => 'redis://' + '/'.repeat(MB)],
    ['sqlserver 100k properties', () => 'sqlserver://h' + ';a=b'.repeat(100_000)],
    ['sqlserver 1 MB of {', () => 'sqlserver://h;password=' + '{'.repeat(MB)],
    ['sqlserver 1 MB of }}', () => 'sqlserver://h;password={' + '}}'.repeat(MB / 2)],
    ['sqlserver 1 MB of ;', () => 'sqlserver://h' + ';'.repeat(MB)],
  ])('%s', (_name, make) => {
    const text = make();
    const url = parseServiceUrl(text);
    expect(url === undefined || url.raw === text).toBe(true);
    expect(hasUrlScheme(text)).toBe(url !== undefined);
  });

  it('never throws on odd strings', () => {
    const odd = ['redis://]', 'redis://[]', 'redis://[:', 'x://@', 'x://:@', 'x://@@@', 'x://a:b:c@d:e:f', 'x://%', 'x://?', 'x://#', 'x://?&&=&'];
    for (const text of odd) expect(() => parseServiceUrl(text)).not.toThrow();
  });
});

describe('queryOfUnknownUrl', () => {
  it('reads the written query after a URL that is unknown from its start', () => {
    expect(queryOfUnknownUrl(`${HOLE}?sslmode=no-verify&application_name=api`)).toEqual(
      new Map([
        ['sslmode', 'no-verify'],
        ['application_name', 'api'],
      ]),
    );
    expect(queryOfUnknownUrl(`${HOLE}/app?SSL=true#frag`)).toEqual(new Map([['ssl', 'true']]));
  });

  it('reads nothing from a known start, an unknown query or no parameters', () => {
    expect(queryOfUnknownUrl('postgres://h/db?sslmode=disable')).toBeUndefined();
    expect(queryOfUnknownUrl(`${HOLE}?sslmode=${HOLE}`)).toBeUndefined();
    expect(queryOfUnknownUrl(`${HOLE}?`)).toBeUndefined();
    expect(queryOfUnknownUrl(HOLE)).toBeUndefined();
  });
});
