import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, outerParent, staticPropertyName, unwrap } from '../../src/analysis/ast';
import { configFileConvention } from '../../src/analysis/config-files';
import { accountDefault, locationDefault, secretDefault } from '../../src/policy/env-defaults';
import { environmentKind, isServiceLocationEnvName } from '../../src/policy/env-names';
import { localLocationIn } from '../../src/policy/environment';
import type { ClientSite } from '../../src/analysis/file-analysis';
import type { CatalogEntry, EnvOption, SecureRecipe, ServiceKind } from '../../src/catalog/types';
import { possibleValues, tlsIssues } from '../../src/policy/tls';
import { lookup, walkValues, type ObjectValue, type Value } from '../../src/policy/value';
import { objectText, type Editor, type Replacement } from '../analysis/edit';
import { asCall, findPath, holderOf, propertyKey, within } from '../analysis/estree';
import type { BNode } from '../analysis/recast-tree';
import { configObject, type ConfigObject } from './config-object';
import { recipeFor } from './recipe';
import { fixSite } from './verify-tls';

type Node = TSESTree.Node;
type EValue = Value<Node>;

/** An environment variable the rewritten code reads. */
export interface EnvVariable {
  name: string;
  service: ServiceKind;
  /** The client library's display name. */
  library: string;
  /** The URL scheme that carries TLS for this library, when TLS lives in the scheme. */
  tlsScheme?: string;
  /** What the variable holds when it is not the service URL (`comma-separated host:port list ...`). */
  description?: string;
  /** The file it was introduced for. */
  file: string;
}

export interface EnvServiceUrlOptions {
  envVars: Record<string, string>;
  path: string;
  /** Restrict to sites touching these nodes (after `remove-environment-branching`). */
  only?: Set<Node>;
  /** Branches that were removed: a site whose values lie in one is gone. */
  discarded?: Set<Node>;
  /** TypeScript file: a URL passed as an argument is written `process.env.X as string`. */
  isTypeScript?: boolean;
}

/** Words that name the client rather than which one it is: `analyticsPool` → `ANALYTICS`. */
const GENERIC_WORDS = new Set(
  'pool pools client clients db dbs database databases conn connection connections con cnx sql pg postgres postgresql psql mysql mysql2 mongo mongodb mongoose redis ioredis kafka amqp rabbit rabbitmq channel transporter transport mailer smtp es elastic elasticsearch opensearch knex sequelize typeorm datasource data source orm nats nc ldap mssql broker instance default cassandra tedious config options settings'.split(
    ' ',
  ),
);

/** Keys that hold a location or credentials when passed as a positional argument. */
const POSITIONAL_KEYS = new Set(['url', 'database', 'username', 'password', 'host', 'port', 'path', 'connectionString']);

interface Plan {
  site: ClientSite;
  /** The variable names this site's rewrite reads, before prefixes (`DATABASE_URL`, or one per env option). */
  bases: string[];
  prefix: string;
  /** Entries of one per-environment config file: every one reads the same variables. */
  shared?: boolean;
  apply: (names: string[]) => boolean;
}

/**
 * `env-service-url`: clients whose location or credentials are literals read them from the
 * environment instead (one URL, or for libraries that take none, one variable per setting),
 * with TLS on and verified by the library's recipe; literal fallbacks after an environment read
 * are dropped.
 */
