import type { CatalogEntry, ServiceKind } from '../../src/catalog/types';
import { possibleValues, tlsIssues } from '../../src/policy/tls';
import { lookup, walkValues, type Value } from '../../src/policy/value';
import type { BNode } from '../analysis/ast';
import { isMember, outerParent, propertyKeyName, staticPropertyName, unwrap } from '../analysis/ast';
import type { Editor } from '../analysis/edit';
import { findPath } from '../analysis/edit';
import type { BValue } from '../analysis/evaluate';
import type { BabelSite } from '../analysis/sites';
import { configObject, within } from './config-object';
import { recipeFor } from './recipe';
import { fixSite, objectText, setPath } from './verify-tls';

/** An environment variable the rewritten code reads. */
export interface EnvVariable {
  name: string;
  service: ServiceKind;
  /** The client library's display name. */
  library: string;
  /** The URL scheme that carries TLS for this library, when TLS lives in the scheme. */
  tlsScheme?: string;
  /** The file it was introduced for. */
  file: string;
}

export interface EnvServiceUrlOptions {
  envVars: Record<string, string>;
  path: string;
  /** Restrict to sites touching these nodes (after `remove-environment-branching`). */
  only?: Set<BNode>;
  /** TypeScript file: a URL passed as an argument is written `process.env.X as string`. */
  isTypeScript?: boolean;
}

function urlExpression(editor: Editor, name: string, isTypeScript: boolean | undefined): BNode {
  return isTypeScript ? editor.expression(`process.env.${name} as string`) : editor.envRead(name);
}

/** Words that name the client rather than which one it is: `analyticsPool` → `ANALYTICS`. */
const GENERIC_WORDS = new Set(
  'pool pools client clients db dbs database databases conn connection connections con cnx sql pg postgres postgresql psql mysql mysql2 mongo mongodb mongoose redis ioredis kafka amqp rabbit rabbitmq channel transporter transport mailer smtp es elastic elasticsearch opensearch knex sequelize typeorm datasource data source orm nats nc ldap mssql broker instance default'.split(
    ' ',
  ),
);

/**
 * `env-service-url`: clients whose location or credentials are literals read one URL from the
 * environment instead, with TLS on and verified by the library's recipe; literal fallbacks
 * after an environment read are dropped.
 */
export function envServiceUrl(editor: Editor, options: EnvServiceUrlOptions): { sites: number; variables: EnvVariable[] } {
  let count = 0;
  const fallbackVariables: EnvVariable[] = [];
  const plans: Array<{ site: BabelSite; base: string; prefix: string; apply: (name: string) => boolean }> = [];
  for (const site of editor.analysis.sites) {
    if (options.only && !touches(site, options.only)) continue;
    const plan = planSite(editor, site, options.isTypeScript);
    if (plan === 'fallbacks') {
      // The variable is now required: list it in .env.example too.
      const names = fallbackValues(site).map((v) => v.name!);
      if (stripFallbacks(editor, site)) {
        count++;
        for (const name of new Set(names)) fallbackVariables.push({ name, service: site.entry.service, library: site.entry.displayName, file: options.path });
      }
      continue;
    }
    if (!plan) continue;
    const base = options.envVars[site.entry.service] ?? options.envVars[site.entry.id] ?? options.envVars[site.entry.envVar] ?? site.entry.envVar;
    plans.push({ site, base, prefix: prefixOf(assignedName(editor, site.node)), apply: plan });
  }
  const planned = new Set(plans.map((p) => p.site));
  const taken = new Set<string>();
  for (const site of editor.analysis.sites) {
    if (planned.has(site)) continue;
    for (const value of walkValues(site.options)) if (value.kind === 'env' && value.name) taken.add(value.name);
  }
  const names = assignNames(plans, taken);
  const variables: EnvVariable[] = [...fallbackVariables];
  plans.forEach((plan, i) => {
    const name = names[i]!;
    if (!plan.apply(name)) return;
    count++;
    const recipe = recipeFor(plan.site.entry, plan.site.options);
    variables.push({ name, service: plan.site.entry.service, library: plan.site.entry.displayName, tlsScheme: recipe.tlsScheme, file: options.path });
  });
  return { sites: count, variables };
}

