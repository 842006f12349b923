/**
 * The settings to run for one library, derived from its catalog entry so that a new switch,
 * flag, URL parameter, bag or recipe is covered by construction: each switch value, each
 * verify-off flag, each URL parameter value, each scheme, the usual Node TLS options in each
 * bag (on top of the secure recipe, which turns TLS on), the secure forms the messages
 * recommend, and the library default.
 */
import type { CatalogEntry, OptionCondition, RecipeVariant, SecureRecipe } from '../../src/catalog/types';
import type { Driver, Setting } from './drivers/types';
import { evaluateCode, evaluateOptions, toCode } from './source';

export interface OracleCase {
  /** The setting as code reads it: `ssl: { rejectUnauthorized: false }`, `postgres://…?sslmode=disable`. */
  label: string;
  /** The catalog data it exercises: `switch ssl`, `bag ssl`, `urlParam sslmode`, `recipe`. */
  origin: string;
  setting: Setting;
  /** Why this setting cannot be observed on a loopback oracle, when it cannot. */
  unobservable?: string;
}

/** Node TLS options that weaken or skip verification, tried in every bag. */
const BAG_SETTINGS: ReadonlyArray<[string, unknown, string?]> = [
  ['rejectUnauthorized', false],
  ['checkServerIdentity', () => undefined],
  ['minVersion', 'TLSv1'],
  ['maxVersion', 'TLSv1.1'],
  ['secureProtocol', 'TLSv1_method'],
  [
    'ciphers',
    'RC4-SHA:DES-CBC3-SHA:@SECLEVEL=0',
    "Node 20's OpenSSL 3.0 builds no RC4, 3DES or export suites, so no server can offer one: a weak cipher list cannot be told from the default on the wire",
  ],
];

export function conditionMatches(select: Record<string, unknown> | undefined, condition: OptionCondition | undefined): boolean {
  if (!condition) return true;
  const wanted = Array.isArray(condition.equals) ? condition.equals : [condition.equals];
  return select !== undefined && wanted.includes(select[condition.path] as never);
}

/** The recipe the codemods write for this driver: the matching variant, else the recipe. */
export function recipeFor(entry: CatalogEntry, select: Record<string, unknown> | undefined): SecureRecipe | RecipeVariant {
  return entry.recipe.variants?.find((variant) => conditionMatches(select, variant.when)) ?? entry.recipe;
}

function recipeOptions(recipe: SecureRecipe): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, code] of Object.entries(recipe.tlsOptions)) {
    const value = evaluateCode(code);
    if (!value) throw new Error(`recipe value for ${path} is not code: ${code}`);
    out[path] = value.value;
  }
  return out;
}

/** Bags carry no `when`: a multi-driver library's driver names the bags its driver reads. */
function bagApplies(driver: Driver, bag: string): boolean {
  return driver.bags === undefined || driver.bags.includes(bag);
}

export function describeSetting(driver: Driver, setting: Setting): string {
  const parts = Object.entries(setting.options)
    .filter(([path]) => !driver.select || !(path in driver.select))
    .map(([path, value]) => `${path}: ${toCode(value)}`);
  if (setting.url) parts.unshift(`${setting.url.scheme}://…${setting.url.query ? `?${setting.url.query}` : ''}`);
  return parts.length > 0 ? parts.join(', ') : '(nothing about TLS)';
}