export function envServiceUrl(editor: Editor, options: EnvServiceUrlOptions): { sites: number; variables: EnvVariable[] } {
  let count = 0;
  const fallbackVariables: EnvVariable[] = [];
  const plans: Plan[] = [];
  // One rewrite per configuration object: several sites can share a call (one per branch).
  const seen = new Set<string>();
  // A client built in a helper is rewritten per caller (`via`) when the analysis bound its
  // parameters; the helper's own site, with its parameters unknown, is not rewritten apart.
  const helpers = new Set(editor.analysis.sites.filter((s) => s.via).map((s) => s.node));
  for (const site of editor.analysis.sites) {
    if (!site.via && helpers.has(site.node)) continue;
    if (options.only && !touches(site, options.only, options.discarded ?? new Set())) continue;
    const key = siteKey(site);
    if (seen.has(key)) continue;
    seen.add(key);
    const plan = planSite(editor, site, options);
    if (plan === 'fallbacks') {
      // The variable is now required: list it in .env.example too.
      const names = fallbackValues(site).map((v) => v.name!);
      if (stripFallbacks(editor, site)) {
        count++;
        for (const name of new Set(names)) fallbackVariables.push({ name, service: site.entry.service, library: site.entry.displayName, file: options.path });
      }
      continue;
    }
    if (plan) plans.push(plan);
  }
  count += stripEnvDefaults(editor);
  const planned = new Set(plans.map((p) => p.site));
  const taken = new Set<string>();
  for (const site of editor.analysis.sites) {
    if (planned.has(site)) continue;
    for (const value of walkValues(site.options)) if (value.kind === 'env' && value.name) taken.add(value.name);
  }
  const names = assignNames(plans, taken);
  const variables: EnvVariable[] = [...fallbackVariables];
  plans.forEach((plan, i) => {
    const chosen = names[i]!;
    if (!plan.apply(chosen)) return;
    count++;
    const recipe = recipeFor(plan.site.entry, plan.site.options);
    const { entry } = plan.site;
    if (recipe.envOptions) {
      recipe.envOptions.forEach((option, k) => {
        if (writtenOptions(plan.site, recipe).includes(option) && !envOnlyAt(plan.site.options, option.path)) variables.push({ name: chosen[k]!, service: entry.service, library: entry.displayName, description: option.description, file: options.path });
      });
    } else {
      variables.push({ name: chosen[0]!, service: entry.service, library: entry.displayName, tlsScheme: recipe.tlsScheme, file: options.path });
    }
  });
  return { sites: count, variables };
}

/** Sites of one call that differ only by branch share their rewrite. */
function siteKey(site: ClientSite): string {
  const object = site.options.node;
  return `${site.entry.id}:${site.node.range[0]}:${site.node.range[1]}:${site.via?.range[0] ?? ''}:${object.range[0]}`;
}

function touches(site: ClientSite, kept: Set<Node>, discarded: Set<Node>): boolean {
  for (const node of discarded) {
    for (const value of walkValues(site.options)) if (within(value.node, node)) return false;
  }
  for (const node of kept) {
    if (within(node, site.node) || within(site.node, node)) return true;
    for (const value of walkValues(site.options)) if (within(value.node, node)) return true;
  }
  return false;
}

/** Paths that say where the service is or who logs in. */
function locationPaths(entry: CatalogEntry): string[] {
  const not = new Set(entry.location.notLocations ?? []);
  return [...entry.location.urlPaths, ...entry.location.hostPaths, ...entry.location.listPaths].filter((p) => !not.has(p));
}

function isHard(value: EValue): boolean {
  for (const v of possibleValues(value)) {
    if (v.kind === 'literal' && typeof v.value === 'string' && v.value !== '') return true;
    if (v.kind === 'template' && v.parts.some((p) => typeof p === 'string' && p !== '')) return true;
    if (v.kind === 'array' && v.elements.some(isHard)) return true;
    if (v.kind === 'object' && v.props.some((p) => isHard(p.value))) return true;
  }
  return false;
}

function hardAt(options: ObjectValue<Node>, path: string): boolean {
  const found = lookup(options, path);
  return found.status === 'present' && isHard(found.value);
}

/** A value read from the environment with nothing hard-coded in it (`auth: { apiKey: process.env.KEY }`). */
function envOnlyAt(options: ObjectValue<Node>, path: string): boolean {
  const found = lookup(options, path);
  if (found.status !== 'present' || isHard(found.value)) return false;
  return [...walkValues(found.value)].some((v) => v.kind === 'env');
}

/**
 * What to do with a site: `undefined` (nothing), `'fallbacks'` (only drop literal defaults), or
 * a plan that rewrites it with the given variable names (false when it left a marker).
 */
