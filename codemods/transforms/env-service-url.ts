import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { chainHead, findVariable, outerParent, staticPropertyName, unwrap } from '../../src/analysis/ast';
import { configFileConvention } from '../../src/analysis/config-files';
import { privilegedAccounts } from '../../src/policy/credentials';
import { accountDefault, isServiceLocationRead, locationDefault, secretDefault } from '../../src/policy/env-defaults';
import { environmentKind } from '../../src/policy/env-names';
import { localLocationIn, valuesWithPaths } from '../../src/policy/environment';
import { isLoopbackLocation, serviceLocations } from '../../src/policy/location';
import type { ClientSite } from '../../src/analysis/file-analysis';
import type { CatalogEntry, EnvOption, SecureRecipe, ServiceKind } from '../../src/catalog/types';
import { possibleValues, tlsIssues } from '../../src/policy/tls';
import { lookup, walkValues, type ObjectValue, type Value } from '../../src/policy/value';
import { objectText, type Editor, type Replacement } from '../analysis/edit';
import { asCall, findPath, holderOf, propertyKey, within } from '../analysis/estree';
import type { BNode } from '../analysis/recast-tree';
import { configObject, type ConfigObject } from './config-object';
import { applyInPlace, credentialCallTargets, inPlaceTargets, isHard, settingTargets, valuesAt, type InPlaceVariable, type Role } from './env-in-place';
import { recipeFor } from './recipe';
import { fixSite } from './verify-tls';

type Node = TSESTree.Node;
type EValue = Value<Node>;

/** An environment variable the rewritten code reads. */
export interface EnvVariable {
  name: string;
  /** The kind of service (none for a setting of app configuration found by its name). */
  service?: ServiceKind;
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
  /** A client whose options hold this configuration's values: it reads the same variables. */
  follows?: Plan;
  /**
   * Rewrites the site with the chosen names (`name` gives more, with the same prefix):
   * `'structural'` when it now reads the recipe's variables, `'in-place'` when values were read
   * from the environment where they are written (`out` holds their variables), false otherwise.
   */
  apply: (names: string[], name: Namer, out: InPlaceVariable[]) => 'structural' | 'in-place' | false;
}

/** Names more variables of one rewrite: the n-th value with a base (`occurrence`) gets its own. */
type Namer = (base: string, occurrence: number) => string;

/** Credentials a library takes apart from its URL, read where they are written. */
const CREDENTIAL_ROLES: ReadonlySet<Role> = new Set<Role>(['user', 'secret']);

/** Why a site could not be rewritten as a whole, and where to say so. */
interface Blocked {
  node: Node;
  text: string;
}