function touches(site: BabelSite, kept: Set<BNode>): boolean {
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

function isHard(value: BValue): boolean {
  for (const v of possibleValues(value)) {
    if (v.kind === 'literal' && typeof v.value === 'string' && v.value !== '') return true;
    if (v.kind === 'template' && v.parts.some((p) => typeof p === 'string' && p !== '')) return true;
    if (v.kind === 'array' && v.elements.some(isHard)) return true;
    if (v.kind === 'object' && v.props.some((p) => isHard(p.value))) return true;
  }
  return false;
}

/**
 * What to do with a site: `undefined` (nothing), `'fallbacks'` (only drop literal defaults), or
 * a function that rewrites it with a given variable name (returns false when it left a marker).
 */
function planSite(editor: Editor, site: BabelSite, isTypeScript?: boolean): undefined | 'fallbacks' | ((name: string) => boolean) {
  const { entry, options } = site;
  const hard = [...locationPaths(entry), ...entry.credentials.secretPaths].some((path) => {
    const found = lookup(options, path);
    return found.status === 'present' && isHard(found.value);
  });
  if (!hard) return fallbackValues(site).length > 0 ? 'fallbacks' : undefined;
  const recipe = recipeFor(entry, options);
  if (recipe.noUrl) {
    return () => {
      editor.marker(site.node, recipe.noUrl!);
      return false;
    };
  }
  return (name) => rewrite(editor, site, name, isTypeScript);
}

function hardAt(options: BabelSite['options'], path: string): boolean {
  const found = lookup(options, path);
  return found.status === 'present' && isHard(found.value);
}

/** A value read from the environment with nothing hard-coded in it (`auth: { apiKey: process.env.KEY }`). */
function envOnlyAt(options: BabelSite['options'], path: string): boolean {
  const found = lookup(options, path);
  if (found.status !== 'present' || isHard(found.value)) return false;
  return [...walkValues(found.value)].some((v) => v.kind === 'env');
}

function firstHardNode(site: BabelSite): BNode | undefined {
  for (const path of [...locationPaths(site.entry), ...site.entry.credentials.secretPaths]) {
    const found = lookup(site.options, path);
    if (found.status === 'present' && isHard(found.value)) return found.prop.node;
  }
  return undefined;
}

/** Environment reads at location or credential paths that fall back to a literal. */
function fallbackValues(site: BabelSite): Array<Value<BNode> & { kind: 'env' }> {
  const out: Array<Value<BNode> & { kind: 'env' }> = [];
  for (const path of [...locationPaths(site.entry), ...site.entry.credentials.userPaths, ...site.entry.credentials.secretPaths, ...site.entry.location.portPaths]) {
    const found = lookup(site.options, path);
    if (found.status !== 'present') continue;
    for (const value of walkValues(found.value)) {
      if (value.kind === 'env' && value.fallback && value.name && value.fallback.kind === 'literal' && value.fallback.value !== undefined) out.push(value);
    }
  }
  return out;
}

/** `process.env.X || 'localhost'` → `process.env.X` (and the `? :` and destructuring forms). */
function stripFallbacks(editor: Editor, site: BabelSite): boolean {
  let changed = false;
  for (const value of fallbackValues(site)) {
    const node = unwrap(value.node);
    if (node.type === 'LogicalExpression') {
      editor.dropped.push(node.right as BNode);
      changed = editor.replace(node, node.left as BNode) || changed;
    } else if (node.type === 'ConditionalExpression') {
      editor.dropped.push(node.alternate as BNode);
      changed = editor.replace(node, node.consequent as BNode) || changed;
    }
    else if (value.fallbackNode) {
      const pattern = editor.analysis.pathOf(value.fallbackNode)?.parent?.node as BNode | undefined;
      if (pattern?.type === 'AssignmentPattern' && pattern.right === value.fallbackNode) changed = editor.replace(pattern, pattern.left as BNode) || changed;
    }
  }
  return changed;
}

function rewrite(editor: Editor, site: BabelSite, name: string, isTypeScript: boolean | undefined): boolean {
  const { entry, options, factory } = site;
  const recipe = recipeFor(entry, options);
  const argNodes = site.node.arguments as BNode[];
  const removable = new Set([
    ...locationPaths(entry),
    ...entry.location.portPaths,
    // Credentials move into the URL when written in code; ones read from the environment stay.
    ...(entry.credentials.urlUserinfo ? [...entry.credentials.userPaths, ...entry.credentials.secretPaths].filter((p) => hardAt(options, p)) : []),
    ...recipe.supersededOptions.filter((p) => !envOnlyAt(options, p)),
    ...(recipe.urlOption === '$arg' ? [] : [recipe.urlOption]),
  ]);
  if (!entry.credentials.urlUserinfo && entry.credentials.secretPaths.some((p) => lookup(options, p).status === 'present' && isHard(lookup(options, p).status === 'present' ? (lookup(options, p) as { value: BValue }).value : { kind: 'unknown', node: site.node }))) {
    editor.marker(site.node, `${entry.displayName} takes credentials apart from the URL: read them from the environment`);
    return false;
  }
  // Arguments that are themselves a location (`new Client('postgres://...')`, `new Sequelize('db', 'user', 'pw', {...})`).
  const positional = new Set<number>();
  site.args.forEach((arg, i) => {
    if (arg.kind === 'object') return;
    if (options.props.some((p) => p.value === arg && (removable.has(p.key) || ['url', 'database', 'username', 'password', 'host', 'port', 'path'].includes(p.key)))) positional.add(i);
  });
  const hasObjectArg = site.args.some((a) => a.kind === 'object');
  const config = configObject(editor, site);
  // Markers go where the hard-coded values are written, which is where the rules report.
  const hardNode = firstHardNode(site) ?? site.node;
  if (hasObjectArg && !config) {
    editor.marker(hardNode, `${entry.displayName} options are shared with other code or built elsewhere: read the location from process.env.${name} and turn TLS on where they are defined`);
    return false;
  }
  // Every hard-coded value must sit in the object we edit (or be a positional argument).
  for (const path of removable) {
    const found = lookup(options, path);
    if (found.status !== 'present') continue;
    if (site.args.includes(found.value) && positional.has(site.args.indexOf(found.value))) continue;
    if (!config || !findPath(config.node, path)) {
      editor.marker(hardNode, `${entry.displayName} location comes from code outside this call: read it from process.env.${name} instead`);
      return false;
    }
  }
  const issues = tlsIssues(entry, options, site.node);
  // Fix what is insecure inside existing TLS options first (`ssl: { ca, rejectUnauthorized: false }` keeps its `ca`).
  fixSite(editor, site, new Set());

  positional.forEach((i) => editor.dropped.push(argNodes[i]!));
  const urlProp = config ? findPath(config.node, recipe.urlOption) : undefined;
  if (urlProp) editor.dropped.push(urlProp.value as BNode);

  if (recipe.urlOption === '$arg') {
    const allowsOptionsAfterUrl = factory.args === 'ioredis' || factory.args === 'sequelize' || (Array.isArray(factory.args) && factory.args[1] === '$spread');
    if (config && config.argIndex === 0 && !allowsOptionsAfterUrl) {
      const rest = (config.node.properties as BNode[]).filter((p) => !removable.has(propertyKeyName(p) ?? ''));
      if (rest.length > 0) {
        editor.marker(site.node, `${entry.displayName} takes either a URL or an options object: move the remaining options into the URL in process.env.${name}`);
        return false;
      }
    }
    if (config) removePaths(editor, config.node, removable, new Set(Object.keys(recipe.tlsOptions)));
    const tlsChanged = config ? applyTls(editor, config.node, recipe.tlsOptions, issues) : false;
    const keepConfig = config && ((config.node.properties as BNode[]).length > 0 || tlsChanged || Object.keys(recipe.tlsOptions).length > 0);
    const newArgs: BNode[] = [urlExpression(editor, name, isTypeScript)];
    if (keepConfig) newArgs.push(argNodes[config.argIndex]!);
    else if (!config && Object.keys(recipe.tlsOptions).length > 0 && allowsOptionsAfterUrl) newArgs.push(editor.expression(objectText(Object.entries(recipe.tlsOptions))));
    argNodes.forEach((arg, i) => {
      if (positional.has(i) || i === config?.argIndex) return;
      if (site.args[i]?.kind === 'object') return;
      newArgs.push(arg);
    });
    argNodes.splice(0, argNodes.length, ...newArgs);
    editor.changes++;
    return true;
  }

  // The URL goes into an option of the options object.
  let object = config?.node;
  if (!object) {
    const first = [...positional][0];
    object = editor.expression(objectText([[recipe.urlOption, `process.env.${name}`], ...Object.entries(recipe.tlsOptions)]));
    const newArgs = argNodes.filter((_, i) => !positional.has(i));
    newArgs.splice(first ?? 0, 0, object);
    argNodes.splice(0, argNodes.length, ...newArgs);
    editor.changes++;
    return true;
  } else if (positional.size > 0) {
    const kept = argNodes.filter((_, i) => !positional.has(i));
    argNodes.splice(0, argNodes.length, ...kept);
  }
  const at = removePaths(editor, object, removable, new Set([recipe.urlOption, ...Object.keys(recipe.tlsOptions)]));
  setPath(editor, object, recipe.urlOption, () => editor.envRead(name), at);
  applyTls(editor, object, recipe.tlsOptions, issues);
  editor.changes++;
  return true;
}

/** Removes the given option paths from an object literal; returns where the first top-level one was. */
function removePaths(editor: Editor, object: BNode, paths: Set<string>, writes: Set<string>): number | undefined {
  let at: number | undefined;
  const sorted = [...paths].sort((a, b) => b.split('.').length - a.split('.').length);
  for (const path of sorted) {
    const prop = findPath(object, path);
    if (!prop) continue;
    // `connection: { host, ... }` stays as the home of `connection.connectionString`.
    if (unwrap(prop.value as BNode).type === 'ObjectExpression' && [...writes].some((w) => w.startsWith(`${path}.`))) continue;
    const holder = holderOf(object, path);
    if (!holder) continue;
    const properties = holder.properties as BNode[];
    const index = properties.indexOf(prop);
    if (holder === object) at = at === undefined ? index : Math.min(at, index);
    properties.splice(index, 1);
    editor.dropped.push(prop);
    editor.editedObjects.add(holder);
    editor.changes++;
    // Drop a nested object this emptied (`socket: {}` after host and port went).
    const parentPath = path.split('.').slice(0, -1).join('.');
    const written = [...writes].some((w) => w.startsWith(`${parentPath}.`));
    if (holder !== object && properties.length === 0 && !written) {
      const parentProp = findPath(object, parentPath);
      const parentHolder = holderOf(object, parentPath);
      if (parentProp && parentHolder) {
        const list = parentHolder.properties as BNode[];
        const i = list.indexOf(parentProp);
        if (parentHolder === object) at = at === undefined ? i : Math.min(at, i);
        list.splice(i, 1);
        editor.editedObjects.add(parentHolder);
      }
    }
  }
  // Indices shift as properties go; the first removed top-level slot is a fine place for the URL.
  return at === undefined ? undefined : Math.min(at, (object.properties as BNode[]).length);
}

function holderOf(object: BNode, path: string): BNode | undefined {
  const keys = path.split('.');
  if (keys.length === 1) return object;
  const parent = findPath(object, keys.slice(0, -1).join('.'));
  const value = parent ? unwrap(parent.value as BNode) : undefined;
  return value?.type === 'ObjectExpression' ? value : undefined;
}

/** Writes the recipe's TLS options where they are absent or currently insecure. */
function applyTls(editor: Editor, object: BNode, tlsOptions: Record<string, string>, issues: Array<{ setting: string }>): boolean {
  let changed = false;
  for (const [path, text] of Object.entries(tlsOptions)) {
    const present = findPath(object, path);
    const insecure = issues.some((issue) => issue.setting === path || issue.setting.startsWith(`${path}:`) || issue.setting.startsWith(`${path}.`));
    if (present && (!insecure || unwrap(present.value as BNode).type === 'ObjectExpression')) continue;
    changed = setPath(editor, object, path, () => editor.expression(text)) || changed;
  }
  return changed;
}

/** The name a client is assigned to: `const analyticsPool = new Pool()` → `analyticsPool`. */
function assignedName(editor: Editor, call: BNode): string | undefined {
  const path = editor.analysis.pathOf(call);
  if (!path) return undefined;
  const { parent, child } = outerParent(path);
  const node = parent?.node as BNode | undefined;
  if (!node) return undefined;
  if (node.type === 'VariableDeclarator' && node.init === child && node.id.type === 'Identifier') return node.id.name as string;
  if (node.type === 'AssignmentExpression' && node.right === child) {
    const left = node.left as BNode;
    if (left.type === 'Identifier') return left.name as string;
    if (isMember(left)) return staticPropertyName(left);
  }
  if ((node.type === 'ObjectProperty' || node.type === 'ClassProperty' || node.type === 'PropertyDefinition') && node.value === child) return propertyKeyName(node);
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
  return words
    .filter((w) => !GENERIC_WORDS.has(w))
    .join('_')
    .toUpperCase();
}

/** Distinct names: a second client of a service is named after the variable it is assigned to. */
function assignNames(plans: Array<{ base: string; prefix: string }>, taken: Set<string>): string[] {
  const counts = new Map<string, number>();
  for (const plan of plans) counts.set(plan.base, (counts.get(plan.base) ?? 0) + 1);
  const names = plans.map((plan) => (((counts.get(plan.base) ?? 0) > 1 || taken.has(plan.base)) && plan.prefix ? `${plan.prefix}_${plan.base}` : plan.base));
  const used = new Set(taken);
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}_${n}`;
    used.add(candidate);
    return candidate;
  });
}