function planSite(editor: Editor, site: ClientSite, options: EnvServiceUrlOptions): undefined | 'fallbacks' | Plan {
  const { entry } = site;
  const hard = [...locationPaths(entry), ...entry.credentials.secretPaths].some((path) => hardAt(site.options, path));
  if (!hard) return fallbackValues(site).length > 0 ? 'fallbacks' : undefined;
  const recipe = recipeFor(entry, site.options);
  const override = (base: string): string => options.envVars[entry.service] ?? options.envVars[entry.id] ?? options.envVars[base] ?? base;
  const prefix = prefixOf(assignedName(site));
  if (recipe.envOptions) {
    const envOptions = recipe.envOptions;
    return { site, prefix, bases: envOptions.map((o, i) => (i === 0 ? override(o.envVar) : options.envVars[o.envVar] ?? o.envVar)), apply: (names) => rewriteOptions(editor, site, recipe, names, options.isTypeScript) };
  }
  if (recipe.noUrl) {
    return {
      site,
      prefix,
      bases: [],
      apply: () => {
        editor.marker(firstHardNode(site) ?? site.node, recipe.noUrl!);
        return false;
      },
    };
  }
  const variableOption = site.origin === 'config-file' ? configFileConvention(options.path)?.convention.urlVariableOption : undefined;
  return { site, prefix, shared: environmentEntry(site), bases: [override(entry.envVar)], apply: (names) => rewrite(editor, site, names[0]!, options.isTypeScript, variableOption) };
}

/**
 * A configuration for one environment in a map of them (`production: {...}` in a knexfile, a
 * sequelize-cli config or a typed `Record<string, Knex.Config>`): every entry reads the same
 * variables, or the environments would still connect differently.
 */
function environmentEntry(site: ClientSite): boolean {
  if (site.origin === 'call') return false;
  const property = unwrap(site.options.node).parent;
  return property?.type === 'Property' && environmentKind(propertyKey(property) ?? '') !== undefined;
}

function firstHardNode(site: ClientSite): Node | undefined {
  for (const path of [...locationPaths(site.entry), ...site.entry.credentials.secretPaths]) {
    const found = lookup(site.options, path);
    if (found.status === 'present' && isHard(found.value)) return found.prop.node;
  }
  return undefined;
}

/** Environment reads at location or credential paths that fall back to a literal. */
function fallbackValues(site: ClientSite): Array<EValue & { kind: 'env' }> {
  const out: Array<EValue & { kind: 'env' }> = [];
  for (const path of [...locationPaths(site.entry), ...site.entry.credentials.userPaths, ...site.entry.credentials.secretPaths, ...site.entry.location.portPaths]) {
    const found = lookup(site.options, path);
    if (found.status !== 'present') continue;
    for (const value of walkValues(found.value)) {
      if (value.kind === 'env' && value.fallback && value.name && value.fallback.kind === 'literal' && value.fallback.value !== undefined) out.push(value);
    }
  }
  return out;
}

/**
 * Literal defaults of environment reads anywhere in the file that the rules judge by the
 * variable's name (`process.env.DB_HOST || 'localhost'`, `process.env.DB_PASSWORD ?? 'secret'`,
 * `process.env.DB_USER || 'root'`), as in a configuration module that builds no client: the
 * variable becomes required, so a missing one fails instead of connecting somewhere else.
 */
function stripEnvDefaults(editor: Editor): number {
  const values = editor.analysis.envReads
    .filter((read) => {
      const fallback = read.value.fallback;
      if (fallback?.kind !== 'literal' || fallback.value === undefined) return false;
      const local = isServiceLocationEnvName(read.name) && localLocationIn(fallback) !== undefined;
      return local || locationDefault(read.name, fallback) !== undefined || secretDefault(read.name, fallback) !== undefined || accountDefault(read.name, fallback) !== undefined;
    })
    .map((read) => read.value);
  return stripValues(editor, values) ? 1 : 0;
}

/** `process.env.X || 'localhost'` → `process.env.X` (and the `? :` and destructuring forms). */
function stripFallbacks(editor: Editor, site: ClientSite): boolean {
  return stripValues(editor, fallbackValues(site));
}