/** What a rewrite needs besides the site: how to name more variables and where to list them. */
interface RewriteContext {
  isTypeScript: boolean | undefined;
  name: Namer;
  out: InPlaceVariable[];
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
  const tables = serviceTables(editor.analysis.sites);
  // Option objects only a dropped local arm uses (`const local: RedisOptions = {...}`) are not rewritten.
  const unsetArms = new Map(editor.analysis.sites.map((site) => [site, unsetArm(editor, site)] as const));
  const unsetObjects = new Set([...unsetArms.values()].flatMap((unset) => (unset ? [unwrap(editor.analysis.evaluator.evaluate(unset.arm).node)] : [])));
  for (const site of editor.analysis.sites) {
    if (site.origin !== 'call' && unsetObjects.has(unwrap(site.node))) continue;
    if (!site.via && helpers.has(site.node)) continue;
    const table = tables.get(site);
    if (table) {
      editor.marker(table, `${site.entry.displayName} settings of many services in one table: this lists known services rather than this app's own configuration, so nothing here is rewritten; read the one the app uses from the environment where it is chosen`);
      continue;
    }
    if (options.only && !touches(site, options.only, options.discarded ?? new Set())) continue;
    const unset = unsetArms.get(site);
    if (unset) {
      // `knex(process.env.DATABASE_URL ? hosted : local)`: the local arm goes; the variable is required.
      if (collapseToSetArm(editor, unset.arm)) {
        count++;
        fallbackVariables.push({ name: unset.name, service: site.entry.service, library: site.entry.displayName, file: options.path });
      }
      continue;
    }
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
  followClients(plans);
  const planned = new Set(plans.map((p) => p.site));
  const taken = new Set<string>();
  for (const site of editor.analysis.sites) {
    if (planned.has(site)) continue;
    for (const value of walkValues(site.options)) if (value.kind === 'env' && value.name) taken.add(value.name);
  }
  const { names, namers, settingNamer } = assignNames(plans, taken);
  const variables: EnvVariable[] = [...fallbackVariables];
  const inPlace: InPlaceVariable[] = [];
  plans.forEach((plan, i) => {
    const chosen = names[i]!;
    const done = plan.apply(chosen, namers[i]!, inPlace);
    if (!done) return;
    count++;
    if (done === 'in-place') return;
    const recipe = recipeFor(plan.site.entry, plan.site.options, plan.site.factory);
    const { entry } = plan.site;
    if (recipe.envOptions) {
      recipe.envOptions.forEach((option, k) => {
        if (writtenOptions(plan.site, recipe).includes(option) && !envOnlyAt(plan.site.options, option.path)) variables.push({ name: chosen[k]!, service: entry.service, library: entry.displayName, description: option.description, file: options.path });
      });
    } else {
      variables.push({ name: chosen[0]!, service: entry.service, library: entry.displayName, tlsScheme: recipe.tlsScheme, file: options.path });
    }
  });
  // Settings of exported configuration named for a service (`redis_host`, `mail: { pass }`).
  const inTables = [...new Set(tables.values())];
  const settingsOutsideTables = editor.analysis.namedSettings.filter((s) => !inTables.some((table) => within(s.value.node, table)));
  const settings = applyInPlace(editor, settingTargets(settingsOutsideTables), settingNamer, options.isTypeScript);
  if (settings.length > 0) count++;
  // Credentials handed over in a call (`client.bind(dn, password)`, `amqp.credentials.plain(user, pass)`).
  const handed = applyInPlace(editor, credentialCallTargets(editor.analysis.credentialHelperCalls), settingNamer, options.isTypeScript);
  if (handed.length > 0) count++;
  for (const variable of [...inPlace, ...settings, ...handed]) variables.push({ ...variable, file: options.path });
  // `process.env.MONGODB_URI = 'mongodb://localhost/test'`: the deployment sets the variable, the code does not.
  const emptied = new Set<TSESTree.IfStatement>();
  for (const { write } of editor.analysis.locationWrites) {
    const statement = write.node.parent;
    if (statement?.type === 'ExpressionStatement' && statement.expression === write.node && editor.removeStatement(statement)) {
      count++;
      variables.push({ name: write.name, library: 'process.env', file: options.path });
      const block = statement.parent;
      if (block?.type === 'BlockStatement' && block.parent.type === 'IfStatement') emptied.add(chainHead(block.parent));
    } else editor.marker(write.node, `${write.name} is set to a service location in code: remove the assignment and set the variable in the environment`);
  }
  // `if (env === 'test') { ... } else if (env === 'development') { ... }` that held only those
  // writes goes too, rather than stay as empty blocks.
  for (const head of emptied) if (holdsNothing(editor, head)) editor.removeStatement(head);
  return { sites: count, variables };
}

/** An `if` chain whose tests do nothing but read and compare, and whose blocks lost every statement. */
function holdsNothing(editor: Editor, statement: TSESTree.Statement | null): boolean {
  if (statement === null) return true;
  if (statement.type === 'BlockStatement') return statement.body.every((s) => editor.dropped.includes(s));
  return statement.type === 'IfStatement' && readsOnly(statement.test) && holdsNothing(editor, statement.consequent) && holdsNothing(editor, statement.alternate);
}

/** An expression without calls or assignments: reading it changes nothing. */
function readsOnly(node: Node): boolean {
  switch (node.type) {
    case 'Identifier':
    case 'Literal':
      return true;
    case 'MemberExpression':
      return readsOnly(node.object) && (!node.computed || readsOnly(node.property));
    case 'BinaryExpression':
    case 'LogicalExpression':
      return node.left.type !== 'PrivateIdentifier' && readsOnly(node.left) && readsOnly(node.right);
    case 'UnaryExpression':
      return node.operator !== 'delete' && readsOnly(node.argument);
    default:
      return false;
  }
}

/**
 * A privileged user written into a URL, or beside options, whose other parts come from elsewhere
 * (`` `redis://default:${pw}@${host}` ``, `{ host: process.env.PGHOST, user: 'postgres' }`): the
 * configuration is read already, so nothing rewrites it, but which account to use instead is the
 * team's to choose; a marker says so. Run last, so that a marker about the URL's TLS, which says
 * what to change first, takes the statement.
 */
export function markPrivilegedUrlUsers(editor: Editor): void {
  for (const site of editor.analysis.sites) {
    for (const finding of privilegedAccounts(site.entry, site.options, site.node)) {
      const node = finding.node as Node;
      const written = finding.kind === 'url-username' || (finding.kind === 'option' && !finding.envFallback);
      if (!written || editor.readInPlace.has(node) || editor.dropped.some((dropped) => within(node, dropped))) continue;
      const what = finding.kind === 'url-username' ? 'this URL logs in' : 'this logs in';
      editor.marker(node, `${site.entry.displayName}: ${what} as the privileged account \`${finding.account}\`; log in as a user with only the grants this code needs, and read its name from the environment`);
    }
  }
}

/**
 * A site whose hard-coded values all lie in what another site reads is the same service: the
 * exported `export const NATS = 'nats://...'` a client of this file reads, a typed options object
 * a client is built from, two clients built from one shared object. It reads the first one's
 * variables rather than a second set (clients lead, in file order).
 */
function followClients(plans: Plan[]): void {
  const leaders = [...plans.filter((p) => p.site.origin === 'call'), ...plans.filter((p) => p.site.origin !== 'call')];
  const reads = new Map<Plan, Set<Node>>(leaders.map((plan) => [plan, new Set([...walkValues(plan.site.options)].map((v) => v.node))]));
  for (const plan of leaders) {
    const hard = inPlaceTargets(plan.site, recipeFor(plan.site.entry, plan.site.options, plan.site.factory)).targets.map((t) => t.node);
    if (hard.length === 0) continue;
    const leader = leaders.find((other) => other !== plan && !other.follows && other.site.entry.envVar === plan.site.entry.envVar && leaders.indexOf(other) < leaders.indexOf(plan) && hard.every((node) => reads.get(other)!.has(node)));
    if (leader) plan.follows = leader;
  }
}

/** More shaped objects of one library than this side by side are a table of services. */
const TABLE_SIZE = 4;

/**
 * Configuration found by its shape that sits in a table of such objects under names that are
 * not environments (`{ Gmail: { host }, Outlook: { host }, ... }`, a list of known services):
 * reading each from its own variable would not make the app configurable, only unreadable.
 * Each such site maps to the table.
 */
function serviceTables(sites: readonly ClientSite[]): Map<ClientSite, Node> {
  const byTable = new Map<Node, ClientSite[]>();
  for (const site of sites) {
    if (site.origin !== 'shape') continue;
    const property = unwrap(site.options.node).parent;
    const table = property?.type === 'Property' ? property.parent : undefined;
    if (!table || table.type !== 'ObjectExpression' || environmentKind(propertyKey(property!) ?? '') !== undefined) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), site]);
  }
  const out = new Map<ClientSite, Node>();
  for (const [table, members] of byTable) {
    const objects = new Set(members.map((m) => m.options.node));
    if (objects.size >= TABLE_SIZE) for (const member of members) out.set(member, table);
  }
  return out;
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

