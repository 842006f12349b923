/**
 * The client a fixture output builds, as settings a driver can run: its options from the
 * analysis's value model, with the location (and credentials) replaced by the oracle's, a URL
 * read from the environment pointing at the oracle (with the TLS scheme the catalog's recipe
 * says that variable holds), a CA read from a file or the environment replaced by the test CA,
 * and each branch of a run-time choice as a setting of its own. What cannot be built that way
 * is a reason, never a silent skip.
 */
import { entryById } from '../../src/catalog';
import type { CatalogEntry } from '../../src/catalog/types';
import type { ObjectValue, Value } from '../../src/policy/value';
import { parseServiceUrl } from '../../src/policy/url';
import { conditionMatches, recipeFor } from './cases';
import type { CertSet } from './certs';
import type { OutputSite } from './codemod-sites';
import { DRIVERS, NOT_DRIVEN } from './drivers';
import type { Driver, Setting } from './drivers/types';

/** Node TLS options that can sit at the root of a library's options (a root bag). */
const ROOT_TLS_KEYS = new Set(['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'checkServerIdentity', 'minVersion', 'maxVersion', 'secureProtocol', 'ciphers', 'servername']);

/** The client's catalog entry (a wrapper's client), its driver and the settings to run. */
export type Built = { entry: CatalogEntry; driver: Driver; settings: Setting[]; notes: string[] } | { reason: string };

class Unbuildable extends Error {}

const under = (path: string, prefix: string): boolean => prefix !== '' && (path === prefix || path.startsWith(`${prefix}.`));

/** A path that decides TLS for this library: a switch, a bag, a verification flag. */
function tlsPath(entry: CatalogEntry, path: string): boolean {
  const { tls } = entry;
  if (tls.bags.includes('') && ROOT_TLS_KEYS.has(path.split('.')[0]!)) return true;
  return [...tls.switches.map((s) => s.path), ...tls.bags, ...tls.verifyOff.map((f) => f.path)].some((p) => under(path, p) || under(p, path));
}

function locationPath(entry: CatalogEntry, path: string): boolean {
  const { location, credentials } = entry;
  return [...location.hostPaths, ...location.listPaths, ...location.portPaths, ...credentials.userPaths, ...credentials.secretPaths].some((p) => under(path, p));
}

/** Every runtime value `value` can be (several for a run-time choice), or why none can be built. */
function materialize(entry: CatalogEntry, value: Value<unknown>, path: string, certs: CertSet, notes: string[]): unknown[] {
  switch (value.kind) {
    case 'literal':
      return [value.value];
    case 'object': {
      if (value.open) throw new Unbuildable(`\`${path}\` has keys decided at run time`);
      let results: Array<Record<string, unknown>> = [{}];
      for (const prop of value.props) {
        const key = path === '' ? prop.key : `${path}.${prop.key}`;
        // The location is the oracle's (knex's `connection` is a URL only when it is a string).
        if (locationPath(entry, key) || (entry.location.urlPaths.includes(key) && prop.value.kind !== 'object')) continue;
        // An object of nothing but location and credentials (cassandra's `credentials`) goes whole.
        const value = prop.value;
        if (value.kind === 'object' && value.props.length > 0 && value.props.every((p) => locationPath(entry, `${key}.${p.key}`))) continue;
        let values: unknown[];
        try {
          values = materialize(entry, prop.value, key, certs, notes);
        } catch (error) {
          // Only what decides TLS must be known; other options can go.
          if (!(error instanceof Unbuildable) || tlsPath(entry, key)) throw error;
          notes.push(`\`${key}\` left out (${error.message})`);
          continue;
        }
        results = results.flatMap((r) => values.map((v) => ({ ...r, [prop.key]: v })));
      }
      return results;
    }
    case 'array': {
      if (value.open) throw new Unbuildable(`\`${path}\` is a list built at run time`);
      let results: unknown[][] = [[]];
      for (const element of value.elements) {
        const values = materialize(entry, element, path, certs, notes);
        results = results.flatMap((r) => values.map((v) => [...r, v]));
      }
      return results;
    }
    case 'conditional':
      // Both arms can run: each is a client the output can build.
      return value.branches.flatMap((branch) => materialize(entry, branch, path, certs, notes));
    case 'function':
      if (value.neverFails) return [(): undefined => undefined];
      throw new Unbuildable(`\`${path}\` is a function`);
    case 'env':
    case 'unknown':
    case 'template':
      // A CA from a file or the environment: the option the output reads gets the test CA.
      if (/(^|\.)ca$/.test(path)) {
        notes.push(`\`${path}\` is the test CA (the output reads it from ${value.kind === 'env' ? `\`${value.name ?? 'the environment'}\`` : 'a file'})`);
        return [certs.ca];
      }
      throw new Unbuildable(`\`${path}\` is ${value.kind === 'env' ? `read from \`${value.name ?? 'the environment'}\`` : 'decided at run time'}`);
  }
}

/** The URL a location option holds, pointed at the oracle: scheme and query, or why not. */
function urlOf(entry: CatalogEntry, driver: Driver, options: ObjectValue<unknown>, notes: string[]): Setting['url'] | undefined {
  // A list option holds URLs for some drivers (`node`, ldapjs's `url`); others take host:port.
  const paths = [...entry.location.urlPaths, ...(driver.url ? entry.location.listPaths : [])];
  for (const path of paths) {
    let value = lookupPath(options, path);
    if (value?.kind === 'array' && value.elements.length === 1) value = value.elements[0];
    // knex's `connection` is a URL only as a string.
    if (!value || value.kind === 'object') continue;
    if (value.kind === 'env') {
      // The variable holds a URL of the scheme the recipe writes (`rediss://`), or the driver's.
      const scheme = recipeFor(entry, driver.select).tlsScheme ?? driver.scheme;
      if (!scheme) return undefined;
      notes.push(`\`${value.name ?? path}\` = ${scheme}://… at the oracle`);
      return { scheme, query: '' };
    }
    if (value.kind === 'literal' && typeof value.value === 'string') {
      const url = parseServiceUrl(value.value);
      if (!url) throw new Unbuildable(`\`${path}\` is not a URL`);
      const query = value.value.includes('?') ? value.value.slice(value.value.indexOf('?') + 1) : '';
      if (url.scheme === 'mongodb+srv') {
        notes.push('`mongodb+srv://` read as `mongodb://` with the same parameters: loopback has no DNS SRV records');
        return { scheme: 'mongodb', query };
      }
      return { scheme: url.schemeRaw, query };
    }
    throw new Unbuildable(`\`${path}\` is built at run time`);
  }
  return undefined;
}

