/**
 * Where a host lives, from the client's point of view. "Loopback is local, not safe": a
 * loopback host is the developer's own machine (plaintext there is not a TLS finding), while
 * private addresses and Compose service names are other machines on a network.
 */
import { HOLE } from './value';
import { hasUrlScheme, parsePortText } from './url';

export type HostClass = 'loopback' | 'private' | 'cluster-local' | 'public' | 'dynamic';

/** Four octets 0-255 written in decimal, or undefined. */
export function parseIPv4(text: string): [number, number, number, number] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    if (part.length === 0 || part.length > 3) return undefined;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return undefined;
    }
    const n = Number(part);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out as [number, number, number, number];
}

function parseHexGroup(text: string): number | undefined {
  if (text.length === 0 || text.length > 4) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
    if (!hex) return undefined;
  }
  return parseInt(text, 16);
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4(part);
      if (!v4) return undefined;
      out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      continue;
    }
    const group = parseHexGroup(part);
    if (group === undefined) return undefined;
    out.push(group);
  }
  return out;
}

/**
 * Eight 16-bit groups of an IPv6 address (brackets and a `%zone` suffix allowed), or undefined.
 */
export function parseIPv6(text: string): number[] | undefined {
  let s = text;
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  if (!s.includes(':') || s.length > 45) return undefined;
  const double = s.indexOf('::');
  if (double === -1) {
    const groups = parseGroups(s);
    return groups && groups.length === 8 ? groups : undefined;
  }
  if (s.indexOf('::', double + 1) !== -1) return undefined;
  const head = parseGroups(s.slice(0, double));
  const tail = parseGroups(s.slice(double + 2));
  if (!head || !tail || head.length + tail.length > 7) return undefined;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

function classifyIPv4(ip: readonly number[]): HostClass {
  const [a, b] = ip as [number, number];
  if (a === 127) return 'loopback';
  if (ip.every((n) => n === 0)) return 'loopback';
  if (a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'private';
  // Carrier-grade NAT space (RFC 6598), used by Tailscale and cloud VPCs.
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  return 'public';
}

function classifyIPv6(groups: readonly number[]): HostClass {
  const first = groups[0]!;
  const zeroUpTo = (k: number): boolean => groups.slice(0, k).every((g) => g === 0);
  if (zeroUpTo(8)) return 'loopback'; // ::
  if (zeroUpTo(7) && groups[7] === 1) return 'loopback'; // ::1
  if (zeroUpTo(5) && groups[5] === 0xffff) {
    // IPv4-mapped ::ffff:a.b.c.d
    const g6 = groups[6]!;
    const g7 = groups[7]!;
    return classifyIPv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]);
  }
  if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'private'; // fe80::/10 link local
  return 'public';
}

const LOOPBACK_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'ip6-localhost',
  'ip6-loopback',
  // Docker Desktop's name for the developer's machine.
  'host.docker.internal',
]);

const CLUSTER_LOCAL_SUFFIXES = ['.svc', '.cluster.local', '.internal', '.local', '.flycast'];

function isLabelChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d /* - */ ||
    c === 0x5f /* _ */
  );
}

function isLabel(text: string): boolean {
  if (text.length === 0 || text.length > 63) return false;
  for (let i = 0; i < text.length; i++) if (!isLabelChar(text.charCodeAt(i))) return false;
  return true;
}

/**
 * loopback: localhost, *.localhost, 127.0.0.0/8, ::1, [::1], 0.0.0.0, ::, host.docker.internal
 * (treated as the developer's machine), a Unix socket path (`/var/run/postgresql`), and the empty
 * host (libraries default to localhost); private: 10/8, 172.16/12, 192.168/16, 169.254/16,
 * 100.64/10, fc00::/7, fe80::/10, single-label names such as Compose service names (`db`,
 * `redis`); cluster-local: *.svc, *.svc.cluster.local, *.cluster.local, *.internal, *.local,
 * *.flycast; public: anything else; dynamic: contains HOLE. Case-insensitive; a trailing dot,
 * IPv6 brackets and a `:port` suffix are ignored.
 */
export function classifyHost(host: string): HostClass {
  if (host.includes(HOLE)) return 'dynamic';
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    // `[::1]` or `[::1]:6379`
    const close = h.indexOf(']');
    if (close !== -1 && (close === h.length - 1 || h[close + 1] === ':')) h = h.slice(1, close);
  } else {
    // Tolerate `host:port` (exactly one colon, so never an IPv6 address).
    const colon = h.indexOf(':');
    if (colon !== -1 && h.indexOf(':', colon + 1) === -1) h = h.slice(0, colon);
  }
  if (h.endsWith('.') && h.length > 1) h = h.slice(0, -1);
  if (h === '' || h.startsWith('/')) return 'loopback';
  if (LOOPBACK_NAMES.has(h) || h.endsWith('.localhost')) return 'loopback';
  const v4 = parseIPv4(h);
  if (v4) return classifyIPv4(v4);
  const v6 = h.includes(':') ? parseIPv6(h) : undefined;
  if (v6) return classifyIPv6(v6);
  if (!h.includes('.')) return isLabel(h) ? 'private' : 'public';
  if (CLUSTER_LOCAL_SUFFIXES.some((suffix) => h.endsWith(suffix))) return 'cluster-local';
  return 'public';
}

