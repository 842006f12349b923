import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable, outerParent, stringLiteralValue, unwrap } from '../../src/analysis/ast';
import { environmentKind, isEnvironmentFlagVariable, isEnvironmentNameVariable } from '../../src/policy/env-names';
import type { CatalogEntry } from '../../src/catalog/types';
import { walkValues } from '../../src/policy/value';
import { configFileConvention } from '../../src/analysis/config-files';
import type { Editor } from '../analysis/edit';
import { propertyKey, statementOf } from '../analysis/estree';

type Node = TSESTree.Node;

type Kind = 'production' | 'non-production';

/**
 * `remove-environment-branching`: where a client's configuration (or the client itself) is
 * chosen by environment, keeps the production branch and removes the test. Kept nodes are
 * added to `kept` so the caller can make them read their location from the environment.
 */
export function removeEnvironmentBranching(editor: Editor, kept: Set<Node>, discarded: Set<Node> = new Set()): number {
  let count = 0;
  const handled = new Set<Node>();
  for (const site of editor.analysis.sites) {
    // `const pool = isProd ? new Pool(a) : new Pool(b)` and `if (isProd) { ... } else { ... }`.
    if (site.origin === 'call' && !site.via) {
      const { parent: node, child } = outerParent(site.node);
      if (node?.type === 'ConditionalExpression' && node.test !== child && !handled.has(node)) {
        handled.add(node);
        count += chooseConditional(editor, node, kept, discarded);
      }
      const branch = enclosingIf(site.node);
      if (branch && !handled.has(branch)) {
        handled.add(branch);
        count += chooseIf(editor, branch, kept, discarded);
      }
    }
    // Whole configurations chosen by environment, and service settings (location, TLS,
    // credentials) inside one; a pool size or log level chosen by environment is not ours to change.
    const keys = serviceKeys(site.entry);
    const values = [
      ...site.args.filter((arg) => arg.kind === 'conditional'),
      ...site.options.props.filter((prop) => keys.has(prop.key)).flatMap((prop) => [...walkValues(prop.value)]),
    ];
    for (const value of values) {
      if (value.kind !== 'conditional' || handled.has(value.node)) continue;
      const node = unwrap(value.node);
      handled.add(value.node);
      if (node.type === 'ConditionalExpression') count += chooseConditional(editor, node, kept, discarded);
      else if (node.type === 'LogicalExpression' && node.operator === '&&') {
        const kind = testKind(editor, node.left);
        if (kind === 'production') {
          if (editor.replace(node, node.right)) {
            kept.add(node.right);
            count++;
          }
        } else if (kind === 'non-production') {
          editor.marker(node, 'this setting only applies outside production: keep one configuration for every environment');
        }
      }
    }
  }
  return count + collapseEnvironmentMaps(editor, kept, discarded);
}

/**
 * A knexfile's `{ development: {...}, production: {...} }` becomes its production entry, one
 * configuration for every environment (the env phase then makes it read the environment). A
 * tool whose CLI needs the per-environment keys (sequelize-cli reads `config[NODE_ENV]`) keeps
 * them; the env phase makes every entry read the same variable instead.
 */
function collapseEnvironmentMaps(editor: Editor, kept: Set<Node>, discarded: Set<Node>): number {
  const match = configFileConvention(editor.tree.path);
  if (!match || match.convention.layout === 'per-environment') return 0;
  const maps = new Set<TSESTree.ObjectExpression>();
  for (const site of editor.analysis.sites) {
    if (site.origin !== 'config-file') continue;
    const property = unwrap(site.options.node).parent;
    const map = property?.type === 'Property' ? property.parent : undefined;
    if (map?.type === 'ObjectExpression' && environmentKind(propertyKey(property!) ?? '') !== undefined) maps.add(map);
  }
  let count = 0;
  for (const map of maps) {
    const entries = map.properties.filter((p): p is Extract<typeof p, { type: 'Property' }> => p.type === 'Property');
    const production = entries.filter((p) => environmentKind(propertyKey(p) ?? '') === 'production');
    if (production.length !== 1 || entries.length !== map.properties.length) {
      editor.marker(map, `keep one ${match.entry.displayName} configuration for every environment, read from the environment (DATABASE_URL), instead of one entry per environment`);
      continue;
    }
    const keep = production[0]!.value;
    if (!editor.replace(map, keep)) continue;
    kept.add(keep);
    for (const p of entries) if (p !== production[0]) discarded.add(p.value);
    count++;
  }
  return count;
}

