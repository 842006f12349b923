import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../src/analysis/ast';
import type { ClientSite } from '../../src/analysis/file-analysis';
import type { CatalogEntry, TlsSwitch } from '../../src/catalog/types';
import { classifyHost } from '../../src/policy/host';
import { possibleValues, tlsIssues, unverifiedTlsBagProperties, type TlsIssue } from '../../src/policy/tls';
import { hasUrlScheme, parseServiceUrl } from '../../src/policy/url';
import { HOLE, lookup, textOf, type ObjectValue, type Value } from '../../src/policy/value';
import { weakTlsSettings } from '../../src/policy/weak-tls';
import type { Editor } from '../analysis/edit';
import { configObject } from './config-object';
import { recipeFor } from './recipe';

type Node = TSESTree.Node;
type EValue = Value<Node>;

/**
 * `verify-tls`: every TLS off switch becomes the library's verified form, per its catalog
 * entry and the policy's own fixes. Returns the number of places changed.
 */
export function verifyTls(editor: Editor): number {
  let count = 0;
  const done = new Set<Node>();
  for (const site of editor.analysis.sites) count += fixSite(editor, site, done);
  // Module-wide defaults (`pg.defaults.ssl = false`, `https.globalAgent.options.rejectUnauthorized = false`)
  // are judged as the options they amount to.
  for (const write of editor.analysis.globalDefaultsWrites) {
    if (write.assignment.node.operator !== '=') continue;
    const site: ClientSite = { entry: write.assignment.entry, origin: 'call', node: write.assignment.node, args: [], options: write.options };
    count += fixSite(editor, site, done);
  }
  // `export const DB_SSL = { rejectUnauthorized: false }`: verified, whichever client takes it.
  for (const setting of editor.analysis.namedTlsSettings) {
    for (const prop of unverifiedTlsBagProperties(setting.value)) {
      if (done.has(prop.node)) continue;
      done.add(prop.node);
      if (editor.replace(prop.value.node, editor.expression('true'))) count++;
    }
  }
  for (const write of editor.analysis.envWrites) {
    if (write.name !== 'NODE_TLS_REJECT_UNAUTHORIZED') continue;
    const value = write.value;
    if (value.kind !== 'literal' || !(value.value === '0' || value.value === 0 || value.value === false || value.value === 'false')) continue;
    const statement = write.node.parent;
    if (statement?.type === 'ExpressionStatement' && statement.expression === write.node && editor.removeStatement(statement)) count++;
    else editor.marker(write.node, 'remove this NODE_TLS_REJECT_UNAUTHORIZED write: it turns certificate verification off for the whole process');
  }
  return count;
}

