import type { TSESTree } from '@typescript-eslint/utils';
import type { Value } from '../policy/value';
import { walkValues } from '../policy/value';
import { childNodes } from './ast';
import type { Evaluator } from './evaluate';

type Node = TSESTree.Node;

/**
 * When `node` runs only while an environment variable is unset, because a presence test picks
 * it (`process.env.DATABASE_URL ? new Sequelize(url) : new Sequelize('postgres://localhost/dev')`,
 * `if (!process.env.REDIS_URL) { ... }`): the variable, and whether the other path reads it.
 * Only the nearest such test counts, and only within the same function.
 */
export function unsetBranchOf(node: Node, evaluator: Evaluator): { name: string; otherPathReads: boolean } | undefined {
  let current: Node = node;
  for (let parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === 'ArrowFunctionExpression' || parent.type === 'FunctionExpression' || parent.type === 'FunctionDeclaration') return undefined;
    let whenTrue: Node | null | undefined;
    let whenFalse: Node | null | undefined;
    if (parent.type === 'ConditionalExpression' || parent.type === 'IfStatement') {
      if (current === parent.test) continue;
      whenTrue = parent.consequent;
      whenFalse = parent.alternate;
    } else continue;
    let test: Node = parent.test;
    let negated = false;
    while (test.type === 'UnaryExpression' && test.operator === '!') {
      test = test.argument;
      negated = !negated;
    }
    const read = evaluator.evaluate(test);
    if (read.kind !== 'env' || read.name === undefined || read.fallback) return undefined;
    const [set, unset] = negated ? [whenFalse, whenTrue] : [whenTrue, whenFalse];
    if (current !== unset) return undefined;
    return { name: read.name, otherPathReads: set ? readsVariable(set, read.name, evaluator) : false };
  }
  return undefined;
}

/** Whether an expression (or the expressions of a statement) reads variable `name`. */
function readsVariable(node: Node, name: string, evaluator: Evaluator): boolean {
  if (node.type === 'BlockStatement' || node.type === 'ExpressionStatement' || node.type === 'VariableDeclaration') return node.range[1] - node.range[0] < 20_000 && textReads(node, name);
  return valueReads(evaluator.evaluate(node), name);
}

function valueReads(value: Value<Node>, name: string): boolean {
  for (const inner of walkValues(value)) if (inner.kind === 'env' && inner.name === name) return true;
  return false;
}

/** A statement path reads `process.env.NAME` somewhere (a cheap look at its expressions). */
function textReads(node: Node, name: string): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'MemberExpression' && !current.computed && current.property.type === 'Identifier' && current.property.name === name) return true;
    stack.push(...childNodes(current));
  }
  return false;
}
