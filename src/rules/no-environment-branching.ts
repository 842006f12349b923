import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, staticPropertyName, unwrap } from '../analysis/ast';
import { environmentTestOf, type EnvironmentBranch } from '../analysis/environment-tests';
import { getFileAnalysis, type ClientSite } from '../analysis/file-analysis';
import { environmentKind } from '../policy/env-names';
import { isAttachedResource, serviceConfigDiffers, touchesServiceConfig, valuesWithPaths } from '../policy/environment';
import type { ObjectValue, Value } from '../policy/value';
import { createRule } from '../util/create-rule';

type Node = TSESTree.Node;
type MessageIds = 'buildsClient' | 'config' | 'map' | 'environmentFile';

/** Values a test compares the environment name with that only mean "running under the test runner". */
const TEST_ONLY = new Set(['test', 'testing']);

export default createRule<[], MessageIds>({
  name: 'no-environment-branching',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow choosing backing-service clients or their location, TLS or credentials by environment name or locality',
      recommended: true,
      relaxedInTests: true,
      securitySeverity: 5.3,
    },
    schema: [],
    messages: {
      buildsClient:
        '`{{client}}`: which client is built depends on {{what}}. Build the same client in every environment and read its location, TLS settings and credentials from the environment.',
      config:
        '`{{client}}`: {{setting}} depends on {{what}}, so environments connect differently. Configure every environment the same way and read what differs (the URL, a CA) from the environment.',
      map: '`{{client}}`: configuration picked from a per-environment map by {{what}}. Use one configuration and read the location, TLS settings and credentials from the environment.',
      environmentFile:
        '`{{client}}`: the `{{name}}` entry connects differently from the others (location or TLS written per environment). Use one entry that reads `DATABASE_URL` and its TLS settings from the environment.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      Program() {
        const analysis = getFileAnalysis(sourceCode);
        const sites = analysis.sites.filter((site) => isAttachedResource(site.entry));
        if (sites.length === 0) {
          reportEnvironmentFile(context, sourceCode);
          return;
        }
        const branches = analysis.environmentBranches;
        const evaluator = analysis.evaluator;

        /** Conditional values inside each client's options, by their construct node. */
        const feeding = new Map<Node, { site: ClientSite; path: string; branches: Value<Node>[] }>();
        /** Unknown values inside options (identifiers, `map[env]`), by node, with their path. */
        const opaque = new Map<Node, { site: ClientSite; path: string }>();
        for (const site of sites) {
          site.args.forEach((arg) => {
            if (arg.kind === 'conditional') feeding.set(arg.node, { site, path: '', branches: arg.branches });
            else if (arg.kind === 'unknown') opaque.set(arg.node, { site, path: '' });
          });
          for (const { path, value } of valuesWithPaths(site.options)) {
            if (value.kind === 'conditional' && !feeding.has(value.node)) feeding.set(value.node, { site, path, branches: value.branches });
            else if (value.kind === 'unknown' && !opaque.has(value.node)) opaque.set(value.node, { site, path });
          }
        }

        const reported = new Set<Node>();
        const report = (branch: EnvironmentBranch, messageId: MessageIds, data: Record<string, string>): void => {
          if (reported.has(branch.test)) return;
          reported.add(branch.test);
          context.report({ node: branch.test, messageId, data: { what: describeTest(branch), ...data } });
        };

        // A test used directly as an option's value: `tls: process.env.NODE_ENV === 'production'`.
        for (const site of sites) {
          for (const { path, value } of valuesWithPaths(site.options)) {
            if (value.kind !== 'unknown' && value.kind !== 'env') continue;
            const node = value.node;
            if (node.type !== 'BinaryExpression' && node.type !== 'UnaryExpression' && node.type !== 'MemberExpression' && node.type !== 'CallExpression' && node.type !== 'LogicalExpression') continue;
            if (!touchesServiceConfig(site.entry, path, [])) continue;
            const verdict = environmentTestOf(sourceCode, node);
            if (!verdict) continue;
            const branch: EnvironmentBranch = { construct: node, test: node, kind: verdict.kind, branches: [], comparedWith: verdict.compared };
            if (isTestRunnerGuard(branch)) continue;
            report(branch, 'config', { client: site.entry.displayName, setting: describePath(path) });
          }
        }

        for (const branch of branches) {
          if (isTestRunnerGuard(branch)) continue;
          // A client built in one path only: `if (!isProd) client = new Redis()`.
          const built = clientsBuiltDifferently(branch, sites);
          if (built) {
            report(branch, 'buildsClient', { client: built.entry.displayName });
            continue;
          }
          // A conditional that ends up in a client's options: `ssl: isProd ? { ca } : false`.
          const fed = feeding.get(branch.construct);
          if (fed && serviceConfigDiffers(fed.site.entry, fed.path, fed.branches, shapeText)) {
            report(branch, 'config', { client: fed.site.entry.displayName, setting: describePath(fed.path) });
            continue;
          }
          // `knex(config[process.env.NODE_ENV])`, directly or through a variable.
          if (branch.construct.type === 'MemberExpression') {
            const target = opaque.get(branch.construct) ?? opaqueThroughVariable(branch.construct, opaque, sourceCode);
            if (!target) continue;
            const map = evaluator.evaluate(branch.construct.object);
            if (map.kind !== 'object' || map.props.length < 2) continue;
            const entries = map.props.filter((p) => !TEST_ONLY.has(p.key.toLowerCase())).map((p) => p.value);
            if (serviceConfigDiffers(target.site.entry, target.path, entries, shapeText)) report(branch, 'map', { client: target.site.entry.displayName });
            continue;
          }
          // `if (isProd) options.ssl = { ca }` / `switch (env) { case 'production': url = ... }`
          if (branch.construct.type === 'IfStatement' || branch.construct.type === 'SwitchStatement') {
            const hit = assignmentFeedingClient(branch, opaque, sites, sourceCode, (n) => evaluator.evaluate(n));
            if (hit) report(branch, 'config', { client: hit.site.entry.displayName, setting: describePath(hit.path) });
          }
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

/**
 * A client built in some paths of the construct but not in others, or built differently
 * (another library, other arguments). Paths that build the same client the same way (the
 * Next.js pattern that caches one client on `global` in development) are not a difference.
 */
function clientsBuiltDifferently(branch: EnvironmentBranch, sites: readonly ClientSite[]): ClientSite | undefined {
  const inside = sites.filter((site) => branch.branches.some((b) => contains(b, site.node)) && !contains(branch.test, site.node));
  if (inside.length === 0) return undefined;
  // `test && new X()` and `if` without `else`: one path builds, the other does not.
  if (branch.branches.length < 2 && branch.construct.type !== 'SwitchStatement') return inside[0];
  const signatures = branch.construct.type === 'SwitchStatement'
    ? switchCaseSignatures(branch.construct, inside)
    : branch.branches.map((b) => signatureOf(inside.filter((site) => contains(b, site.node))));
  return new Set(signatures).size > 1 ? inside[0] : undefined;
}

function switchCaseSignatures(statement: TSESTree.SwitchStatement, inside: readonly ClientSite[]): string[] {
  const signatures = statement.cases.map((c) => signatureOf(inside.filter((site) => c.consequent.some((s) => contains(s, site.node)))));
  // Without a `default`, a value matching no case builds nothing.
  if (!statement.cases.some((c) => c.test === null)) signatures.push(signatureOf([]));
  // Fall-through cases with an empty body share the next case's client.
  return signatures.filter((sig, i) => statement.cases[i]?.consequent.length !== 0 || sig !== '[]');
}

function signatureOf(sites: readonly ClientSite[]): string {
  return JSON.stringify(sites.map((site) => [site.entry.id, site.args.map((arg) => shape(arg))]).sort());
}

function describeTest(branch: EnvironmentBranch): string {
  return branch.kind === 'locality' ? 'whether the service is local' : 'the environment name';
}

function describePath(path: string): string {
  return path === '' ? 'its configuration' : `\`${path}\``;
}

/** `if (process.env.NODE_ENV !== 'test') connect()`: skipping a connection under the test runner. */
function isTestRunnerGuard(branch: EnvironmentBranch): boolean {
  const values = branch.comparedWith.map((v) => v.toLowerCase());
  return values.length > 0 && values.every((v) => TEST_ONLY.has(v));
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function shapeText(value: Value<Node> | undefined): string {
  return value === undefined ? 'undefined' : JSON.stringify(shape(value));
}

function shape(value: Value<Node>, depth = 0): unknown {
  if (depth > 6) return '?';
  switch (value.kind) {
    case 'literal':
      return typeof value.value === 'bigint' ? String(value.value) : value.value;
    case 'object':
      return Object.fromEntries(value.props.map((p) => [p.key, shape(p.value, depth + 1)]));
    case 'array':
      return value.elements.map((e) => shape(e, depth + 1));
    case 'env':
      return `$env:${value.name ?? '?'}`;
    case 'template':
      return value.parts.map((p) => (typeof p === 'string' ? p : shape(p, depth + 1)));
    default:
      // An unknown name is the same unknown wherever it is written.
      return value.node.type === 'Identifier' ? `?id:${value.node.name}` : `?${value.node.range[0]}`;
  }
}

/** `const config = configs[env]; knex(config)`: the declarator's identifier used in a client's options. */
function opaqueThroughVariable(
  member: Node,
  opaque: ReadonlyMap<Node, { site: ClientSite; path: string }>,
  sourceCode: TSESLint.SourceCode,
): { site: ClientSite; path: string } | undefined {
  const parent = member.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== member || parent.id.type !== 'Identifier' || parent.parent.kind !== 'const') return undefined;
  const variable = findVariable(sourceCode.getScope(parent.id), parent.id);
  if (!variable) return undefined;
  for (const reference of variable.references) {
    const hit = opaque.get(reference.identifier as Node);
    if (hit) return hit;
  }
  // The evaluator follows `const` names, so the member itself is what reaches the options.
  return opaque.get(member);
}

/** Assignments inside the branches of an `if`/`switch` to a variable a client's options read. */
function assignmentFeedingClient(
  branch: EnvironmentBranch,
  opaque: ReadonlyMap<Node, { site: ClientSite; path: string }>,
  sites: readonly ClientSite[],
  sourceCode: TSESLint.SourceCode,
  evaluate: (node: Node) => Value<Node>,
): { site: ClientSite; path: string } | undefined {
  for (const assignment of assignmentsIn(branch.branches, sourceCode)) {
    const { root, path } = assignmentTarget(assignment.left);
    if (!root) continue;
    const variable = findVariable(sourceCode.getScope(root), root);
    if (!variable) continue;
    for (const reference of variable.references) {
      if (reference.isWrite()) continue;
      const id = reference.identifier as Node;
      const direct = opaque.get(id);
      if (direct) {
        const fullPath = [direct.path, path].filter((p) => p !== '').join('.');
        if (touchesServiceConfig(direct.site.entry, fullPath, [evaluate(assignment.right)])) return { site: direct.site, path: fullPath };
        continue;
      }
      // `const options = { max: 5 }; if (isProd) options.ssl = {...}; new Pool(options)`: the
      // evaluator saw the object literal, so find the client whose arguments name the variable.
      if (path === '') continue;
      const site = sites.find((s) => s.node.arguments.some((arg) => contains(arg, id)));
      if (site) {
        const argPath = pathInArguments(site, id);
        if (argPath === undefined) continue;
        const fullPath = [argPath, path].filter((p) => p !== '').join('.');
        if (touchesServiceConfig(site.entry, fullPath, [evaluate(assignment.right)])) return { site, path: fullPath };
      }
    }
  }
  return undefined;
}

/** The option path at which an identifier sits in a client's arguments (`{ ssl }` → `ssl`). */
function pathInArguments(site: ClientSite, id: Node): string | undefined {
  const keys: string[] = [];
  let current: Node = id;
  while (!site.node.arguments.includes(current as TSESTree.CallExpressionArgument)) {
    const parent: Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === 'Property' && parent.value === current && !parent.computed) {
      const key = parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : undefined;
      if (key === undefined) return undefined;
      keys.unshift(key);
      current = parent.parent;
    } else if (parent.type === 'SpreadElement' || parent.type === 'ObjectExpression') {
      current = parent;
    } else if (unwrap(parent) !== parent || parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'TSNonNullExpression') {
      current = parent;
    } else return undefined;
  }
  return keys.join('.');
}

function assignmentTarget(left: Node): { root?: TSESTree.Identifier; path: string } {
  const keys: string[] = [];
  let current = unwrap(left);
  while (current.type === 'MemberExpression') {
    const name = staticPropertyName(current);
    if (name === undefined) return { path: '' };
    keys.unshift(name);
    current = unwrap(current.object);
  }
  return current.type === 'Identifier' ? { root: current, path: keys.join('.') } : { path: '' };
}

/** Assignment expressions inside the given statements, not inside nested functions. */
function assignmentsIn(roots: readonly Node[], sourceCode: TSESLint.SourceCode): TSESTree.AssignmentExpression[] {
  const out: TSESTree.AssignmentExpression[] = [];
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack = [...roots];
  let budget = 5000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (node.type === 'AssignmentExpression' && node.operator === '=') out.push(node);
    if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') continue;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && 'type' in c) stack.push(c as Node);
      } else if (child && typeof child === 'object' && 'type' in child) stack.push(child as Node);
    }
  }
  return out;
}