/** Top-level option names that hold where the service is, how TLS is set up or who logs in. */
function serviceKeys(entry: CatalogEntry): Set<string> {
  const paths = [
    ...entry.tls.switches.map((sw) => sw.path),
    ...entry.tls.bags,
    ...entry.tls.verifyOff.map((flag) => flag.path),
    ...entry.location.urlPaths,
    ...entry.location.hostPaths,
    ...entry.location.listPaths,
    ...entry.location.portPaths,
    ...entry.credentials.userPaths,
    ...entry.credentials.secretPaths,
    ...Object.keys(entry.recipe.tlsOptions),
    entry.recipe.urlOption,
  ];
  return new Set(paths.filter((p) => p !== '' && p !== '$arg').map((p) => p.split('.')[0]!));
}

function chooseConditional(editor: Editor, node: TSESTree.ConditionalExpression, kept: Set<Node>, discarded: Set<Node>): number {
  const kind = testKind(editor, node.test);
  if (!kind) return 0;
  const keep = kind === 'production' ? node.consequent : node.alternate;
  discarded.add(kind === 'production' ? node.alternate : node.consequent);
  if (!editor.replace(node, keep)) return 0;
  kept.add(keep);
  return 1;
}

/** The `if` whose branch (directly) holds the statement that builds this client. */
function enclosingIf(call: Node): TSESTree.IfStatement | undefined {
  const statement = statementOf(call);
  let parent = statement?.parent;
  if (parent?.type === 'BlockStatement') parent = parent.parent;
  return parent?.type === 'IfStatement' ? parent : undefined;
}

function chooseIf(editor: Editor, node: TSESTree.IfStatement, kept: Set<Node>, discarded: Set<Node>): number {
  const kind = testKind(editor, node.test);
  if (!kind) return 0;
  const keep = kind === 'production' ? node.consequent : node.alternate;
  const other = kind === 'production' ? node.alternate : node.consequent;
  const statements = (branch: Node | null): Node[] => (!branch ? [] : branch.type === 'BlockStatement' ? branch.body : [branch]);
  const simple = (list: Node[]): boolean => list.every((s) => s.type === 'ExpressionStatement');
  const container = node.parent;
  const inBody = container?.type === 'Program' || container?.type === 'BlockStatement' || container?.type === 'StaticBlock' || container?.type === 'SwitchCase' || container?.type === 'TSModuleBlock';
  if (!keep || !simple(statements(keep)) || !simple(statements(other)) || !inBody) {
    editor.marker(node, 'the client is chosen by environment and the branches differ in more than service settings: keep one configuration read from the environment');
    return 0;
  }
  const replacement = statements(keep);
  if (!editor.replaceStatement(node, replacement)) return 0;
  if (other) discarded.add(other);
  for (const s of replacement) kept.add(s);
  return 1;
}

/** Whether a test holds in production, outside it, or cannot be told. */
export function testKind(editor: Editor, test: Node, depth = 0): Kind | undefined {
  if (depth > 5) return undefined;
  const node = unwrap(test);
  if (node.type === 'UnaryExpression' && node.operator === '!') return invert(testKind(editor, node.argument, depth + 1));
  if (node.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(node.operator)) {
    if (node.left.type === 'PrivateIdentifier') return undefined;
    const kind = comparison(editor, node.left, node.right) ?? comparison(editor, node.right, node.left);
    return node.operator.startsWith('!') ? invert(kind) : kind;
  }
  const value = editor.analysis.evaluator.evaluate(node);
  if (value.kind === 'env' && value.name && isEnvironmentFlagVariable(value.name)) return flagKind(value.name);
  if (node.type === 'Identifier') {
    const variable = findVariable(editor.sourceCode.getScope(node), node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.parent.kind === 'const' && def.node.id.type === 'Identifier' && def.node.init) return testKind(editor, def.node.init, depth + 1);
  }
  return undefined;
}

function comparison(editor: Editor, side: Node, other: Node): Kind | undefined {
  const value = editor.analysis.evaluator.evaluate(side);
  if (value.kind !== 'env' || !value.name || !isEnvironmentNameVariable(value.name) || value.fallback) return undefined;
  const text = stringLiteralValue(unwrap(other));
  return text === undefined ? undefined : environmentKind(text);
}

function flagKind(name: string): Kind {
  return /PROD/i.test(name) ? 'production' : 'non-production';
}

function invert(kind: Kind | undefined): Kind | undefined {
  return kind === 'production' ? 'non-production' : kind === 'non-production' ? 'production' : undefined;
}