export function fixSite(editor: Editor, site: ClientSite, done: Set<Node>): number {
  const { entry, options } = site;
  const recipe = recipeFor(entry, options, site.factory);
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

function fixIssue(editor: Editor, site: ClientSite, issue: TlsIssue<Node>, tlsOptions: Record<string, string>): boolean {
  const fix = issue.fix;
  if (fix?.kind === 'remove-property') return editor.removeProperty(fix.node);
  if (fix?.kind === 'url-param') return rewriteUrlParam(editor, fix.node, fix.param, fix.value);
  if (fix?.kind === 'replace') {
    // A flag written as its own property goes; the library default is the verified form.
    const path = issue.setting.split(':')[0]!.trim();
    const prop = issue.node;
    const own = prop.type === 'Property' && unwrap(prop.value as Node) === fix.node;
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
    if (!locationPaths.includes(sw.path) && Object.keys(tlsOptions).length > 0 && isOwnProperty(found.prop.node) && found.value === value) {
      const object = configObject(site, editor.sourceCode);
      if (!object) return markTls(editor, issue);
      editor.removeProperty(found.prop.node);
      setAll(editor, object.node, tlsOptions);
      return true;
    }
    if (Object.keys(tlsOptions).length > 0 && locationPaths.includes(sw.path)) {
      const object = configObject(site, editor.sourceCode);
      if (!object) return markTls(editor, issue);
      return setAll(editor, object.node, tlsOptions);
    }
    return markTls(editor, issue);
  }
  // Absent: a library default that does not verify.
  if (recipeText === undefined && Object.keys(tlsOptions).length === 0) return markTls(editor, issue);
  const object = configObject(site, editor.sourceCode);
  if (!object) return markTls(editor, issue);
  return setAll(editor, object.node, recipeText !== undefined ? { [sw.path]: recipeText } : tlsOptions);
}

/** `ssl: { rejectUnauthorized: false }`: removing would leave `ssl: {}`, so write `true` instead. */
function onlyProperty(_editor: Editor, prop: Node): boolean {
  const object = prop.parent;
  return object?.type === 'ObjectExpression' && object.properties.length === 1;
}

/** A key written in an object literal (not after construction). */
function isOwnProperty(node: Node): boolean {
  return node.type === 'Property';
}

/** cassandra-driver defaults `rejectUnauthorized` to false inside `sslOptions`: keep `true` written. */
function keepsExplicitTrue(entry: CatalogEntry, setting: string): boolean {
  const bag = setting.endsWith('.rejectUnauthorized') ? setting.slice(0, -'.rejectUnauthorized'.length) : setting === 'rejectUnauthorized' ? '' : undefined;
  if (bag === undefined) return false;
  return entry.tls.switches.some((sw) => sw.path === bag && sw.object === 'bag-unverified-unless-rejectUnauthorized');
}

function switchOf(entry: CatalogEntry, issue: TlsIssue<Node>): TlsSwitch | undefined {
  const matches = entry.tls.switches.filter((sw) => issue.setting.startsWith(`${sw.path}:`) || issue.setting.startsWith(`${sw.path} (`));
  return matches.find((sw) => sw.secure === issue.secure) ?? matches[0];
}

function markTls(editor: Editor, issue: TlsIssue<Node>): boolean {
  editor.marker(issue.node, `make TLS verified by hand: ${issue.setting} should be ${issue.secure}`);
  return false;
}

/** Writes each `path: text` into an object literal, creating nested objects as needed. */
export function setAll(editor: Editor, object: TSESTree.ObjectExpression, entries: Record<string, string>): boolean {
  return editor.setPaths(object, Object.entries(entries));
}

function sameSource(editor: Editor, node: Node, text: string): boolean {
  const normal = (t: string): string => t.replace(/\s+/g, '').replace(/"/g, "'");
  return normal(editor.sourceCode.getText(node)) === normal(text);
}

/** `sslmode=disable` → `sslmode=verify-full` inside a literal URL. */
function rewriteUrlParam(editor: Editor, node: Node, param: string, value: string): boolean {
  const target = unwrap(node);
  if (target.type !== 'Literal' || typeof target.value !== 'string') return false;
  const text = target.value;
  const pattern = new RegExp(`([?&;])(${param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})=([^&;#]*)`, 'i');
  const next = text.replace(pattern, (_m, sep: string, name: string) => `${sep}${name}=${value}`);
  if (next === text) return false;
  return editor.replace(target, editor.stringLiteral(next));
}

/**
 * `redis://` → `rediss://`, `amqp://` → `amqps://`, `http://` → `https://` for remote hosts. A
 * scheme whose TLS a URL parameter decides keeps its scheme and gets the parameter
 * (`mongodb://h:27017/app` → `...?tls=true`: `mongodb+srv://` is a DNS lookup, not TLS).
 */
function upgradeSchemes(editor: Editor, entry: CatalogEntry, options: ObjectValue<Node>, tlsScheme: string | undefined, done: Set<Node>): number {
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
      if (done.has(node)) continue;
      if (value.kind === 'template') {
        if (upgradeBuiltUrl(editor, entry, value, secure, done)) count++;
        continue;
      }
      if (node.type !== 'Literal' || typeof node.value !== 'string') continue;
      const text = node.value;
      if (!hasUrlScheme(text)) continue;
      const scheme = text.slice(0, text.indexOf(':')).toLowerCase();
      if (!schemes.plaintext.includes(scheme)) continue;
      const url = parseServiceUrl(text);
      const hosts = url?.hosts ?? [];
      if (hosts.length === 0 || hosts.some((h) => classifyHost(h.host) === 'loopback')) continue;
      const upgraded = entry.tls.paramSchemes?.includes(scheme) ? withVerifiedParam(entry, text) : `${secure}${text.slice(text.indexOf(':'))}`;
      done.add(node);
      if (upgraded !== undefined && editor.replace(node, editor.stringLiteral(upgraded))) count++;
    }
  }
  return count;
}

