import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, unwrap } from '../../src/analysis/ast';
import type { ClientSite } from '../../src/analysis/file-analysis';
import type { ObjectValue, Value } from '../../src/policy/value';
import { asCall } from '../analysis/estree';

type Node = TSESTree.Node;

/** The object literal a site's options are written in, where the codemod may edit them. */
export interface ConfigObject {
  node: TSESTree.ObjectExpression;
  /** Index of the call argument that holds (or names) it; undefined for a configuration object. */
  argIndex?: number;
  /** The literal is written as that argument of the site's own call (not through a variable or helper). */
  direct: boolean;
  /** What the argument list keeps when it is rebuilt: the literal itself when it was one branch of a conditional argument. */
  argument?: Node;
}

/**
 * The options object of a site when the codemod may edit it: for a client call, an object
 * literal argument (in the call, or in the call of the helper it was built through) or a
 * same-file `const` holding one that nothing else reads; for a configuration object found with
 * no call (a typed object, a config file's export), that object itself, which is where the
 * configuration is defined. Anything else (shared or imported options) is undefined.
 */
export function configObject(site: ClientSite, sourceCode: TSESLint.SourceCode): ConfigObject | undefined {
  if (site.origin !== 'call') {
    const node = unwrap(site.options.node);
    if (node.type === 'ObjectExpression') return { node, direct: false };
    const own = unwrap(site.node);
    return own.type === 'ObjectExpression' ? { node: own, direct: false } : undefined;
  }
  const call = asCall(site.node);
  for (let i = 0; i < site.args.length; i++) {
    const value = objectArgument(site, site.args[i]!);
    if (!value) continue;
    const node = unwrap(value.node);
    if (node.type !== 'ObjectExpression') return undefined;
    const argument = call?.arguments[i];
    const direct = argument !== undefined && unwrap(argument as Node) === node;
    if (direct || ownedByCall(node, site, sourceCode)) return { node, argIndex: i, direct };
    // One branch of a whole-argument conditional (`new Pool(isProd ? {...} : {...})`), judged on its own.
    if (argument !== undefined && isBranchOf(node, argument as Node)) return { node, argIndex: i, direct: false, argument: node };
    return undefined;
  }
  return undefined;
}

/**
 * The object an argument gives this site: the argument itself, or, for a whole-argument
 * conditional judged per branch, the branch whose keys this site's options hold.
 */
function objectArgument(site: ClientSite, value: Value<Node>): ObjectValue<Node> | undefined {
  if (value.kind === 'object') return value;
  if (value.kind !== 'conditional') return undefined;
  return value.branches.find((b): b is ObjectValue<Node> => b.kind === 'object' && b.props.some((p) => site.options.props.includes(p)));
}

/** `object` is a branch (at any depth) of the conditional or logical expression `argument`. */
function isBranchOf(object: Node, argument: Node): boolean {
  let current: Node = object;
  while (current !== argument) {
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    const branch =
      (parent.type === 'ConditionalExpression' && parent.test !== current) || (parent.type === 'LogicalExpression' && parent.right === current) || unwrap(parent) !== parent;
    if (!branch) return false;
    current = parent;
  }
  return true;
}

/**
 * Whether an object literal serves only this site: an argument of the helper call the site was
 * built through, or the initializer of a non-exported variable that only this call reads (other
 * reads may only write properties into it: `options.ssl = ...`).
 */
function ownedByCall(object: TSESTree.ObjectExpression, site: ClientSite, sourceCode: TSESLint.SourceCode): boolean {
  let holder: Node | undefined = object.parent;
  while (holder && unwrap(holder) !== holder) holder = holder.parent;
  if (site.via && holder === site.via) return true;
  if (holder?.type !== 'VariableDeclarator' || holder.id.type !== 'Identifier' || unwrap(holder.init as Node) !== object) return false;
  if (holder.parent.parent?.type === 'ExportNamedDeclaration') return false;
  const variable = findVariable(sourceCode.getScope(holder.id), holder.id);
  if (!variable || variable.defs.length !== 1) return false;
  const uses = variable.references.filter((r) => !r.init && !writesProperty(r.identifier as Node));
  return uses.length === 1;
}

/** `options.ssl = ...` or `options.ssl.ca = ...`: a read that only writes into the object. */
function writesProperty(identifier: Node): boolean {
  let current: Node = identifier;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current) current = current.parent;
  return current !== identifier && current.parent?.type === 'AssignmentExpression' && current.parent.left === current;
}
