/**
 * Both sides of a claim. Expected: what the plugin's policy (the functions the rules call)
 * says about a configuration. Observed: what the library did against each oracle scenario.
 */
import type { CatalogEntry, TlsMeaning } from '../../src/catalog/types';
import { optionsTlsVerdict, schemeRole } from '../../src/policy/plaintext';
import { conditionHolds, meaningList, paramSpec, tlsIssues } from '../../src/policy/tls';
import { parseServiceUrl } from '../../src/policy/url';
import { lookup, type ObjectValue, type Value } from '../../src/policy/value';
import { weakTlsSettings } from '../../src/policy/weak-tls';
import type { Driver, Setting } from './drivers/types';
import { isPlainObject, unflatten } from './drivers/types';
import type { ConnectionVerdict, Scenario } from './server';

/** A lowered protocol floor: the client accepts a TLS 1.0/1.1 server. */
export type Weakness = 'floor';

/**
 * The catalog's meanings, plus `fails closed` (the client never connects: a version cap that
 * refuses TLS 1.2+, or a library that throws) and `unjudged` (a TLS parameter whose value the
 * catalog gives no meaning, so the rules stay silent).
 */
export type Meaning = TlsMeaning | 'fails closed' | 'unjudged' | 'hung';

export interface Expected {
  /** Sorted; several when a setting is both (`opportunistic` and `unverified`). */
  meanings: Meaning[];
  weak: Weakness[];
}

/** A runtime value as the static value model would read it from source. */
function toValue(value: unknown): Value<null> {
  if (typeof value === 'function') return { kind: 'function', neverFails: true, node: null };
  if (Array.isArray(value)) return { kind: 'array', elements: value.map(toValue), open: false, node: null };
  if (isPlainObject(value)) {
    return { kind: 'object', open: false, node: null, props: Object.entries(value).map(([key, v]) => ({ key, value: toValue(v), node: null })) };
  }
  return { kind: 'literal', value: value as string, node: null };
}

/** The URL a driver builds, with a remote host, as source code would hold it. */
export function policyUrl(driver: Driver, setting: Setting): string | undefined {
  return setting.url && driver.url ? driver.url(setting.url.scheme, setting.url.query, 'db.example.com', 1234) : undefined;
}

export function policyOptions(entry: CatalogEntry, driver: Driver, setting: Setting): ObjectValue<null> {
  const url = policyUrl(driver, setting);
  const nested = unflatten(setting.options);
  // The first URL option not taken by an object (knex: `connection`, else `connection.connectionString`).
  const at = entry.location.urlPaths.find((path) => !isPlainObject(path.split('.').reduce<unknown>((o, k) => (isPlainObject(o) ? o[k] : undefined), nested))) ?? 'url';
  const flat = { ...setting.options, ...(url === undefined ? {} : { [at]: url }) };
  return toValue(unflatten(flat)) as ObjectValue<null>;
}

/**
 * TLS from the URL alone: the meanings of its parameters (a value the catalog does not list is
 * `unjudged`), else of its scheme; `on` when the URL by itself starts TLS. A parameter that
 * only says how TLS is verified starts nothing.
 */
function urlMeaning(entry: CatalogEntry, url: string | undefined): { meanings: Meaning[]; on: boolean } | undefined {
  const parsed = url === undefined ? undefined : parseServiceUrl(url);
  if (!parsed) return undefined;
  for (const [name, raw] of parsed.params) {
    const spec = paramSpec(entry.tls.urlParams, name, parsed.params, parsed.scheme);
    if (!spec || spec.verificationOnly) continue;
    const meanings = meaningList(spec.values[raw.toLowerCase()]);
    if (meanings.length === 0) return { meanings: ['unjudged'], on: false };
    return { meanings, on: !meanings.includes('off') };
  }
  const role = schemeRole(entry, parsed.scheme);
  if (role === 'tls') return entry.tls.schemes?.caseSensitiveTls && parsed.schemeRaw !== parsed.scheme ? { meanings: ['off'], on: false } : { meanings: ['verified'], on: true };
  if (role === 'plaintext') return { meanings: ['off'], on: false };
  return undefined;
}

/** A driver whose switch is verified when absent (mssql under typeorm encrypts unless told not to). */
function onByDefault(entry: CatalogEntry, options: ObjectValue<null>): boolean {
  return entry.tls.switches.some((sw) => sw.whenAbsent === 'verified' && conditionHolds(options, sw.when) && lookup(options, sw.path).status === 'absent');
}

/** An option the library refuses outright (mongodb's `minVersion`): the client never starts. */
function refusedOption(entry: CatalogEntry, options: ObjectValue<null>): boolean {
  return (entry.tls.droppedBagKeys ?? []).some(
    (d) => d.effect === 'rejected' && conditionHolds(options, d.when) && d.keys.some((key) => lookup(options, d.bag === '' ? key : `${d.bag}.${key}`).status === 'present'),
  );
}