function stripValues(editor: Editor, values: ReadonlyArray<EValue & { kind: 'env' }>): boolean {
  let changed = false;
  for (const value of values) {
    if (editor.stripped.has(value.node)) continue;
    editor.stripped.add(value.node);
    const node = unwrap(value.node);
    if (node.type === 'LogicalExpression') {
      editor.dropped.push(node.right);
      changed = editor.replace(node, node.left) || changed;
    } else if (node.type === 'ConditionalExpression') {
      editor.dropped.push(node.alternate);
      changed = editor.replace(node, node.consequent) || changed;
    } else if (value.fallbackNode) {
      const holder = value.fallbackNode.parent;
      if (holder?.type === 'AssignmentPattern' && holder.right === value.fallbackNode) changed = editor.replace(holder, holder.left) || changed;
      // A reader's default argument (Strapi's `env('DATABASE_HOST', '127.0.0.1')`).
      else if (holder?.type === 'CallExpression' && holder === node && holder.arguments.at(-1) === value.fallbackNode) {
        editor.dropped.push(value.fallbackNode);
        changed = editor.setArguments(holder, holder.arguments.slice(0, -1) as Node[]) || changed;
      }
    }
  }
  return changed;
}

/** The expression that reads a URL: `process.env.X`, or `process.env.X as string` where the typings want a string. */
function urlExpression(editor: Editor, name: string, isTypeScript: boolean | undefined): BNode {
  return isTypeScript ? editor.expression(`process.env.${name} as string`) : editor.envRead(name);
}

/** The expression that reads one option from its variable, in the form the recipe says. */
function optionText(option: EnvOption, name: string, isTypeScript: boolean | undefined): string {
  const read = `process.env.${name}`;
  if (option.form === 'list') return isTypeScript ? `(${read} as string).split(',')` : `${read}.split(',')`;
  return isTypeScript && option.required ? `${read} as string` : read;
}

/** The arguments of the site's own call that are themselves a location (`new Client('postgres://...')`). */
function positionalArgs(site: ClientSite, removable: Set<string>): Set<number> {
  const positional = new Set<number>();
  site.args.forEach((arg, i) => {
    if (arg.kind === 'object') return;
    if (site.options.props.some((p) => p.value === arg && (removable.has(p.key) || POSITIONAL_KEYS.has(p.key)))) positional.add(i);
  });
  return positional;
}

/** The argument nodes of the site's call, when the codemod may rebuild its argument list. */
function ownArguments(site: ClientSite): { call: TSESTree.CallExpression | TSESTree.NewExpression; args: Node[] } | undefined {
  const call = site.origin === 'call' && !site.via ? asCall(site.node) : undefined;
  return call ? { call, args: call.arguments as Node[] } : undefined;
}