/** The URL with the library's verifying parameter added (`tls=true`), unless a TLS parameter is already there. */
function withVerifiedParam(entry: CatalogEntry, text: string): string | undefined {
  const param = entry.tls.urlParams.find((p) => Object.values(p.values).includes('verified') && !p.requires);
  const value = param && Object.entries(param.values).find(([, meaning]) => meaning === 'verified')?.[0];
  if (!param || value === undefined) return undefined;
  const query = text.indexOf('?');
  const names = entry.tls.urlParams.map((p) => p.name.toLowerCase());
  if (query >= 0 && text.slice(query + 1).split('&').some((pair) => names.includes(pair.split('=')[0]!.toLowerCase()))) return undefined;
  const hash = text.indexOf('#');
  const [base, fragment] = hash >= 0 ? [text.slice(0, hash), text.slice(hash)] : [text, ''];
  return `${base}${query >= 0 ? '&' : base.includes('/', base.indexOf('//') + 2) ? '?' : '/?'}${param.name}=${value}${fragment}`;
}

function urlValues(value: EValue): EValue[] {
  const out: EValue[] = [];
  for (const v of possibleValues(value)) {
    if (v.kind === 'array') out.push(...v.elements.flatMap(urlValues));
    else if (v.kind === 'object') {
      for (const prop of v.props) if (prop.key === 'url' || prop.key === 'host') out.push(prop.value);
    } else if (v.kind === 'literal' || v.kind === 'template') out.push(v);
    // `process.env.AMQP_URL ?? \`amqp://${...}\``: the default is a URL this client may use.
    else if (v.kind === 'env' && v.fallback) out.push(...urlValues(v.fallback));
  }
  return out;
}

/**
 * A URL built in code from a plaintext scheme and configured parts (`` `amqp://${user}:${pass}@${host}` ``,
 * `'ldap://' + host + ':' + port`): TLS cannot be turned on by configuration, so the written scheme
 * becomes the TLS one. A literal port after the host is the plaintext service's, which the TLS
 * scheme would not reach: a marker says to change both.
 */
function upgradeBuiltUrl(editor: Editor, entry: CatalogEntry, value: EValue, secure: string, done: Set<Node>): boolean {
  const node = unwrap(value.node);
  const text = textOf(value);
  const scheme = text === undefined ? undefined : /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (!scheme || !entry.tls.schemes?.plaintext.includes(scheme) || entry.tls.paramSchemes?.includes(scheme)) return false;
  const hosts = parseServiceUrl(text!.split(HOLE).join('x'))?.hosts ?? [];
  if (hosts.some((h) => !h.host.includes('x') && classifyHost(h.host) === 'loopback')) return false;
  done.add(node);
  if (/^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^/:?#@]*):\d/i.test(text!)) {
    editor.marker(node, `this ${scheme}:// URL is plaintext and names the plaintext port: use ${secure}:// and the service's TLS port`);
    return false;
  }
  // The leftmost written part holds the scheme: a template's first chunk or a concatenation's first string.
  let first: Node = node;
  while (first.type === 'BinaryExpression' && first.operator === '+') first = unwrap(first.left as Node);
  if (first.type === 'Literal' && typeof first.value === 'string') return editor.replace(first, editor.stringLiteral(`${secure}${first.value.slice(scheme.length)}`));
  if (first.type !== 'TemplateLiteral') return false;
  const source = editor.sourceCode.getText(first);
  return editor.replace(first, editor.expression(`\`${secure}${source.slice(1 + scheme.length)}`));
}

/**
 * Weak `minVersion`, `maxVersion`, legacy `secureProtocol` and weak `ciphers` in the client's TLS
 * bags, judged by the same policy as `no-weak-tls`: a weak floor becomes `TLSv1.2`; the others
 * go, so Node's defaults apply.
 */
function weakSettings(editor: Editor, entry: CatalogEntry, options: ObjectValue<Node>, done: Set<Node>): number {
  let count = 0;
  // The `@SECLEVEL=0` that goes with a weak version is removed with it.
  for (const setting of weakTlsSettings(entry, options).flatMap((s) => (s.alongside ? [s, s.alongside] : [s]))) {
    if (done.has(setting.valueNode)) continue;
    done.add(setting.valueNode);
    if (setting.key === 'minVersion') {
      if (editor.replace(setting.valueNode, editor.stringLiteral('TLSv1.2'))) count++;
    } else if (setting.propNode && isOwnProperty(setting.propNode) && editor.removeProperty(setting.propNode)) count++;
    else editor.marker(setting.node, `remove \`${setting.path}\` (${setting.weak} is weak): Node's defaults are safe`);
  }
  return count;
}
