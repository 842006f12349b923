import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Value } from '../policy/value';
import { findVariable, outerParent, staticPropertyName, unwrap } from './ast';
import type { Evaluator } from './evaluate';

type Node = TSESTree.Node;

/** A write to `process.env.NAME` in code (`=` or `Object.assign(process.env, {...})`). */
export interface EnvWrite {
  name: string;
  value: Value<Node>;
  /** The assignment expression or the property of the assigned object. */
  node: Node;
}

/** Writes to `process.env`, found from its member expressions (`processEnvNodes`, no AST walk). */
export function findEnvWrites(envObjects: ReadonlyArray<TSESTree.MemberExpression | TSESTree.Identifier>, evaluator: Evaluator): EnvWrite[] {
  const writes: EnvWrite[] = [];
  for (const envObject of envObjects) {
    const { parent, child } = outerParent(envObject);
    if (parent?.type === 'MemberExpression' && parent.object === child) {
      const name = staticPropertyName(parent);
      const outer = outerParent(parent);
      if (name !== undefined && outer.parent?.type === 'AssignmentExpression' && outer.parent.left === outer.child && outer.parent.operator === '=') {
        writes.push({ name, value: evaluator.evaluate(outer.parent.right), node: outer.parent });
      }
    } else if (parent?.type === 'CallExpression' && parent.arguments[0] === child && isObjectAssign(parent)) {
      for (const arg of parent.arguments.slice(1)) {
        if (arg.type === 'SpreadElement') continue;
        const value = evaluator.evaluate(arg);
        if (value.kind !== 'object') continue;
        for (const prop of value.props) writes.push({ name: prop.key, value: prop.value, node: prop.node });
      }
    }
  }
  return writes;
}

/**
 * Each `process.env` member expression (or `env` bound from `const { env } = process`) among the
 * references to the global `process` (`globalReferences`).
 */
export function processEnvNodes(sourceCode: TSESLint.SourceCode, identifiers: readonly TSESTree.Identifier[]): Array<TSESTree.MemberExpression | TSESTree.Identifier> {
  const nodes: Array<TSESTree.MemberExpression | TSESTree.Identifier> = [];
  for (const identifier of identifiers) {
    const { parent, child } = outerParent(identifier);
    if (parent?.type === 'MemberExpression' && parent.object === child && staticPropertyName(parent) === 'env') nodes.push(parent);
    // `const { env } = process`: every read of that `env` is `process.env`.
    else if (parent?.type === 'VariableDeclarator' && parent.init === child && parent.id.type === 'ObjectPattern') {
      for (const property of parent.id.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.key.name !== 'env' || property.value.type !== 'Identifier') continue;
        const variable = findVariable(sourceCode.getScope(property.value), property.value);
        for (const reference of variable?.references ?? []) if (!reference.isWrite() && reference.identifier.type === 'Identifier') nodes.push(reference.identifier);
      }
    }
  }
  return nodes;
}

function isObjectAssign(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === 'MemberExpression' && staticPropertyName(callee) === 'assign' && unwrap(callee.object).type === 'Identifier' && (unwrap(callee.object) as TSESTree.Identifier).name === 'Object';
}
