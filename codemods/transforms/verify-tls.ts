import type { CatalogEntry, TlsSwitch } from '../../src/catalog/types';
import { classifyHost } from '../../src/policy/host';
import { possibleValues, tlsIssues, type TlsIssue } from '../../src/policy/tls';
import { hasUrlScheme, parseServiceUrl } from '../../src/policy/url';
import { lookup, optionsFromAssignment, type ObjectValue, type PropertyValue } from '../../src/policy/value';
import type { BNode } from '../analysis/ast';
import { isStringNode, unwrap } from '../analysis/ast';
import type { Editor } from '../analysis/edit';
import type { BabelSite } from '../analysis/sites';
import type { BValue } from '../analysis/evaluate';
import { configObject } from './config-object';
import { recipeFor } from './recipe';

/** Node's weak protocol names and the legacy `secureProtocol` methods. */
const WEAK_VERSIONS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
const WEAK_METHOD = /^(?:SSLv2|SSLv3|SSLv23|TLSv1|TLSv1_1)(?:_client|_server)?_method$/;
const WEAK_CIPHER_WORDS = new Set(['RC4', 'DES', '3DES', 'NULL', 'EXPORT', 'EXP', 'MD5', 'ANULL', 'ENULL', 'ADH', 'AECDH']);

/** A cipher list that enables a weak suite (an excluded one, `!RC4`, does not count). */
function hasWeakCipher(list: string): boolean {
  return list
    .split(/[:\s,]+/)
    .filter((token) => token !== '' && !token.startsWith('!') && !token.startsWith('-'))
    .some((token) => token.replace(/^\+/, '').toUpperCase().split('-').some((word) => WEAK_CIPHER_WORDS.has(word)));
}

/**
 * `verify-tls`: every TLS off switch becomes the library's verified form, per its catalog
 * entry and the policy's own fixes. Returns the number of places changed.
 */
export function verifyTls(editor: Editor): number {
  let count = 0;
  const done = new Set<BNode>();
  for (const site of editor.analysis.sites) count += fixSite(editor, site, done);
  // Module-wide defaults (`pg.defaults.ssl = false`, `https.globalAgent.options.rejectUnauthorized = false`)
  // are judged as the options they amount to.
  for (const assignment of editor.analysis.assignments) {
    const prefix = assignment.entry.globalDefaults;
    if (!prefix || !assignment.path.startsWith(`${prefix}.`) || assignment.node.operator !== '=') continue;
    const value = editor.analysis.evaluator.evaluate(assignment.node.right as BNode);
    const options = optionsFromAssignment(assignment.path.slice(prefix.length + 1), value, assignment.node);
    const site: BabelSite = { entry: assignment.entry, factory: assignment.entry.factories[0]!, node: assignment.node, args: [], options };
    count += fixSite(editor, site, done);
  }
  for (const write of editor.analysis.envWrites) {
    if (write.name !== 'NODE_TLS_REJECT_UNAUTHORIZED') continue;
    const value = write.value;
    if (value.kind !== 'literal' || !(value.value === '0' || value.value === 0 || value.value === false || value.value === 'false')) continue;
    const statement = editor.statementOf(write.node);
    if (statement?.type === 'ExpressionStatement' && statement.expression === write.node && editor.removeStatement(statement)) count++;
    else editor.marker(write.node, 'remove this NODE_TLS_REJECT_UNAUTHORIZED write: it turns certificate verification off for the whole process');
  }
  return count;
}

export function fixSite(editor: Editor, site: BabelSite, done: Set<BNode>): number {
  const { entry, options } = site;
  const recipe = recipeFor(entry, options);
  let count = 0;
  const issues = tlsIssues(entry, options, site.node);
  for (const issue of issues) {
    if (done.has(issue.node)) continue;
    done.add(issue.node);
    if (fixIssue(editor, site, issue, recipe.tlsOptions)) count++;
  }
  count += upgradeSchemes(editor, entry, options, recipe.tlsScheme, done);
  count += weakSettings(editor, entry, options, done);
  return count;
}

