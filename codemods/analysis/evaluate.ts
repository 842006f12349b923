import type { EnvSource, PropertyValue, Value } from '../../src/policy/value';
import { getProperty, isStringish, mergeStrings, primitiveText, templateParts } from '../../src/policy/value';
import { MemoEvaluator } from '../../src/policy/memo-evaluator';
import type { BNode } from './ast';
import { isMember, isStringNode, propertyKeyName, staticPropertyName, unwrap } from './ast';
import type { ScopeIndex } from './scope';

export type BValue = Value<BNode>;


/**
 * The Babel twin of `src/analysis/evaluate.ts` (its essentials): literals, templates,
 * concatenation, same-file `const` chains, destructuring of `process.env`, object spread,
 * `Object.assign`, same-file option builders and environment reads with fallbacks. Anything
 * else is `unknown`. Memoised per node; one evaluator per parse.
 */
export class BabelEvaluator extends MemoEvaluator<BNode> {
  constructor(private readonly index: ScopeIndex) {
    super();
  }

  protected compute(node: BNode): BValue {
    switch (node.type) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
        return { kind: 'literal', value: node.value as string | number | boolean, node };
      case 'NullLiteral':
        return { kind: 'literal', value: null, node };
      case 'Literal':
        if (node.regex) return { kind: 'unknown', node };
        return { kind: 'literal', value: node.value as string | number | boolean | null, node };
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
      case 'OptionalMemberExpression':
        return this.member(node);
      case 'ObjectExpression':
        return this.object(node);
      case 'ArrayExpression':
        return this.array(node);
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.call(node);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { kind: 'function', neverFails: neverFails(node), node };
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ParenthesizedExpression':
      case 'TypeCastExpression':
        return this.evaluate(node.expression as BNode);
      default:
        return { kind: 'unknown', node };
    }
  }

  private template(node: BNode): BValue {
    const parts: Array<string | BValue> = [];
    let allKnown = true;
    (node.quasis as BNode[]).forEach((quasi, i) => {
      parts.push((quasi.value.cooked ?? quasi.value.raw) as string);
      const expression = (node.expressions as BNode[])[i];
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

  private binary(node: BNode): BValue {
    if (node.operator !== '+') return { kind: 'unknown', node };
    const left = this.evaluate(node.left as BNode);
    const right = this.evaluate(node.right as BNode);
    if (left.kind === 'literal' && right.kind === 'literal') {
      const l = left.value;
      const r = right.value;
      if (typeof l === 'number' && typeof r === 'number') return { kind: 'literal', value: l + r, node };
      if (typeof l === 'string' || typeof r === 'string') return { kind: 'literal', value: `${String(l)}${String(r)}`, node };
      return { kind: 'unknown', node };
    }
    if (isStringish(left) || isStringish(right)) {
      return { kind: 'template', parts: mergeStrings([...templateParts(left), ...templateParts(right)]), node };
    }
    return { kind: 'unknown', node };
  }

  private logical(node: BNode): BValue {
    const left = this.evaluate(node.left as BNode);
    if (left.kind === 'env' && !left.fallback && node.operator !== '&&') {
      return { ...left, fallback: this.evaluate(node.right as BNode), fallbackNode: node.right as BNode, node };
    }
    if (left.kind === 'literal') {
      const v = left.value;
      if (node.operator === '&&') return v ? this.evaluate(node.right as BNode) : left;
      if (node.operator === '||') return v ? left : this.evaluate(node.right as BNode);
      return v === null || v === undefined ? this.evaluate(node.right as BNode) : left;
    }
    if (left.kind === 'object' || left.kind === 'array' || left.kind === 'function') {
      return node.operator === '&&' ? this.evaluate(node.right as BNode) : left;
    }
    const right = this.evaluate(node.right as BNode);
    return { kind: 'conditional', test: node.left as BNode, branches: node.operator === '&&' ? [right] : [left, right], node };
  }

  private conditional(node: BNode): BValue {
    const test = this.evaluate(node.test as BNode);
    if (test.kind === 'literal') return this.evaluate((test.value ? node.consequent : node.alternate) as BNode);
    const consequent = this.evaluate(node.consequent as BNode);
    const alternate = this.evaluate(node.alternate as BNode);
    if (test.kind === 'env' && consequent.kind === 'env' && consequent.name === test.name && !consequent.fallback) {
      return { ...consequent, fallback: alternate, fallbackNode: node.alternate as BNode, node };
    }
    return { kind: 'conditional', test: node.test as BNode, branches: [consequent, alternate], node };
  }

  private unary(node: BNode): BValue {
    if (node.operator === 'void') return { kind: 'literal', value: undefined, node };
    const argument = this.evaluate(node.argument as BNode);
    if (argument.kind !== 'literal') return { kind: 'unknown', node };
    const v = argument.value;
    if (node.operator === '!') return { kind: 'literal', value: !v, node };
    if (node.operator === '-' && typeof v === 'number') return { kind: 'literal', value: -v, node };
    if (node.operator === '+' && typeof v === 'number') return { kind: 'literal', value: v, node };
    return { kind: 'unknown', node };
  }

  /** The declarator and pattern path of a `const` (or never reassigned `let`/`var`) binding. */
  declaratorOf(node: BNode): { declarator: BNode; kind: string } | undefined {
    const binding = this.index.bindingOf(node);
    if (!binding || binding.scope === null) return undefined;
    const declarations = this.index.declarations(binding);
    if (declarations.length !== 1) return undefined;
    let path = declarations[0]!.parent;
    while (path && path.node.type !== 'VariableDeclarator') {
      if (!['ObjectProperty', 'Property', 'ObjectPattern', 'ArrayPattern', 'AssignmentPattern'].includes(path.node.type as string)) return undefined;
      path = path.parent;
    }
    if (!path) return undefined;
    const declarator = path.node as BNode;
    const kind = path.parent?.node.kind as string;
    if (kind !== 'const') {
      const written = binding.references.some((ref) => {
        const parent = ref.parent?.node as BNode | undefined;
        return (parent?.type === 'AssignmentExpression' && parent.left === ref.node) || parent?.type === 'UpdateExpression';
      });
      if (written) return undefined;
    }
    return { declarator, kind };
  }

  private identifier(node: BNode): BValue {
    if (node.name === 'undefined' && this.isGlobal(node)) return { kind: 'literal', value: undefined, node };
    const found = this.declaratorOf(node);
    if (!found?.declarator.init) return { kind: 'unknown', node };
    const { declarator } = found;
    if (declarator.id.type === 'Identifier') return declarator.id.name === node.name ? this.evaluate(declarator.init as BNode) : { kind: 'unknown', node };
    return this.destructured(declarator.id as BNode, declarator.init as BNode, node);
  }

  private isGlobal(node: BNode): boolean {
    const binding = this.index.bindingOf(node);
    return !binding || binding.scope === null;
  }

  /** `const { DB_HOST = 'localhost' } = process.env` or `= config`. */
  private destructured(pattern: BNode, init: BNode, node: BNode): BValue {
    const steps = patternPath(pattern, node.name as string);
    if (!steps) return { kind: 'unknown', node };
    let value: BValue = this.evaluate(init);
    for (const step of steps) {
      if (value.kind === 'env' && value.name === undefined && typeof step.key === 'string') {
        value = { kind: 'env', name: step.key, source: value.source, node };
      } else if (value.kind === 'object' && typeof step.key === 'string') {
        const prop = getProperty(value, step.key);
        value = prop ? prop.value : value.open ? { kind: 'unknown', node } : { kind: 'literal', value: undefined, node };
      } else if (value.kind === 'array' && typeof step.key === 'number') {
        value = value.elements[step.key] ?? { kind: 'unknown', node };
      } else return { kind: 'unknown', node };
      if (step.defaultValue) {
        if (value.kind === 'env' && !value.fallback) value = { ...value, fallback: this.evaluate(step.defaultValue), fallbackNode: step.defaultValue };
        else if (value.kind === 'literal' && value.value === undefined) value = this.evaluate(step.defaultValue);
        else if (value.kind !== 'literal' && value.kind !== 'object') return { kind: 'unknown', node };
      }
    }
    return value;
  }

  private member(node: BNode): BValue {
    const source = this.envObject(node.object as BNode);
    const name = staticPropertyName(node);
    if (source) return { kind: 'env', name, source, node };
    if (this.isEnvObjectItself(node)) {
      const base = unwrap(node.object as BNode);
      return { kind: 'env', name: undefined, source: base.type === 'MetaProperty' ? 'import.meta.env' : 'process.env', node };
    }
    if (name === undefined) return { kind: 'unknown', node };
    const object = this.evaluate(node.object as BNode);
    if (object.kind === 'object') {
      const prop = getProperty(object, name);
      if (prop) return prop.value;
      return object.open ? { kind: 'unknown', node } : { kind: 'literal', value: undefined, node };
    }
    if (object.kind === 'array' && /^\d+$/.test(name)) return object.elements[Number(name)] ?? { kind: 'unknown', node };
    return { kind: 'unknown', node };
  }

  /** `process.env` or `import.meta.env` as the object of a member access. */
  envObject(object: BNode): EnvSource | undefined {
    const inner = unwrap(object);
    if (!isMember(inner) || !this.isEnvObjectItself(inner)) return undefined;
    return unwrap(inner.object as BNode).type === 'MetaProperty' ? 'import.meta.env' : 'process.env';
  }

  private isEnvObjectItself(node: BNode): boolean {
    if (!isMember(node) || staticPropertyName(node) !== 'env') return false;
    const base = unwrap(node.object as BNode);
    if (base.type === 'MetaProperty') return base.meta?.name === 'import';
    return base.type === 'Identifier' && base.name === 'process' && this.isGlobal(base);
  }

  private object(node: BNode): BValue {
    const props: PropertyValue<BNode>[] = [];
    let open = false;
    for (const property of node.properties as BNode[]) {
      if (property.type === 'SpreadElement') {
        open = this.spreadInto(props, this.evaluate(property.argument as BNode)) || open;
        continue;
      }
      const key = propertyKeyName(property);
      if (key === undefined) {
        open = true;
        continue;
      }
      if (property.type === 'ObjectMethod') {
        const value: BValue = property.kind === 'method' ? { kind: 'function', neverFails: neverFails(property), node: property } : { kind: 'unknown', node: property };
        props.push({ key, value, node: property });
        continue;
      }
      props.push({ key, value: this.evaluate(property.value as BNode), node: property });
    }
    return { kind: 'object', props, open, node };
  }

  private spreadInto(props: PropertyValue<BNode>[], value: BValue): boolean {
    if (value.kind === 'object') {
      props.push(...value.props);
      return value.open;
    }
    if (value.kind === 'literal' && (value.value === undefined || value.value === null)) return false;
    return true;
  }

  private array(node: BNode): BValue {
    const elements: BValue[] = [];
    let open = false;
    for (const element of node.elements as Array<BNode | null>) {
      if (!element) elements.push({ kind: 'literal', value: undefined, node });
      else if (element.type === 'SpreadElement') {
        const spread = this.evaluate(element.argument as BNode);
        if (spread.kind === 'array') {
          elements.push(...spread.elements);
          open ||= spread.open;
        } else open = true;
      } else elements.push(this.evaluate(element));
    }
    return { kind: 'array', elements, open, node };
  }

  private call(node: BNode): BValue {
    const callee = unwrap(node.callee as BNode);
    const args = node.arguments as BNode[];
    if (isMember(callee)) {
      const method = staticPropertyName(callee);
      const object = unwrap(callee.object as BNode);
      if (method === 'assign' && object.type === 'Identifier' && object.name === 'Object' && this.isGlobal(object)) {
        const props: PropertyValue<BNode>[] = [];
        let open = false;
        for (const arg of args) {
          if (arg.type === 'SpreadElement') open = true;
          else open = this.spreadInto(props, this.evaluate(arg)) || open;
        }
        return { kind: 'object', props, open, node };
      }
      return { kind: 'unknown', node };
    }
    if (callee.type === 'Identifier') {
      if (callee.name === 'String' && args.length === 1 && this.isGlobal(callee)) {
        const arg = this.evaluate(args[0]!);
        const text = primitiveText(arg);
        return text === undefined ? (isStringish(arg) ? arg : { kind: 'unknown', node }) : { kind: 'literal', value: text, node };
      }
      const body = this.functionResult(callee);
      if (body) return this.evaluate(body);
    }
    return { kind: 'unknown', node };
  }

  /** The returned expression of a same-file function with a single final `return`. */
  private functionResult(callee: BNode): BNode | undefined {
    const binding = this.index.bindingOf(callee);
    if (!binding || binding.scope === null) return undefined;
    const declarations = this.index.declarations(binding);
    if (declarations.length !== 1) return undefined;
    const parent = declarations[0]!.parent?.node as BNode | undefined;
    let fn: BNode | undefined;
    if (parent?.type === 'FunctionDeclaration' && parent.id === declarations[0]!.node) fn = parent;
    else if (parent?.type === 'VariableDeclarator' && declarations[0]!.parent?.parent?.node.kind === 'const') fn = parent.init as BNode | undefined;
    if (!fn || !['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression'].includes(fn.type)) return undefined;
    if (fn.async || fn.generator) return undefined;
    const body = fn.body as BNode;
    if (body.type !== 'BlockStatement') return body;
    // Straight-line bodies only, as on the ESLint side: control flow could return something else.
    const statements = body.body as BNode[];
    const last = statements[statements.length - 1];
    if (last?.type !== 'ReturnStatement' || !last.argument) return undefined;
    const straight = statements.slice(0, -1).every((s) => s.type === 'VariableDeclaration' || s.type === 'ExpressionStatement');
    return straight ? (last.argument as BNode) : undefined;
  }
}


interface PatternStep {
  key: string | number;
  defaultValue?: BNode;
}

function patternPath(pattern: BNode, name: string): PatternStep[] | undefined {
  if (pattern.type === 'Identifier') return pattern.name === name ? [] : undefined;
  if (pattern.type === 'AssignmentPattern') return patternPath(pattern.left as BNode, name);
  if (pattern.type === 'ObjectPattern') {
    for (const property of pattern.properties as BNode[]) {
      if (property.type === 'RestElement' || property.computed) continue;
      const key = propertyKeyName(property);
      if (key === undefined) continue;
      const value = property.value as BNode;
      const rest = patternPath(value, name);
      if (!rest) continue;
      return [{ key, defaultValue: value.type === 'AssignmentPattern' ? (value.right as BNode) : undefined }, ...rest];
    }
  }
  if (pattern.type === 'ArrayPattern') {
    const elements = pattern.elements as Array<BNode | null>;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      if (!element || element.type === 'RestElement') continue;
      const rest = patternPath(element, name);
      if (!rest) continue;
      return [{ key: i, defaultValue: element.type === 'AssignmentPattern' ? (element.right as BNode) : undefined }, ...rest];
    }
  }
  return undefined;
}

/** A function that can neither throw nor return a value (a no-op `checkServerIdentity`). */
export function neverFails(fn: BNode): boolean {
  const body = fn.body as BNode | undefined;
  if (!body) return false;
  if (body.type !== 'BlockStatement') {
    return (body.type === 'Identifier' && body.name === 'undefined') || body.type === 'NullLiteral' || (body.type === 'UnaryExpression' && body.operator === 'void' && /Literal$/.test(body.argument.type as string));
  }
  return (body.body as BNode[]).every((statement) => {
    if (statement.type === 'EmptyStatement') return true;
    if (statement.type === 'ReturnStatement') {
      const arg = statement.argument as BNode | null;
      return !arg || (arg.type === 'Identifier' && arg.name === 'undefined') || arg.type === 'NullLiteral';
    }
    return statement.type === 'ExpressionStatement' && (isStringNode(statement.expression as BNode) || /Literal$/.test(statement.expression.type as string));
  });
}
