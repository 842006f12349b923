import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalog, entryForModule, factoryMatches } from '../catalog';
import type { CatalogEntry } from '../catalog/types';
import { normalizeArguments } from '../policy/arguments';
import type { ObjectValue, Value } from '../policy/value';
import type { Evaluator } from './evaluate';
import { trackModules } from './modules';

type Node = TSESTree.Node;

/** A call that builds a credential for a client (`amqp.credentials.plain('app', pw)`). */
export interface CredentialHelperCall {
  entry: CatalogEntry;
  /** The helper's catalog path (`credentials.plain`). */
  path: string;
  node: TSESTree.CallExpression;
  /** The arguments folded into the options they stand for (`{ username, password }`). */
  options: ObjectValue<Node>;
}

const WITH_HELPERS = catalog.filter((entry) => (entry.credentialHelpers ?? []).length > 0);

/**
 * Resolves calls of the catalog's `credentialHelpers` through imports and requires. The file
 * must mention a helper's last segment (`plain`) and one of its modules in quotes; otherwise
 * nothing is resolved.
 */
export function findCredentialHelperCalls(sourceCode: TSESLint.SourceCode, evaluator: Evaluator, mentionedModules: ReadonlySet<string>): CredentialHelperCall[] {
  const text = sourceCode.text;
  const entries = WITH_HELPERS.filter(
    (entry) => entry.modules.some((m) => mentionedModules.has(m)) && entry.credentialHelpers!.some((h) => text.includes(h.path.slice(h.path.lastIndexOf('.') + 1))),
  );
  if (entries.length === 0) return [];
  const calls: CredentialHelperCall[] = [];
  for (const use of trackModules(sourceCode, (m) => {
    const entry = entryForModule(m);
    return entry !== undefined && entries.includes(entry);
  })) {
    if (use.kind !== 'call') continue;
    const entry = entryForModule(use.module)!;
    const helper = entry.credentialHelpers!.find((h) => factoryMatches(h.path, use.path));
    if (!helper) continue;
    const node = use.node as TSESTree.CallExpression;
    if (node.arguments.some((arg) => arg.type === 'SpreadElement')) continue;
    const args = node.arguments.map((arg): Value<Node> => evaluator.evaluate(arg));
    calls.push({ entry, path: helper.path, node, options: normalizeArguments({ path: helper.path, invoke: 'call', args: helper.args }, args, node as Node) });
  }
  return calls;
}
