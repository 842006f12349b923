import type { CatalogEntry, CredentialSpec, LocationSpec, OptionCondition, RecipeVariant, SecureRecipe, TlsSpec } from './types';

/** The parts of an entry that name option paths. */
export type OptionSemantics = Pick<CatalogEntry, 'tls' | 'credentials' | 'location' | 'recipe'>;

/**
 * A client's option semantics with every option path moved under `prefix`: a wrapper that
 * hands `options.client` to kafkajs or `connection` to ioredis is judged by the client's own
 * facts, written once in the client's entry. `''` paths (a root TLS bag) become the prefix.
 */
export function rebase(entry: OptionSemantics, prefix: string): OptionSemantics {
  // A URL given as the client's argument (`$arg`) becomes the wrapper's `url` option.
  const at = (path: string): string => (path === '' ? prefix : path === '$arg' ? `${prefix}.url` : `${prefix}.${path}`);
  return mapPaths(entry, at, at);
}

/**
 * A client's option semantics with the option its conditions test renamed: egg-knex takes
 * knex's driver as `dialect` where knex itself reads `client`.
 */
export function renameConditionPath(entry: OptionSemantics, from: string, to: string): OptionSemantics {
  return mapPaths(entry, (path) => path, (path) => (path === from ? to : path));
}

/** Every option path of `entry` through `at`, and the paths its conditions test through `tested`. */
function mapPaths(entry: OptionSemantics, at: (path: string) => string, tested: (path: string) => string): OptionSemantics {
  const condition = (c: OptionCondition): OptionCondition => ({ ...c, path: tested(c.path) });
  const conditions = (c: OptionCondition | OptionCondition[] | undefined): OptionCondition | OptionCondition[] | undefined =>
    c === undefined ? undefined : Array.isArray(c) ? c.map(condition) : condition(c);
  const tls: TlsSpec = {
    ...entry.tls,
    switches: entry.tls.switches.map((sw) => omitUndefined({ ...sw, path: at(sw.path), when: sw.when && condition(sw.when), unless: conditions(sw.unless) })),
    bags: entry.tls.bags.map(at),
    droppedBagKeys: entry.tls.droppedBagKeys?.map((d) => omitUndefined({ ...d, bag: at(d.bag), when: d.when && condition(d.when) })),
    verifyOff: entry.tls.verifyOff.map((flag) => omitUndefined({ ...flag, path: at(flag.path), when: flag.when && condition(flag.when) })),
    pinningOptions: entry.tls.pinningOptions?.map(at),
  };
  const credentials: CredentialSpec = {
    ...entry.credentials,
    userPaths: entry.credentials.userPaths.map(at),
    secretPaths: entry.credentials.secretPaths.map(at),
    ...(entry.credentials.userPassPaths ? { userPassPaths: entry.credentials.userPassPaths.map(at) } : {}),
    ...(entry.credentials.envVars ? { envVars: Object.fromEntries(Object.entries(entry.credentials.envVars).map(([path, name]) => [at(path), name])) } : {}),
  };
  const location: LocationSpec = {
    urlPaths: entry.location.urlPaths.map(at),
    hostPaths: entry.location.hostPaths.map(at),
    listPaths: entry.location.listPaths.map(at),
    portPaths: entry.location.portPaths.map(at),
    notLocations: entry.location.notLocations?.map(at),
  };
  const recipeAt = <R extends SecureRecipe | RecipeVariant>(recipe: R): R => ({
    ...recipe,
    urlOption: at(recipe.urlOption),
    tlsOptions: Object.fromEntries(Object.entries(recipe.tlsOptions).map(([path, text]) => [at(path), text])),
    supersededOptions: recipe.supersededOptions.map(at),
    ...(recipe.envOptions ? { envOptions: recipe.envOptions.map((o) => ({ ...o, path: at(o.path), ...(o.replaces ? { replaces: o.replaces.map(at) } : {}) })) } : {}),
  });
  const recipe: SecureRecipe = { ...recipeAt(entry.recipe), variants: entry.recipe.variants?.map((v) => ({ ...recipeAt(v), when: condition(v.when) })) };
  return omitUndefined({ tls: omitUndefined(tls), credentials, location: omitUndefined(location), recipe: omitUndefined(recipe) });
}

function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
