import type { CatalogEntry, OptionCondition, TlsMeaning, TlsMeanings, UrlParam } from '../catalog/types';
import { looksLikeAdoConnectionString, parseAdoConnectionString } from './connection-string';
import { hasUrlScheme, parseServiceUrl, queryOfUnknownUrl } from './url';
import type { ObjectValue, PropertyValue, Value } from './value';
import { lookup, pieceHolding, textOf } from './value';

/** A TLS setting that leaves a connection off, unverified or strippable. */
export interface TlsIssue<N> {
  meaning: Exclude<TlsMeaning, 'verified'>;
  /** Where to report: the property, the URL value, or the call for a library default. */
  node: N;
  /** What is wrong, as it reads in code: `ssl.rejectUnauthorized: false`, `sslmode=no-verify`. */
  setting: string;
  /** The secure form to write instead. */
  secure: string;
  /** How a suggestion could make it secure, when the policy knows one. */
  fix?: TlsFix<N>;
  /** Set by a write that may not run (`if (x) cfg.ssl = false`): the rule weighs its guard. */
  guarded?: boolean;
  /** Set when the switch is the URL scheme in option form (`protocol: 'amqp'`). */
  scheme?: boolean;
  /**
   * Set when the certificate chain is verified and only the host name is not (mysql2 without
   * `verifyIdentity: true`, the mysql package): the rule reports it on request.
   */
  hostnameOnly?: boolean;
}

export type TlsFix<N> =
  | { kind: 'replace'; node: N; text: string }
  | { kind: 'remove-property'; node: N }
  | { kind: 'url-param'; node: N; param: string; value: string };

/**
 * The nodes among `issues` whose value means `meaning`: a value can mean two things (postgres.js
 * `ssl: 'prefer'` skips verification and falls back to clear text), which is one finding.
 */
export function nodesMeaning<N>(issues: readonly TlsIssue<N>[], meaning: TlsIssue<N>['meaning']): Set<N> {
  return new Set(issues.filter((issue) => issue.meaning === meaning).map((issue) => issue.node));
}

/**
 * Every TLS problem visible in one client's options, judged with the library's own semantics
 * from its catalog entry. Unknown values never produce an issue.
 */