function fixIssue(editor: Editor, site: BabelSite, issue: TlsIssue<BNode>, tlsOptions: Record<string, string>): boolean {
  const fix = issue.fix;
  if (fix?.kind === 'remove-property') return editor.removeProperty(fix.node);
  if (fix?.kind === 'url-param') return rewriteUrlParam(editor, fix.node, fix.param, fix.value);
  if (fix?.kind === 'replace') {
    // A flag written as its own property goes; the library default is the verified form.
    const path = issue.setting.split(':')[0]!.trim();
    const prop = issue.node;
    const own = prop.type === 'ObjectProperty' && unwrap(prop.value as BNode) === fix.node;
    const recipeText = tlsOptions[path];
    if (recipeText !== undefined) return editor.replace(fix.node, editor.expression(recipeText));
    if (own && !keepsExplicitTrue(site.entry, path) && !(path.endsWith('rejectUnauthorized') && onlyProperty(editor, prop))) return editor.removeProperty(prop);
    return editor.replace(fix.node, editor.expression(fix.text));
  }
  // A switch (`ssl: false`, `ignoreTLS: true`, a library default that is not verified).
  const sw = switchOf(site.entry, issue);
  if (!sw) return false;
  const found = lookup(site.options, sw.path);
  const recipeText = tlsOptions[sw.path];
  if (found.status === 'present') {
    const value = issue.node === found.prop.node ? found.value : possibleValues(found.value).find((v) => v.node === issue.node);
    if (!value) return false;
    if (recipeText !== undefined) {
      // Already the recipe's form and still not verified: the library cannot do better here.
      if (sameSource(editor, value.node, recipeText)) return markTls(editor, issue);
      return editor.replace(value.node, editor.expression(recipeText));
    }
    const direct = /^([\w.]+): (.+)$/.exec(sw.secure);
    if (direct && direct[1] === sw.path && !/[()]/.test(direct[2]!)) return editor.replace(value.node, editor.expression(direct[2]!));
    const locationPaths = [...site.entry.location.portPaths, ...site.entry.location.hostPaths];
    if (!locationPaths.includes(sw.path) && Object.keys(tlsOptions).length > 0 && found.prop.node.type === 'ObjectProperty' && found.value === value) {
      const object = configObject(editor, site);
      if (!object) return markTls(editor, issue);
      editor.removeProperty(found.prop.node);
      setAll(editor, object.node, tlsOptions);
      return true;
    }
    if (Object.keys(tlsOptions).length > 0 && locationPaths.includes(sw.path)) {
      const object = configObject(editor, site);
      if (!object) return markTls(editor, issue);
      return setAll(editor, object.node, tlsOptions);
    }
    return markTls(editor, issue);
  }
  // Absent: a library default that does not verify.
  if (recipeText === undefined && Object.keys(tlsOptions).length === 0) return markTls(editor, issue);
  const object = configObject(editor, site);
  if (!object) return markTls(editor, issue);
  return setAll(editor, object.node, recipeText !== undefined ? { [sw.path]: recipeText } : tlsOptions);
}

/** `ssl: { rejectUnauthorized: false }`: removing would leave `ssl: {}`, so write `true` instead. */
function onlyProperty(editor: Editor, prop: BNode): boolean {
  const object = editor.analysis.pathOf(prop)?.parent?.node as BNode | undefined;
  return object?.type === 'ObjectExpression' && (object.properties as BNode[]).length === 1;
}

/** cassandra-driver defaults `rejectUnauthorized` to false inside `sslOptions`: keep `true` written. */
function keepsExplicitTrue(entry: CatalogEntry, setting: string): boolean {
  const bag = setting.endsWith('.rejectUnauthorized') ? setting.slice(0, -'.rejectUnauthorized'.length) : setting === 'rejectUnauthorized' ? '' : undefined;
  if (bag === undefined) return false;
  return entry.tls.switches.some((sw) => sw.path === bag && sw.object === 'bag-unverified-unless-rejectUnauthorized');
}