export function catalogCases(entry: CatalogEntry, driver: Driver): OracleCase[] {
  const select = driver.select ?? {};
  const defaultUrl = driver.urlRequired && driver.scheme ? { scheme: driver.scheme, query: '' } : undefined;
  const recipe = recipeFor(entry, driver.select);
  const secureBase: Setting = { options: { ...select, ...recipeOptions(recipe) }, url: recipe.tlsScheme && driver.url ? { scheme: recipe.tlsScheme, query: '' } : defaultUrl };
  const cases: OracleCase[] = [];
  const add = (origin: string, setting: Setting, unobservable?: string): void => {
    const foreign = Object.keys(setting.options).find((path) => driver.otherFactories?.some((p) => path === p || path.startsWith(`${p}.`)));
    // The seed connection of a cluster or sentinel client could be run, but the catalog does not
    // say which options each factory reads (ioredis's Cluster ignores a top-level `tls`), so a
    // verdict for these paths would mix factories.
    if (foreign) unobservable ??= `\`${foreign}\` is read by the cluster or sentinel factory only, and the catalog does not tell which options each factory reads`;
    unobservable ??= driver.unobservable?.(setting);
    const label = describeSetting(driver, setting);
    if (cases.some((c) => c.label === label)) return;
    cases.push({ label, origin, setting, ...(unobservable ? { unobservable } : {}) });
  };
  const plain = (options: Record<string, unknown>, url = defaultUrl): Setting => ({ options: { ...select, ...options }, url });

  add('library default', plain({}));
  add('recipe (the codemods’ secure form)', secureBase);

  for (const sw of entry.tls.switches) {
    if (!conditionMatches(driver.select, sw.when)) continue;
    const origin = `switch ${sw.path}`;
    for (const key of Object.keys(sw.values ?? {})) add(origin, plain({ [sw.path]: JSON.parse(key) as unknown }));
    if (sw.otherTruthy) add(`${origin} (other truthy value)`, plain({ [sw.path]: sw.values && 'true' in sw.values ? 1 : true }));
    if (sw.object) add(`${origin} (object)`, plain({ [sw.path]: {} }));
    if (sw.object === 'bag-unverified-unless-rejectUnauthorized') add(`${origin} (object)`, plain({ [sw.path]: { rejectUnauthorized: true } }));
    if (sw.object === 'bag-hostname-unverified-unless-verifyIdentity' || sw.object === 'bag-hostname-unverified') add(`${origin} (object)`, plain({ [sw.path]: { verifyIdentity: true } }));
    const secure = evaluateOptions(sw.secure);
    if (secure) add(`${origin} (secure form)`, plain(secure, secureBase.url));
    // An option that overrides this one (nodemailer `requireTLS: true` beats `ignoreTLS: true`).
    const unless = sw.unless === undefined ? [] : Array.isArray(sw.unless) ? sw.unless : [sw.unless];
    const offending = Object.entries(sw.values ?? {}).find(([, meaning]) => meaning !== 'verified');
    for (const condition of offending ? unless : []) {
      const value = Array.isArray(condition.equals) ? condition.equals[0] : condition.equals;
      add(`${origin} unless ${condition.path}`, plain({ [sw.path]: JSON.parse(offending![0]) as unknown, [condition.path]: value }));
    }
  }

  for (const bag of entry.tls.bags) {
    if (!bagApplies(driver, bag)) continue;
    for (const [key, value, unobservable] of BAG_SETTINGS) {
      const path = bag === '' ? key : `${bag}.${key}`;
      add(`bag ${bag === '' ? '(options root)' : bag}`, { options: { ...secureBase.options, [path]: value }, url: secureBase.url }, unobservable);
    }
  }

  for (const flag of entry.tls.verifyOff) {
    if (!conditionMatches(driver.select, flag.when)) continue;
    add(`verifyOff ${flag.path}`, { options: { ...secureBase.options, [flag.path]: flag.value }, url: secureBase.url });
    const secure = evaluateOptions(flag.secure.replace(/ \(.*\)$/, ''));
    if (secure) add(`verifyOff ${flag.path} (secure form)`, { options: { ...secureBase.options, ...secure }, url: secureBase.url });
  }

  if (driver.url && driver.scheme) {
    const scheme = driver.scheme;
    for (const spec of entry.tls.urlParams) {
      // A parameter of another driver's URLs (knex's `sslmode` is pg's) means nothing here.
      if (spec.schemes && !spec.schemes.includes(scheme)) continue;
      const requires = spec.requires ? `&${spec.requires.name}=${spec.requires.value}` : '';
      for (const value of Object.keys(spec.values)) {
        add(`urlParam ${spec.name}${spec.requires ? ` with ${spec.requires.name}` : ''}`, plain({}, { scheme, query: `${spec.name}=${encodeURIComponent(value)}${requires}` }));
      }
      const secure = /^([\w.]+)=(\S+)$/.exec(spec.secure);
      // The secure form may name another parameter (knex's `ssl=` → `sslmode=`), with its own schemes.
      const securedBy = secure && entry.tls.urlParams.find((p) => p.name.toLowerCase() === secure[1]!.toLowerCase() && !p.requires);
      if (secure && !securedBy?.schemes?.every((s) => s !== scheme)) add(`urlParam ${spec.name} (secure form)`, plain({}, { scheme, query: `${secure[1]}=${encodeURIComponent(secure[2]!)}` }));
    }
    const schemes = entry.tls.schemes;
    for (const s of [...(schemes?.tls ?? []), ...(schemes?.plaintext ?? [])]) {
      if (driver.schemes && !driver.schemes.includes(s)) continue;
      add(`scheme ${s}`, plain({}, { scheme: s, query: '' }));
    }
    if (schemes?.caseSensitiveTls) for (const s of schemes.tls) add(`scheme ${s} (upper case)`, plain({}, { scheme: s.toUpperCase(), query: '' }));
    for (const s of entry.tls.paramSchemes ?? []) if (s === scheme) add(`paramScheme ${s} without parameters`, plain({}, { scheme: s, query: '' }));
  }
  return cases;
}
