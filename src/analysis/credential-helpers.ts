import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalog, entryForModule, factoryMatches } from '../catalog';
import type { CatalogEntry } from '../catalog/types';
import { normalizeArguments } from '../policy/arguments';
import type { ObjectValue, Value } from '../policy/value';
import type { Evaluator } from './evaluate';
import type { ClientSite } from './file-analysis';
import { trackModules } from './modules';

type Node = TSESTree.Node;

/** A call that builds a credential for a client (`amqp.credentials.plain('app', pw)`). */
export interface CredentialHelperCall {
  entry: CatalogEntry;
  /** The helper as messages name it: `credentials.plain`, `new auth.PlainTextAuthProvider`. */
  callee: string;
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The arguments folded into the options they stand for (`{ username, password }`). */
  options: ObjectValue<Node>;
}

const moduleHelpers = (entry: CatalogEntry) => (entry.credentialHelpers ?? []).filter((helper) => helper.on === undefined);
const clientHelpers = (entry: CatalogEntry) => (entry.credentialHelpers ?? []).filter((helper) => helper.on === 'client');
const WITH_HELPERS = catalog.filter((entry) => moduleHelpers(entry).length > 0);

/**
 * Resolves calls of the catalog's `credentialHelpers` through imports and requires. The file
 * must import one of a helper's modules and mention its last segment (`plain`); otherwise
 * nothing is resolved.
 */
export function findCredentialHelperCalls(sourceCode: TSESLint.SourceCode, evaluator: Evaluator, importedModules: ReadonlySet<string>): CredentialHelperCall[] {
  const text = sourceCode.text;
  const entries = WITH_HELPERS.filter(
    (entry) => entry.modules.some((m) => importedModules.has(m)) && moduleHelpers(entry).some((h) => text.includes(h.path.slice(h.path.lastIndexOf('.') + 1))),
  );
  if (entries.length === 0) return [];
  const calls: CredentialHelperCall[] = [];
  for (const use of trackModules(sourceCode, (m) => {
    const entry = entryForModule(m);
    return entry !== undefined && entries.includes(entry);
  })) {
    if (use.kind !== 'call' && use.kind !== 'new') continue;
    const entry = entryForModule(use.module)!;
    const helper = moduleHelpers(entry).find((h) => (h.invoke ?? 'call') === use.kind && factoryMatches(h.path, use.path));
    if (!helper) continue;
    const node = use.node as TSESTree.CallExpression | TSESTree.NewExpression;
    if (node.arguments.some((arg) => arg.type === 'SpreadElement')) continue;
    const args = node.arguments.map((arg): Value<Node> => evaluator.evaluate(arg));
    calls.push({ entry, callee: `${helper.invoke === 'new' ? 'new ' : ''}${helper.path}`, node, options: normalizeArguments({ path: helper.path, invoke: 'call', args: helper.args }, args, node as Node) });
  }
  return calls;
}

/**
 * Credential methods called on a client built in this file and kept in a variable
 * (`const client = ldap.createClient({ url }); client.bind('cn=admin,dc=x', 's3cret')`), by the
 * catalog's `credentialHelpers` with `on: 'client'`.
 */
export function findClientCredentialCalls(sites: readonly ClientSite[], evaluator: Evaluator, sourceCode: TSESLint.SourceCode): CredentialHelperCall[] {
  const calls: CredentialHelperCall[] = [];
  for (const site of sites) {
    const helpers = site.origin === 'call' ? clientHelpers(site.entry) : [];
    if (helpers.length === 0) continue;
    for (const reference of clientVariable(site.node, sourceCode)?.references ?? []) {
      const member = (reference.identifier as Node).parent;
      if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || member.computed || member.property.type !== 'Identifier') continue;
      const name = member.property.name;
      const helper = helpers.find((h) => h.path === name);
      const call = member.parent;
      if (!helper || call?.type !== 'CallExpression' || call.callee !== member || call.arguments.some((arg) => arg.type === 'SpreadElement')) continue;
      const args = call.arguments.map((arg): Value<Node> => evaluator.evaluate(arg));
      calls.push({ entry: site.entry, callee: helper.path, node: call, options: normalizeArguments({ path: helper.path, invoke: 'call', args: helper.args }, args, call) });
    }
  }
  return calls;
}

/** The variable a construction is assigned to (`const client = new Client(...)`, `await` allowed). */
function clientVariable(node: Node, sourceCode: TSESLint.SourceCode): TSESLint.Scope.Variable | undefined {
  let value: Node = node;
  while (value.parent?.type === 'AwaitExpression' || value.parent?.type === 'TSAsExpression' || value.parent?.type === 'TSNonNullExpression') value = value.parent;
  const parent = value.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') return sourceCode.getDeclaredVariables(parent)[0];
  return undefined;
}
