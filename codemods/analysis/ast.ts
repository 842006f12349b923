/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ASTPath } from 'jscodeshift';

/**
 * Babel nodes as recast hands them over. ast-types' unions are too wide to narrow cheaply, so
 * the adapter reads nodes structurally and checks `type` before touching a field.
 */
export type BNode = { type: string } & Record<string, any>;
export type BPath = ASTPath<any>;

/** An ast-types scope (only what the adapter uses). */
export interface BScope {
  lookup(name: string): BScope | null;
  declares(name: string): boolean;
  parent: BScope | null;
  getBindings(): Record<string, BPath[]>;
  isGlobal: boolean;
}

/** Nodes that wrap an expression without changing its value. */
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression', 'TypeCastExpression']);

export function unwrap(node: BNode): BNode {
  let current = node;
  while (WRAPPERS.has(current.type)) current = current.expression as BNode;
  return current;
}

/** The nearest ancestor path that is not a cast, parenthesis or `await`, and the child seen from it. */
export function outerParent(path: BPath): { parent: BPath | null; child: BNode } {
  let child: BNode = path.node;
  let parent: BPath | null = path.parent;
  while (parent && (WRAPPERS.has(parent.node.type) || parent.node.type === 'AwaitExpression')) {
    child = parent.node;
    parent = parent.parent;
  }
  return { parent, child };
}

export function isMember(node: BNode | undefined): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

export function isCall(node: BNode | undefined): boolean {
  return node?.type === 'CallExpression' || node?.type === 'OptionalCallExpression' || node?.type === 'NewExpression';
}

export function isStringNode(node: BNode | undefined): boolean {
  return node?.type === 'StringLiteral' || (node?.type === 'Literal' && typeof node.value === 'string');
}

/** The string of a literal or a template without substitutions. */
export function stringLiteralValue(node: BNode | undefined): string | undefined {
  if (!node) return undefined;
  if (isStringNode(node)) return node.value as string;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `a.b`, `a['b']`, `` a[`b`] ``, `a[0]`: the property name; undefined when computed. */
export function staticPropertyName(node: BNode): string | undefined {
  const property = node.property as BNode;
  if (!node.computed) return property.type === 'Identifier' ? (property.name as string) : undefined;
  if (isStringNode(property) || property.type === 'NumericLiteral') return String(property.value);
  return stringLiteralValue(property);
}

/** The key of an object property or method, when static. */
export function propertyKeyName(property: BNode): string | undefined {
  const key = property.key as BNode;
  if (property.computed) return stringLiteralValue(key);
  if (key.type === 'Identifier') return key.name as string;
  if (isStringNode(key) || key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

export function isProperty(node: BNode | undefined): boolean {
  return node?.type === 'ObjectProperty' || node?.type === 'Property';
}

/** `require('x')` with a static specifier: returns `'x'`. */
export function requireSpecifier(node: BNode): string | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return undefined;
  const callee = node.callee as BNode;
  if (callee.type !== 'Identifier' || callee.name !== 'require') return undefined;
  return stringLiteralValue(node.arguments[0] as BNode);
}