function rewrite(editor: Editor, site: ClientSite, name: string, isTypeScript: boolean | undefined, variableOption?: string): boolean {
  const { entry, options, factory } = site;
  const base = recipeFor(entry, options);
  // sequelize-cli's config names the variable (`use_env_variable: 'DATABASE_URL'`) where the client takes a URL argument.
  const recipe = base.urlOption === '$arg' && variableOption ? { ...base, urlOption: variableOption } : base;
  const removable = new Set([
    ...locationPaths(entry),
    ...entry.location.portPaths,
    // Credentials move into the URL when written in code; ones read from the environment stay.
    ...(entry.credentials.urlUserinfo ? [...entry.credentials.userPaths, ...entry.credentials.secretPaths].filter((p) => hardAt(options, p)) : []),
    ...recipe.supersededOptions.filter((p) => !envOnlyAt(options, p)),
    ...(recipe.urlOption === '$arg' ? [] : [recipe.urlOption]),
  ]);
  if (!entry.credentials.urlUserinfo && entry.credentials.secretPaths.some((p) => hardAt(options, p))) {
    editor.marker(firstHardNode(site) ?? site.node, `${entry.displayName} takes credentials apart from the URL: read them from the environment`);
    return false;
  }
  const positional = positionalArgs(site, removable);
  const own = ownArguments(site);
  const hasObjectArg = site.args.some((a) => a.kind === 'object');
  const config = configObject(site, editor.sourceCode);
  // Markers go where the hard-coded values are written, which is where the rules report.
  const hardNode = firstHardNode(site) ?? site.node;
  if ((hasObjectArg || site.origin !== 'call') && !config) {
    editor.marker(hardNode, `${entry.displayName} options are shared with other code or built elsewhere: read the location from process.env.${name} and turn TLS on where they are defined`);
    return false;
  }
  if (positional.size > 0 && !own) {
    editor.marker(hardNode, `${entry.displayName} location comes from code outside this call: read it from process.env.${name} instead`);
    return false;
  }
  // Every hard-coded value must sit in the object we edit (or be a positional argument).
  for (const path of removable) {
    const found = lookup(options, path);
    if (found.status !== 'present') continue;
    if (site.args.includes(found.value) && positional.has(site.args.indexOf(found.value))) continue;
    if (!config || !editablePath(config, path, found.prop.node, found.value.node, editor.sourceCode)) {
      editor.marker(hardNode, `${entry.displayName} location comes from code outside this call: read it from process.env.${name} instead`);
      return false;
    }
  }
  const issues = tlsIssues(entry, options, site.node);
  // Fix what is insecure inside existing TLS options first (`ssl: { ca, rejectUnauthorized: false }` keeps its `ca`).
  fixSite(editor, site, new Set());

  positional.forEach((i) => editor.dropped.push(own!.args[i]!));
  const urlProp = config ? findPath(config.node, recipe.urlOption) : undefined;
  if (urlProp) editor.dropped.push(urlProp.value);

  if (recipe.urlOption === '$arg') {
    const allowsOptionsAfterUrl = factory?.args === 'ioredis' || factory?.args === 'sequelize' || (Array.isArray(factory?.args) && factory.args[1] === '$spread');
    if (config && config.argIndex === 0 && !allowsOptionsAfterUrl) {
      const rest = config.node.properties.filter((p) => !removable.has(propertyKey(p) ?? ''));
      if (rest.length > 0) {
        editor.marker(site.node, `${entry.displayName} takes either a URL or an options object: move the remaining options into the URL in process.env.${name}`);
        return false;
      }
    }
    if (!own) {
      editor.marker(hardNode, `${entry.displayName} is built through other code: pass process.env.${name} as its URL where it is called`);
      return false;
    }
    if (config) removePaths(editor, config.node, removable, new Set(Object.keys(recipe.tlsOptions)));
    const tlsChanged = config ? applyTls(editor, config.node, recipe.tlsOptions, issues) : false;
    const keepConfig = config && (config.node.properties.length > removedCount(config.node, removable) || tlsChanged || Object.keys(recipe.tlsOptions).length > 0);
    const newArgs: Replacement[] = [urlExpression(editor, name, isTypeScript)];
    if (keepConfig && config.argIndex !== undefined) newArgs.push(config.argument ?? own.args[config.argIndex]!);
    else if (!config && Object.keys(recipe.tlsOptions).length > 0 && allowsOptionsAfterUrl) newArgs.push(editor.expression(objectText(Object.entries(recipe.tlsOptions))));
    own.args.forEach((arg, i) => {
      if (positional.has(i) || i === config?.argIndex) return;
      if (site.args[i]?.kind === 'object') return;
      newArgs.push(arg);
    });
    return editor.setArguments(own.call, newArgs);
  }

  // The URL goes into an option of the options object.
  if (!config) {
    if (!own) return false;
    const first = [...positional][0];
    const object = editor.expression(objectText([[recipe.urlOption, `process.env.${name}`], ...Object.entries(recipe.tlsOptions)]));
    const newArgs: Replacement[] = own.args.filter((_, i) => !positional.has(i));
    newArgs.splice(first ?? 0, 0, object);
    return editor.setArguments(own.call, newArgs);
  }
  if (positional.size > 0 && own) editor.setArguments(own.call, own.args.filter((_, i) => !positional.has(i)));
  const at = removePaths(editor, config.node, removable, new Set([recipe.urlOption, ...Object.keys(recipe.tlsOptions)]));
  editor.setPath(config.node, recipe.urlOption, () => (recipe.urlOption === variableOption ? editor.stringLiteral(name) : editor.envRead(name)), at);
  applyTls(editor, config.node, recipe.tlsOptions, issues);
  editor.changes++;
  return true;
}