/** A value written in code at `path` (through choices; an object holds deeper paths and is not one). */
function hardAt(options: ObjectValue<Node>, path: string): boolean {
  return valuesAt(options, path).some(({ value }) => value.kind !== 'object' && isHard(value));
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
  const recipe = recipeFor(entry, site.options, site.factory);
  const override = (base: string): string => options.envVars[entry.service] ?? options.envVars[entry.id] ?? options.envVars[base] ?? base;
  const prefix = prefixOf(assignedName(site));
  const shared = environmentEntry(site) || chosenByEnvironment(editor, site);
  /** The whole-site rewrite, or where it is blocked the values read where they are written. */
  const plan = (bases: string[], structural: (names: string[], context: RewriteContext) => true | Blocked): Plan => ({
    site,
    prefix,
    shared,
    bases,
    apply: (names, name, out) => {
      const context = { isTypeScript: options.isTypeScript, name, out };
      const result = structural(names, context);
      return result === true ? 'structural' : readInPlace(editor, site, recipe, context, result) ? 'in-place' : false;
    },
  });
  // Configuration other code reads key by key keeps its keys: each value is read where it is written.
  if (site.origin === 'shape' || site.origin === 'url') return plan([override(entry.envVar)], () => ({ node: firstHardNode(site) ?? site.node, text: inPlaceText(entry) }));
  if (recipe.envOptions) {
    const envOptions = recipe.envOptions;
    return plan(
      envOptions.map((o, i) => (i === 0 ? override(o.envVar) : options.envVars[o.envVar] ?? o.envVar)),
      (names, context) => rewriteOptions(editor, site, recipe, names, context),
    );
  }
  if (recipe.noUrl) return plan([override(entry.envVar)], () => ({ node: firstHardNode(site) ?? site.node, text: recipe.noUrl! }));
  const variableOption = site.origin === 'config-file' ? configFileConvention(options.path)?.convention.urlVariableOption : undefined;
  return plan([override(entry.envVar)], (names, context) => rewrite(editor, site, names[0]!, context, variableOption));
}

function inPlaceText(entry: CatalogEntry): string {
  return `${entry.displayName} options are built by code the codemod cannot rewrite: read each location and credential from the environment where it is written`;
}

/**
 * Where a site cannot be rewritten as a whole (its options are shared, built elsewhere, or
 * read key by key), each hard-coded location and credential is read from its own variable
 * where it is written. A marker stays when some value cannot be reached that way (the reason
 * the whole rewrite was blocked, or the value that is left), and for what no option can fix.
 */
