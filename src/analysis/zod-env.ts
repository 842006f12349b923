import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { EnvValue } from '../policy/value';
import { findVariable, moduleBinding, outerParent, staticKeyName, staticPropertyName, unwrap } from './ast';
import type { Evaluator } from './evaluate';

type Node = TSESTree.Node;

/**
 * `z.object({ KAFKA_BROKERS: z.string().default('localhost:9094') }).parse(process.env)`: a zod
 * schema that `process.env` is parsed with (directly or through a `const`), as one read per key,
 * with the literal its `.default(...)` gives when the variable is unset. `envObject` is a
 * `process.env` node; the schema's `z` must come from `zod`.
 */
export function zodSchemaReads(envObject: Node, evaluator: Evaluator, sourceCode: TSESLint.SourceCode): Array<{ name: string; node: Node; value: EnvValue<Node> }> {
  const { parent, child } = outerParent(envObject);
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== child) return [];
  const callee = unwrap(parent.callee);
  if (callee.type !== 'MemberExpression' || !PARSE_METHODS.has(staticPropertyName(callee) ?? '')) return [];
  const shape = zodObjectShape(callee.object, sourceCode, 0);
  if (!shape) return [];
  const reads: Array<{ name: string; node: Node; value: EnvValue<Node> }> = [];
  for (const property of shape.properties) {
    if (property.type !== 'Property') continue;
    const name = staticKeyName(property);
    if (name === undefined) continue;
    const fallbackNode = defaultArgument(property.value);
    const value: EnvValue<Node> = fallbackNode
      ? { kind: 'env', name, source: 'zod', node: property, fallback: evaluator.evaluate(fallbackNode), fallbackNode }
      : { kind: 'env', name, source: 'zod', node: property };
    reads.push({ name, node: property, value });
  }
  return reads;
}

const PARSE_METHODS: ReadonlySet<string> = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);

/** The object literal of `z.object({...})` (also with `.strict()`-style calls after it, or held in a `const`). */
function zodObjectShape(node: Node, sourceCode: TSESLint.SourceCode, depth: number): TSESTree.ObjectExpression | undefined {
  const inner = unwrap(node);
  if (depth > 3) return undefined;
  if (inner.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(inner), inner);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
    return zodObjectShape(def.node.init, sourceCode, depth + 1);
  }
  if (inner.type !== 'CallExpression') return undefined;
  const callee = unwrap(inner.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  if (staticPropertyName(callee) === 'object') {
    const shape = inner.arguments[0];
    return shape?.type === 'ObjectExpression' && isZod(callee.object, sourceCode) ? shape : undefined;
  }
  return zodObjectShape(callee.object, sourceCode, depth + 1);
}

/**
 * `z` imported or required from `zod` (`import { z } from 'zod'`, `import z from 'zod'`, `const { z } =
 * require('zod')`), or from one of its versioned entry points (`zod/v4`, `zod/v3`, `zod/mini`).
 */
function isZod(node: Node, sourceCode: TSESLint.SourceCode): boolean {
  const inner = unwrap(node);
  const variable = inner.type === 'Identifier' ? findVariable(sourceCode.getScope(inner), inner) : null;
  const specifier = variable === null ? undefined : moduleBinding(variable)?.specifier;
  return specifier === 'zod' || (specifier !== undefined && /^zod\/(?:v\d+|mini)$/.test(specifier));
}

/** The argument of the `.default(x)` in a validator chain (`z.string().url().default('x')`). */
function defaultArgument(node: Node): Node | undefined {
  let current = unwrap(node);
  while (current.type === 'CallExpression') {
    const callee = unwrap(current.callee);
    if (callee.type !== 'MemberExpression') return undefined;
    const argument = current.arguments[0];
    if (staticPropertyName(callee) === 'default' && argument && argument.type !== 'SpreadElement') return argument;
    current = unwrap(callee.object);
  }
  return undefined;
}
