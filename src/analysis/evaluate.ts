import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { EnvSource, PropertyValue, Value } from '../policy/value';
import { getProperty, isStringish, mergeStrings, primitiveText, templateParts } from '../policy/value';
import { MemoEvaluator } from '../policy/memo-evaluator';
import type { EnvLibraries } from './env-libraries';
import { envLibraryRead } from './env-libraries';
import { findVariable, isGlobalReference, staticPropertyName, unwrap } from './ast';

type Scope = TSESLint.Scope.Scope;
type Node = TSESTree.Node;
export type EValue = Value<Node>;


/**
 * Evaluates expressions to the static value model: literals, templates, concatenation,
 * same-file `const` chains, object spread, `Object.assign`, options built by a same-file
 * function, and reads from the environment. Anything else is `unknown`. One evaluator per file;
 * results are memoised per node.
 */
export class Evaluator extends MemoEvaluator<Node> {
  constructor(
    private readonly scopeOf: (node: Node) => Scope,
    /** Asked only when a call is evaluated: most files never need it. */
    private readonly envLibraries: () => EnvLibraries,
  ) {
    super();
  }

  protected compute(node: Node): EValue {
    switch (node.type) {
      case 'Literal':
        if ('regex' in node && node.regex) return { kind: 'unknown', node };
        return { kind: 'literal', value: node.value as string | number | boolean | null | bigint, node };
      case 'TemplateLiteral':
        return this.template(node);
      case 'BinaryExpression':
        return this.binary(node);
      case 'LogicalExpression':
        return this.logical(node);
      case 'ConditionalExpression':
        return this.conditional(node);
      case 'UnaryExpression':
        return this.unary(node);
      case 'Identifier':
        return this.identifier(node);
      case 'MemberExpression':
        return this.member(node);
      case 'ObjectExpression':
        return this.object(node);
      case 'ArrayExpression':
        return this.array(node);
      case 'CallExpression':
        return this.call(node);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { kind: 'function', neverFails: neverFails(node), node };
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        return this.evaluate(node.expression);
      default:
        return { kind: 'unknown', node };
    }
  }

  private template(node: TSESTree.TemplateLiteral): EValue {
    const parts: Array<string | EValue> = [];
    let allKnown = true;
    node.quasis.forEach((quasi, i) => {
      parts.push(quasi.value.cooked ?? quasi.value.raw);
      const expression = node.expressions[i];
      if (!expression) return;
      const value = this.evaluate(expression);
      const text = primitiveText(value);
      if (text === undefined) {
        allKnown = false;
        parts.push(value);
      } else parts.push(text);
    });
    if (allKnown) return { kind: 'literal', value: parts.join(''), node };
    return { kind: 'template', parts: mergeStrings(parts), node };
  }

  private binary(node: TSESTree.BinaryExpression): EValue {
    if (node.operator !== '+') return { kind: 'unknown', node };
    const left = this.evaluate(node.left);
    const right = this.evaluate(node.right);
    if (left.kind === 'literal' && right.kind === 'literal') {
      const l = left.value;
      const r = right.value;
      if (typeof l === 'number' && typeof r === 'number') return { kind: 'literal', value: l + r, node };
      if (typeof l === 'string' || typeof r === 'string') return { kind: 'literal', value: `${String(l)}${String(r)}`, node };
      return { kind: 'unknown', node };
    }
    // Partly known string concatenation keeps its known text (`'redis://' + host`).
    if (isStringish(left) || isStringish(right)) {
      return { kind: 'template', parts: mergeStrings([...templateParts(left), ...templateParts(right)]), node };
    }
    return { kind: 'unknown', node };
  }

  private logical(node: TSESTree.LogicalExpression): EValue {
    const left = this.evaluate(node.left);
    if (left.kind === 'env' && !left.fallback && node.operator !== '&&') {
      return { ...left, fallback: this.evaluate(node.right), fallbackNode: node.right, node };
    }
    if (left.kind === 'literal') {
      const v = left.value;
      if (node.operator === '&&') return v ? this.evaluate(node.right) : left;
      if (node.operator === '||') return v ? left : this.evaluate(node.right);
      return v === null || v === undefined ? this.evaluate(node.right) : left;
    }
    if (left.kind === 'object' || left.kind === 'array' || left.kind === 'function') {
      return node.operator === '&&' ? this.evaluate(node.right) : left;
    }
    const right = this.evaluate(node.right);
    // `isProd && { ... }`: the right side is one possible value, `false`-ish the other.
    return { kind: 'conditional', test: node.left, branches: node.operator === '&&' ? [right] : [left, right], node };
  }