function readInPlace(editor: Editor, site: ClientSite, recipe: SecureRecipe, context: RewriteContext, blocked: Blocked): boolean {
  const { targets, missed } = inPlaceTargets(site, recipe);
  const read = applyInPlace(editor, targets, context.name, context.isTypeScript);
  context.out.push(...read);
  // Values another rewrite of this pass already reads from the environment count as done.
  const done = targets.filter((t) => editor.readInPlace.has(t.node)).length;
  if (targets.length === 0 && missed === undefined) return false;
  if (missed !== undefined || done === 0) {
    const left = missed !== undefined && done > 0 ? { node: missed, text: `${site.entry.displayName} \`${propertyKey(missed) ?? 'option'}\` is built by code the codemod cannot rewrite: read it from the environment` } : blocked;
    editor.marker(left.node, left.text);
    return read.length > 0;
  }
  if (read.length === 0) return false;
  if (site.origin === 'url') return true;
  // The library's TLS options go where its options are written, as a whole rewrite would write
  // them: an object found by its shape is passed to that library (keys another one would not read
  // are ignored by it).
  if (site.origin !== 'call') {
    const object = unwrap(site.options.node);
    if (object.type === 'ObjectExpression' && !recipe.noUrl) applyTls(editor, object, recipe, tlsIssues(site.entry, site.options, site.node));
    return true;
  }
  if (recipe.noUrl) editor.marker(site.node, recipe.noUrl);
  const holder = configObject(site, editor.sourceCode)?.node ?? writtenIn(site);
  if (holder && !recipe.noUrl) applyTls(editor, holder, recipe, tlsIssues(site.entry, site.options, site.node));
  else if (!recipe.noUrl && Object.keys(newTls(recipe)).length > 0) editor.marker(site.node, `${site.entry.displayName} options are built elsewhere: turn TLS on where they are written (${objectText(Object.entries(recipe.tlsOptions))})`);
  if (recipe.residual) editor.marker(site.node, recipe.residual);
  return true;
}