/** The loopback class: the developer's own machine. */
export function isLocalHost(host: string): boolean {
  return classifyHost(host) === 'loopback';
}

function isHostText(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isLabelChar(c) && c !== 0x2e /* . */ && text[i] !== HOLE) return false;
  }
  return true;
}

/** Port text: digits (→ number), or containing HOLE (→ no port, still host-shaped). */
function portOf(text: string): { ok: boolean; port?: number } {
  if (text.includes(HOLE)) return { ok: true };
  const port = parsePortText(text);
  return port === undefined ? { ok: false } : { ok: true, port };
}

/**
 * `kafka-1:9092`, `[::1]:6379`, `10.0.0.5`, `h:9092` → host/port (host as written, IPv6 without
 * brackets); a port written as a template hole gives no port. Undefined if not host-shaped
 * (spaces, slashes, `@`, empty, a URL, a non-numeric port).
 */
/** Oracle's Easy Connect `host:port/service` without its service name: the host and port alone. */
export function withoutServiceName(text: string): string {
  const slash = text.indexOf('/');
  return slash > 0 ? text.slice(0, slash) : text;
}

export function parseHostPort(text: string): { host: string; port?: number } | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 300) return undefined;
  if (hasUrlScheme(text)) return undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) return undefined;
    const host = text.slice(1, close);
    if (!parseIPv6(host) && !(host.includes(HOLE) && isHostText(host.replace(/:/g, '')))) return undefined;
    const rest = text.slice(close + 1);
    if (rest === '') return { host };
    if (!rest.startsWith(':')) return undefined;
    const { ok, port } = portOf(rest.slice(1));
    if (!ok) return undefined;
    return port === undefined ? { host } : { host, port };
  }
  const first = text.indexOf(':');
  if (first === -1) return isHostText(text) ? { host: text } : undefined;
  if (text.indexOf(':', first + 1) !== -1) return parseIPv6(text) ? { host: text } : undefined;
  const host = text.slice(0, first);
  if (!isHostText(host)) return undefined;
  const { ok, port } = portOf(text.slice(first + 1));
  if (!ok) return undefined;
  return port === undefined ? { host } : { host, port };
}

/**
 * Dotted names whose last label is a file extension, not a TLD (`config.json`, `index.js`), so
 * they do not read as hosts.
 */
const FILE_EXTENSIONS = new Set([
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx', 'json', 'json5', 'txt', 'html', 'htm',
  'yml', 'yaml', 'toml', 'ini', 'conf', 'cfg', 'env', 'pem', 'crt', 'cer', 'der', 'key', 'p12',
  'pfx', 'sock', 'log', 'lock', 'map', 'css', 'scss', 'less', 'svg', 'png', 'jpg', 'jpeg', 'gif',
  'webp', 'sql', 'csv', 'xml', 'gz', 'tgz', 'zip', 'tar', 'db', 'sqlite', 'sqlite3', 'sh', 'bat',
  'exe', 'dll', 'md', 'mdx', 'vue', 'svelte', 'node', 'wasm', 'proto', 'graphql', 'gql', 'hbs',
  'ejs', 'pug', 'mustache', 'tmpl', 'tpl', 'bak', 'tmp', 'old', 'orig', 'example', 'sample',
]);

/**
 * True when a string looks like a hostname, IP, or host:port (used to decide a literal is a
 * location): a dotted name whose labels are valid and whose last label is alphabetic and not a
 * file extension, or `localhost`, or an IP; a single label (`redis`, `kafka-1:9092`) only when
 * `allowSingleLabel`. Text made only of template holes is not a host.
 */
export function looksLikeHost(text: string, options?: { allowSingleLabel?: boolean }): boolean {
  const parsed = parseHostPort(text);
  if (!parsed) return false;
  const host = parsed.host.toLowerCase();
  if (host.includes(HOLE)) {
    const labels = host.split('.');
    const literal = labels.filter((l) => !l.includes(HOLE));
    if (labels.length > 1) return literal.some((l) => /[a-z]/.test(l));
    return options?.allowSingleLabel === true && /[a-z0-9]/.test(host.split(HOLE).join(''));
  }
  if (host === 'localhost') return true;
  if (parseIPv4(host) || parseIPv6(host)) return true;
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  if (labels.length === 1) {
    const label = labels[0]!;
    // A machine name may be digits and hyphens (`28-2`); digits alone are a port or a count.
    return options?.allowSingleLabel === true && isLabel(label) && /[a-z-]/.test(label) && !/^\d+$/.test(label) && !label.startsWith('-') && !label.endsWith('-');
  }
  for (const label of labels) {
    if (!isLabel(label) || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const last = labels[labels.length - 1]!;
  if (last.length < 2 || !/^[a-z][a-z0-9-]*$/.test(last)) return false;
  return !FILE_EXTENSIONS.has(last);
}