export function tlsIssues<N>(entry: CatalogEntry, options: ObjectValue<N>, callNode: N): TlsIssue<N>[] {
  const issues: TlsIssue<N>[] = [];
  const { tls } = entry;

  for (const sw of tls.switches) {
    if (!conditionHolds(options, sw.when) || anyConditionHolds(options, sw.unless)) continue;
    const found = lookup(options, sw.path);
    if (found.status === 'absent') {
      if (sw.whenAbsent && sw.whenAbsent !== 'verified') {
        issues.push({ meaning: sw.whenAbsent, node: callNode, setting: `${sw.path} (library default)`, secure: sw.secure });
      }
      continue;
    }
    if (found.status !== 'present') continue;
    for (const value of possibleValues(found.value)) {
      // `ssl: isProd ? { ca } : false`: the choice is the finding (no-environment-branching), and
      // a falsy arm of a feature flag is the flag's "off"; only a plain `false` is TLS off. A
      // guarded write (`if (opts.plain) cfg.ssl = false`) is a literal a reviewer flags.
      const guarded = found.value.kind === 'conditional' && found.value.guarded === true && value !== found.value;
      for (const meaning of meaningList(switchMeaning(sw, value))) {
        if (meaning === 'verified') continue;
        if (meaning === 'off' && value !== found.value && !guarded) continue;
        const node = reportNode(found.prop, value);
        const hostnameOnly = value.kind === 'object' && (sw.object === 'bag-hostname-unverified' || sw.object === 'bag-hostname-unverified-unless-verifyIdentity');
        issues.push({
          meaning,
          node,
          setting: `${sw.path}: ${describe(value)}`,
          secure: sw.secure,
          ...(guarded ? { guarded } : {}),
          ...(sw.scheme ? { scheme: true } : {}),
          ...(hostnameOnly ? { hostnameOnly } : {}),
        });
      }
    }
  }

  // Certificate pinning (Elastic `caFingerprint`) replaces chain verification on purpose.
  const pinned = (tls.pinningOptions ?? []).some((path) => lookup(options, path).status === 'present');
  for (const bagPath of tls.bags) {
    const bag = bagPath === '' ? { status: 'present' as const, value: options as Value<N> } : lookup(options, bagPath);
    if (bag.status !== 'present') continue;
    const prefix = bagPath === '' ? '' : `${bagPath}.`;
    const dropped = droppedBagKeys(entry, options, bagPath);
    for (const value of possibleValues(bag.value)) {
      if (value.kind !== 'object') continue;
      const reject = lookup(value, 'rejectUnauthorized');
      if (reject.status === 'present' && !pinned && !dropped.has('rejectUnauthorized')) {
        for (const v of unlessSet(reject.value)) {
          if (v.kind === 'literal' && v.value === false) {
            issues.push({
              meaning: 'unverified',
              node: reportNode(reject.prop, v),
              setting: `${prefix}rejectUnauthorized: false`,
              secure: `${prefix}rejectUnauthorized: true`,
              fix: { kind: 'replace', node: v.node, text: 'true' },
            });
          }
        }
      }
      const identity = lookup(value, 'checkServerIdentity');
      if (identity.status === 'present' && identity.value.kind === 'function' && identity.value.neverFails && !dropped.has('checkServerIdentity')) {
        issues.push({
          meaning: 'unverified',
          node: identity.prop.node,
          setting: `${prefix}checkServerIdentity that accepts every certificate`,
          secure: `no ${prefix}checkServerIdentity override (Node checks the host name)`,
          fix: { kind: 'remove-property', node: identity.prop.node },
        });
      }
    }
  }

  for (const flag of tls.verifyOff) {
    if (!conditionHolds(options, flag.when)) continue;
    const found = lookup(options, flag.path);
    if (found.status !== 'present') continue;
    for (const value of unlessSet(found.value)) {
      if (value.kind === 'literal' && value.value === flag.value) {
        const fix: TlsFix<N> | undefined = typeof flag.value === 'boolean' ? { kind: 'replace', node: value.node, text: String(!flag.value) } : undefined;
        issues.push({ meaning: 'unverified', node: reportNode(found.prop, value), setting: `${flag.path}: ${describe(value)}`, secure: flag.secure, fix });
      }
    }
  }

  for (const urlPath of entry.location.urlPaths) {
    const found = lookup(options, urlPath);
    if (found.status !== 'present') continue;
    for (const value of possibleValues(found.value)) issues.push(...urlIssues(entry, value));
  }
  return dedupe(issues);
}

/** Issues carried by the query parameters of a URL or connection-string value. */
export function urlIssues<N>(entry: CatalogEntry, value: Value<N>): TlsIssue<N>[] {
  const variants = templateVariants(value);
  if (!variants) return urlIssuesOf(entry, value);
  // `${url}${isProd ? '?sslmode=no-verify' : ''}`, `${url}${flags}`: each choice's URL, reported
  // at the value that writes the parameter (the user changes it there): a chosen part, or a
  // piece of the template as written (a `const` it reads).
  const writer = (setting: string, parts: Value<N>[]): N | undefined =>
    parts.find((part) => textOf(part)?.toLowerCase().includes(setting.toLowerCase()))?.node ?? pieceHolding(value, setting);
  return dedupe(variants.flatMap(({ variant, parts }) => urlIssuesOf(entry, variant).map((issue) => ({ ...issue, node: writer(issue.setting, parts) ?? issue.node }))));
}

