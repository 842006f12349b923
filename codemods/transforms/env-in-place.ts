import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../src/analysis/ast';
import type { CredentialHelperCall } from '../../src/analysis/credential-helpers';
import type { ClientSite } from '../../src/analysis/file-analysis';
import type { NamedSetting } from '../../src/analysis/named-settings';
import type { CatalogEntry, SecureRecipe, ServiceKind } from '../../src/catalog/types';
import { accountDefault, locationDefault, secretDefault } from '../../src/policy/env-defaults';
import { possibleValues } from '../../src/policy/tls';
import { getProperty, HOLE, textOf, valueAt, type PropertyValue, type Value } from '../../src/policy/value';
import { parseLocation } from '../../src/policy/location';
import { passwordInText } from '../../src/policy/credentials';
import type { Editor } from '../analysis/edit';

type Node = TSESTree.Node;

/**
 * Reading a hard-coded value from the environment where it is written, keeping the key that
 * holds it: `host: 'db.internal'` → `host: process.env.DATABASE_HOST`. This is the rewrite for
 * configuration that other code reads key by key (an app config module, options shared with
 * other code, a helper's argument), where folding the options into one URL would break that
 * code, and for credentials a library takes apart from its URL. The value keeps its type
 * (`as string` in TypeScript; a list becomes `.split(',')`).
 */

/** One value to read from the environment. */
export interface InPlaceTarget {
  /** The literal, template or list expression to replace. */
  node: Node;
  /** The option path it was found at (none for a named setting). */
  path?: string;
  /** The variable's name before any prefix (`DATABASE_HOST`). */
  base: string;
  /** How many values of the same site got this base before (a second host in a choice reads its own variable). */
  occurrence: number;
  form: 'string' | 'list';
  /** What the variable holds, for `.env.example` (none: the service URL). */
  description?: string;
  entry?: CatalogEntry;
}

/** An environment variable an in-place rewrite reads. */
export interface InPlaceVariable {
  name: string;
  service?: ServiceKind;
  library: string;
  description?: string;
  tlsScheme?: string;
}

/** Paths that say where the service is, who logs in and with what secret, by role. */
export type Role = 'url' | 'host' | 'list' | 'user' | 'secret';

function rolePaths(entry: CatalogEntry): Array<[string, Role]> {
  const not = new Set(entry.location.notLocations ?? []);
  const located: Array<[string, Role]> = [
    ...entry.location.urlPaths.map((p): [string, Role] => [p, 'url']),
    ...entry.location.hostPaths.map((p): [string, Role] => [p, 'host']),
    ...entry.location.listPaths.map((p): [string, Role] => [p, 'list']),
  ];
  return [
    ...located.filter(([p]) => !not.has(p)),
    ...entry.credentials.userPaths.map((p): [string, Role] => [p, 'user']),
    ...entry.credentials.secretPaths.map((p): [string, Role] => [p, 'secret']),
  ];
}

/**
 * Whether a value holds text written in code: a literal, a list or object of such, or a
 * template whose written parts say where the service is or hold a password
 * (`` `postgres://app:${pw}@db.internal/app` ``). A template whose host and password come from
 * elsewhere (`` `amqp://${user}:${pass}@${host}` ``) is configured already, as the rules see it.
 */
export function isHard(value: Value<Node>): boolean {
  for (const v of possibleValues(value)) {
    if (v.kind === 'literal' && typeof v.value === 'string' && v.value !== '') return true;
    if (v.kind === 'template' && templateIsHard(v)) return true;
    if (v.kind === 'array' && v.elements.some(isHard)) return true;
    if (v.kind === 'object' && v.props.some((p) => isHard(p.value))) return true;
  }
  return false;
}

function templateIsHard(value: Value<Node>): boolean {
  const text = textOf(value);
  if (text === undefined) return false;
  if (!text.includes(HOLE)) return text !== '';
  return parseLocation(text, 'url') !== undefined || parseLocation(text, 'host') !== undefined || passwordInText(text) !== undefined;
}

/**
 * The hard-coded location and credential values of a site that can be read from the
 * environment where they are written (`targets`), and the first one that cannot (`missed`:
 * an object, a value built by a call, JSX). `only` restricts the roles looked at.
 */
