import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../src/analysis/ast';

type Node = TSESTree.Node;
/** A key-value property of an object literal. */
export type ObjectProperty = Extract<TSESTree.ObjectLiteralElement, { type: 'Property' }>;

/** Statement containers: a node directly inside one of these is a statement a marker can go on. */
const BODIES = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock', 'SwitchCase']);

/** The statement that holds `node` (the node itself when it is one). */
export function statementOf(node: Node): Node | undefined {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (current.parent && BODIES.has(current.parent.type)) return current;
  }
  return undefined;
}

/** The key of an object property, when static. */
export function propertyKey(property: Node): string | undefined {
  if (property.type !== 'Property') return undefined;
  if (property.computed) {
    return property.key.type === 'Literal' ? String(property.key.value) : property.key.type === 'TemplateLiteral' && property.key.expressions.length === 0 ? property.key.quasis[0]?.value.cooked ?? undefined : undefined;
  }
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal') return String(property.key.value);
  return undefined;
}

/** The last property written in place in an object literal under `key`. */
export function findProperty(object: TSESTree.ObjectExpression, key: string): ObjectProperty | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const p = object.properties[i]!;
    if (p.type === 'Property' && propertyKey(p) === key) return p;
  }
  return undefined;
}

/** The property at a dotted path through nested object literals, if written in place. */
export function findPath(object: TSESTree.ObjectExpression, path: string): ObjectProperty | undefined {
  const keys = path.split('.');
  let current = object;
  for (let i = 0; i < keys.length; i++) {
    const prop = findProperty(current, keys[i]!);
    if (!prop) return undefined;
    if (i === keys.length - 1) return prop;
    const value = unwrap(prop.value as Node);
    if (value.type !== 'ObjectExpression') return undefined;
    current = value;
  }
  return undefined;
}

/** The object literal holding the last key of `path` inside `object`. */
export function holderOf(object: TSESTree.ObjectExpression, path: string): TSESTree.ObjectExpression | undefined {
  const keys = path.split('.');
  if (keys.length === 1) return object;
  const parent = findPath(object, keys.slice(0, -1).join('.'));
  const value = parent ? unwrap(parent.value as Node) : undefined;
  return value?.type === 'ObjectExpression' ? value : undefined;
}

/** True when `inner` lies inside `outer` (by source range). */
export function within(inner: Node, outer: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** An expression with no effects: literals, templates, operators and environment reads. */
export function isInert(node: Node): boolean {
  let inert = true;
  const visit = (value: unknown): void => {
    if (!inert) return;
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      const n = value as Node;
      if (/Call|New|Await|Yield|Function|Assignment|Update|Class|TaggedTemplate/.test(n.type)) {
        inert = false;
        return;
      }
      for (const key of Object.keys(n)) if (key !== 'parent' && key !== 'loc' && key !== 'range') visit((n as unknown as Record<string, unknown>)[key]);
    }
  };
  visit(node);
  return inert;
}

/** The call a site's node is, when it is one. */
export function asCall(node: Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  return node.type === 'CallExpression' || node.type === 'NewExpression' ? node : undefined;
}