function urlIssuesOf<N>(entry: CatalogEntry, value: Value<N>): TlsIssue<N>[] {
  const text = textOf(value.kind === 'env' ? value.fallback : value);
  const node = value.kind === 'env' && value.fallback ? value.fallback.node : value.node;
  if (text === undefined || entry.tls.urlParams.length === 0) return [];
  let params: Map<string, string> | undefined;
  let scheme: string | undefined;
  if (hasUrlScheme(text)) {
    const url = parseServiceUrl(text);
    params = url?.params;
    scheme = url?.scheme;
  } else if (looksLikeAdoConnectionString(text)) params = parseAdoConnectionString(text)?.params;
  else params = queryOfUnknownUrl(text);
  if (!params) return [];
  const issues: TlsIssue<N>[] = [];
  for (const [name, raw] of params) {
    const spec = paramSpec(entry.tls.urlParams, name, params, scheme);
    if (!spec) continue;
    const secure = spec.secure;
    // Only a single `name=value` secure form can be written back in place of the parameter.
    const single = /^[^=&\s]+=[^=&\s]+$/.test(secure);
    const [secureName, secureValue] = single ? (secure.split('=', 2) as [string, string]) : [undefined, undefined];
    for (const meaning of meaningList(spec.values[raw.toLowerCase()])) {
      if (meaning === 'verified') continue;
      issues.push({
        meaning,
        // `${process.env.DATABASE_URL}${flags}` with `flags = '?sslmode=no-verify'`: where the parameter was written.
        node: pieceHolding(value, `${spec.name}=${raw}`) ?? node,
        setting: `${spec.name}=${raw}`,
        secure,
        fix: secureName?.toLowerCase() === name && secureValue !== undefined && value.kind === 'literal' ? { kind: 'url-param', node, param: name, value: secureValue } : undefined,
      });
    }
  }
  return issues;
}

/**
 * A parameter spec whose `requires` holds wins over the plain one for the same name. A spec
 * limited to some `schemes` does not apply to a URL of another scheme.
 */
export function paramSpec(specs: readonly UrlParam[], name: string, params: Map<string, string>, scheme?: string): UrlParam | undefined {
  let plain: UrlParam | undefined;
  for (const spec of specs) {
    if (spec.name.toLowerCase() !== name) continue;
    if (spec.schemes && scheme !== undefined && !spec.schemes.includes(scheme)) continue;
    if (!spec.requires) plain ??= spec;
    else if (params.get(spec.requires.name.toLowerCase())?.toLowerCase() === spec.requires.value) return spec;
  }
  return plain;
}

/** The keys of one bag that the library never hands to Node, for these options' driver. */
export function droppedBagKeys<N>(entry: CatalogEntry, options: ObjectValue<N>, bagPath: string): ReadonlySet<string> {
  const keys = (entry.tls.droppedBagKeys ?? []).filter((d) => d.bag === bagPath && conditionHolds(options, d.when)).flatMap((d) => d.keys);
  return new Set(keys);
}

/** A catalog meaning as a list (a value can mean several things at once). */
export function meaningList(meanings: TlsMeanings | undefined): TlsMeaning[] {
  return meanings === undefined ? [] : Array.isArray(meanings) ? meanings : [meanings];
}

function switchMeaning<N>(sw: CatalogEntry['tls']['switches'][number], value: Value<N>): TlsMeanings | undefined {
  if (value.kind === 'literal') {
    if (value.value === undefined) return undefined;
    const meaning = sw.values?.[JSON.stringify(value.value)];
    if (meaning) return meaning;
    return value.value ? sw.otherTruthy : undefined;
  }
  if (value.kind !== 'object' || !sw.object) return undefined;
  switch (sw.object) {
    case 'off':
      return 'off';
    case 'bag':
      return undefined;
    case 'bag-unverified-unless-rejectUnauthorized': {
      const reject = lookup(value, 'rejectUnauthorized');
      if (reject.status === 'unknown') return undefined;
      // An explicit `false` is reported by the bag check; here only the silent default.
      return reject.status === 'absent' ? 'unverified' : undefined;
    }
    case 'bag-hostname-unverified': {
      // An explicit `rejectUnauthorized: false` is reported, more precisely, by the bag check.
      const reject = lookup(value, 'rejectUnauthorized');
      if (reject.status === 'present' && possibleValues(reject.value).some((v) => v.kind === 'literal' && v.value === false)) return undefined;
      return 'unverified';
    }
    case 'bag-hostname-unverified-unless-verifyIdentity': {
      // An explicit `rejectUnauthorized: false` (in any branch) is reported, more precisely, by the bag check.
      const reject = lookup(value, 'rejectUnauthorized');
      if (reject.status === 'present' && possibleValues(reject.value).some((v) => v.kind === 'literal' && v.value === false)) return undefined;
      const verify = lookup(value, 'verifyIdentity');
      return verify.status === 'absent' ? 'unverified' : undefined;
    }
  }
}