/** The one object literal of this file that every option of the site is written in, if there is one. */
function writtenIn(site: ClientSite): TSESTree.ObjectExpression | undefined {
  const holders = new Set(site.options.props.map((p) => p.node.parent));
  const [holder] = holders;
  return holders.size === 1 && holder?.type === 'ObjectExpression' ? holder : undefined;
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

/**
 * A configuration object that is one path of a choice by environment (`isProd ? productionConfig
 * : localConfig`, `if (isProd) module.exports = {...} else module.exports = {...}`): the same
 * service in another environment, so it reads the same variables as the other path.
 */
function chosenByEnvironment(editor: Editor, site: ClientSite): boolean {
  if (site.origin === 'call') return false;
  let node: Node = unwrap(site.options.node);
  while (node.parent && (node.parent.type === 'Property' || node.parent.type === 'ObjectExpression')) node = node.parent;
  const branches = editor.analysis.environmentBranches;
  const isArm = (expression: Node): boolean => branches.some((branch) => branch.construct.type === 'ConditionalExpression' && branch.branches.includes(expression));
  const holder = node.parent;
  if (!holder) return false;
  if (isArm(node)) return true;
  // `const productionConfig = {...}` read as an arm of the choice.
  if (holder.type === 'VariableDeclarator' && holder.init === node && holder.id.type === 'Identifier') {
    const variable = editor.sourceCode.getDeclaredVariables(holder)[0];
    return variable?.references.some((reference) => isArm(reference.identifier as Node)) ?? false;
  }
  // `module.exports = {...}` in a path of an `if` on the environment.
  const statement = holder.type === 'AssignmentExpression' ? holder.parent : undefined;
  return statement?.type === 'ExpressionStatement' && branches.some((branch) => branch.construct.type === 'IfStatement' && branch.branches.some((arm) => arm === statement || (arm.type === 'BlockStatement' && arm.body.includes(statement))));
}

function firstHardNode(site: ClientSite): Node | undefined {
  for (const path of [...locationPaths(site.entry), ...site.entry.credentials.secretPaths]) {
    const found = valuesAt(site.options, path).find(({ value }) => value.kind !== 'object' && isHard(value));
    if (found) return found.prop.node;
  }
  return undefined;
}

/**
 * Environment reads at location or credential paths that fall back to a literal text, as the
 * rules judge them: the value of the option itself (`host: process.env.X || 'localhost'`), a
 * part of a location that falls back to a local or written host (`` (process.env.MEMCACHE ||
 * 'localhost') + ':11211' ``), or a default the rules judge by the variable's name (the
 * password in `` `amqp://${user}:${process.env.RABBIT_PASS ?? 'guest'}@...` ``; not a vhost's
 * `?? ''`). Port defaults are not a finding and stay.
 */
function fallbackValues(site: ClientSite): Array<EValue & { kind: 'env' }> {
  const out = new Set<EValue & { kind: 'env' }>();
  const { entry } = site;
  const located = new Set<EValue>(serviceLocations(entry, site.options).flatMap((l) => (l.envFallback ? [l.envFallback] : [])));
  const paths = locationPaths(entry);
  for (const { path, value } of valuesWithPaths(site.options)) {
    if (value.kind !== 'env' || !paths.some((p) => p === path || p.startsWith(`${path}.`))) continue;
    // `process.env.REDIS_URL || 'redis://localhost'`, and a local options object in its place
    // (`new Redis(process.env.REDIS_URL || { host: '127.0.0.1' })`).
    if (value.name && (value.fallback?.kind === 'literal' || value.fallback?.kind === 'object') && localLocationIn(value.fallback)) out.add(value);
  }
  for (const path of [...paths, ...entry.credentials.userPaths, ...entry.credentials.secretPaths]) {
    const found = lookup(site.options, path);
    if (found.status !== 'present') continue;
    const own = new Set(possibleValues(found.value));
    for (const value of walkValues(found.value)) {
      if (value.kind !== 'env' || !value.name || value.fallback?.kind !== 'literal') continue;
      const text = value.fallback.value;
      if (own.has(value) ? typeof text === 'string' && text !== '' : located.has(value) || judgedDefault(value.name, value.fallback)) out.add(value);
    }
  }
  return [...out];
}

/** A literal default of an environment read that the rules report by the variable's name. */
function judgedDefault(name: string, fallback: EValue): boolean {
  const local = isServiceLocationRead(name, fallback) && localLocationIn(fallback) !== undefined;
  return local || locationDefault(name, fallback) !== undefined || secretDefault(name, fallback) !== undefined || accountDefault(name, fallback) !== undefined;
}

/**
 * Literal defaults of environment reads anywhere in the file that the rules judge by the
 * variable's name (`process.env.DB_HOST || 'localhost'`, `process.env.DB_PASSWORD ?? 'secret'`,
 * `process.env.DB_USER || 'root'`), as in a configuration module that builds no client: the
 * variable becomes required, so a missing one fails instead of connecting somewhere else.
 */
function stripEnvDefaults(editor: Editor): number {
  const values = editor.analysis.envReads
    .filter((read) => read.value.fallback?.kind === 'literal' && read.value.fallback.value !== undefined && judgedDefault(read.name, read.value.fallback))
    .map((read) => read.value);
  return stripValues(editor, values) ? 1 : 0;
}

/**
 * The arm of a presence switch between whole option objects that builds this site while a
 * location variable is unset (`url ? hosted : local`), when it connects to this machine.
 */
function unsetArm(editor: Editor, site: ClientSite): { arm: Node; name: string } | undefined {
  const name = site.arms && editor.analysis.fallbackVariable(site);
  if (!name || !serviceLocations(site.entry, site.options).some(isLoopbackLocation)) return undefined;
  const arm = site.arms!.find((a) => editor.analysis.fallbackVariableAt(a) === name);
  return arm && { arm, name };
}

/** `test ? set : unset` (either order, negated tests too) → `set`. */
function collapseToSetArm(editor: Editor, unset: Node): boolean {
  const conditional = unset.parent;
  if (conditional?.type !== 'ConditionalExpression' || editor.stripped.has(conditional)) return false;
  editor.stripped.add(conditional);
  editor.dropped.push(unset);
  return editor.replace(conditional, conditional.consequent === unset ? conditional.alternate : conditional.consequent);
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
      // zod's `z.string().default('localhost')`: without it, parsing `process.env` fails when the variable is missing.
      else if (value.source === 'zod' && holder?.type === 'CallExpression' && holder.callee.type === 'MemberExpression') {
        editor.dropped.push(value.fallbackNode);
        changed = editor.replace(holder, holder.callee.object) || changed;
      }
      // envalid's `str({ default: 'localhost' })` (or `devDefault`): without it the variable is required.
      else if (value.source === 'envalid' && holder?.type === 'Property' && holder.value === value.fallbackNode) changed = editor.removeProperty(holder) || changed;
      // A reader's default argument (Strapi's `env('DATABASE_HOST', '127.0.0.1')`).
      else if (holder?.type === 'CallExpression' && holder === node && holder.arguments.at(-1) === value.fallbackNode) {
        editor.dropped.push(value.fallbackNode);
        changed = editor.setArguments(holder, holder.arguments.slice(0, -1) as Node[]) || changed;
      }
      // An option definition's default (`{ env: 'DB_URL', default: '...' }`, `['--db-url', 'DB_URL', '...']`):
      // what its tool does without one is the tool's own, so the marker says what to change.
      else if (value.source === 'convict' && value.name && value.fallback) {
        // A secret never stays in the code: the default becomes empty, as a definition without one is written.
        const secret = secretDefault(value.name, value.fallback) !== undefined;
        if (secret) changed = editor.replace(value.fallbackNode, editor.expression("''")) || changed;
        editor.marker(value.fallbackNode, definitionMarker(value.name, value.fallback, secret));
      }
    }
  }
  return changed;
}

