/**
 * Clear-text judgements: a service URL that connects without TLS, and a client that sends
 * credentials over a connection on which TLS is never turned on. Pure functions over catalog
 * entries and the value model; unknown values always mean silence.
 */
import type { CatalogEntry, OptionCondition, TlsMeaning, TlsSwitch } from '../catalog/types';
import { classifyHost, parseHostPort } from './host';
import { conditionHolds, meaningList, paramSpec, possibleValues, tlsIssues, type TlsFix, type TlsIssue } from './tls';
import { parseServiceUrl, type ServiceUrl } from './url';
import type { ObjectValue, Value } from './value';
import { HOLE, lookup, textOf } from './value';

/** How a library reads a URL scheme. */
export type SchemeRole = 'tls' | 'plaintext' | 'param';

/**
 * The role of `scheme` (lower-case, no `://`) for a library: a TLS scheme (`rediss`), a
 * plaintext scheme whose TLS nothing else can turn on (`redis`, `amqp`, `http`), or a scheme
 * whose TLS is decided by URL parameters or options (`postgres`, `mongodb`, `nats`).
 */
export function schemeRole(entry: CatalogEntry, scheme: string): SchemeRole | undefined {
  if (entry.tls.paramSchemes?.includes(scheme)) return 'param';
  const schemes = entry.tls.schemes;
  if (schemes?.tls.includes(scheme)) return 'tls';
  if (schemes?.plaintext.includes(scheme)) return 'plaintext';
  return undefined;
}

