import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isTestRunnerGuard } from '../policy/environment';
import type { Value } from '../policy/value';
import { childNodes, containsNode, findVariable, relativeBinding, unwrap } from './ast';
import type { EnvironmentBranch } from './environment-tests';
import type { Evaluator } from './evaluate';
import { exportedValues } from './exports';

type Node = TSESTree.Node;

/**
 * A function that returns one of its parameters or the other by environment name
 * (`getEnv(production, development)`): the two parameter positions it chooses between. A call
 * of it is a choice between those two arguments.
 */
export interface ChoiceHelper {
  params: [number, number];
}

/** Stands for parameter `i` while the function's returns are evaluated. */
const PARAM = '\u0000param:';

/**
 * Whether `fn` is a choice helper: an environment test inside it that decides what it returns
 * (its paths return, or it is the value returned), and returns that are two of its parameters
 * (or calls of them, `typeof p === 'function' ? p() : p`) and nothing else known.
 */
export function choiceHelperOf(fn: Node, evaluator: Evaluator, branches: readonly EnvironmentBranch[]): ChoiceHelper | undefined {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return undefined;
  if (fn.params.length < 2 || fn.params.length > 4) return undefined;
  const decides = (branch: EnvironmentBranch): boolean => containsNode(fn, branch.construct) && !isTestRunnerGuard(branch.comparedWith) && decidesReturn(branch.construct, fn);
  if (!branches.some(decides)) return undefined;
  const marks: Value<Node>[] = fn.params.map((param, i) => ({ kind: 'literal', value: `${PARAM}${i}`, node: param as Node }));
  const returned = evaluator.withBindings(fn, marks).returned(fn);
  const found = new Set<number>();
  let other = false;
  const visit = (value: Value<Node>): void => {
    if (value.kind === 'conditional') value.branches.forEach(visit);
    else if (value.kind === 'literal' && typeof value.value === 'string' && value.value.startsWith(PARAM)) found.add(Number(value.value.slice(PARAM.length)));
    else if (value.kind !== 'unknown') other = true;
  };
  visit(returned);
  if (other || found.size !== 2) return undefined;
  const [a, b] = [...found];
  return { params: [a!, b!] };
}

/** The construct is what `fn` returns (its arrow body, a `return`'s value), or holds a `return` of `fn`. */
function decidesReturn(construct: Node, fn: TSESTree.FunctionLike): boolean {
  const parent = construct.parent;
  if (construct === fn.body || parent?.type === 'ReturnStatement') return true;
  const stack: Node[] = [construct];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'ReturnStatement') return true;
    if (node !== construct && (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression')) continue;
    stack.push(...childNodes(node));
  }
  return false;
}

/**
 * The function a module exports under `name` (`export const getEnv = (...) => ...`,
 * `export function getEnv`, `exports.getEnv = ...`), for reading a helper another file imports.
 */
export function exportedFunction(sourceCode: TSESLint.SourceCode, name: string): Node | undefined {
  const definition = (node: Node): Node => {
    if (node.type !== 'Identifier') return node;
    const def = findVariable(sourceCode.getScope(node), node)?.defs[0];
    return def?.type === 'FunctionName' ? (def.node as Node) : def?.type === 'Variable' && def.node.init ? unwrap(def.node.init) : node;
  };
  for (const exported of exportedValues(sourceCode)) {
    if (exported.name === name) return definition(unwrap(exported.node));
    // `module.exports = { getEnv, other }`.
    const object = exported.name === undefined ? unwrap(exported.node) : undefined;
    if (object?.type !== 'ObjectExpression') continue;
    for (const property of object.properties) {
      if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === name) return definition(unwrap(property.value as Node));
    }
  }
  return undefined;
}

/**
 * The relative module and exported name an identifier is imported as: `import { getEnv } from
 * '../env'`, `const { getEnv } = require('../env')`. Undefined for anything else.
 */
export function importedFromRelative(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): { specifier: string; name: string } | undefined {
  const variable = findVariable(sourceCode.getScope(id), id);
  const binding = variable ? relativeBinding(variable) : undefined;
  return binding?.name === undefined ? undefined : { specifier: binding.specifier, name: binding.name };
}