  private conditional(node: TSESTree.ConditionalExpression): EValue {
    const test = this.evaluate(node.test);
    if (test.kind === 'literal') return this.evaluate(test.value ? node.consequent : node.alternate);
    const consequent = this.evaluate(node.consequent);
    const alternate = this.evaluate(node.alternate);
    // `process.env.X ? process.env.X : 'fallback'` is a fallback, not a branch.
    if (test.kind === 'env' && consequent.kind === 'env' && consequent.name === test.name && !consequent.fallback) {
      return { ...consequent, fallback: alternate, fallbackNode: node.alternate, node };
    }
    return { kind: 'conditional', test: node.test, branches: [consequent, alternate], node };
  }

  private unary(node: TSESTree.UnaryExpression): EValue {
    if (node.operator === 'void') return { kind: 'literal', value: undefined, node };
    const argument = this.evaluate(node.argument);
    if (argument.kind !== 'literal') return { kind: 'unknown', node };
    const v = argument.value;
    if (node.operator === '!') return { kind: 'literal', value: !v, node };
    if (node.operator === '-' && typeof v === 'number') return { kind: 'literal', value: -v, node };
    if (node.operator === '+' && typeof v === 'number') return { kind: 'literal', value: v, node };
    return { kind: 'unknown', node };
  }

  private identifier(node: TSESTree.Identifier): EValue {
    if (node.name === 'undefined' && isGlobalReference(this.scopeOf(node), node)) {
      return { kind: 'literal', value: undefined, node };
    }
    const variable = findVariable(this.scopeOf(node), node);
    if (!variable || variable.defs.length !== 1) return { kind: 'unknown', node };
    const def = variable.defs[0]!;
    if (def.type !== 'Variable') return { kind: 'unknown', node };
    const declarator = def.node;
    // Only values that cannot change: const, or let/var written once at declaration.
    const writes = variable.references.filter((ref: TSESLint.Scope.Reference) => ref.isWrite());
    if (declarator.parent.kind !== 'const' && (writes.length !== 1 || writes[0]!.writeExpr !== declarator.init)) {
      return { kind: 'unknown', node };
    }
    if (!declarator.init) return { kind: 'unknown', node };
    if (declarator.id.type === 'Identifier') return this.evaluate(declarator.init);
    return this.destructured(declarator.id, declarator.init, def.name, node);
  }

  /** `const { DB_HOST = 'localhost', ssl } = process.env` or `= config`. */
  private destructured(pattern: TSESTree.DestructuringPattern, init: Node, declared: TSESTree.Identifier, node: TSESTree.Identifier): EValue {
    const path = patternPath(pattern, declared);
    if (!path) return { kind: 'unknown', node };
    let value: EValue = this.evaluate(init);
    for (const step of path) {
      if (value.kind === 'env' && value.name === undefined && value.source === 'process.env' && typeof step.key === 'string') {
        value = { kind: 'env', name: step.key, source: 'process.env', node };
      } else if (value.kind === 'object' && typeof step.key === 'string') {
        const prop = getProperty(value, step.key);
        value = prop ? prop.value : value.open ? { kind: 'unknown', node } : { kind: 'literal', value: undefined, node };
      } else if (value.kind === 'array' && typeof step.key === 'number') {
        value = value.elements[step.key] ?? (value.open ? { kind: 'unknown', node } : { kind: 'literal', value: undefined, node });
      } else return { kind: 'unknown', node };
      if (step.defaultValue) {
        const fallback = this.evaluate(step.defaultValue);
        if (value.kind === 'env' && !value.fallback) value = { ...value, fallback, fallbackNode: step.defaultValue };
        else if (value.kind === 'literal' && value.value === undefined) value = fallback;
        else if (value.kind !== 'literal' && value.kind !== 'object' && value.kind !== 'array') {
          value = { kind: 'unknown', node };
        }
      }
    }
    return value;
  }

  private member(node: TSESTree.MemberExpression): EValue {
    const name = staticPropertyName(node);
    const env = this.envObject(node.object);
    if (env) {
      return name === undefined ? { kind: 'unknown', node } : { kind: 'env', name, source: env, node };
    }
    if (this.isEnvObjectItself(node)) {
      return { kind: 'env', name: undefined, source: node.property.type === 'Identifier' && node.object.type === 'MetaProperty' ? 'import.meta.env' : 'process.env', node };
    }
    if (name === undefined) return { kind: 'unknown', node };
    const object = this.evaluate(node.object);
    if (object.kind === 'env' && object.name === undefined) return { kind: 'env', name, source: object.source, node };
    if (object.kind === 'object') {
      const prop = getProperty(object, name);
      if (prop) return prop.value;
      return object.open ? { kind: 'unknown', node } : { kind: 'literal', value: undefined, node };
    }
    if (object.kind === 'array' && /^\d+$/.test(name)) {
      return object.elements[Number(name)] ?? { kind: 'unknown', node };
    }
    return { kind: 'unknown', node };
  }