/** Every scheme some catalog library reads, lower-case, longest first. */
export function serviceSchemes(entries: readonly CatalogEntry[]): string[] {
  const all = new Set<string>();
  for (const entry of entries) {
    for (const s of [...(entry.tls.schemes?.plaintext ?? []), ...(entry.tls.schemes?.tls ?? []), ...(entry.tls.paramSchemes ?? [])]) all.add(s);
  }
  return [...all].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The libraries that read URLs of `scheme`. */
export function schemeOwners(entries: readonly CatalogEntry[], scheme: string): CatalogEntry[] {
  return entries.filter((entry) => schemeRole(entry, scheme) !== undefined);
}

type Verdict = 'tls' | 'off' | 'none' | 'unknown';

/** What a URL's query parameters say about TLS for one library. */
function paramsVerdict(entry: CatalogEntry, params: Map<string, string>, scheme: string): Verdict {
  let verdict: Verdict = 'none';
  for (const [name, raw] of params) {
    const spec = paramSpec(entry.tls.urlParams, name, params, scheme);
    // `tlsAllowInvalidCertificates=true` in a `mongodb://` URL leaves it in clear text.
    if (spec?.verificationOnly) continue;
    const meanings = meaningList(spec?.values[raw.toLowerCase()]);
    const meaning = meanings.includes('off') ? 'off' : meanings[0];
    if (meaning === 'off') verdict = verdict === 'none' ? 'off' : verdict;
    else if (meaning) return 'tls';
    // An unknown value of a known TLS parameter, or another `ssl*`/`tls*` parameter
    // (`sslrootcert`, `tlsCAFile`): it may turn TLS on, so say nothing.
    else if (spec || name.startsWith('ssl') || name.startsWith('tls')) return 'unknown';
  }
  return verdict;
}

/** What one library makes of a URL, scheme and parameters together. */
function urlVerdict(entry: CatalogEntry, url: ServiceUrl): Verdict {
  const role = schemeRole(entry, url.scheme);
  if (!role) return 'unknown';
  const params = paramsVerdict(entry, url.params, url.scheme);
  if (params !== 'none') return params;
  if (role !== 'tls') return 'none';
  // ioredis and bullmq test `startsWith('rediss://')`: `REDISS://` is plain `redis://`.
  return entry.tls.schemes?.caseSensitiveTls && url.schemeRaw !== url.scheme ? 'none' : 'tls';
}

/**
 * Whether a client's options turn TLS on, whatever the library's conditions (`when`) say unless
 * the options name another driver, so that an unknown dialect never hides an `ssl` option:
 * `'tls'` when some switch enables it, `'off'` when one is explicitly off and none on,
 * `'unknown'` when a switch cannot be read.
 */
export function optionsTlsVerdict<N>(entry: CatalogEntry, options: ObjectValue<N>): Verdict {
  let verdict: Verdict = 'none';
  for (const sw of entry.tls.switches) {
    // TypeORM's `ssl` is pg's and mysql's: with `type: 'mongodb'` it starts nothing.
    if (sw.when && conditionFails(options, sw.when)) continue;
    const found = lookupUnderObjects(options, sw.path);
    if (found.status === 'absent') continue;
    if (found.status === 'unknown') return 'unknown';
    for (const value of possibleValues(found.value)) {
      const v = switchVerdict(sw, value);
      if (v === 'tls') return 'tls';
      if (v === 'unknown') verdict = 'unknown';
      // A plaintext `protocol` is a scheme, as `amqp://` is: no TLS, rather than TLS turned off.
      else if (v === 'off' && verdict === 'none' && !sw.scheme) verdict = 'off';
    }
  }
  return verdict;
}

/**
 * `lookup`, except that a path through a primitive (knex `connection: 'postgres://...'` for
 * `connection.ssl`) is absent rather than unknown: a string has no options.
 */
function lookupUnderObjects<N>(options: ObjectValue<N>, path: string): ReturnType<typeof lookup<N>> {
  const found = lookup(options, path);
  if (found.status !== 'unknown') return found;
  const keys = path.split('.');
  for (let i = 1; i < keys.length; i++) {
    const parent = lookup(options, keys.slice(0, i).join('.'));
    if (parent.status !== 'present') break;
    const kind = parent.value.kind;
    if (kind === 'literal' || kind === 'template') return { status: 'absent' };
  }
  return found;
}

/** The condition's option holds a literal it does not list. */
function conditionFails<N>(options: ObjectValue<N>, condition: OptionCondition): boolean {
  const found = lookup(options, condition.path);
  if (found.status !== 'present' || found.value.kind !== 'literal') return false;
  const wanted = Array.isArray(condition.equals) ? condition.equals : [condition.equals];
  return !wanted.includes(found.value.value);
}

function switchVerdict<N>(sw: TlsSwitch, value: Value<N>): Verdict {
  if (value.kind === 'literal') {
    const literal = value.value;
    if (literal === undefined) return 'none';
    const meanings = meaningList(sw.values?.[JSON.stringify(literal)] ?? (literal ? sw.otherTruthy : undefined));
    const meaning: TlsMeaning | undefined = meanings.includes('off') ? 'off' : meanings[0];
    if (meaning === 'off') return 'off';
    if (meaning) return 'tls';
    if (!literal) return 'none';
    // A number the table does not list where it lists the number that enables TLS (nodemailer
    // `port: 587` beside `465`): not TLS.
    if (typeof literal === 'number' && Object.entries(sw.values ?? {}).some(([k, m]) => m !== 'off' && /^\d+$/.test(k))) return 'none';
    return 'unknown';
  }
  if (value.kind === 'object') {
    if (sw.object === 'off') return 'off';
    return sw.object ? 'tls' : 'unknown';
  }
  return 'unknown';
}

/** Generic schemes that name a backing service only where a client reads them. */
const SITE_ONLY_SCHEMES: ReadonlySet<string> = new Set(['http', 'tls']);

/** A service URL that connects in clear text. */
export interface PlaintextUrl {
  /** The library whose semantics decided it (the client it reaches, or the first owner). */
  entry: CatalogEntry;
  /** `'plaintext'`: no TLS at all; `'off'`: a parameter turns TLS off (`sslmode=disable`). */
  kind: 'plaintext' | 'off';
  /** The scheme as written, without `://`. */
  scheme: string;
  /** The TLS scheme that replaces it, when the scheme decides TLS (`rediss`). */
  tlsScheme?: string;
  /** A `name=value` parameter that turns TLS on, when parameters decide it. */
  tlsParam?: string;
  /** The secure form, for messages. */
  secure: string;
}

/**
 * Judge the text of a literal service URL. `owners` are the libraries that read its scheme;
 * `site`, when the URL reaches a client's location option, is that client, whose semantics and
 * options then decide alone. A URL is reported only when every library that could read it
 * agrees that it connects in clear text, and at least one host is not loopback (a host from the
 * environment counts as remote only for schemes that decide TLS by themselves).
 */
export function judgeServiceUrl<N>(
  text: string,
  owners: readonly CatalogEntry[],
  site?: { entry: CatalogEntry; options: ObjectValue<N> },
): PlaintextUrl | undefined {
  const url = parseServiceUrl(text);
  if (!url) return undefined;
  const atSite = site !== undefined && schemeRole(site.entry, url.scheme) !== undefined;
  // `http://` (and NATS's ignored `tls://`) is a service URL only at a client's location option.
  if (!atSite && SITE_ONLY_SCHEMES.has(url.scheme)) return undefined;
  const judges = atSite ? [site.entry] : owners.filter((entry) => schemeRole(entry, url.scheme) !== undefined);
  if (judges.length === 0) return undefined;

  let kind: 'plaintext' | 'off' = 'off';
  for (const entry of judges) {
    const verdict = urlVerdict(entry, url);
    if (verdict === 'tls' || verdict === 'unknown') return undefined;
    if (verdict === 'none') kind = 'plaintext';
  }
  // At a client, no-disabled-tls reports a parameter that turns TLS off.
  if (kind === 'off' && atSite) return undefined;

  const paramDecided = judges.some((entry) => schemeRole(entry, url.scheme) === 'param');
  if (!remoteHosts(url, text, paramDecided)) return undefined;

  if (atSite && optionsTlsVerdict(site.entry, site.options) !== 'none') return undefined;

  const entry = judges[0]!;
  const tlsScheme = pairedTlsScheme(entry, url.schemeRaw);
  const tlsParam = paramDecided ? enablingParam(entry, url.scheme) : undefined;
  const secure = tlsScheme
    ? `\`${tlsScheme}://\``
    : tlsParam
      ? `\`${tlsParam}\` in the URL${optionText(entry) ? ` or ${optionText(entry)}` : ''}`
      : (optionText(entry) ?? 'a TLS option');
  return { entry, kind, scheme: url.schemeRaw, tlsScheme, tlsParam, secure };
}

/** A client that a string value reaches, and the option path it reaches it at. */
export interface UrlReach<N> {
  entry: CatalogEntry;
  options: ObjectValue<N>;
  path: string;
}

/** Every string-like value (literal, template) in the clients' options, by node, with the option path. */
export function urlReaches<N>(clients: ReadonlyArray<{ entry: CatalogEntry; options: ObjectValue<N> }>): Map<N, UrlReach<N>[]> {
  const index = new Map<N, UrlReach<N>[]>();
  const visit = (client: { entry: CatalogEntry; options: ObjectValue<N> }, value: Value<N>, path: string, depth: number): void => {
    if (depth > 8) return;
    switch (value.kind) {
      case 'literal':
      case 'template': {
        const list = index.get(value.node) ?? [];
        list.push({ entry: client.entry, options: client.options, path });
        index.set(value.node, list);
        return;
      }
      case 'object':
        for (const prop of value.props) visit(client, prop.value, path === '' ? prop.key : `${path}.${prop.key}`, depth + 1);
        return;
      case 'array':
        for (const element of value.elements) visit(client, element, path, depth + 1);
        return;
      case 'conditional':
        for (const branch of value.branches) visit(client, branch, path, depth + 1);
        return;
      case 'env':
        if (value.fallback) visit(client, value.fallback, path, depth + 1);
        return;
      default:
        return;
    }
  };
  for (const client of clients) visit(client, client.options, '', 0);
  return index;
}

function isLocationPath(entry: CatalogEntry, path: string): boolean {
  const { urlPaths, hostPaths, listPaths } = entry.location;
  return urlPaths.includes(path) || hostPaths.includes(path) || listPaths.includes(path) || listPaths.some((p) => path === `${p}.url`);
}

/**
 * Judge a literal service URL with the clients it reaches at a location option, when there are
 * any (all must agree it is plaintext); otherwise on its own (`standalone`) with every library
 * in `entries` that reads its scheme.
 */
export function judgeUrlLiteral<N>(
  text: string,
  entries: readonly CatalogEntry[],
  reaches: readonly UrlReach<N>[] | undefined,
): { result: PlaintextUrl; standalone: boolean } | undefined {
  const scheme = parseServiceUrl(text)?.scheme;
  if (!scheme) return undefined;
  const owners = schemeOwners(entries, scheme);
  const atLocation = (reaches ?? []).filter((r) => isLocationPath(r.entry, r.path) && owners.includes(r.entry));
  if (atLocation.length > 0) {
    let first: PlaintextUrl | undefined;
    for (const r of atLocation) {
      const result = judgeServiceUrl(text, owners, { entry: r.entry, options: r.options });
      if (!result) return undefined;
      first ??= result;
    }
    return first && { result: first, standalone: false };
  }
  // A URL that reaches no client is judged by the client libraries themselves, not by the
  // wrappers that repeat their facts.
  const result = judgeServiceUrl(text, owners.filter((entry) => entry.wraps === undefined));
  return result && { result, standalone: true };
}

/**
 * Some host is not loopback. A dynamic host counts as remote for schemes that decide TLS by
 * themselves; for parameter-decided schemes a dynamic part anywhere may carry the parameters
 * or a local host, so the URL is left alone.
 */
function remoteHosts(url: ServiceUrl, text: string, paramDecided: boolean): boolean {
  if (url.hosts.length === 0) return false;
  if (paramDecided) {
    if (url.dynamicAuthority && url.hosts.some((h) => h.dynamic)) return false;
    const authorityStart = url.schemeRange[1] + 3;
    const rest = text.slice(authorityStart);
    const restStart = firstIndexOf(rest, ['/', '?', '#']);
    if (restStart !== -1 && rest.slice(restStart).includes(HOLE)) return false;
  }
  if (url.hosts.some((h) => !h.dynamic && isPlaceholderHost(h.host))) return false;
  return url.hosts.some((h) => h.dynamic || classifyHost(h.host) !== 'loopback');
}

const PLACEHOLDER_HOSTS: ReadonlySet<string> = new Set(['host', 'hostname', 'your-host', 'yourhost', 'your_host', 'server', 'servername', 'xxx']);

/** `<host>`, `{host}`, `host`, `...`: documentation text, not a location. */
function isPlaceholderHost(host: string): boolean {
  return /[<>{}*$]|\.\.\./.test(host) || PLACEHOLDER_HOSTS.has(host.toLowerCase());
}

function firstIndexOf(text: string, chars: string[]): number {
  let best = -1;
  for (const c of chars) {
    const i = text.indexOf(c);
    if (i !== -1 && (best === -1 || i < best)) best = i;
  }
  return best;
}

/** `redis` → `rediss`, `ws` → `wss`: the TLS scheme at the same position in the catalog. */
export function pairedTlsScheme(entry: CatalogEntry, scheme: string): string | undefined {
  const schemes = entry.tls.schemes;
  if (!schemes) return undefined;
  const lower = scheme.toLowerCase();
  const i = schemes.plaintext.indexOf(lower);
  if (i !== -1 && !entry.tls.paramSchemes?.includes(lower)) return schemes.tls[i];
  // `REDISS://` for a case-sensitive library: the lower-case form.
  if (schemes.tls.includes(lower) && scheme !== lower) return lower;
  return undefined;
}

/** The first `name=value` URL parameter of this scheme that means verified TLS (`sslmode=verify-full`). */
function enablingParam(entry: CatalogEntry, scheme: string): string | undefined {
  for (const spec of entry.tls.urlParams) {
    if (spec.requires || (spec.schemes && !spec.schemes.includes(scheme))) continue;
    const secure = spec.secure;
    if (/^[A-Za-z._]+=[^&\s]+$/.test(secure) && spec.values[secure.slice(secure.indexOf('=') + 1).toLowerCase()] === 'verified') return secure;
  }
  return undefined;
}

/** The recipe's TLS options as code (`tls: {}`), or undefined when it has none. */
function optionText(entry: CatalogEntry): string | undefined {
  const options = Object.entries(entry.recipe.tlsOptions);
  if (options.length === 0) return undefined;
  return `\`${options.map(([k, v]) => `${k}: ${v}`).join(', ')}\``;
}

/** Credentials that a client sends over a connection on which TLS is never turned on. */
export interface CredentialsInClear<N> {
  /** The credential option or URL that carries them (for the report position). */
  node: N;
  /** `sasl.password`, `auth.pass`, `URL userinfo`. */
  credential: string;
  secure: string;
}

/**
 * For libraries that leave TLS off (or opportunistic) unless told: a secret in the options or
 * a password in the URL, no switch, scheme or parameter that enables TLS, and a host that is
 * not loopback or comes from the environment. Explicitly disabled TLS is not repeated here.
 */
export function credentialsWithoutTls<N>(entry: CatalogEntry, options: ObjectValue<N>): CredentialsInClear<N> | undefined {
  const { tls } = entry;
  if (tls.unsupported || tls.notJudged !== undefined || (tls.default !== 'off' && tls.default !== 'opportunistic')) return undefined;
  if (optionsTlsVerdict(entry, options) !== 'none') return undefined;

  let credential: CredentialsInClear<N> | undefined;
  for (const path of entry.credentials.secretPaths) {
    const found = lookup(options, path);
    if (found.status !== 'present') continue;
    const values = possibleValues(found.value);
    if (values.every((v) => v.kind === 'literal' && !v.value)) continue;
    credential = { node: found.prop.node, credential: path, secure: '' };
    break;
  }

  const hosts: HostOrigin[] = [];
  for (const path of entry.location.urlPaths) {
    const found = lookup(options, path);
    if (found.status === 'unknown') return undefined;
    if (found.status === 'absent') continue;
    for (const value of possibleValues(found.value)) {
      const text = textOf(value);
      if (text === undefined) return undefined;
      const url = parseServiceUrl(text);
      if (!url) return undefined;
      if (urlVerdict(entry, url) !== 'none') return undefined;
      const rest = text.slice(url.schemeRange[1] + 3);
      const q = rest.indexOf('?');
      if (q !== -1 && rest.slice(q).includes(HOLE)) return undefined;
      if (entry.credentials.urlUserinfo && url.password !== undefined && url.password !== '' && !credential) {
        credential = { node: value.node, credential: 'the URL userinfo', secure: '' };
      }
      for (const host of url.hosts) hosts.push(host.dynamic ? hostOfTemplate(value) : classifyHost(host.host) === 'loopback' ? 'loopback' : 'remote');
    }
  }
  if (!credential) return undefined;

  const optionHosts = hostOptions(entry, options);
  if (!optionHosts) return undefined;
  hosts.push(...optionHosts);
  if (!towardRemote(hosts)) return undefined;

  const firstUrl = entry.location.urlPaths.map((p) => lookup(options, p)).find((f) => f.status === 'present');
  const urlText = firstUrl?.status === 'present' ? textOf(firstUrl.value) : undefined;
  const scheme = urlText ? parseServiceUrl(urlText)?.scheme : undefined;
  const tlsScheme = scheme ? pairedTlsScheme(entry, scheme) : undefined;
  const sw = entry.tls.switches.find((s) => !s.when && s.values && Object.values(s.values).some((m) => m === 'verified')) ?? entry.tls.switches[0];
  credential.secure = tlsScheme ? `\`${tlsScheme}://\`` : sw ? sw.secure : (optionText(entry) ?? "TLS");
  return credential;
}

type HostOrigin = 'loopback' | 'remote' | 'env' | 'unknown';

/** Every host is known and some is not loopback, or comes from the environment. */
function towardRemote(hosts: readonly HostOrigin[]): boolean {
  return !hosts.includes('unknown') && hosts.some((h) => h === 'remote' || h === 'env');
}

/** Where the host and list options point, or undefined when one of them cannot be read. */
function hostOptions<N>(entry: CatalogEntry, options: ObjectValue<N>): HostOrigin[] | undefined {
  const hosts: HostOrigin[] = [];
  for (const path of [...entry.location.hostPaths, ...entry.location.listPaths]) {
    const found = lookup(options, path);
    if (found.status === 'unknown') return undefined;
    if (found.status === 'absent') continue;
    for (const value of possibleValues(found.value)) {
      for (const item of value.kind === 'array' ? (value.open ? [undefined] : value.elements) : [value]) {
        hosts.push(item ? hostOrigin(item) : 'unknown');
      }
    }
  }
  return hosts;
}

/**
 * Plaintext schemes in option form (amqplib `{ protocol: 'amqp', hostname }`), judged as the
 * same URL is: toward a host that is not loopback, written or from the environment. None when a
 * URL option is there (that URL is judged itself), nor toward the default host (loopback) or
 * an unknown one.
 */
export function plaintextSchemeOptions<N>(entry: CatalogEntry, options: ObjectValue<N>, callNode: N): TlsIssue<N>[] {
  if (!entry.tls.switches.some((sw) => sw.scheme)) return [];
  if (entry.location.urlPaths.some((path) => lookup(options, path).status !== 'absent')) return [];
  const hosts = hostOptions(entry, options);
  if (hosts === undefined || !towardRemote(hosts)) return [];
  return tlsIssues(entry, options, callNode).filter((issue) => issue.scheme && issue.meaning === 'off');
}

function hostOrigin<N>(value: Value<N>): HostOrigin {
  if (value.kind === 'env') return 'env';
  if (value.kind === 'object') {
    const host = lookup(value, 'host');
    if (host.status === 'present') return hostOrigin(host.value);
    return host.status === 'absent' ? 'loopback' : 'unknown';
  }
  const text = textOf(value);
  if (text === undefined) return 'unknown';
  if (text.includes(HOLE)) return value.kind === 'template' ? hostOfTemplate(value) : 'unknown';
  const url = parseServiceUrl(text);
  if (url) return url.hosts.some((h) => classifyHost(h.host) !== 'loopback') ? 'remote' : 'loopback';
  const hostPort = parseHostPort(text);
  const host = hostPort?.host ?? text;
  return classifyHost(host) === 'loopback' ? 'loopback' : 'remote';
}

/** A template host: from the environment when every unknown part is an environment read. */
function hostOfTemplate<N>(value: Value<N>): HostOrigin {
  if (value.kind !== 'template') return 'unknown';
  const holes = value.parts.filter((p): p is Value<N> => typeof p !== 'string');
  return holes.length > 0 && holes.every((p) => p.kind === 'env') ? 'env' : 'unknown';
}

/**
 * The value to write at a TLS switch for the secure form the catalog gives, when that form is
 * exactly `path: value` in object notation (`ssl: { rejectUnauthorized: true }` for `ssl`,
 * `socket: { tls: true }` for `socket.tls`) and the value is simple code; undefined for prose
 * (`requireTLS: true (and no ignoreTLS)`) or a different key.
 */
export function secureSwitchValue(path: string, secure: string): string | undefined {
  const keys = path.split('.');
  let text = secure;
  for (let i = 0; i < keys.length; i++) {
    const prefix = `${keys[i]}: `;
    if (!text.startsWith(prefix)) return undefined;
    text = text.slice(prefix.length);
    if (i < keys.length - 1) {
      if (!text.startsWith('{ ') || !text.endsWith(' }')) return undefined;
      text = text.slice(2, -2);
    }
  }
  return /^(?:true|\d+|'[a-z0-9+-]*'|\{\}|\{ [A-Za-z]+: true \})$/.test(text) ? text : undefined;
}

/** `ssl: false` → `ssl: { rejectUnauthorized: true }` when the catalog's secure form is plain code. */
export function switchFix<N>(entry: CatalogEntry, config: ObjectValue<N>, issue: TlsIssue<N>): TlsFix<N> | undefined {
  for (const sw of entry.tls.switches) {
    if (sw.secure !== issue.secure || !issue.setting.startsWith(`${sw.path}: `) || !conditionHolds(config, sw.when)) continue;
    const found = lookup(config, sw.path);
    if (found.status !== 'present' || found.prop.node !== issue.node || found.value.kind !== 'literal') continue;
    const text = secureSwitchValue(sw.path, sw.secure);
    return text === undefined ? undefined : { kind: 'replace', node: found.value.node, text };
  }
  return undefined;
}