/** What to do about an option definition's default the rules report. */
function definitionMarker(name: string, fallback: EValue, secret: boolean): string {
  const what = secret
    ? 'its default was a hard-coded secret, now empty'
    : accountDefault(name, fallback) !== undefined
      ? 'its default is a privileged account'
      : localLocationIn(fallback) !== undefined
        ? 'its default is a service on the local machine'
        : 'its default is a service location written in code';
  return `${name}: ${what}. Make the variable required (no default), and set it in each environment${secret ? ' from your secret store' : ''}.`;
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

function rewrite(editor: Editor, site: ClientSite, name: string, context: RewriteContext, variableOption?: string): true | Blocked {
  const { entry, options, factory } = site;
  const { isTypeScript } = context;
  const base = recipeFor(entry, options, site.factory);
  // sequelize-cli's config names the variable (`use_env_variable: 'DATABASE_URL'`) where the client takes a URL argument.
  const named = base.urlOption === '$arg' && variableOption ? { ...base, urlOption: variableOption } : base;
  // A library that reads its URL under several keys (connect-mongo 3's `url`, 4's `mongoUrl`)
  // keeps the one the code wrote: that is the one its version reads.
  const urlKey = named.urlOption !== '$arg' && !named.urlOption.includes('.') && !hardAt(options, named.urlOption)
    ? entry.location.urlPaths.find((p) => !p.includes('.') && hardAt(options, p) && lookup(options, p).status === 'present')
    : undefined;
  const recipe = urlKey ? { ...named, urlOption: urlKey } : named;
  const removable = new Set([
    ...locationPaths(entry),
    ...entry.location.portPaths,
    // Credentials move into the URL when written in code; ones read from the environment stay.
    ...(entry.credentials.urlUserinfo ? [...entry.credentials.userPaths, ...entry.credentials.secretPaths].filter((p) => hardAt(options, p)) : []),
    ...recipe.supersededOptions.filter((p) => !envOnlyAt(options, p)),
    ...(recipe.urlOption === '$arg' ? [] : [recipe.urlOption]),
  ]);
  const positional = positionalArgs(site, removable);
  const own = ownArguments(site);
  const hasObjectArg = site.args.some((a) => a.kind === 'object');
  const config = configObject(site, editor.sourceCode);
  // Markers go where the hard-coded values are written, which is where the rules report.
  const hardNode = firstHardNode(site) ?? site.node;
  if ((hasObjectArg || site.origin !== 'call') && !config) {
    return { node: hardNode, text: `${entry.displayName} options are shared with other code or built elsewhere: read the location from process.env.${name} and turn TLS on where they are defined` };
  }
  if (positional.size > 0 && !own) return { node: hardNode, text: `${entry.displayName} location comes from code outside this call: read it from process.env.${name} instead` };
  // Every hard-coded value must sit in the object we edit (or be a positional argument).
  for (const path of removable) {
    const found = lookup(options, path);
    if (found.status !== 'present') continue;
    if (site.args.includes(found.value) && positional.has(site.args.indexOf(found.value))) continue;
    if (!config || !editablePath(config, path, found.prop.node, found.value.node, editor.sourceCode)) {
      return { node: hardNode, text: `${entry.displayName} location comes from code outside this call: read it from process.env.${name} instead` };
    }
  }
  const allowsOptionsAfterUrl = factory?.args === 'ioredis' || factory?.args === 'sequelize' || (Array.isArray(factory?.args) && factory.args[1] === '$spread');
  if (recipe.urlOption === '$arg') {
    if (config && config.argIndex === 0 && !allowsOptionsAfterUrl && config.node.properties.some((p) => !removable.has(propertyKey(p) ?? ''))) {
      return { node: site.node, text: `${entry.displayName} takes either a URL or an options object: move the remaining options into the URL in process.env.${name}` };
    }
    if (!own) return { node: hardNode, text: `${entry.displayName} is built through other code: pass process.env.${name} as its URL where it is called` };
  }
  const intoValue = config && keyHoldingValue(config.node, [...(recipe.urlOption === '$arg' ? [] : [recipe.urlOption]), ...Object.keys(newTls(recipe))], new Set([...removable].filter((p) => hardAt(options, p))));
  if (intoValue) return { node: intoValue, text: `${entry.displayName} \`${propertyKey(intoValue) ?? 'option'}\` is computed: read the location from process.env.${name} where it is built` };
  // Credentials a library takes apart from its URL are read where they are written.
  if (!entry.credentials.urlUserinfo) {
    const { targets } = inPlaceTargets(site, recipe, CREDENTIAL_ROLES);
    context.out.push(...applyInPlace(editor, targets, context.name, isTypeScript));
  }
  const issues = tlsIssues(entry, options, site.node);
  // Fix what is insecure inside existing TLS options first (`ssl: { ca, rejectUnauthorized: false }` keeps its `ca`).
  fixSite(editor, site, new Set());

  positional.forEach((i) => editor.dropped.push(own!.args[i]!));
  const urlProp = config ? findPath(config.node, recipe.urlOption) : undefined;
  if (urlProp) editor.dropped.push(urlProp.value);

  if (recipe.urlOption === '$arg') {
    if (!own) return true;
    if (config) removePaths(editor, config.node, removable, new Set(Object.keys(recipe.tlsOptions)));
    const tlsChanged = config ? applyTls(editor, config.node, recipe, issues) : false;
    const keepConfig = config && (config.node.properties.length > removedCount(config.node, removable) || tlsChanged || Object.keys(newTls(recipe)).length > 0);
    const newArgs: Replacement[] = [urlExpression(editor, name, isTypeScript)];
    if (keepConfig && config.argIndex !== undefined) newArgs.push(config.argument ?? own.args[config.argIndex]!);
    // New TLS options only as the options argument the call did not have: after the URL, before
    // nothing but a callback (`connect(url, (err) => ...)`), never before an argument of unknown role.
    else if (!config && Object.keys(newTls(recipe)).length > 0 && allowsOptionsAfterUrl && own.args.every((arg, i) => positional.has(i) || isCallback(arg)))
      newArgs.push(editor.expression(objectText(Object.entries(newTls(recipe)))));
    own.args.forEach((arg, i) => {
      if (positional.has(i) || i === config?.argIndex) return;
      if (site.args[i]?.kind === 'object') return;
      newArgs.push(arg);
    });
    editor.setArguments(own.call, newArgs);
    return true;
  }

  // The URL goes into an option of the options object.
  if (!config) {
    if (!own) return { node: hardNode, text: `${entry.displayName} is built through other code: read process.env.${name} where its options are written` };
    const first = [...positional][0];
    const object = editor.expression(objectText([[recipe.urlOption, `process.env.${name}`], ...Object.entries(newTls(recipe))]));
    const newArgs: Replacement[] = own.args.filter((_, i) => !positional.has(i));
    newArgs.splice(first ?? 0, 0, object);
    editor.setArguments(own.call, newArgs);
    return true;
  }
  if (positional.size > 0 && own) editor.setArguments(own.call, own.args.filter((_, i) => !positional.has(i)));
  const at = removePaths(editor, config.node, removable, new Set([recipe.urlOption, ...Object.keys(recipe.tlsOptions)]));
  editor.setPath(config.node, recipe.urlOption, () => (recipe.urlOption === variableOption ? editor.stringLiteral(name) : editor.envRead(name)), at);
  applyTls(editor, config.node, recipe, issues);
  editor.changes++;
  return true;
}

/**
 * For a library that takes no URL (kafkajs, tedious, mssql, mysqljs, cassandra-driver): each
 * location and credential option the recipe lists is read from its own variable, and the
 * library's verified TLS options are written. A URL or connection string given as the whole
 * argument becomes an options object.
 */
function rewriteOptions(editor: Editor, site: ClientSite, recipe: SecureRecipe, names: string[], context: RewriteContext): true | Blocked {
  const { entry, options } = site;
  const { isTypeScript } = context;
  const envOptions = recipe.envOptions!;
  const config = configObject(site, editor.sourceCode);
  const own = ownArguments(site);
  const hardNode = firstHardNode(site) ?? site.node;
  const replaced = new Set(envOptions.flatMap((o) => [o.path, ...(o.replaces ?? [])]));
  const positional = positionalArgs(site, replaced);
  if ((site.args.some((a) => a.kind === 'object') || site.origin !== 'call') && !config) {
    return { node: hardNode, text: `${entry.displayName} options are shared with other code or built elsewhere: read ${names.filter((_, i) => writtenOptions(site, recipe).includes(envOptions[i]!)).map((n) => `process.env.${n}`).join(', ')} where they are defined and turn TLS on there` };
  }
  if (positional.size > 0 && !own) return { node: hardNode, text: `${entry.displayName} location comes from code outside this call: read it from process.env.${names[0]} instead` };
  for (const path of replaced) {
    const found = lookup(options, path);
    if (found.status !== 'present' || envOnlyAt(options, path)) continue;
    if (site.args.includes(found.value) && positional.has(site.args.indexOf(found.value))) continue;
    if (!config || !editablePath(config, path, found.prop.node, found.value.node, editor.sourceCode)) {
      return { node: hardNode, text: `${entry.displayName} location comes from code outside this call: read it from process.env.${names[0]} instead` };
    }
  }
  const written = writtenOptions(site, recipe);
  const entries: Array<[string, string]> = [];
  envOptions.forEach((option, i) => {
    if (written.includes(option) && !envOnlyAt(options, option.path)) entries.push([option.path, optionText(option, names[i]!, isTypeScript)]);
  });
  const intoValue = config && keyHoldingValue(config.node, [...entries.map(([p]) => p), ...Object.keys(newTls(recipe))], new Set([...replaced].filter((p) => hardAt(options, p))));
  if (intoValue) return { node: intoValue, text: `${entry.displayName} \`${propertyKey(intoValue) ?? 'option'}\` is computed: read ${names.map((n) => `process.env.${n}`).join(', ')} where it is built` };
  const issues = tlsIssues(entry, options, site.node);
  fixSite(editor, site, new Set());
  if (!config) {
    // `mysql.createConnection('mysql://...')`, `sql.connect('Server=...')`: an options object instead.
    if (!own) return { node: hardNode, text: `${entry.displayName} is built through other code: read ${names.map((n) => `process.env.${n}`).join(', ')} where its options are written` };
    positional.forEach((i) => editor.dropped.push(own.args[i]!));
    const first = [...positional][0] ?? 0;
    const object = editor.expression(objectText([...entries, ...Object.entries(newTls(recipe))]));
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
    applyTls(editor, config.node, recipe, issues);
  }
  editor.changes++;
  // Hard-coded secrets the recipe has no variable for (kafkajs `sasl.secretAccessKey`) are read where they are written.
  const uncovered = inPlaceTargets(site, recipe, CREDENTIAL_ROLES).targets.filter((t) => t.path !== undefined && !replaced.has(t.path));
  context.out.push(...applyInPlace(editor, uncovered, context.name, isTypeScript));
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

/**
 * Writes the recipe's TLS options where they are absent or currently insecure; a partial
 * recipe (mysqljs) only where they are insecure.
 */
function applyTls(editor: Editor, object: TSESTree.ObjectExpression, recipe: SecureRecipe, issues: Array<{ setting: string }>): boolean {
  const entries = Object.entries(recipe.tlsOptions).filter(([path]) => {
    const present = findPath(object, path);
    const insecure = issues.some((issue) => issue.setting === path || issue.setting.startsWith(`${path}:`) || issue.setting.startsWith(`${path}.`));
    return (!present && !recipe.tlsPartial) || (present !== undefined && insecure && unwrap(present.value as Node).type !== 'ObjectExpression');
  });
  return entries.length > 0 && editor.setPaths(object, entries);
}

/**
 * The property whose value is not an object literal but would have to hold one of `paths`
 * (`connection: getConnection()` for `connection.host`): writing there would drop that value,
 * unless the rewrite replaces it anyway (`removed`: a hard-coded URL string at `connection`).
 */
function keyHoldingValue(object: TSESTree.ObjectExpression, paths: readonly string[], removed: ReadonlySet<string>): Node | undefined {
  for (const path of paths) {
    const keys = path.split('.');
    for (let i = 1; i < keys.length; i++) {
      const at = keys.slice(0, i).join('.');
      const prop = findPath(object, at);
      if (!prop) break;
      if (unwrap(prop.value as Node).type !== 'ObjectExpression' && !removed.has(at)) return prop;
    }
  }
  return undefined;
}

/** The TLS options a rewrite writes where there were none. */
function newTls(recipe: SecureRecipe): Record<string, string> {
  return recipe.tlsPartial ? {} : recipe.tlsOptions;
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
function assignNames(plans: readonly Plan[], taken: Set<string>): { names: string[][]; namers: Namer[]; settingNamer: Namer } {
  const counts = new Map<string, number>();
  const sharedBases = new Set<string>();
  for (const plan of plans) {
    const first = plan.bases[0];
    if (!first || plan.follows || (plan.shared && sharedBases.has(first))) continue;
    if (plan.shared) sharedBases.add(first);
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  const used = new Set(taken);
  /** A name no rewrite of this file reads yet: `base`, else `base_2`, ... */
  const fresh = (base: string): string => {
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  };
  const sharedGroups = new Map<string, { names: string[]; namer: Namer }>();
  const names: string[][] = [];
  const namers: Namer[] = [];
  const namerOf = new Map<Plan, Namer>();
  const namesOf = new Map<Plan, string[]>();
  // Clients first, so that configuration following one takes its names.
  const order = [...plans].sort((a, b) => Number(a.follows !== undefined) - Number(b.follows !== undefined));
  for (const plan of order) {
    const leader = plan.follows;
    if (leader && namerOf.has(leader)) {
      namesOf.set(plan, namesOf.get(leader)!);
      namerOf.set(plan, namerOf.get(leader)!);
      continue;
    }
    const first = plan.bases[0];
    const known = plan.shared && first !== undefined ? sharedGroups.get(first) : undefined;
    if (known) {
      namesOf.set(plan, known.names);
      namerOf.set(plan, known.namer);
      continue;
    }
    const prefixed = first !== undefined && ((counts.get(first) ?? 0) > 1 || taken.has(first)) && plan.prefix !== '';
    let suffix = '';
    const build = (base: string): string => `${prefixed ? `${plan.prefix}_` : ''}${base}${suffix}`;
    for (let n = 2; plan.bases.some((base) => used.has(build(base))); n++) suffix = `_${n}`;
    const chosen = plan.bases.map(build);
    for (const name of chosen) used.add(name);
    // More variables of the same client (values read where they are written) share its prefix;
    // entries of one per-environment map share their names.
    // The plan's own bases keep the names chosen for them.
    const more = new Map<string, string>(plan.bases.map((base, i) => [`${base}#0`, chosen[i]!]));
    const namer = (base: string, occurrence: number): string => {
      const key = `${base}#${occurrence}`;
      let name = more.get(key);
      if (name === undefined) more.set(key, (name = fresh(`${prefixed ? `${plan.prefix}_` : ''}${base}`)));
      return name;
    };
    if (plan.shared && first !== undefined) sharedGroups.set(first, { names: chosen, namer });
    namesOf.set(plan, chosen);
    namerOf.set(plan, namer);
  }
  for (const plan of plans) {
    names.push(namesOf.get(plan)!);
    namers.push(namerOf.get(plan)!);
  }
  // A setting's name spells its variable: the same name reads the same variable throughout the file.
  const settings = new Map<string, string>();
  const settingNamer = (base: string): string => {
    let name = settings.get(base);
    if (name === undefined) settings.set(base, (name = fresh(base)));
    return name;
  };
  return { names, namers, settingNamer };
}

/** A function written as an argument: a callback, which Node APIs take last. */
function isCallback(arg: Node): boolean {
  return arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression';
}