/**
 * What the policy says a setting does: the issues the rules report (off, unverified,
 * opportunistic, weak versions), on top of what TLS is when nothing reported turns it on: the
 * URL's parameters or scheme, else the library default. TLS that never starts makes the
 * verification flags moot (off); a default that falls back to clear text stays beside them.
 */
export function expectedVerdict(entry: CatalogEntry, driver: Driver, setting: Setting): Expected {
  const options = policyOptions(entry, driver, setting);
  if (refusedOption(entry, options)) return { meanings: ['fails closed'], weak: [] };
  const issues = new Set<Meaning>(tlsIssues(entry, options, null).map((issue) => issue.meaning));
  const weak = new Set<Weakness>();
  let capped = false;
  for (const setting of weakTlsSettings(entry, options)) {
    if (setting.key === 'minVersion' || setting.key === 'secureProtocol') weak.add('floor');
    // `maxVersion: 'TLSv1.1'` caps the connection, and a pinned old method too.
    if (setting.key === 'maxVersion' || setting.key === 'secureProtocol') capped = true;
  }
  const result = (meanings: Iterable<Meaning>): Expected => ({ meanings: [...new Set(meanings)].sort(), weak: [...weak].sort() });
  if (capped) return result(['fails closed']);
  if (issues.has('off')) return result(['off']);
  const url = urlMeaning(entry, policyUrl(driver, setting));
  if (optionsTlsVerdict(entry, options) === 'tls' || url?.on || onByDefault(entry, options)) return result(issues.size > 0 ? issues : ['verified']);
  const base = url?.meanings ?? [entry.tls.default === 'scheme' ? 'off' : entry.tls.default];
  if (base.includes('off')) return result(['off']);
  const meanings = [...issues, ...base.filter((m) => m !== 'verified')];
  return result(meanings.length > 0 ? meanings : ['verified']);
}

/** Every case runs against every scenario: a default that accepts TLS 1.0 must show too. */
export const SCENARIOS: readonly Scenario[] = ['trusted', 'self-signed', 'wrong-host', 'expired', 'declined', 'old-tls'];

export type Observations = Partial<Record<Scenario, ConnectionVerdict>>;

/**
 * What the runs show, in the policy's terms. With a trusted certificate: TLS accepted, then
 * verification is what the untrusted, wrong-host and expired certificates get, and a plaintext
 * fallback is what a server that declines TLS gets; plaintext (or a refusal of TLS where the
 * declining server gets plaintext) is off; no connection at all, nowhere in clear, fails
 * closed. A floor is a TLS 1.0/1.1 server accepted.
 */
export function observedVerdict(runs: Observations): Expected {
  const trusted = runs.trusted?.outcome;
  const weak: Weakness[] = runs['old-tls']?.outcome === 'accepted' ? ['floor'] : [];
  const meanings = new Set<Meaning>();
  // A hang is a bug in a driver or a preamble, never a verdict.
  if (Object.values(runs).some((run) => run.outcome === 'hung')) return { meanings: ['hung'], weak: [] };
  if (trusted === 'accepted') {
    const skips = (['self-signed', 'wrong-host', 'expired'] as const).filter((s) => runs[s]?.outcome === 'accepted');
    meanings.add(skips.length > 0 ? 'unverified' : 'verified');
    if (runs.declined?.outcome === 'plaintext') meanings.add('opportunistic');
    if (meanings.size > 1) meanings.delete('verified');
  } else if (Object.values(runs).some((run) => run.outcome === 'plaintext')) {
    meanings.add('off');
  } else if (!SCENARIOS.some((s) => s !== 'old-tls' && runs[s]?.outcome === 'accepted')) {
    meanings.add('fails closed');
  }
  return { meanings: [...meanings].sort(), weak };
}

/** Agreement: the same meanings and weaknesses; an unjudged value may only fail closed. */
export function agrees(expected: Expected, observed: Expected): boolean {
  const same = (a: readonly string[], b: readonly string[]): boolean => a.join() === b.join();
  const meanings = same(expected.meanings, ['unjudged']) ? ['fails closed'] : expected.meanings;
  return same(meanings, observed.meanings) && same(expected.weak, observed.weak);
}

/** One cell per scenario for the record: `accepted TLSv1.3`, `rejected`, `plaintext`. */
export function describeRun(verdict: ConnectionVerdict | undefined): string {
  if (!verdict) return '';
  return verdict.outcome === 'accepted' && verdict.version ? `accepted ${verdict.version}` : verdict.outcome;
}

export function describeVerdict(verdict: Expected): string {
  const parts: string[] = [...verdict.meanings];
  if (verdict.weak.includes('floor')) parts.push('accepts TLS 1.0/1.1');
  return parts.join(', ') || 'no connection';
}
