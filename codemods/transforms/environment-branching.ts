import { environmentKind, isEnvironmentFlagVariable, isEnvironmentNameVariable } from '../../src/policy/env-names';
import type { CatalogEntry } from '../../src/catalog/types';
import { walkValues } from '../../src/policy/value';
import type { BNode } from '../analysis/ast';
import { outerParent, stringLiteralValue, unwrap } from '../analysis/ast';
import type { Editor } from '../analysis/edit';

type Kind = 'production' | 'non-production';

/**
 * `remove-environment-branching`: where a client's configuration (or the client itself) is
 * chosen by environment, keeps the production branch and removes the test. Kept nodes are
 * added to `kept` so the caller can make them read their location from the environment.
 */
export function removeEnvironmentBranching(editor: Editor, kept: Set<BNode>): number {
  let count = 0;
  const handled = new Set<BNode>();
  for (const site of editor.analysis.sites) {
    // `const pool = isProd ? new Pool(a) : new Pool(b)` and `if (isProd) { ... } else { ... }`.
    const path = editor.analysis.pathOf(site.node);
    if (path) {
      const { parent, child } = outerParent(path);
      const node = parent?.node as BNode | undefined;
      if (node?.type === 'ConditionalExpression' && node.test !== child && !handled.has(node)) {
        handled.add(node);
        count += chooseConditional(editor, node, kept);
      }
      const branch = enclosingIf(editor, site.node);
      if (branch && !handled.has(branch)) {
        handled.add(branch);
        count += chooseIf(editor, branch, kept);
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
      if (node.type === 'ConditionalExpression') count += chooseConditional(editor, node, kept);
      else if (node.type === 'LogicalExpression' && node.operator === '&&') {
        const kind = testKind(editor, node.left as BNode);
        if (kind === 'production') {
          if (editor.replace(node, node.right as BNode)) {
            kept.add(node.right as BNode);
            count++;
          }
        } else if (kind === 'non-production') {
          editor.marker(node, 'this setting only applies outside production: keep one configuration for every environment');
        }
      }
    }
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

function chooseConditional(editor: Editor, node: BNode, kept: Set<BNode>): number {
  const kind = testKind(editor, node.test as BNode);
  if (!kind) return 0;
  const keep = (kind === 'production' ? node.consequent : node.alternate) as BNode;
  if (!editor.replace(node, keep)) return 0;
  kept.add(keep);
  return 1;
}

/** The `if` whose branch (directly) holds the statement that builds this client. */
function enclosingIf(editor: Editor, call: BNode): BNode | undefined {
  const statement = editor.statementOf(call);
  if (!statement) return undefined;
  let path = editor.analysis.pathOf(statement)?.parent;
  if (path?.node.type === 'BlockStatement') path = path.parent;
  return path?.node.type === 'IfStatement' ? (path.node as BNode) : undefined;
}

function chooseIf(editor: Editor, node: BNode, kept: Set<BNode>): number {
  const kind = testKind(editor, node.test as BNode);
  if (!kind) return 0;
  const keep = (kind === 'production' ? node.consequent : node.alternate) as BNode | null;
  const other = (kind === 'production' ? node.alternate : node.consequent) as BNode | null;
  const statements = (branch: BNode | null): BNode[] => (!branch ? [] : branch.type === 'BlockStatement' ? (branch.body as BNode[]) : [branch]);
  const simple = (list: BNode[]): boolean => list.every((s) => s.type === 'ExpressionStatement');
  const container = editor.analysis.pathOf(node)?.parentPath?.value as unknown;
  if (!keep || !simple(statements(keep)) || !simple(statements(other)) || !Array.isArray(container)) {
    editor.marker(node, 'the client is chosen by environment and the branches differ in more than service settings: keep one configuration read from the environment');
    return 0;
  }
  const i = container.indexOf(node);
  if (i < 0) return 0;
  const replacement = statements(keep);
  if (node.comments && replacement[0]) replacement[0].comments = [...((node.comments as BNode[]) ?? []), ...((replacement[0].comments as BNode[]) ?? [])];
  container.splice(i, 1, ...replacement);
  for (const s of replacement) kept.add(s);
  editor.changes++;
  return 1;
}

/** Whether a test holds in production, outside it, or cannot be told. */
export function testKind(editor: Editor, test: BNode, depth = 0): Kind | undefined {
  if (depth > 5) return undefined;
  const node = unwrap(test);
  if (node.type === 'UnaryExpression' && node.operator === '!') return invert(testKind(editor, node.argument as BNode, depth + 1));
  if (node.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(node.operator as string)) {
    const kind = comparison(editor, node.left as BNode, node.right as BNode) ?? comparison(editor, node.right as BNode, node.left as BNode);
    return node.operator.startsWith('!') ? invert(kind) : kind;
  }
  const value = editor.analysis.evaluator.evaluate(node);
  if (value.kind === 'env' && value.name && isEnvironmentFlagVariable(value.name)) return flagKind(value.name);
  if (node.type === 'Identifier') {
    const found = editor.analysis.evaluator.declaratorOf(node);
    if (found?.kind === 'const' && found.declarator.id.type === 'Identifier' && found.declarator.init) return testKind(editor, found.declarator.init as BNode, depth + 1);
  }
  return undefined;
}

function comparison(editor: Editor, side: BNode, other: BNode): Kind | undefined {
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
