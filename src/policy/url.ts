/**
 * Lenient, linear-time parsing of backing-service URLs (`postgres://u:p@h:5432/db?sslmode=...`).
 *
 * The WHATWG `URL` class is deliberately not used: it rejects multi-host authorities
 * (`mongodb://a:1,b:2`), unencoded `@` in passwords, and template holes, and it lower-cases the
 * scheme (ioredis checks `rediss://` case-sensitively). Every scan here is a single pass with
 * `indexOf`-style loops, so megabyte inputs are cheap.
 */
import { HOLE } from './value';

export interface UrlHost {
  /** Host as written, without IPv6 brackets and percent-decoded (`/var/run/postgresql`). */
  host: string;
  /** Numeric port when written as digits; undefined when absent or dynamic. */
  port?: number;
  /** The host name (not only the port) contains HOLE. */
  dynamic: boolean;
}

export interface ServiceUrl {
  raw: string;
  /** lower-case scheme without ':' */
  scheme: string;
  /** scheme exactly as written (ioredis checks `rediss://` case-sensitively) */
  schemeRaw: string;
  /** percent-decoded; undefined when empty or absent */
  username?: string;
  /** percent-decoded; never printed by callers; `''` for `user:@host` */
  password?: string;
  /** [start, end) offsets of the password inside raw, for precise reports/rewrites */
  passwordRange?: [number, number];
  /** [start, end) offsets of the scheme inside raw */
  schemeRange: [number, number];
  /** `mongodb://a:1,b:2,c/db` gives three; `redis://:pw@h` one; `redis://` none */
  hosts: UrlHost[];
  /** '/db' ('' if none); not decoded */
  path: string;
  /** query params, keys lower-cased, values percent-decoded; last one wins */
  params: Map<string, string>;
  /** the authority (userinfo or host) contains HOLE */
  dynamicAuthority: boolean;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isSchemeChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 0x2b /* + */ || c === 0x2e /* . */ || c === 0x2d /* - */;
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b;
}

/** Offset of the ':' ending the scheme when `text` starts with `scheme://`, else -1. */
function schemeEnd(text: string): number {
  if (text.length < 4 || !isAsciiLetter(text.charCodeAt(0))) return -1;
  let i = 1;
  while (i < text.length && isSchemeChar(text.charCodeAt(i))) i++;
  return text.startsWith('://', i) ? i : -1;
}