  /** `process.env` or `import.meta.env` as the object of a member access. */
  private envObject(object: Node): EnvSource | undefined {
    const inner = unwrap(object);
    if (inner.type !== 'MemberExpression' || staticPropertyName(inner) !== 'env') return undefined;
    const base = unwrap(inner.object);
    if (base.type === 'MetaProperty' && base.meta.name === 'import') return 'import.meta.env';
    if (base.type === 'Identifier' && base.name === 'process' && isGlobalReference(this.scopeOf(base), base)) {
      return 'process.env';
    }
    return undefined;
  }

  private isEnvObjectItself(node: TSESTree.MemberExpression): boolean {
    if (staticPropertyName(node) !== 'env') return false;
    const base = unwrap(node.object);
    if (base.type === 'MetaProperty') return base.meta.name === 'import';
    return base.type === 'Identifier' && base.name === 'process' && isGlobalReference(this.scopeOf(base), base);
  }

  private object(node: TSESTree.ObjectExpression): EValue {
    const props: PropertyValue<Node>[] = [];
    let open = false;
    for (const property of node.properties) {
      if (property.type === 'SpreadElement') {
        open = this.spreadInto(props, this.evaluate(property.argument)) || open;
        continue;
      }
      const key = propertyKey(property, (n) => this.evaluate(n));
      if (key === undefined) {
        open = true;
        continue;
      }
      if (property.kind !== 'init') {
        props.push({ key, value: { kind: 'unknown', node: property.value }, node: property });
        continue;
      }
      const value: EValue = property.method
        ? { kind: 'function', neverFails: neverFails(property.value as TSESTree.FunctionExpression), node: property.value }
        : this.evaluate(property.value);
      props.push({ key, value, node: property });
    }
    return { kind: 'object', props, open, node };
  }

  /** Copies a spread's known keys; returns true when it may add keys we cannot see. */
  private spreadInto(props: PropertyValue<Node>[], value: EValue): boolean {
    if (value.kind === 'object') {
      props.push(...value.props);
      return value.open;
    }
    if (value.kind === 'literal' && (value.value === undefined || value.value === null)) return false;
    return true;
  }

  private array(node: TSESTree.ArrayExpression): EValue {
    const elements: EValue[] = [];
    let open = false;
    for (const element of node.elements) {
      if (!element) elements.push({ kind: 'literal', value: undefined, node });
      else if (element.type === 'SpreadElement') {
        const spread = this.evaluate(element.argument);
        if (spread.kind === 'array') {
          elements.push(...spread.elements);
          open ||= spread.open;
        } else open = true;
      } else elements.push(this.evaluate(element));
    }
    return { kind: 'array', elements, open, node };
  }

  private call(node: TSESTree.CallExpression): EValue {
    const callee = unwrap(node.callee);
    const fromLibrary = envLibraryRead(this.envLibraries(), node, (n) => this.evaluate(n));
    if (fromLibrary) return fromLibrary;
    if (callee.type === 'MemberExpression') {
      const method = staticPropertyName(callee);
      const object = unwrap(callee.object);
      if (method === 'assign' && object.type === 'Identifier' && object.name === 'Object' && isGlobalReference(this.scopeOf(object), object)) {
        return this.objectAssign(node);
      }
      if (method === 'join' && node.arguments.length <= 1) return this.join(node, callee.object);
      return { kind: 'unknown', node };
    }
    if (callee.type === 'Identifier') {
      if (callee.name === 'String' && node.arguments.length === 1 && isGlobalReference(this.scopeOf(callee), callee)) {
        const arg = this.evaluate(node.arguments[0]!);
        const text = primitiveText(arg);
        return text === undefined ? (isStringish(arg) ? arg : { kind: 'unknown', node }) : { kind: 'literal', value: text, node };
      }
      const body = this.functionResult(callee);
      if (body) return this.evaluate(body);
    }
    return { kind: 'unknown', node };
  }