/**
 * For a library that takes no URL (kafkajs, tedious, mssql, mysqljs, cassandra-driver): each
 * location and credential option the recipe lists is read from its own variable, and the
 * library's verified TLS options are written. A URL or connection string given as the whole
 * argument becomes an options object.
 */
function rewriteOptions(editor: Editor, site: ClientSite, recipe: SecureRecipe, names: string[], isTypeScript: boolean | undefined): boolean {
  const { entry, options } = site;
  const envOptions = recipe.envOptions!;
  const config = configObject(site, editor.sourceCode);
  const own = ownArguments(site);
  const hardNode = firstHardNode(site) ?? site.node;
  const replaced = new Set(envOptions.flatMap((o) => [o.path, ...(o.replaces ?? [])]));
  const positional = positionalArgs(site, replaced);
  // Hard-coded secrets the recipe has no variable for stay: say where.
  const uncovered = entry.credentials.secretPaths.find((p) => hardAt(options, p) && !replaced.has(p));
  if ((site.args.some((a) => a.kind === 'object') || site.origin !== 'call') && !config) {
    editor.marker(hardNode, `${entry.displayName} options are shared with other code or built elsewhere: read ${names.filter((_, i) => writtenOptions(site, recipe).includes(envOptions[i]!)).map((n) => `process.env.${n}`).join(', ')} where they are defined and turn TLS on there`);
    return false;
  }
  if (positional.size > 0 && !own) {
    editor.marker(hardNode, `${entry.displayName} location comes from code outside this call: read it from process.env.${names[0]} instead`);
    return false;
  }
  for (const path of replaced) {
    const found = lookup(options, path);
    if (found.status !== 'present' || envOnlyAt(options, path)) continue;
    if (site.args.includes(found.value) && positional.has(site.args.indexOf(found.value))) continue;
    if (!config || !editablePath(config, path, found.prop.node, found.value.node, editor.sourceCode)) {
      editor.marker(hardNode, `${entry.displayName} location comes from code outside this call: read it from process.env.${names[0]} instead`);
      return false;
    }
  }
  const issues = tlsIssues(entry, options, site.node);
  fixSite(editor, site, new Set());
  const written = writtenOptions(site, recipe);
  const entries: Array<[string, string]> = [];
  envOptions.forEach((option, i) => {
    if (written.includes(option) && !envOnlyAt(options, option.path)) entries.push([option.path, optionText(option, names[i]!, isTypeScript)]);
  });
  if (!config) {
    // `mysql.createConnection('mysql://...')`, `sql.connect('Server=...')`: an options object instead.
    if (!own) return false;
    positional.forEach((i) => editor.dropped.push(own.args[i]!));
    const first = [...positional][0] ?? 0;
    const object = editor.expression(objectText([...entries, ...Object.entries(recipe.tlsOptions)]));
    const newArgs: Replacement[] = own.args.filter((_, i) => !positional.has(i));
    newArgs.splice(first, 0, object);
    editor.setArguments(own.call, newArgs);
  } else {
    if (positional.size > 0 && own) {
      positional.forEach((i) => editor.dropped.push(own.args[i]!));
      editor.setArguments(own.call, own.args.filter((_, i) => !positional.has(i)));
    }
    const removable = new Set([...replaced].filter((p) => !envOnlyAt(options, p) && !entries.some(([path]) => path === p)));
    const at = removePaths(editor, config.node, removable, new Set([...entries.map(([p]) => p), ...Object.keys(recipe.tlsOptions)]));
    for (const [path] of entries) {
      const present = findPath(config.node, path);
      if (present) editor.dropped.push(present.value);
    }
    editor.setPaths(config.node, entries, at);
    applyTls(editor, config.node, recipe.tlsOptions, issues);
  }
  editor.changes++;
  if (uncovered) editor.marker(lookup(options, uncovered).status === 'present' ? (lookup(options, uncovered) as { prop: { node: Node } }).prop.node : site.node, `${entry.displayName} \`${uncovered}\` is a hard-coded secret: read it from the environment`);
  if (recipe.residual) editor.marker(site.node, recipe.residual);
  return true;
}