function lookupPath(options: ObjectValue<unknown>, path: string): Value<unknown> | undefined {
  let current: Value<unknown> | undefined = options;
  for (const key of path.split('.')) {
    if (current?.kind !== 'object') return undefined;
    current = [...current.props].reverse().find((p) => p.key === key)?.value;
  }
  return current;
}

/**
 * A wrapper's options as its client's: the prefix its client's facts were moved under
 * (src/catalog/rebase.ts), read back from where the TLS bags went (drizzle's `connection`,
 * `''` for @nestjs/typeorm). Undefined when the wrapper's options do not map that way.
 */
function unwrap(entry: CatalogEntry, options: ObjectValue<unknown>): { entry: CatalogEntry; options: ObjectValue<unknown> } | string {
  const client = entry.wraps === undefined ? undefined : entryById(entry.wraps);
  if (!client) return { entry, options };
  const moved = (prefix: string, path: string): string => (prefix === '' ? path : path === '' ? prefix : `${prefix}.${path}`);
  const prefixes = new Set(
    entry.tls.bags.flatMap((wrapped) => client.tls.bags.flatMap((own) => (wrapped === own ? [''] : wrapped.endsWith(`.${own}`) ? [wrapped.slice(0, -own.length - 1)] : own === '' ? [wrapped] : []))),
  );
  const prefix = [...prefixes].find((p) => client.tls.bags.length > 0 && client.tls.bags.every((own) => entry.tls.bags.includes(moved(p, own))));
  if (prefix === undefined) return `a ${client.id} wrapper whose options are not ${client.id}'s under one prefix`;
  const inner = prefix === '' ? options : lookupPath(options, prefix);
  if (inner?.kind !== 'object') return `a ${client.id} wrapper: \`${prefix}\` is not an object here`;
  return unwrap(client, inner);
}

/** The driver for a site's library (and, for knex, sequelize and typeorm, its driver option). */
function driverFor(site: { entry: CatalogEntry; options: ObjectValue<unknown> }): Driver | string {
  const { entry, options } = site;
  const candidates = DRIVERS.filter((d) => d.entry === entry.id);
  if (candidates.length === 0) return NOT_DRIVEN[entry.id] ?? `${entry.id} has no driver`;
  if (candidates.length === 1 && !candidates[0]!.select) return candidates[0]!;
  for (const driver of candidates) {
    const select: Record<string, unknown> = {};
    for (const key of Object.keys(driver.select ?? {})) {
      const value = lookupPath(options, key);
      if (value?.kind !== 'literal') return `\`${key}\` is decided at run time, so the driver is unknown`;
      select[key] = value.value;
    }
    if (Object.entries(driver.select ?? {}).every(([key, wanted]) => conditionMatches(select, { path: key, equals: wanted as never }))) return driver;
  }
  return `no driver for this ${Object.keys(candidates[0]!.select ?? {}).join(', ')}`;
}

/** The settings to run for one site of a fixture output, or why it cannot be run. */
export function buildSite(site: OutputSite, certs: CertSet): Built {
  // A wrapper builds its client from its options: run that client.
  const client = unwrap(site.site.entry, site.site.options);
  if (typeof client === 'string') return { reason: client };
  const { entry } = client;
  const driver = driverFor(client);
  if (typeof driver === 'string') return { reason: driver };
  const notes: string[] = client.entry === site.site.entry ? [] : [`${site.site.entry.displayName} builds this ${entry.displayName} client`];
  try {
    // Process-wide defaults apply where the client's own options are silent.
    const defaults = site.defaults.flatMap((d) => d.props);
    const own = new Set(client.options.props.map((p) => p.key));
    const options: ObjectValue<unknown> = { ...client.options, props: [...defaults.filter((p) => !own.has(p.key)), ...client.options.props] };
    if (defaults.length > 0) notes.push(`with the file's \`${entry.globalDefaults}\` writes`);
    const url = urlOf(entry, driver, options, notes) ?? (driver.urlRequired && driver.scheme ? { scheme: driver.scheme, query: '' } : undefined);
    const variants = materialize(entry, options, '', certs, notes) as Array<Record<string, unknown>>;
    return { entry, driver, settings: variants.map((variant) => ({ options: variant, ...(url ? { url } : {}) })), notes: [...new Set(notes)] };
  } catch (error) {
    if (error instanceof Unbuildable) return { reason: error.message };
    throw error;
  }
}
