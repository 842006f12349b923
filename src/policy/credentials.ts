/**
 * Credentials written into a client's configuration: secrets (passwords, passphrases, tokens)
 * and account names, from the catalog's credential paths, URL userinfo (also in templates and
 * in the literal defaults of environment reads) and ADO connection strings. Pure: no AST types.
 * Callers must never print a secret's text; `SecretFinding` carries none.
 */
import type { CatalogEntry } from '../catalog/types';
import { privilegedAccount } from './accounts';
import { looksLikeAdoConnectionString, parseAdoConnectionString } from './connection-string';
import { expandValue, locationValues, parseLocation, type LocationValue } from './location';
import { isPlaceholderSecret } from './secrets';
import { hasUrlScheme, parseServiceUrl } from './url';
import type { EnvValue, ObjectValue, Value } from './value';
import { lookup, pieceSpanning, textOf } from './value';

export interface SecretFinding<N> {
  /** Where it is, as it reads in code: `password`, `auth.pass`, `connectionString` (URL password). */
  where: string;
  kind: 'option' | 'url-password' | 'connection-string-password';
  /** The value holding the secret (the whole URL for userinfo). */
  node: N;
  /** For a URL or connection string: [start, end) of the password inside the value's text. */
  range?: [number, number];
  /** The secret is the literal default of this environment read. */
  envFallback?: EnvValue<N>;
}

export interface AccountFinding<N> {
  where: string;
  kind: 'option' | 'url-username' | 'connection-string-user' | 'implicit';
  node: N;
  /** The matched account, lower-case (`postgres`, `root`, `guest`). */
  account: string;
  envFallback?: EnvValue<N>;
}

/** Text of a literal password value: strings, and numbers written as numbers. */
/** A secret is written as a string (labelling.md: "a non-empty string literal"); `password: 123` is not reported. */
function secretText<N>(value: Value<N>): string | undefined {
  return textOf(value);
}

/** URL-slot and list values that may carry userinfo or an ADO `Password=`. */
function credentialCarriers<N>(entry: CatalogEntry, options: ObjectValue<N>): LocationValue<N>[] {
  return locationValues(entry, options).filter((v) => v.slot !== 'host' || hasUrlScheme(v.text));
}

/**
 * Hard-coded secrets in one client's options: literals (and literal environment defaults) at
 * the catalog's `secretPaths`, URL userinfo passwords and ADO `Password=` values at location
 * paths. Empty values, template holes and placeholders (`<password>`, `YOUR_PASSWORD`, `***`)
 * are skipped.
 */
export function hardcodedSecrets<N>(entry: CatalogEntry, options: ObjectValue<N>): SecretFinding<N>[] {
  const out: SecretFinding<N>[] = [];
  for (const path of entry.credentials.secretPaths) {
    const found = lookup(options, path);
    if (found.status !== 'present') continue;
    for (const e of expandValue(found.value)) {
      const text = secretText(e.value);
      if (text === undefined || isPlaceholderSecret(text)) continue;
      const finding: SecretFinding<N> = { where: path, kind: 'option', node: e.value.node };
      if (e.envFallback) finding.envFallback = e.envFallback;
      out.push(finding);
    }
  }
  for (const carrier of credentialCarriers(entry, options)) {
    const found = passwordInText(carrier.text);
    if (!found) continue;
    // A password written elsewhere and interpolated (`const password = '...'`) is changed there.
    const piece = pieceSpanning(carrier.value, found.range);
    const finding: SecretFinding<N> = { where: carrier.path, kind: found.kind, node: piece?.node ?? carrier.node, range: piece?.range ?? found.range };
    if (carrier.envFallback) finding.envFallback = carrier.envFallback;
    out.push(finding);
  }
  return dedupe(out);
}

/** A non-placeholder password in a URL's userinfo or an ADO string, with its range. */
export function passwordInText(text: string): { kind: 'url-password' | 'connection-string-password'; range: [number, number] } | undefined {
  if (hasUrlScheme(text.trimStart())) {
    const offset = text.length - text.trimStart().length;
    const url = parseServiceUrl(text.trimStart());
    if (!url || url.password === undefined || !url.passwordRange || isPlaceholderSecret(url.password)) return undefined;
    return { kind: 'url-password', range: [url.passwordRange[0] + offset, url.passwordRange[1] + offset] };
  }
  if (!looksLikeAdoConnectionString(text)) return undefined;
  const ado = parseAdoConnectionString(text);
  if (!ado || ado.password === undefined || !ado.passwordRange || isPlaceholderSecret(ado.password)) return undefined;
  return { kind: 'connection-string-password', range: ado.passwordRange };
}