/** Cheap test before any parsing: `scheme://` at the start (letters, digits, + . -). */
export function hasUrlScheme(text: string): boolean {
  return typeof text === 'string' && schemeEnd(text) !== -1;
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Percent-decode leniently: malformed escapes and invalid UTF-8 are kept as written instead of
 * throwing. With `plus`, `+` means a space (query strings, as URLSearchParams does).
 */
export function percentDecode(text: string, plus = false): string {
  let s = plus && text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    s = s.replace(PERCENT_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    return s;
  }
}

/** Digits only, at most 5 of them, at most 65535. */
export function parsePortText(text: string): number | undefined {
  if (text.length === 0 || text.length > 5) return undefined;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

function parseHostSegment(segment: string): UrlHost {
  let hostText: string;
  let portText: string | undefined;
  if (segment.startsWith('[')) {
    const close = segment.indexOf(']');
    if (close === -1) {
      hostText = segment.slice(1);
    } else {
      hostText = segment.slice(1, close);
      const rest = segment.slice(close + 1);
      if (rest.startsWith(':')) portText = rest.slice(1);
    }
  } else {
    const first = segment.indexOf(':');
    if (first === -1) hostText = segment;
    else if (segment.indexOf(':', first + 1) === -1) {
      hostText = segment.slice(0, first);
      portText = segment.slice(first + 1);
    } else {
      // A bare IPv6 address (invalid in a URL, but seen in the wild): no port.
      hostText = segment;
    }
  }
  const host = percentDecode(hostText);
  const result: UrlHost = { host, dynamic: host.includes(HOLE) };
  if (portText !== undefined) {
    const port = parsePortText(portText);
    if (port !== undefined) result.port = port;
  }
  return result;
}

const SQLSERVER_USER_KEYS = new Set(['user', 'username', 'uid', 'userid', 'user id']);
const SQLSERVER_PASSWORD_KEYS = new Set(['password', 'pwd']);

/**
 * Prisma's SQL Server form, `sqlserver://host:1433;database=d;user=u;password={p;w};encrypt=true`:
 * `;key=value` properties (a `{...}` value may hold `;`, with `}}` for `}`) become params, and
 * the user and password properties fill `username`, `password` and `passwordRange`.
 */
function parseSqlServerProperties(text: string, from: number, end: number, result: ServiceUrl): void {
  let i = from;
  while (i < end) {
    if (text.charCodeAt(i) === 0x3b) {
      i++;
      continue;
    }
    let eq = -1;
    let j = i;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x3d) {
        eq = j;
        break;
      }
      if (c === 0x3b) break;
    }
    if (eq === -1) {
      i = j;
      continue;
    }
    const key = text.slice(i, eq).trim().toLowerCase();
    let valueStart = eq + 1;
    let valueEnd: number;
    let value: string;
    if (text.charCodeAt(valueStart) === 0x7b /* { */) {
      valueStart++;
      let k = valueStart;
      value = '';
      let piece = valueStart;
      valueEnd = end;
      while (k < end) {
        const close = text.indexOf('}', k);
        if (close === -1 || close >= end) {
          value += text.slice(piece, end);
          k = end;
          break;
        }
        if (text.charCodeAt(close + 1) === 0x7d) {
          value += text.slice(piece, close + 1);
          k = close + 2;
          piece = k;
          continue;
        }
        value += text.slice(piece, close);
        valueEnd = close;
        k = close + 1;
        break;
      }
      const semi = text.indexOf(';', k);
      i = semi === -1 || semi > end ? end : semi;
    } else {
      const semi = text.indexOf(';', valueStart);
      valueEnd = semi === -1 || semi > end ? end : semi;
      value = text.slice(valueStart, valueEnd);
      i = valueEnd;
    }
    if (key === '') continue;
    result.params.delete(key);
    result.params.set(key, value);
    if (SQLSERVER_USER_KEYS.has(key)) {
      if (value === '') delete result.username;
      else result.username = value;
    } else if (SQLSERVER_PASSWORD_KEYS.has(key)) {
      result.password = value;
      result.passwordRange = [valueStart, valueEnd];
    }
  }
}

/**
 * Parse a service URL leniently: multi-host, IPv6 `[::1]:5432`, userinfo with HOLEs, missing
 * path, `mongodb+srv`, `kafka+ssl`, query params; returns undefined for text that is not
 * `scheme://...`. Never throws; linear time.
 *
 * Leniency: the URL ends at the first whitespace; the userinfo ends at the *last* `@` of the
 * authority, so an unencoded `@` in a password still parses; an unencoded `/`, `?` or `#` in a
 * password (`postgres://u:p/ss@h/db`) is recognised when the authority would otherwise have a
 * non-numeric port and an `@` follows. `sqlserver://` (Prisma) takes `;key=value` properties
 * after the authority instead of a path and query (see `parseSqlServerProperties`).
 */