export function inPlaceTargets(site: ClientSite, recipe: SecureRecipe, only?: ReadonlySet<Role>): { targets: InPlaceTarget[]; missed?: Node } {
  const { entry } = site;
  const targets: InPlaceTarget[] = [];
  let missed: Node | undefined;
  for (const [path, role] of rolePaths(entry)) {
    if (only && !only.has(role)) continue;
    for (const found of valuesAt(site.options, path)) {
      const value = found.value;
      // An object holds the values of deeper paths (`connection: { host }`), looked at on their own.
      if (value.kind === 'object' || !isHard(value)) continue;
      const node = replaceable(value, role === 'list');
      if (!node) {
        missed ??= found.prop.node;
        continue;
      }
      if (targets.some((t) => t.node === node)) continue;
      const list = unwrap(node).type === 'ArrayExpression';
      const variable = variableFor(entry, recipe, path, role, list);
      targets.push({ node, path, entry, occurrence: targets.filter((t) => t.base === variable.base).length, ...variable });
    }
  }
  return { targets, missed };
}

/**
 * Every value at `path`, through choices at any level (`connection: prod ? url : { host }`
 * gives the `host` of the object branch), each with the property that holds it.
 */
export function valuesAt(value: Value<Node>, path: string): Array<{ prop: PropertyValue<Node>; value: Value<Node> }> {
  const [key, ...rest] = path.split('.');
  const out: Array<{ prop: PropertyValue<Node>; value: Value<Node> }> = [];
  for (const v of possibleValues(value)) {
    const prop = v.kind === 'object' ? getProperty(v, key!) : undefined;
    if (!prop) continue;
    if (rest.length === 0) out.push(...possibleValues(prop.value).map((leaf) => ({ prop, value: leaf })));
    else out.push(...valuesAt(prop.value, rest.join('.')));
  }
  return out;
}

/** The node to replace for a hard value: a string, template or concatenation, or (at a list path) a list of them. */
function replaceable(value: Value<Node>, listPath: boolean): Node | undefined {
  const node = unwrap(value.node);
  const parent = node.parent;
  if (parent && (parent.type === 'JSXAttribute' || parent.type === 'Property' && parent.key === node)) return undefined;
  if (value.kind === 'literal' && typeof value.value === 'string' && node.type === 'Literal') return node;
  if ((value.kind === 'template' || value.kind === 'literal') && (node.type === 'TemplateLiteral' || (node.type === 'BinaryExpression' && node.operator === '+'))) return node;
  if (listPath && value.kind === 'array' && node.type === 'ArrayExpression' && node.elements.length > 0) {
    const stringy = value.elements.every((e) => (e.kind === 'literal' && typeof e.value === 'string') || e.kind === 'template');
    return stringy && value.elements.length === node.elements.length ? node : undefined;
  }
  return undefined;
}

/** `contactPoints` → `CONTACT_POINTS`. */
export function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_')
    .toUpperCase();
}

/** `DATABASE_URL` → `DATABASE`, `KAFKA_BROKERS` → `KAFKA`: the word the library's variables start with. */
function serviceWord(entry: CatalogEntry): string {
  return entry.envVar.replace(/_(?:URL|URI|BROKERS|SERVERS|CONTACT_POINTS|HOST|SERVER|NODES)$/, '');
}

const PASSWORD_KEYS = /^(?:pass|password|passwd|pwd)$/i;

/** The variable a value at `path` is read from: the recipe's, the catalog's for a credential, else by its role. */
function variableFor(entry: CatalogEntry, recipe: SecureRecipe, path: string, role: Role, list: boolean): Omit<InPlaceTarget, 'node' | 'entry' | 'path' | 'occurrence'> {
  const option = recipe.envOptions?.find((o) => o.path === path);
  if (option) return { base: option.envVar, form: list || option.form === 'list' ? 'list' : 'string', description: option.description };
  const named = entry.credentials.envVars?.[path];
  const leaf = path.slice(path.lastIndexOf('.') + 1);
  const word = serviceWord(entry);
  const service = entry.service.replace(/-/g, ' ');
  if (named) return { base: named, form: 'string', description: `${role === 'user' ? 'credential id' : 'secret'} for ${entry.displayName} (\`${leaf}\`)` };
  switch (role) {
    case 'url':
      return { base: entry.envVar, form: 'string' };
    case 'host':
      return { base: `${word}_HOST`, form: 'string', description: `host name of the ${service} server, as its certificate names it` };
    case 'list':
      return list ? { base: `${word}_${upperSnake(leaf)}`, form: 'list', description: `comma-separated list of the ${service} servers (\`${leaf}\`)` } : { base: entry.envVar, form: 'string' };
    case 'user':
      return { base: `${word}_USER`, form: 'string', description: `${service} user (a least-privileged account)` };
    case 'secret':
      return PASSWORD_KEYS.test(leaf)
        ? { base: `${word}_PASSWORD`, form: 'string', description: `password of the ${service} user` }
        : { base: `${word}_${upperSnake(leaf)}`, form: 'string', description: `${service} secret (\`${leaf}\`)` };
  }
}

