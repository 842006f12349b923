import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Value } from '../policy/value';
import { walkValues } from '../policy/value';
import { childNodes, findVariable, staticPropertyName, unwrap } from './ast';
import { callSites } from './client-sites';
import type { Argument, Evaluator } from './evaluate';
import type { ClientSite } from './file-analysis';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** How many helpers deep a configuration is followed (`makeDb(cfg)` → `connect(cfg)` → `new Pool(cfg)`). */
const MAX_DEPTH = 3;
/** Calls followed per helper; a helper called more often than this is a library API, judged by its own code. */
const MAX_CALLERS = 12;
/** Array methods whose callback receives each element as its first parameter. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every', 'find']);

/**
 * Sites for a client built inside a same-file helper, one per call of the helper: the helper's
 * parameters bound to that call's arguments (`function connect(cfg) { return new Pool(cfg) }`;
 * `connect({ ssl: false })`), so each caller's configuration is judged and reported where the
 * caller wrote it. Also the callbacks of `configs.map((cfg) => new Redis(cfg))` over a known
 * array, once per element, and methods called as `this.connect(...)` in their class.
 */
export function sitesThroughCallers(sites: readonly ClientSite[], evaluator: Evaluator, sourceCode: TSESLint.SourceCode): ClientSite[] {
  const out: ClientSite[] = [];
  for (const site of sites) {
    if (site.origin !== 'call' || !site.factory || !dependsOnUnknown(site)) continue;
    instantiate(site, site.node as Call, evaluator, sourceCode, 0, out);
  }
  return out;
}

function instantiate(site: ClientSite, from: Node, evaluator: Evaluator, sourceCode: TSESLint.SourceCode, depth: number, out: ClientSite[]): void {
  if (depth >= MAX_DEPTH) return;
  const fn = enclosingFunction(from);
  if (!fn || fn.params.length === 0 || evaluator.binds(fn)) return;
  for (const binding of bindingsOf(fn, evaluator, sourceCode)) {
    const bound = evaluator.withBindings(fn, binding.args);
    const made = callSites(site.entry, site.factory!, site.node as Call, bound, sourceCode, binding.call);
    // A judged entry chosen by dispatch keeps the one the outer site had.
    for (const instance of made) out.push({ ...instance, entry: site.entry });
    // The caller may itself be a helper whose parameters reach these arguments.
    if (made.some(dependsOnUnknown)) instantiate(site, binding.call, bound, sourceCode, depth + 1, out);
  }
}

/** Whether some argument holds a value the analysis cannot see, which a caller's argument might fill. */
function dependsOnUnknown(site: ClientSite): boolean {
  for (const arg of site.args) {
    for (const value of walkValues(arg)) {
      if (value.kind === 'unknown') return true;
      if (value.kind === 'object' && value.open) return true;
    }
  }
  return false;
}

function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') return current;
  }
  return undefined;
}

interface Binding {
  call: Call;
  args: Argument[];
}

/** The calls of `fn` in this file and the argument values each passes. */
function bindingsOf(fn: FunctionNode, evaluator: Evaluator, sourceCode: TSESLint.SourceCode): Binding[] {
  const calls = callersOf(fn, sourceCode);
  if (calls.kind === 'elements') {
    return calls.elements.slice(0, MAX_CALLERS).map((element) => ({ call: calls.call, args: [element] }));
  }
  return calls.calls.slice(0, MAX_CALLERS).map((call) => ({
    call,
    args: call.arguments.map((arg): Argument => (arg.type === 'SpreadElement' ? { kind: 'unknown', node: arg as Node } : (arg as Node))),
  }));

  function callersOf(f: FunctionNode, code: TSESLint.SourceCode): { kind: 'calls'; calls: Call[] } | { kind: 'elements'; call: Call; elements: Value<Node>[] } {
    const parent = f.parent;
    // `[a, b].map((cfg) => new Redis(cfg))`
    if (parent?.type === 'CallExpression' && parent.arguments[0] === f && parent.callee.type === 'MemberExpression') {
      const method = staticPropertyName(parent.callee);
      if (method !== undefined && ELEMENT_CALLBACKS.has(method)) {
        const array = evaluator.evaluate(parent.callee.object);
        return array.kind === 'array' && !array.open ? { kind: 'elements', call: parent, elements: array.elements } : { kind: 'calls', calls: [] };
      }
    }
    const name = functionName(f);
    if (!name) return { kind: 'calls', calls: [] };
    if (name.kind === 'method') return { kind: 'calls', calls: thisCalls(name.classBody, name.name) };
    const variable = findVariable(code.getScope(name.id), name.id);
    if (!variable) return { kind: 'calls', calls: [] };
    const calls: Call[] = [];
    for (const reference of variable.references) {
      const id = reference.identifier as Node;
      const call = id.parent;
      if ((call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.callee === id && !contains(f, call)) calls.push(call);
    }
    return { kind: 'calls', calls };
  }
}

type FunctionName = { kind: 'binding'; id: TSESTree.Identifier } | { kind: 'method'; classBody: TSESTree.ClassBody; name: string };

/** How a function is called by name: its declaration's or `const`'s binding, or a class method's name. */
function functionName(fn: FunctionNode): FunctionName | undefined {
  if (fn.type === 'FunctionDeclaration') return fn.id ? { kind: 'binding', id: fn.id } : undefined;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier' && parent.parent.kind === 'const') {
    return { kind: 'binding', id: parent.id };
  }
  if (parent?.type === 'MethodDefinition' && !parent.computed && parent.key.type === 'Identifier' && parent.kind === 'method') {
    return { kind: 'method', classBody: parent.parent, name: parent.key.name };
  }
  if (parent?.type === 'PropertyDefinition' && !parent.computed && parent.key.type === 'Identifier' && parent.parent.type === 'ClassBody') {
    return { kind: 'method', classBody: parent.parent, name: parent.key.name };
  }
  return undefined;
}

/** `this.name(...)` calls inside the class body. */
function thisCalls(body: TSESTree.ClassBody, name: string): Call[] {
  return thisCallsByName(body).get(name) ?? [];
}

/** Every `this.x(...)` call of a class body by method name, found in one walk per class (its sites ask per method). */
const callsOfClass = new WeakMap<TSESTree.ClassBody, Map<string, Call[]>>();

function thisCallsByName(body: TSESTree.ClassBody): Map<string, Call[]> {
  let byName = callsOfClass.get(body);
  if (byName) return byName;
  byName = new Map();
  callsOfClass.set(body, byName);
  const stack: Node[] = [body];
  let budget = 20000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression') {
      const callee = unwrap(node.callee);
      const name = callee.type === 'MemberExpression' && unwrap(callee.object).type === 'ThisExpression' ? staticPropertyName(callee) : undefined;
      if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), node]);
    }
    stack.push(...childNodes(node));
  }
  return byName;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