export function parseServiceUrl(text: string): ServiceUrl | undefined {
  if (typeof text !== 'string') return undefined;
  const colon = schemeEnd(text);
  if (colon === -1) return undefined;
  const schemeRaw = text.slice(0, colon);
  const start = colon + 3;

  let end = text.length;
  for (let i = start; i < text.length; i++) {
    if (isWhitespace(text.charCodeAt(i))) {
      end = i;
      break;
    }
  }
  // `mongodb://usr x:pw@localhost/db`: a space inside the user info, not the end of the URL.
  // Where the host is cannot be told for sure, so the text is not a URL we judge.
  if (end < text.length && !text.slice(start, end).includes('@')) {
    const later = text.indexOf('@', end);
    const slash = text.indexOf('/', end);
    if (later !== -1 && (slash === -1 || later < slash)) return undefined;
  }

  const authorityEndFrom = (from: number): number => {
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2f /* / */ || c === 0x3f /* ? */ || c === 0x23 /* # */) return i;
    }
    return end;
  };

  const sqlServer = schemeRaw.toLowerCase() === 'sqlserver';
  let authEnd = authorityEndFrom(start);
  if (sqlServer) {
    const semi = text.indexOf(';', start);
    if (semi !== -1 && semi < authEnd) authEnd = semi;
  }
  let at = authEnd > start ? text.lastIndexOf('@', authEnd - 1) : -1;
  if (at < start) at = -1;

  if (at === -1 && authEnd < end && text.charCodeAt(start) !== 0x5b /* [ */) {
    // `user:pa/ss@host`: the "port" is not a port, and an '@' follows.
    const authority = text.slice(start, authEnd);
    const c1 = authority.indexOf(':');
    if (c1 !== -1 && !authority.includes(',') && !authority.includes(HOLE)) {
      const portText = authority.slice(c1 + 1);
      if (portText.length > 0 && parsePortText(portText) === undefined) {
        const later = text.indexOf('@', authEnd);
        if (later !== -1 && later < end) {
          at = later;
          authEnd = authorityEndFrom(at + 1);
        }
      }
    }
  }

  const result: ServiceUrl = {
    raw: text,
    scheme: schemeRaw.toLowerCase(),
    schemeRaw,
    schemeRange: [0, colon],
    hosts: [],
    path: '',
    params: new Map(),
    dynamicAuthority: false,
  };

  let hostStart = start;
  if (at !== -1) {
    hostStart = at + 1;
    let userColon = text.indexOf(':', start);
    if (userColon >= at) userColon = -1;
    const userEnd = userColon === -1 ? at : userColon;
    const username = percentDecode(text.slice(start, userEnd));
    if (username !== '') result.username = username;
    if (userColon !== -1) {
      result.password = percentDecode(text.slice(userColon + 1, at));
      result.passwordRange = [userColon + 1, at];
    }
  }

  result.dynamicAuthority = text.slice(start, authEnd).includes(HOLE);

  // Hosts: split on ',' outside IPv6 brackets.
  let segStart = hostStart;
  let inBracket = false;
  for (let i = hostStart; i <= authEnd; i++) {
    const c = i < authEnd ? text.charCodeAt(i) : 0x2c;
    if (c === 0x5b) inBracket = true;
    else if (c === 0x5d) inBracket = false;
    else if (c === 0x2c /* , */ && (!inBracket || i === authEnd)) {
      if (i > segStart) result.hosts.push(parseHostSegment(text.slice(segStart, i)));
      segStart = i + 1;
      inBracket = false;
    }
  }

  if (sqlServer && authEnd < end && text.charCodeAt(authEnd) === 0x3b) {
    parseSqlServerProperties(text, authEnd, end, result);
    return result;
  }

  let i = authEnd;
  if (i < end && text.charCodeAt(i) === 0x2f) {
    let pathEnd = end;
    for (let j = i; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x3f || c === 0x23) {
        pathEnd = j;
        break;
      }
    }
    result.path = text.slice(i, pathEnd);
    i = pathEnd;
  }
  if (i < end && text.charCodeAt(i) === 0x3f) {
    let queryEnd = text.indexOf('#', i + 1);
    if (queryEnd === -1 || queryEnd > end) queryEnd = end;
    readQuery(text.slice(i + 1, queryEnd), result.params);
  }
  return result;
}

/** `a=1&B=2` into `params`: keys lower-cased, values percent-decoded, the last one wins. */
function readQuery(query: string, params: Map<string, string>): void {
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = percentDecode(eq === -1 ? pair : pair.slice(0, eq), true).toLowerCase();
    if (key === '') continue;
    const value = eq === -1 ? '' : percentDecode(pair.slice(eq + 1), true);
    params.delete(key);
    params.set(key, value);
  }
}

/**
 * The query of a URL whose start is unknown and whose parameters are written
 * (`${process.env.DATABASE_URL}?sslmode=no-verify`): the parameters say how the client
 * connects whatever URL the environment holds. Undefined unless the text starts unknown and
 * everything after its `?` is known.
 */
export function queryOfUnknownUrl(text: string): Map<string, string> | undefined {
  if (!text.startsWith(HOLE)) return undefined;
  const mark = text.indexOf('?');
  if (mark === -1) return undefined;
  const end = text.indexOf('#', mark);
  const query = text.slice(mark + 1, end === -1 ? undefined : end);
  if (query.includes(HOLE) || !query.includes('=')) return undefined;
  const params = new Map<string, string>();
  readQuery(query, params);
  return params;
}
