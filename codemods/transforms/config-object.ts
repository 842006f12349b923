import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, unwrap } from '../../src/analysis/ast';
import type { ClientSite } from '../../src/analysis/file-analysis';
import type { ObjectValue, Value } from '../../src/policy/value';
import { asCall, within } from '../analysis/estree';

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
 * literal written inside the call (as an argument, a branch of a conditional argument, or what
 * an inline `useFactory` returns), in the call of the helper it was built through, or in a
 * same-file variable that only this call reads; for a configuration object found with no call
 * (a typed object, a config file's export, an app config module), that object itself, which is
 * where the configuration is defined. Anything else (shared or imported options) is undefined.
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
    const node = holderObject(site, value);
    if (!node) return undefined;
    const argument = call?.arguments[i] as Node | undefined;
    const direct = argument !== undefined && unwrap(argument) === node;
    if (direct) return { node, argIndex: i, direct };
    // Inside the call: a branch of a conditional argument, the object an inline `useFactory` returns.
    if (argument !== undefined && within(node, argument)) return { node, argIndex: i, direct: false, argument: isBranchOf(node, argument) ? node : undefined };
    if (ownedByCall(node, site, sourceCode)) return { node, argIndex: i, direct: false };
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
  // A branch of a whole-argument conditional, or the element of a list argument
  // (`ClientsModule.register([{ transport, options }])`) that this site was folded from.
  const candidates = value.kind === 'conditional' ? value.branches : value.kind === 'array' ? value.elements : [];
  return candidates.find((b): b is ObjectValue<Node> => b.kind === 'object' && b.props.some((p) => site.options.props.includes(p)));
}

/**
 * The object literal the site's options are written in: the argument's own literal, or, when
 * the options are what a function returns (`forRootAsync({ useFactory: () => ({...}) })`), the
 * literal holding the options' keys.
 */
function holderObject(site: ClientSite, value: ObjectValue<Node>): TSESTree.ObjectExpression | undefined {
  const own = unwrap(value.node);
  const holders = new Set(site.options.props.map((p) => p.node.parent).filter((n): n is TSESTree.ObjectExpression => n?.type === 'ObjectExpression'));
  if (holders.size === 1) return [...holders][0];
  if (own.type === 'ObjectExpression' && (holders.size === 0 || holders.has(own))) return own;
  return undefined;
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
 * Whether an object literal serves only this site: written in the call of the helper the site
 * was built through, or the value of a non-exported variable (its initializer or a later
 * `x = {...}`) that only this call reads (other reads may only write properties into it).
 */
function ownedByCall(object: TSESTree.ObjectExpression, site: ClientSite, sourceCode: TSESLint.SourceCode): boolean {
  if (site.via && within(object, site.via)) return true;
  let holder: Node | undefined = object.parent;
  while (holder && unwrap(holder) !== holder) holder = holder.parent;
  let id: TSESTree.Identifier | undefined;
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' && holder.init && unwrap(holder.init) === object) {
    if (holder.parent.parent?.type === 'ExportNamedDeclaration') return false;
    id = holder.id;
  } else if (holder?.type === 'AssignmentExpression' && holder.operator === '=' && holder.left.type === 'Identifier' && unwrap(holder.right) === object) {
    id = holder.left;
  }
  if (!id) return false;
  const variable = findVariable(sourceCode.getScope(id), id);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.node.parent?.parent?.type === 'ExportNamedDeclaration') return false;
  const uses = variable.references.filter((r) => r.isRead() && !writesProperty(r.identifier as Node));
  return uses.length === 1 && within(uses[0]!.identifier as Node, site.node);
}

/** `options.ssl = ...` or `options.ssl.ca = ...`: a read that only writes into the object. */
function writesProperty(identifier: Node): boolean {
  let current: Node = identifier;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current) current = current.parent;
  return current !== identifier && current.parent?.type === 'AssignmentExpression' && current.parent.left === current;
}