/** Client-shaped entries in a per-environment map: knexfile and sequelize-cli style. */
const CLIENT_KEYS = ['client', 'dialect', 'type'];
const CONNECTION_KEYS = ['connection', 'host', 'url', 'ssl', 'dialectOptions'];

/**
 * `module.exports = { development: { client, connection }, production: { ... } }` (a knexfile, a
 * sequelize-cli config): entries for two or more environments that connect differently.
 */
function reportEnvironmentFile(context: Readonly<TSESLint.RuleContext<MessageIds, []>>, sourceCode: TSESLint.SourceCode): void {
  const text = sourceCode.text;
  if (!/production|development|staging/.test(text) || !/client|dialect/.test(text)) return;
  const analysis = getFileAnalysis(sourceCode);
  for (const statement of sourceCode.ast.body) {
    const exported = exportedExpression(statement);
    if (!exported) continue;
    const value = analysis.evaluator.evaluate(exported);
    if (value.kind !== 'object' || value.open) continue;
    // A `test` entry pointing at the test database is what test set-ups need; it is not compared.
    const entries = value.props.filter((p) => environmentKind(p.key) !== undefined && !TEST_ONLY.has(p.key.toLowerCase()) && p.value.kind === 'object');
    if (entries.length < 2) continue;
    const shaped = entries.filter((p) => CLIENT_KEYS.some((k) => hasKey(p.value as ObjectValue<Node>, k)) && CONNECTION_KEYS.some((k) => hasKey(p.value as ObjectValue<Node>, k)));
    if (shaped.length < 2) continue;
    const connectionOf = (p: (typeof shaped)[number]): string => JSON.stringify(connectionShape(p.value as ObjectValue<Node>));
    const distinct = new Set(shaped.map(connectionOf));
    if (distinct.size < 2) continue;
    const clientValue = (shaped[0]!.value as ObjectValue<Node>).props.find((q) => CLIENT_KEYS.includes(q.key));
    const client = clientValue?.key === 'dialect' ? 'sequelize' : clientValue?.key === 'type' ? 'typeorm' : 'knex';
    // Report at the entry that differs from the production one (or the first one).
    const production = shaped.find((p) => environmentKind(p.key) === 'production') ?? shaped[0]!;
    const other = shaped.find((p) => p !== production && connectionOf(p) !== connectionOf(production));
    if (!other) continue;
    context.report({ node: other.node as Node, messageId: 'environmentFile', data: { client, name: other.key } });
  }
}

