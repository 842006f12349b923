/**
 * SQL Server ADO.NET connection strings, as taken by `mssql` (`sql.connect('Server=...;...')`):
 * `Server=tcp:h,1433;Database=d;User Id=u;Password=p;Encrypt=false;TrustServerCertificate=true`.
 *
 * Grammar (SqlClient / `@tediousjs/connection-string`): `key=value` pairs separated by `;`; keys
 * are case-insensitive with surrounding whitespace ignored (a doubled `==` inside a key is a
 * literal `=`); values are unquoted (trimmed, up to the next `;`), or quoted with `'...'` or
 * `"..."` (a doubled quote escapes it) or ODBC braces `{...}` (a doubled `}}` escapes it).
 * Linear time, never throws.
 */
import { hasUrlScheme, parsePortText } from './url';

export interface AdoConnectionString {
  /**
   * Values by lower-cased canonical key: server, user, password, encrypt,
   * trustservercertificate, database; other keys lower-cased with whitespace collapsed.
   * The last occurrence wins.
   */
  params: Map<string, string>;
  /** From `server`: protocol prefix, `\instance` and `,port` removed; `.`/`(local)`/`(localdb)` become `localhost`. */
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  /** [start, end) of the password value in the text (inside any quotes). */
  passwordRange?: [number, number];
}

/** Alias (lower-case, single spaces) to canonical key. */
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['server', 'server'],
  ['data source', 'server'],
  ['address', 'server'],
  ['addr', 'server'],
  ['network address', 'server'],
  ['uid', 'user'],
  ['user id', 'user'],
  ['userid', 'user'],
  ['user', 'user'],
  ['username', 'user'],
  ['user name', 'user'],
  ['pwd', 'password'],
  ['password', 'password'],
  ['database', 'database'],
  ['initial catalog', 'database'],
  ['encrypt', 'encrypt'],
  ['trustservercertificate', 'trustservercertificate'],
  ['trust server certificate', 'trustservercertificate'],
]);

interface Pair {
  key: string;
  value: string;
  range: [number, number];
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
}

function isKeyChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x20 ||
    c === 0x09 ||
    c === 0x5f /* _ */ ||
    c === 0x2e /* . */ ||
    c === 0x2d /* - */ ||
    c === 0x3d /* = (escaped as ==) */
  );
}

/** Splits into pairs; undefined when any non-blank segment is not `key=value`. */
function tokenize(text: string): Pair[] | undefined {
  const pairs: Pair[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x3b /* ; */) {
      i++;
      continue;
    }
    // Key: up to a single '=' ('==' is an escaped '=').
    let key = '';
    let pieceStart = i;
    let found = false;
    while (i < n) {
      const k = text.charCodeAt(i);
      if (k === 0x3d) {
        if (text.charCodeAt(i + 1) === 0x3d) {
          key += text.slice(pieceStart, i + 1);
          i += 2;
          pieceStart = i;
          continue;
        }
        found = true;
        break;
      }
      if (k === 0x3b || !isKeyChar(k)) return undefined;
      i++;
    }
    if (!found) return undefined;
    key += text.slice(pieceStart, i);
    i++;
    let canonical = key.trim().toLowerCase();
    if (canonical.includes('  ') || canonical.includes('\t')) canonical = canonical.replace(/\s+/g, ' ');
    if (canonical === '') return undefined;

    while (i < n && isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3b) i++;
    const q = text.charCodeAt(i);
    let value: string;
    let range: [number, number];
    if (q === 0x27 /* ' */ || q === 0x22 /* " */ || q === 0x7b /* { */) {
      const close = q === 0x7b ? 0x7d : q;
      const open = i + 1;
      let j = open;
      let v = '';
      let pieceStart = open;
      let closed = false;
      while (j < n) {
        j = text.indexOf(String.fromCharCode(close), j);
        if (j === -1) {
          j = n;
          break;
        }
        if (text.charCodeAt(j + 1) === close) {
          v += text.slice(pieceStart, j + 1);
          j += 2;
          pieceStart = j;
          continue;
        }
        v += text.slice(pieceStart, j);
        closed = true;
        break;
      }
      if (!closed) return undefined;
      value = v;
      range = [open, j];
      i = j + 1;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i < n && text.charCodeAt(i) !== 0x3b) return undefined;
    } else {
      let j = i;
      while (j < n && text.charCodeAt(j) !== 0x3b) j++;
      let s = i;
      let e = j;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      value = text.slice(s, e);
      range = [s, e];
      i = j;
    }
    pairs.push({ key: KEY_ALIASES.get(canonical) ?? canonical, value, range });
  }
  return pairs;
}

const PROTOCOL_PREFIXES = ['tcp:', 'np:', 'lpc:', 'admin:'];

function parseServer(value: string): { host?: string; port?: number } {
  let s = value.trim();
  const lower = s.toLowerCase();
  for (const prefix of PROTOCOL_PREFIXES) {
    if (lower.startsWith(prefix)) {
      s = s.slice(prefix.length).trim();
      break;
    }
  }
  let port: number | undefined;
  const comma = s.lastIndexOf(',');
  if (comma !== -1) {
    port = parsePortText(s.slice(comma + 1).trim());
    s = s.slice(0, comma).trim();
  }
  const lowerHost = s.toLowerCase();
  if (lowerHost === '.' || lowerHost.startsWith('.\\') || lowerHost.startsWith('(local)') || lowerHost.startsWith('(localdb)')) {
    s = 'localhost';
  } else {
    const backslash = s.indexOf('\\');
    if (backslash !== -1) s = s.slice(0, backslash);
  }
  const out: { host?: string; port?: number } = {};
  if (s !== '') out.host = s;
  if (port !== undefined) out.port = port;
  return out;
}

/** Parse leniently; undefined when the text is not a `key=value;...` list at all. */
export function parseAdoConnectionString(text: string): AdoConnectionString | undefined {
  if (typeof text !== 'string' || hasUrlScheme(text) || !text.includes('=')) return undefined;
  const pairs = tokenize(text);
  if (!pairs || pairs.length === 0) return undefined;
  const result: AdoConnectionString = { params: new Map() };
  for (const pair of pairs) {
    result.params.delete(pair.key);
    result.params.set(pair.key, pair.value);
    if (pair.key === 'password') result.passwordRange = pair.range;
  }
  const server = result.params.get('server');
  if (server !== undefined) {
    const { host, port } = parseServer(server);
    if (host !== undefined) result.host = host;
    if (port !== undefined) result.port = port;
  }
  if (result.port === undefined) {
    const port = result.params.get('port');
    if (port !== undefined) {
      const n = parsePortText(port.trim());
      if (n !== undefined) result.port = n;
    }
  }
  const user = result.params.get('user');
  if (user !== undefined) result.user = user;
  const password = result.params.get('password');
  if (password !== undefined) result.password = password;
  return result;
}

/**
 * Has `key=value;` pairs with a server-ish key (`Server`, `Data Source`, `Address`, `Addr`,
 * `Network Address`): at least two pairs, or one pair followed by `;`.
 */
export function looksLikeAdoConnectionString(text: string): boolean {
  if (typeof text !== 'string' || !text.includes('=') || hasUrlScheme(text)) return false;
  const pairs = tokenize(text);
  if (!pairs || !pairs.some((p) => p.key === 'server')) return false;
  return pairs.length >= 2 || text.includes(';');
}