/**
 * Default or superuser accounts in one client's options: literals at the catalog's
 * `userPaths` (and the user part of `userPassPaths`), URL usernames and ADO `User Id=` values, matched with `privilegedAccount`
 * against the entry's `privilegedAccounts`; `allow` lists names (lower-case) never to report.
 * Also the library's implicit login (amqplib's `guest`) when a non-loopback literal location
 * carries no credentials and no credential option could supply them.
 */
export function privilegedAccounts<N>(entry: CatalogEntry, options: ObjectValue<N>, callNode: N, allow: readonly string[] = []): AccountFinding<N>[] {
  const out: AccountFinding<N>[] = [];
  const match = (user: string): string | undefined => {
    const account = privilegedAccount(user, entry.privilegedAccounts);
    return account !== undefined && !allow.includes(account) ? account : undefined;
  };
  const userPass = entry.credentials.userPassPaths ?? [];
  for (const path of [...entry.credentials.userPaths, ...userPass]) {
    const found = lookup(options, path);
    if (found.status !== 'present') continue;
    for (const e of expandValue(found.value)) {
      const text = textOf(e.value);
      // `httpAuth: 'elastic:changeme'`: the user comes before the first `:`.
      const user = text !== undefined && userPass.includes(path) ? (text.includes(':') ? text.slice(0, text.indexOf(':')) : undefined) : text;
      const account = user === undefined ? undefined : match(user);
      if (!account) continue;
      const finding: AccountFinding<N> = { where: path, kind: 'option', node: e.value.node, account };
      if (e.envFallback) finding.envFallback = e.envFallback;
      out.push(finding);
    }
  }
  for (const carrier of credentialCarriers(entry, options)) {
    const user = userInText(carrier.text);
    const account = user === undefined ? undefined : match(user.user);
    if (!user || !account) continue;
    const finding: AccountFinding<N> = { where: carrier.path, kind: user.kind, node: carrier.node, account };
    if (carrier.envFallback) finding.envFallback = carrier.envFallback;
    out.push(finding);
  }
  const implicit = implicitAccount(entry, options, callNode);
  if (implicit && !allow.includes(implicit.account)) out.push(implicit);
  return dedupe(out);
}

function userInText(text: string): { kind: 'url-username' | 'connection-string-user'; user: string } | undefined {
  if (hasUrlScheme(text.trimStart())) {
    const url = parseServiceUrl(text.trimStart());
    return url?.username === undefined ? undefined : { kind: 'url-username', user: url.username };
  }
  if (!looksLikeAdoConnectionString(text)) return undefined;
  const user = parseAdoConnectionString(text)?.user;
  return user === undefined ? undefined : { kind: 'connection-string-user', user };
}

/**
 * amqplib logs in as `guest` when the URL has no userinfo or the object form has neither
 * `username` nor `password` (clients.md §10). Reported only for a literal, non-loopback
 * location (RabbitMQ lets `guest` in from localhost only, and a loopback default is the
 * library's own), when no credential option is present or could be (`credentials` in the TLS
 * options bag: amqplib's `socket`, amqp-connection-manager's `connectionOptions`).
 */
export function implicitAccount<N>(entry: CatalogEntry, options: ObjectValue<N>, callNode: N): AccountFinding<N> | undefined {
  const account = entry.implicitAccount;
  if (!account || options.open) return undefined;
  const credentialPaths = [...entry.credentials.userPaths, ...entry.credentials.secretPaths, ...entry.tls.bags.map((bag) => (bag === '' ? 'credentials' : `${bag}.credentials`))];
  if (credentialPaths.some((path) => lookup(options, path).status !== 'absent')) return undefined;
  const locations = locationValues(entry, options);
  if (locations.length !== 1) return undefined;
  const [location] = locations as [LocationValue<N>];
  if (!location.direct || location.value.kind !== 'literal') return undefined;
  const parsed = parseLocation(location.text, location.slot);
  if (!parsed || parsed.hosts.some((h) => h.hostClass === 'loopback')) return undefined;
  if (parsed.url && (parsed.url.username !== undefined || parsed.url.password !== undefined || parsed.url.dynamicAuthority)) return undefined;
  return { where: location.path, kind: 'implicit', node: callNode, account };
}

function dedupe<T extends { node: unknown; where: string; kind: string }>(findings: T[]): T[] {
  const seen = new Set<string>();
  const ids = new Map<unknown, number>();
  return findings.filter((f) => {
    let id = ids.get(f.node);
    if (id === undefined) ids.set(f.node, (id = ids.size));
    const key = `${id}\u0000${f.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