/** The recipe's env options a rewrite writes: always-written ones, and `ifPresent` ones the code set. */
function writtenOptions(site: ClientSite, recipe: SecureRecipe): EnvOption[] {
  const fromString = site.args.some((arg) => arg.kind !== 'object' && site.options.props.some((p) => p.value === arg && (recipe.envOptions ?? []).some((o) => o.replaces?.includes(p.key))));
  return (recipe.envOptions ?? []).filter((o) => !o.ifPresent || fromString || [o.path, ...(o.replaces ?? [])].some((p) => lookup(site.options, p).status !== 'absent'));
}

/**
 * A value at `path` that is written in the object the codemod edits: not spread in from
 * elsewhere, and not a helper's parameter whose value the caller passes (`{ host }` in
 * `function makePool(host)`), which removing the key would leave passed and unused.
 */
function editablePath(config: ConfigObject, path: string, propNode: Node, valueNode: Node, sourceCode: TSESLint.SourceCode): boolean {
  const prop = findPath(config.node, path);
  if (!prop || !(prop === propNode || within(propNode, prop))) return false;
  return within(valueNode, config.node) || ownConstant(valueNode, config.node, sourceCode);
}

/**
 * A value written in a `const` that only this object reads (`const node = 'https://...';
 * new Client({ node })`): removing the key leaves the constant unread, and it goes with it.
 */
function ownConstant(valueNode: Node, object: Node, sourceCode: TSESLint.SourceCode): boolean {
  let current: Node = valueNode;
  while (current.parent && (current.parent.type === 'ConditionalExpression' || current.parent.type === 'LogicalExpression' || unwrap(current.parent) !== current.parent)) current = current.parent;
  const declarator = current.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== current || declarator.id.type !== 'Identifier' || declarator.parent.kind !== 'const') return false;
  if (declarator.parent.parent?.type === 'ExportNamedDeclaration') return false;
  const variable = findVariable(sourceCode.getScope(declarator.id), declarator.id);
  const reads = variable?.references.filter((r) => r.isRead()) ?? [];
  return reads.length > 0 && reads.every((r) => within(r.identifier as Node, object));
}

function removedCount(object: TSESTree.ObjectExpression, paths: Set<string>): number {
  return object.properties.filter((p) => paths.has(propertyKey(p) ?? '')).length;
}

/** Removes the given option paths from an object literal; returns where the first top-level one was. */
function removePaths(editor: Editor, object: TSESTree.ObjectExpression, paths: Set<string>, writes: Set<string>): number | undefined {
  let at: number | undefined;
  const removedFrom = new Map<TSESTree.ObjectExpression, number>();
  const sorted = [...paths].sort((a, b) => b.split('.').length - a.split('.').length);
  for (const path of sorted) {
    const prop = findPath(object, path);
    if (!prop) continue;
    // `connection: { host, ... }` stays as the home of `connection.connectionString`.
    if (unwrap(prop.value as Node).type === 'ObjectExpression' && [...writes].some((w) => w.startsWith(`${path}.`))) continue;
    const holder = holderOf(object, path);
    if (!holder) continue;
    const index = holder.properties.indexOf(prop);
    if (holder === object) at = at === undefined ? index : Math.min(at, index);
    if (!editor.removeProperty(prop)) continue;
    removedFrom.set(holder, (removedFrom.get(holder) ?? 0) + 1);
    // Drop a nested object this emptied (`socket: {}` after host and port went).
    const parentPath = path.split('.').slice(0, -1).join('.');
    const written = [...writes].some((w) => w.startsWith(`${parentPath}.`));
    if (holder !== object && removedFrom.get(holder) === holder.properties.length && !written) {
      const parentProp = findPath(object, parentPath);
      const parentHolder = holderOf(object, parentPath);
      if (parentProp && parentHolder) {
        if (parentHolder === object) at = at === undefined ? parentHolder.properties.indexOf(parentProp) : Math.min(at, parentHolder.properties.indexOf(parentProp));
        editor.removeProperty(parentProp);
      }
    }
  }
  // The first removed top-level slot is a fine place for the URL (indices count the original keys).
  if (at === undefined) return undefined;
  const before = object.properties.slice(0, at).filter((p) => paths.has(propertyKey(p) ?? '')).length;
  return at - before;
}