/** Keys of an environment entry (or of its `connection`) that say where and how it connects. */
const WHERE_KEYS = ['host', 'hostname', 'server', 'port', 'url', 'uri', 'connectionString', 'socketPath', 'ssl', 'tls', 'encrypt', 'user', 'username', 'password', 'use_env_variable'];

/** Where and how an environment entry connects; the database name, pools and logging are left out. */
function connectionShape(entry: ObjectValue<Node>): unknown {
  const pick = (object: ObjectValue<Node>): Record<string, unknown> =>
    Object.fromEntries(WHERE_KEYS.flatMap((k) => {
      const prop = object.props.find((q) => q.key === k);
      return prop ? [[k, shape(prop.value)]] : [];
    }));
  const connection = entry.props.find((q) => q.key === 'connection')?.value;
  const dialectSsl = entry.props.find((q) => q.key === 'dialectOptions')?.value;
  return {
    top: pick(entry),
    connection: connection?.kind === 'object' ? pick(connection) : connection ? shape(connection) : null,
    dialect: dialectSsl?.kind === 'object' ? pick(dialectSsl) : null,
  };
}

function hasKey(object: ObjectValue<Node>, key: string): boolean {
  return object.props.some((p) => p.key === key);
}

function exportedExpression(statement: TSESTree.ProgramStatement): Node | undefined {
  if (statement.type === 'ExportDefaultDeclaration') {
    return statement.declaration.type.endsWith('Declaration') ? undefined : (statement.declaration as Node);
  }
  if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
    const left = statement.expression.left;
    if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module' && staticPropertyName(left) === 'exports') {
      return statement.expression.right;
    }
  }
  return undefined;
}