function switchOf(entry: CatalogEntry, issue: TlsIssue<BNode>): TlsSwitch | undefined {
  const matches = entry.tls.switches.filter((sw) => issue.setting.startsWith(`${sw.path}:`) || issue.setting.startsWith(`${sw.path} (`));
  return matches.find((sw) => sw.secure === issue.secure) ?? matches[0];
}

function markTls(editor: Editor, issue: TlsIssue<BNode>): boolean {
  editor.marker(issue.node, `make TLS verified by hand: ${issue.setting} should be ${issue.secure}`);
  return false;
}

/** Writes each `path: text` into an object literal, creating nested objects as needed. */
export function setAll(editor: Editor, object: BNode, entries: Record<string, string>): boolean {
  let changed = false;
  for (const [path, text] of Object.entries(entries)) changed = setPath(editor, object, path, () => editor.expression(text)) || changed;
  return changed;
}

export function setPath(editor: Editor, object: BNode, path: string, make: () => BNode, at?: number): boolean {
  const j = editor.j;
  const keys = path.split('.');
  let current = object;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const properties = current.properties as BNode[];
    const existing = properties.filter((p) => p.type === 'ObjectProperty' && !p.computed && ((p.key.type === 'Identifier' && p.key.name === key) || (isStringNode(p.key as BNode) && p.key.value === key))).pop();
    if (existing && i < keys.length - 1 && unwrap(existing.value as BNode).type === 'ObjectExpression') {
      current = unwrap(existing.value as BNode);
      continue;
    }
    // The rest of the path as one literal (`socket: { tls: true }`), so it prints on one line.
    const value = i === keys.length - 1 ? make() : editor.expression(nestedText(keys.slice(i + 1), j(make() as never).toSource()));
    if (existing) {
      if (sameText(existing.value as BNode, value)) return false;
      existing.value = value;
      existing.shorthand = false;
      editor.changes++;
      return true;
    }
    const prop = j.objectProperty(j.identifier(key), value as never) as unknown as BNode;
    if (at !== undefined && i === 0) properties.splice(at, 0, prop);
    else properties.push(prop);
    editor.editedObjects.add(current);
    editor.changes++;
    return true;
  }
  return false;
}

/** `['a', 'b']`, `'x'` → `{ a: { b: x } }`. */
export function nestedText(keys: string[], valueText: string): string {
  return keys.reduceRight((inner, key) => `{ ${key}: ${inner} }`, valueText);
}

/** An object literal's text from option paths and value texts: `{ url: ..., socket: { tls: true } }`. */
export function objectText(entries: Array<[string, string]>): string {
  interface Tree { [key: string]: Tree | string }
  const root: Tree = {};
  for (const [path, text] of entries) {
    const keys = path.split('.');
    let node = root;
    keys.slice(0, -1).forEach((key) => {
      const next = node[key];
      node = typeof next === 'object' ? next : (node[key] = {});
    });
    node[keys[keys.length - 1]!] = text;
  }
  const print = (tree: Tree): string => {
    const parts = Object.entries(tree).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : print(value)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  };
  return print(root);
}