/** Writes the recipe's TLS options where they are absent or currently insecure. */
function applyTls(editor: Editor, object: TSESTree.ObjectExpression, tlsOptions: Record<string, string>, issues: Array<{ setting: string }>): boolean {
  const entries = Object.entries(tlsOptions).filter(([path]) => {
    const present = findPath(object, path);
    const insecure = issues.some((issue) => issue.setting === path || issue.setting.startsWith(`${path}:`) || issue.setting.startsWith(`${path}.`));
    return !present || (insecure && unwrap(present.value as Node).type !== 'ObjectExpression');
  });
  return entries.length > 0 && editor.setPaths(object, entries);
}

/** The name a client is assigned to: `const analyticsPool = new Pool()` → `analyticsPool`. */
function assignedName(site: ClientSite): string | undefined {
  const { parent, child } = outerParent(site.via ?? site.node);
  if (!parent) return undefined;
  if (parent.type === 'VariableDeclarator' && parent.init === child && parent.id.type === 'Identifier') return parent.id.name;
  if (parent.type === 'AssignmentExpression' && parent.right === child) {
    const left = parent.left;
    if (left.type === 'Identifier') return left.name;
    if (left.type === 'MemberExpression') return staticPropertyName(left);
  }
  if ((parent.type === 'Property' || parent.type === 'PropertyDefinition') && parent.value === child) {
    return parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : undefined;
  }
  return undefined;
}

function prefixOf(name: string | undefined): string {
  if (!name) return '';
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  // A variable name must not start with a digit (`process.env.126_SMTP_URL` does not parse).
  return words
    .filter((w) => !GENERIC_WORDS.has(w))
    .join('_')
    .toUpperCase()
    .replace(/^[\d_]+/, '');
}

/**
 * Distinct names: a second client of a service is named after the variable it is assigned to,
 * and every variable of that client gets the same prefix (`ANALYTICS_KAFKA_BROKERS`,
 * `ANALYTICS_KAFKA_PASSWORD`).
 */
function assignNames(plans: readonly Plan[], taken: Set<string>): string[][] {
  const counts = new Map<string, number>();
  const sharedBases = new Set<string>();
  for (const plan of plans) {
    const first = plan.bases[0];
    if (!first || (plan.shared && sharedBases.has(first))) continue;
    if (plan.shared) sharedBases.add(first);
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  const used = new Set(taken);
  const sharedNames = new Map<string, string[]>();
  return plans.map((plan) => {
    const first = plan.bases[0];
    const known = plan.shared && first !== undefined ? sharedNames.get(first) : undefined;
    if (known) return known;
    const prefixed = first !== undefined && ((counts.get(first) ?? 0) > 1 || taken.has(first)) && plan.prefix !== '';
    let suffix = '';
    const build = (base: string): string => `${prefixed ? `${plan.prefix}_` : ''}${base}${suffix}`;
    for (let n = 2; plan.bases.some((base) => used.has(build(base))); n++) suffix = `_${n}`;
    const names = plan.bases.map(build);
    for (const name of names) used.add(name);
    if (plan.shared && first !== undefined) sharedNames.set(first, names);
    return names;
  });
}