function anyConditionHolds<N>(options: ObjectValue<N>, conditions: OptionCondition | OptionCondition[] | undefined): boolean {
  if (!conditions) return false;
  return (Array.isArray(conditions) ? conditions : [conditions]).some((condition) => conditionHolds(options, condition));
}

export function conditionHolds<N>(options: ObjectValue<N>, condition: OptionCondition | undefined): boolean {
  if (!condition) return true;
  const found = lookup(options, condition.path);
  if (found.status !== 'present' || found.value.kind !== 'literal') return false;
  const wanted = Array.isArray(condition.equals) ? condition.equals : [condition.equals];
  return wanted.includes(found.value.value);
}

/** A value and, for `a ? b : c` or `x && y`, each branch: code that can run must be safe. */
export function possibleValues<N>(value: Value<N>): Value<N>[] {
  if (value.kind !== 'conditional') return [value];
  return value.branches.flatMap(possibleValues);
}

/**
 * The values a verification setting may hold, with the literal default of an environment read
 * (`rejectUnauthorized: env.bool('DB_SSL_SELF', false)`): what the client does wherever the
 * deployment does not set the variable. A switch that turns TLS off is not read so: a default
 * there is the schema's, not a setting written to take effect.
 */
function unlessSet<N>(value: Value<N>): Value<N>[] {
  return possibleValues(value).flatMap((v) => (v.kind === 'env' && v.fallback?.kind === 'literal' ? [v, v.fallback] : [v]));
}

/**
 * `rejectUnauthorized: false` in a TLS settings object that is not a client's options (an
 * exported `DB_SSL`, whichever client takes it), in any of the values it may hold: Node's own
 * TLS options, which every client that hands them to `tls.connect` reads alike.
 */
export function unverifiedTlsBagProperties<N>(value: Value<N>): PropertyValue<N>[] {
  return possibleValues(value).flatMap((option) => {
    const found = option.kind === 'object' ? lookup(option, 'rejectUnauthorized') : undefined;
    return found?.status === 'present' && found.value.kind === 'literal' && found.value.value === false ? [found.prop] : [];
  });
}

/** Templates made from at most this many choices of their parts are judged choice by choice. */
const MAX_TEMPLATE_VARIANTS = 8;

/**
 * A template as one template per combination of the choices among its parts (`${url}${flags}`
 * where `flags` is one of two strings), each with the values it is made of; undefined for
 * anything else, or for too many combinations.
 */
function templateVariants<N>(value: Value<N>): Array<{ variant: Value<N>; parts: Value<N>[] }> | undefined {
  if (value.kind !== 'template') return undefined;
  let variants: Array<{ parts: Array<string | Value<N>>; values: Value<N>[] }> = [{ parts: [], values: [] }];
  for (const part of value.parts) {
    const options = typeof part === 'string' ? [part] : possibleValues(part);
    variants = variants.flatMap((v) => options.map((option) => ({ parts: [...v.parts, option], values: typeof option === 'string' ? v.values : [...v.values, option] })));
    if (variants.length > MAX_TEMPLATE_VARIANTS) return undefined;
  }
  // Without the template's pieces: a chosen part's text moves the offsets they hold.
  return variants.map(({ parts, values }) => ({ variant: { kind: 'template', parts, node: value.node }, parts: values }));
}

/** Report at the property when the value is its own, at the branch when it came from one. */
function reportNode<N>(prop: PropertyValue<N>, value: Value<N>): N {
  return prop.value === value ? prop.node : value.node;
}

function describe<N>(value: Value<N>): string {
  if (value.kind === 'literal') return typeof value.value === 'string' ? `'${value.value}'` : String(value.value);
  if (value.kind === 'object') return '{ ... }';
  return '...';
}

/** One issue per node and setting: a shared options object can reach a check twice. */
function dedupe<N>(issues: TlsIssue<N>[]): TlsIssue<N>[] {
  const seen = new Map<N, Set<string>>();
  return issues.filter((issue) => {
    let settings = seen.get(issue.node);
    if (!settings) seen.set(issue.node, (settings = new Set()));
    // A setting can mean two things (postgres.js `ssl: 'prefer'`): one issue per meaning.
    const key = `${issue.meaning} ${issue.setting}`;
    if (settings.has(key)) return false;
    settings.add(key);
    return true;
  });
}