function sameSource(editor: Editor, node: BNode, text: string): boolean {
  const normal = (t: string): string => t.replace(/\s+/g, '').replace(/"/g, "'");
  return normal(editor.j(node as never).toSource()) === normal(text);
}

function sameText(a: BNode, b: BNode): boolean {
  const ua = unwrap(a);
  if (ua.type !== b.type) return false;
  if ('value' in ua && 'value' in b && typeof ua.value !== 'object') return ua.value === b.value;
  if (ua.type === 'ObjectExpression') return (ua.properties as BNode[]).length === 0 && (b.properties as BNode[]).length === 0;
  return false;
}

/** `sslmode=disable` → `sslmode=verify-full` inside a literal URL. */
function rewriteUrlParam(editor: Editor, node: BNode, param: string, value: string): boolean {
  const target = unwrap(node);
  if (!isStringNode(target)) return false;
  const text = target.value as string;
  const pattern = new RegExp(`([?&;])(${param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})=([^&;#]*)`, 'i');
  const next = text.replace(pattern, (_m, sep: string, name: string) => `${sep}${name}=${value}`);
  if (next === text) return false;
  return editor.replace(target, editor.j.stringLiteral(next) as unknown as BNode);
}

/** `redis://` → `rediss://`, `amqp://` → `amqps://`, `http://` → `https://` for remote hosts. */
function upgradeSchemes(editor: Editor, entry: CatalogEntry, options: ObjectValue<BNode>, tlsScheme: string | undefined, done: Set<BNode>): number {
  const schemes = entry.tls.schemes;
  if (!schemes || entry.tls.schemeIgnored) return 0;
  const secure = tlsScheme ?? (schemes.tls.length === 1 ? schemes.tls[0] : undefined);
  if (!secure) return 0;
  let count = 0;
  for (const path of [...entry.location.urlPaths, ...entry.location.listPaths]) {
    const found = lookup(options, path);
    if (found.status !== 'present') continue;
    for (const value of urlValues(found.value)) {
      const node = unwrap(value.node);
      if (done.has(node) || !isStringNode(node)) continue;
      const text = node.value as string;
      if (!hasUrlScheme(text)) continue;
      const scheme = text.slice(0, text.indexOf(':')).toLowerCase();
      if (!schemes.plaintext.includes(scheme)) continue;
      const url = parseServiceUrl(text);
      const hosts = url?.hosts ?? [];
      if (hosts.length === 0 || hosts.some((h) => classifyHost(h.host) === 'loopback')) continue;
      done.add(node);
      if (editor.replace(node, editor.j.stringLiteral(`${secure}${text.slice(text.indexOf(':'))}`) as unknown as BNode)) count++;
    }
  }
  return count;
}

function urlValues(value: BValue): BValue[] {
  const out: BValue[] = [];
  for (const v of possibleValues(value)) {
    if (v.kind === 'array') out.push(...v.elements.flatMap(urlValues));
    else if (v.kind === 'object') {
      for (const prop of v.props) if (prop.key === 'url' || prop.key === 'host') out.push(prop.value);
    } else if (v.kind === 'literal') out.push(v);
  }
  return out;
}

/** Weak `minVersion`, legacy `secureProtocol` and weak `ciphers` in the client's TLS bags. */
function weakSettings(editor: Editor, entry: CatalogEntry, options: ObjectValue<BNode>, done: Set<BNode>): number {
  let count = 0;
  for (const bagPath of entry.tls.bags) {
    const bag = bagPath === '' ? options : lookup(options, bagPath).status === 'present' ? (lookup(options, bagPath) as { value: BValue }).value : undefined;
    if (!bag || bag.kind !== 'object') continue;
    const take = (key: string): PropertyValue<BNode> | undefined => {
      const found = lookup(bag, key);
      return found.status === 'present' && !done.has(found.prop.node) ? found.prop : undefined;
    };
    const min = take('minVersion');
    if (min && min.value.kind === 'literal' && WEAK_VERSIONS.has(String(min.value.value))) {
      done.add(min.node);
      if (editor.replace(min.value.node, editor.j.stringLiteral('TLSv1.2') as unknown as BNode)) count++;
    }
    const max = take('maxVersion');
    if (max && max.value.kind === 'literal' && WEAK_VERSIONS.has(String(max.value.value)) && max.node.type === 'ObjectProperty') {
      done.add(max.node);
      if (editor.removeProperty(max.node)) count++;
    }
    const method = take('secureProtocol');
    if (method && method.value.kind === 'literal' && WEAK_METHOD.test(String(method.value.value)) && method.node.type === 'ObjectProperty') {
      done.add(method.node);
      if (editor.removeProperty(method.node)) count++;
    }
    const ciphers = take('ciphers');
    if (ciphers && ciphers.value.kind === 'literal' && typeof ciphers.value.value === 'string' && hasWeakCipher(ciphers.value.value) && ciphers.node.type === 'ObjectProperty') {
      done.add(ciphers.node);
      if (editor.removeProperty(ciphers.node)) count++;
    }
  }
  return count;
}