  private objectAssign(node: TSESTree.CallExpression): EValue {
    const props: PropertyValue<Node>[] = [];
    let open = false;
    for (const arg of node.arguments) {
      if (arg.type === 'SpreadElement') open = true;
      else open = this.spreadInto(props, this.evaluate(arg)) || open;
    }
    return { kind: 'object', props, open, node };
  }

  private join(node: TSESTree.CallExpression, arrayNode: Node): EValue {
    const array = this.evaluate(arrayNode);
    const separatorNode = node.arguments[0];
    const separator = separatorNode ? primitiveText(this.evaluate(separatorNode)) : ',';
    if (array.kind !== 'array' || array.open || separator === undefined) return { kind: 'unknown', node };
    const texts = array.elements.map(primitiveText);
    if (texts.some((t) => t === undefined)) return { kind: 'unknown', node };
    return { kind: 'literal', value: texts.join(separator), node };
  }

  /**
   * The returned expression of a same-file function with a single `return` (or an arrow with an
   * expression body), so `new Pool(dbOptions())` sees the object literal it builds.
   */
  private functionResult(callee: TSESTree.Identifier): Node | undefined {
    const variable = findVariable(this.scopeOf(callee), callee);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    let fn: Node | null | undefined;
    if (def.type === 'FunctionName') fn = def.node;
    else if (def.type === 'Variable' && def.node.parent.kind === 'const') fn = def.node.init;
    if (!fn || (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) return undefined;
    if (fn.async || fn.generator) return undefined;
    if (fn.body.type !== 'BlockStatement') return fn.body;
    // Straight-line bodies only: declarations and expressions, then one return. Control flow
    // could return something else.
    const statements = fn.body.body;
    const last = statements[statements.length - 1];
    if (last?.type !== 'ReturnStatement' || !last.argument) return undefined;
    const straight = statements.slice(0, -1).every((s) => s.type === 'VariableDeclaration' || s.type === 'ExpressionStatement');
    return straight ? last.argument : undefined;
  }
}


function propertyKey(property: TSESTree.Property, evaluate: (n: Node) => EValue): string | undefined {
  if (!property.computed) {
    if (property.key.type === 'Identifier') return property.key.name;
    if (property.key.type === 'Literal') return String(property.key.value);
    return undefined;
  }
  const key = evaluate(property.key);
  return key.kind === 'literal' && (typeof key.value === 'string' || typeof key.value === 'number') ? String(key.value) : undefined;
}

interface PatternStep {
  key: string | number;
  defaultValue?: Node;
}

/** The keys leading from a destructuring pattern's root to `target`. */
function patternPath(pattern: Node, target: TSESTree.Identifier): PatternStep[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === 'AssignmentPattern') {
    const inner = patternPath(pattern.left, target);
    if (!inner) return undefined;
    return inner;
  }
  if (pattern.type === 'ObjectPattern') {
    for (const property of pattern.properties) {
      if (property.type === 'RestElement' || property.computed) continue;
      const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
      if (key === undefined) continue;
      const value = property.value;
      const rest = patternPath(value, target);
      if (!rest) continue;
      const defaultValue = value.type === 'AssignmentPattern' ? value.right : undefined;
      return [{ key, defaultValue }, ...rest];
    }
  }
  if (pattern.type === 'ArrayPattern') {
    for (let i = 0; i < pattern.elements.length; i++) {
      const element = pattern.elements[i];
      if (!element || element.type === 'RestElement') continue;
      const rest = patternPath(element, target);
      if (!rest) continue;
      const defaultValue = element.type === 'AssignmentPattern' ? element.right : undefined;
      return [{ key: i, defaultValue }, ...rest];
    }
  }
  return undefined;
}

/**
 * True when a function can neither throw nor return a value: a `checkServerIdentity` that
 * accepts every certificate. Calls inside the body might throw, so any call makes it false.
 */
export function neverFails(fn: TSESTree.FunctionLike): boolean {
  const body = fn.body;
  if (!body) return false;
  if (body.type !== 'BlockStatement') {
    return (body.type === 'Identifier' && body.name === 'undefined') || (body.type === 'Literal' && body.value === null) || (body.type === 'UnaryExpression' && body.operator === 'void' && body.argument.type === 'Literal');
  }
  return body.body.every(isInert);
}

function isInert(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case 'EmptyStatement':
      return true;
    case 'ReturnStatement':
      return !statement.argument || (statement.argument.type === 'Identifier' && statement.argument.name === 'undefined') || (statement.argument.type === 'Literal' && statement.argument.value === null);
    case 'ExpressionStatement':
      // A directive or a bare literal (`'use strict'`) does nothing.
      return statement.expression.type === 'Literal';
    default:
      return false;
  }
}