/**
 * Literal settings of exported configuration that the rules report by their name (`redis_host:
 * '127.0.0.1'`, `mail: { pass: 'x' }`, `ldap_admindn: 'cn=admin,...'`), each read from the
 * variable its name spells (`REDIS_HOST`, `MAIL_PASS`, `LDAP_ADMINDN`).
 */
export function settingTargets(settings: readonly NamedSetting[]): InPlaceTarget[] {
  const targets: InPlaceTarget[] = [];
  for (const setting of settings) {
    const what = locationDefault(setting.name, setting.value, { setting: true })
      ? 'host or URL of the service'
      : secretDefault(setting.name, setting.value)
        ? 'secret of the service account'
        : accountDefault(setting.name, setting.value)
          ? 'service account (a least-privileged one)'
          : undefined;
    if (!what) continue;
    const node = replaceable(setting.value, false);
    if (node && !targets.some((t) => t.node === node)) targets.push({ node, base: upperSnake(setting.name), occurrence: 0, form: 'string', description: `${what} the \`${setting.name}\` setting names` });
  }
  return targets;
}

/**
 * Credentials handed to a client in a call rather than in its options (`client.bind('cn=admin,...',
 * 's3cret')`, `amqp.credentials.plain('app', 'pw')`): each literal user or secret, read from the
 * variable it would be read from as an option (`variableFor`: `LDAP_BIND_DN`, `AMQP_PASSWORD`).
 */
export function credentialCallTargets(calls: readonly CredentialHelperCall[]): InPlaceTarget[] {
  const targets: InPlaceTarget[] = [];
  for (const { entry, options } of calls) {
    const roles: Array<[string, Role]> = [
      ...entry.credentials.userPaths.map((path): [string, Role] => [path, 'user']),
      ...entry.credentials.secretPaths.map((path): [string, Role] => [path, 'secret']),
    ];
    for (const [path, role] of roles) {
      const value = valueAt(options, path);
      const node = value && isHard(value) ? replaceable(value, false) : undefined;
      if (!node || targets.some((t) => t.node === node)) continue;
      targets.push({ node, path, occurrence: 0, entry, ...variableFor(entry, entry.recipe, path, role, false) });
    }
  }
  return targets;
}

/** Where `process.env.X as string` can stand without parentheses. */
const BARE_SLOTS = new Set(['Property', 'VariableDeclarator', 'ArrayExpression', 'CallExpression', 'NewExpression', 'AssignmentPattern', 'AssignmentExpression', 'ReturnStatement', 'ArrowFunctionExpression', 'TemplateLiteral', 'ConditionalExpression']);

/**
 * Replaces each target by its environment read, named by `name` (which keeps names apart);
 * a node already read from the environment in this pass keeps its first name. Returns the
 * variables now read (once each).
 */
export function applyInPlace(editor: Editor, targets: readonly InPlaceTarget[], name: (base: string, occurrence: number) => string, isTypeScript: boolean | undefined): InPlaceVariable[] {
  const variables: InPlaceVariable[] = [];
  for (const target of targets) {
    if (editor.readInPlace.has(target.node)) continue;
    const variable = name(target.base, target.occurrence);
    const read = `process.env.${variable}`;
    const typed = target.form === 'list' ? (isTypeScript ? `(${read} as string).split(',')` : `${read}.split(',')`) : isTypeScript ? `${read} as string` : read;
    const text = isTypeScript && target.form === 'string' && !BARE_SLOTS.has(target.node.parent?.type ?? '') ? `(${typed})` : typed;
    if (!editor.replace(target.node, text === read ? editor.envRead(variable) : editor.expression(text))) continue;
    editor.readInPlace.set(target.node, variable);
    editor.dropped.push(target.node);
    const entry = target.entry;
    if (variables.some((v) => v.name === variable)) continue;
    variables.push({ name: variable, service: entry?.service, library: entry?.displayName ?? 'configuration', description: target.description, tlsScheme: entry?.recipe.tlsScheme });
  }
  return variables;
}
