import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { ConditionalValue, EnvSource, LiteralValue, ObjectValue, PropertyValue, Value } from '../policy/value';
import { getProperty, isStringish, mergeObject, mergeStrings, primitiveText, setPath, templateParts } from '../policy/value';
import { MemoEvaluator } from '../policy/memo-evaluator';
import type { ChoiceHelper } from './choice-helpers';
import type { EnvLibraries } from './env-libraries';
import { envLibraryRead } from './env-libraries';
import { childNodes, findVariable, isGlobalReference, normalisedReceiver, staticPropertyName, unwrap } from './ast';

type Scope = TSESLint.Scope.Scope;
type Node = TSESTree.Node;
export type EValue = Value<Node>;
/** A bound argument: the caller's expression, or a value already known. */
export type Argument = Node | EValue;


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
    /** A helper imported from a project module that returns one argument or another by environment name. */
    private readonly choiceHelper: (callee: TSESTree.Identifier) => ChoiceHelper | undefined = () => undefined,
    /**
     * The arguments same-file functions were called with (by function node, in parameter
     * order), when a client built inside a helper is judged for one call of that helper. An
     * argument is the caller's expression, evaluated here so that the caller's own parameters
     * may be bound too, or an already known value (an element of a mapped list).
     */
    private readonly bindings: ReadonlyMap<Node, readonly Argument[]> = new Map(),
    /** `this.x` writes per class body, found once per class and shared with the evaluators derived for bindings (syntax, not values). */
    private readonly classFields = new Map<Node, Map<string, Node[]>>(),
  ) {
    super();
  }

  /** An evaluator that also knows the arguments `fn` was called with (see `bindings`). */
  withBindings(fn: Node, args: readonly Argument[]): Evaluator {
    return new Evaluator(this.scopeOf, this.envLibraries, this.choiceHelper, new Map([...this.bindings, [fn, args]]), this.classFields);
  }

  /** Whether `fn`'s parameters are bound in this evaluator. */
  binds(fn: Node): boolean {
    return this.bindings.has(fn);
  }

  /**
   * What a function returns: the expression body of an arrow, or the values of its `return`
   * statements (several become one conditional value). Unknown when there is no such return.
   */
  returned(fn: Node): EValue {
    if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return { kind: 'unknown', node: fn };
    if (fn.body.type !== 'BlockStatement') return this.evaluate(fn.body);
    const values = returnArguments(fn.body).map((arg) => this.evaluate(arg));
    return union(values, fn) ?? { kind: 'unknown', node: fn };
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
      case 'AwaitExpression':
        // `await` of a plain value is the value; of a promise, whatever the call evaluates to.
        return this.evaluate(node.argument);
      case 'AssignmentExpression':
        // `module.exports = CONFIG = {...}`: an assignment's value is what it assigns.
        return node.operator === '=' ? this.evaluate(node.right) : { kind: 'unknown', node };
      default:
        return { kind: 'unknown', node };
    }
  }

  private template(node: TSESTree.TemplateLiteral): EValue {
    const parts: Array<string | EValue> = [];
    const pieces: Array<{ from: number; to: number; node: Node }> = [];
    let length = 0;
    let allKnown = true;
    node.quasis.forEach((quasi, i) => {
      const quasiText = quasi.value.cooked ?? quasi.value.raw;
      parts.push(quasiText);
      length += quasiText.length;
      const expression = node.expressions[i];
      if (!expression) return;
      const value = this.evaluate(expression);
      const text = primitiveText(value);
      if (text === undefined) {
        allKnown = false;
        parts.push(value);
        // As `textOf` renders it: an unknown part is one HOLE.
        length += 1;
      } else {
        parts.push(text);
        pieces.push({ from: length, to: length + text.length, node: value.node });
        length += text.length;
      }
    });
    if (allKnown) return pieces.length > 0 ? { kind: 'literal', value: parts.join(''), node, pieces } : { kind: 'literal', value: parts.join(''), node };
    return pieces.length > 0 ? { kind: 'template', parts: mergeStrings(parts), node, pieces } : { kind: 'template', parts: mergeStrings(parts), node };
  }

  private binary(node: TSESTree.BinaryExpression): EValue {
    if (node.operator !== '+') return { kind: 'unknown', node };
    const left = this.evaluate(node.left);
    const right = this.evaluate(node.right);
    if (left.kind === 'literal' && right.kind === 'literal') {
      const l = left.value;
      const r = right.value;
      if (typeof l === 'number' && typeof r === 'number') return { kind: 'literal', value: l + r, node };
      if (typeof l === 'string' || typeof r === 'string') {
        const text = String(l);
        const pieces = [...piecesOf(left, 0), ...piecesOf(right, text.length)];
        return { kind: 'literal', value: `${text}${String(r)}`, node, pieces };
      }
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
    if (def.type === 'Parameter') return this.parameter(def.node as Node, def.name as TSESTree.Identifier, node);
    if (def.type !== 'Variable') return { kind: 'unknown', node };
    const declarator = def.node;
    const loop = declarator.parent.parent;
    if ((loop?.type === 'ForOfStatement' || loop?.type === 'ForInStatement') && loop.left === declarator.parent) {
      return loop.type === 'ForOfStatement' && declarator.id.type === 'Identifier' ? this.iterated(loop.right, node) : { kind: 'unknown', node };
    }
    const writes = variable.references.filter((ref: TSESLint.Scope.Reference) => ref.isWrite());
    const once = declarator.parent.kind === 'const' || (writes.length === 1 && writes[0]!.writeExpr === declarator.init);
    if (!once) return this.reassigned(declarator, writes, node);
    if (!declarator.init) return { kind: 'unknown', node };
    // `const { connection } = app.get('postgres'); connection.ssl = {...}`: the writes count for a destructured name too.
    const value = declarator.id.type === 'Identifier' ? this.evaluate(declarator.init) : this.destructured(declarator.id, declarator.init, def.name, node);
    return this.withPropertyWrites(variable, value, declarator);
  }

  /**
   * A `let`/`var` written more than once: any of the values written (`let ssl = false; if (x)
   * ssl = { ... }`). A falsy literal it is declared with and later replaced is a placeholder, not
   * one of its values. Writes other than a plain `=` to the name itself make it unknown.
   */
  private reassigned(declarator: TSESTree.VariableDeclarator, writes: TSESLint.Scope.Reference[], node: TSESTree.Identifier): EValue {
    if (declarator.id.type !== 'Identifier' || writes.length > 8) return { kind: 'unknown', node };
    const values: EValue[] = [];
    let initial: EValue | undefined;
    let replaced = false;
    const home = declarator.parent.parent;
    for (const write of writes) {
      const target = write.identifier.parent;
      if (write.writeExpr === declarator.init && declarator.init) {
        initial = this.evaluate(declarator.init);
      } else if (target?.type === 'AssignmentExpression' && target.operator === '=' && target.left === write.identifier) {
        values.push(this.evaluate(target.right));
        // Written again in the declaration's own block: the initial value never reaches a use after it.
        replaced ||= target.parent?.type === 'ExpressionStatement' && target.parent.parent === home;
      } else return { kind: 'unknown', node };
    }
    if (initial && !replaced && !(initial.kind === 'literal' && !initial.value)) values.unshift(initial);
    return union(values, node) ?? { kind: 'unknown', node };
  }

  /** `for (const cfg of [a, b])`: any element of a known array. */
  private iterated(iterable: Node, node: TSESTree.Identifier): EValue {
    const array = this.evaluate(iterable);
    if (array.kind !== 'array' || array.open) return { kind: 'unknown', node };
    return union(array.elements, node) ?? { kind: 'unknown', node };
  }

  /**
   * A parameter of a function whose arguments are bound (see `bindings`): the argument at its
   * position (or its default), destructured as the parameter pattern says. Unknown otherwise.
   */
  private parameter(fn: Node, name: TSESTree.Identifier, node: TSESTree.Identifier): EValue {
    const args = this.bindings.get(fn);
    const params = (fn as { params?: Node[] }).params;
    if (!args || !params) return { kind: 'unknown', node };
    const index = params.findIndex((param) => contains(param, name));
    const param = params[index];
    if (!param || param.type === 'RestElement' || param.type === 'TSParameterProperty') return { kind: 'unknown', node };
    const arg = args[index];
    let value: EValue = arg === undefined ? { kind: 'literal', value: undefined, node } : 'type' in arg ? this.evaluate(arg) : arg;
    let pattern: Node = param;
    if (pattern.type === 'AssignmentPattern') {
      if (value.kind === 'literal' && value.value === undefined) value = this.evaluate(pattern.right);
      pattern = pattern.left;
    }
    if (pattern === name) return value;
    const path = patternPath(pattern, name);
    return path ? this.followPath(value, path, node) : { kind: 'unknown', node };
  }

  /**
   * Properties written onto an object variable after it is built (`opts.tls = {...}`,
   * `config.ssl.rejectUnauthorized = false`, `Object.assign(opts, {...})`), as JavaScript would
   * see them once those statements ran. A write in the declaration's own block replaces the
   * key; one inside an `if` or a function may or may not run, so the key may hold either.
   */
  private withPropertyWrites(variable: TSESLint.Scope.Variable, base: EValue, declarator: TSESTree.VariableDeclarator): EValue {
    if (base.kind !== 'object' && base.kind !== 'unknown') return base;
    let result: EValue = base;
    const home = declarator.parent.parent;
    for (const reference of variable.references) {
      if (reference.isWrite()) continue;
      const write = propertyWrite(reference.identifier as Node);
      if (!write) continue;
      const statement = write.node.parent;
      const certain = statement?.type === 'ExpressionStatement' && statement.parent === home;
      if (result.kind !== 'object') result = { kind: 'object', props: [], open: true, node: base.node };
      for (const valueNode of write.values) {
        const value = this.evaluate(valueNode);
        result = write.keys.length === 0 ? mergeObject(result, value, write.node, certain) : setPath(result, write.keys, value, write.node, certain);
      }
    }
    return result;
  }

  /** `const { DB_HOST = 'localhost', ssl } = process.env` or `= config`. */
  private destructured(pattern: TSESTree.DestructuringPattern, init: Node, declared: TSESTree.Identifier, node: TSESTree.Identifier): EValue {
    const path = patternPath(pattern, declared);
    if (!path) return { kind: 'unknown', node };
    return this.followPath(this.isGlobalProcess(init) ? processObject(init) : this.evaluate(init), path, node);
  }

  /** The global `process` (not a local of that name). */
  private isGlobalProcess(node: Node): boolean {
    const inner = unwrap(node);
    return inner.type === 'Identifier' && inner.name === 'process' && isGlobalReference(this.scopeOf(inner), inner);
  }

  /** The value a destructuring path picks out of `value`, defaults applied. */
  private followPath(start: EValue, path: readonly PatternStep[], node: TSESTree.Identifier): EValue {
    let value = start;
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
    if (name === undefined) return this.anyMember(node);
    if (unwrap(node.object).type === 'ThisExpression') return this.thisField(node, name);
    return memberOf(this.evaluate(node.object), name, node);
  }

  /**
   * `configs[process.env.NODE_ENV]`: with an unknown key, any value of a known map or list (of
   * a few entries).
   */
  private anyMember(node: TSESTree.MemberExpression): EValue {
    const object = this.evaluate(node.object);
    const values = object.kind === 'object' && !object.open ? object.props.map((p) => p.value) : object.kind === 'array' && !object.open ? object.elements : [];
    if (values.length === 0 || values.length > 12) return { kind: 'unknown', node };
    return { kind: 'conditional', test: node.property, branches: values, node };
  }

  /**
   * `this.options` inside a class: the class field's initialiser and every `this.options = ...`
   * in the class's methods (any of them, when there are several).
   */
  private thisField(node: TSESTree.MemberExpression, name: string): EValue {
    const body = enclosingClassBody(node);
    if (!body) return { kind: 'unknown', node };
    let fields = this.classFields.get(body);
    if (!fields) this.classFields.set(body, (fields = classFieldWrites(body as TSESTree.ClassBody)));
    const writes = fields.get(name);
    if (!writes || writes.length > 8) return { kind: 'unknown', node };
    return union(writes.map((w) => this.evaluate(w)), node) ?? { kind: 'unknown', node };
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
      // `get host() { return 'smtp.example.com' }`: a getter's value is what it returns.
      if (property.kind === 'get') {
        props.push({ key, value: this.returned(property.value as Node), node: property });
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
    if (value.kind === 'literal' && (value.value === undefined || value.value === null || value.value === false)) return false;
    if (value.kind === 'conditional') return spreadConditional(props, value);
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
    const fromParameter = this.configFunctionEnvRead(node, callee);
    if (fromParameter) return fromParameter;
    if (callee.type === 'MemberExpression') {
      const method = staticPropertyName(callee);
      const object = unwrap(callee.object);
      if (method === 'assign' && object.type === 'Identifier' && object.name === 'Object' && isGlobalReference(this.scopeOf(object), object)) {
        return this.objectAssign(node);
      }
      if (method === 'join' && node.arguments.length <= 1) return this.join(node, callee.object);
      // `process.env.REDIS_HOST?.trim() || 'localhost'`: still that variable's value.
      const normalised = normalisedReceiver(node);
      if (normalised) {
        const receiver = this.evaluate(normalised);
        if (receiver.kind === 'env' && !receiver.fallback) return { ...receiver, node };
      }
      // `(process.env.KAFKA_BROKERS || 'kafka:9092').split(',')`: the variable, read as a list; its
      // default stays the text a list option parses (`'a:9092,b:9092'`), and the read keeps its
      // own node, which is what a codemod rewrites.
      if (method === 'split' && node.arguments.length === 1 && primitiveText(this.evaluate(node.arguments[0] as Node)) === ',') {
        const receiver = this.evaluate(callee.object);
        if (receiver.kind === 'env') return receiver;
      }
      return { kind: 'unknown', node };
    }
    if (callee.type === 'Identifier') {
      if (callee.name === 'String' && node.arguments.length === 1 && isGlobalReference(this.scopeOf(callee), callee)) {
        const arg = this.evaluate(node.arguments[0]!);
        const text = primitiveText(arg);
        return text === undefined ? (isStringish(arg) ? arg : { kind: 'unknown', node }) : { kind: 'literal', value: text, node };
      }
      // `getEnv(productionValue, developmentValue)` imported from a project module: one or the other.
      const helper = node.arguments.length >= 2 ? this.choiceHelper(callee) : undefined;
      if (helper && helper.params.every((i) => node.arguments[i] && node.arguments[i]!.type !== 'SpreadElement')) {
        return { kind: 'conditional', test: callee, branches: helper.params.map((i) => this.evaluate(node.arguments[i] as Node)), node };
      }
    }
    // The callee's returns, with its parameters bound to this call's arguments: a same-file
    // function, or one invoked where it is written (`module.exports = (function () { ...; return mod })()`).
    const fn = callee.type === 'Identifier' ? this.calledFunction(callee, node) : immediatelyInvoked(callee);
    if (fn && !this.binds(fn) && !node.arguments.some((a) => a.type === 'SpreadElement')) {
      const bound = (fn as TSESTree.FunctionLike).params.length > 0 ? this.withBindings(fn, node.arguments as Node[]) : this;
      return bound.returned(fn);
    }
    return { kind: 'unknown', node };
  }

  /**
   * `module.exports = ({ env }) => ({ host: env('DATABASE_HOST', '127.0.0.1') })`: a config
   * module exporting a function that is handed an environment reader (Strapi's convention):
   * `env(name, default)` and `env.int(name, default)` read the environment.
   */
  private configFunctionEnvRead(node: TSESTree.CallExpression, callee: Node): EValue | undefined {
    const root = callee.type === 'MemberExpression' ? unwrap(callee.object) : callee;
    if (root.type !== 'Identifier' || root.name !== 'env') return undefined;
    const variable = findVariable(this.scopeOf(root), root);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter') return undefined;
    const property = def.name.parent;
    const fn = def.node as Node;
    if (property?.type !== 'Property' || property.parent?.type !== 'ObjectPattern' || (fn as { params?: Node[] }).params?.[0] !== property.parent) return undefined;
    if (!isExportedFunction(fn)) return undefined;
    const name = node.arguments[0] && primitiveText(this.evaluate(node.arguments[0] as Node));
    if (name === undefined) return undefined;
    const fallbackNode = node.arguments[1] as Node | undefined;
    const read: EValue = { kind: 'env', name, source: 'parameter', node };
    return fallbackNode ? { ...read, fallback: this.evaluate(fallbackNode), fallbackNode } : read;
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
   * The same-file function a call calls (`function options() {...}`, `const options = () => ...`),
   * so `new Pool(dbOptions())` sees what it returns. Not generators; an async function only
   * when awaited (its result is otherwise a promise).
   */
  private calledFunction(callee: TSESTree.Identifier, call: TSESTree.CallExpression): Node | undefined {
    const variable = findVariable(this.scopeOf(callee), callee);
    if (!variable || variable.defs.length !== 1) return undefined;
    const def = variable.defs[0]!;
    let fn: Node | null | undefined;
    if (def.type === 'FunctionName') fn = def.node;
    else if (def.type === 'Variable' && def.node.parent.kind === 'const') fn = def.node.init;
    if (!fn || (fn.type !== 'FunctionDeclaration' && fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) return undefined;
    if (fn.generator || (fn.async && call.parent?.type !== 'AwaitExpression')) return undefined;
    return fn;
  }
}


/** A function expression called where it is written; not a generator, nor async (its result is a promise). */
function immediatelyInvoked(callee: Node): Node | undefined {
  return (callee.type === 'FunctionExpression' || callee.type === 'ArrowFunctionExpression') && !callee.async && !callee.generator ? callee : undefined;
}

/**
 * `...(useSsl ? { ssl } : {})` or `...(isProd && { ssl })`: every key of the branches that are
 * objects, each holding its value in that branch or nothing in the others. Returns whether an
 * unknown branch may add keys.
 */
function spreadConditional(props: PropertyValue<Node>[], value: ConditionalValue<Node>): boolean {
  const objects = value.branches.filter((b): b is ObjectValue<Node> => b.kind === 'object');
  const other = value.branches.filter((b) => b.kind !== 'object');
  if (objects.length === 0 || !other.every((b) => b.kind === 'literal' && !b.value)) return true;
  const keys = [...new Set(objects.flatMap((o) => o.props.map((p) => p.key)))];
  for (const key of keys) {
    const holder = objects.map((o) => getProperty(o, key)).find((p) => p !== undefined)!;
    const branches = value.branches.map((b): EValue => (b.kind === 'object' ? (getProperty(b, key)?.value ?? { kind: 'literal', value: undefined, node: b.node }) : { kind: 'literal', value: undefined, node: b.node }));
    props.push({ key, value: { kind: 'conditional', test: value.test, branches, node: value.node }, node: holder.node });
  }
  return objects.some((o) => o.open);
}

/** `module.exports = fn` or `export default fn`. */
function isExportedFunction(fn: Node): boolean {
  const parent = fn.parent;
  if (parent?.type === 'ExportDefaultDeclaration') return true;
  return parent?.type === 'AssignmentExpression' && parent.right === fn && parent.left.type === 'MemberExpression' && unwrap(parent.left.object).type === 'Identifier' && (unwrap(parent.left.object) as TSESTree.Identifier).name === 'module' && staticPropertyName(parent.left) === 'exports';
}

/** `process` as far as configuration goes: an object whose `env` is the environment. */
function processObject(node: Node): EValue {
  return { kind: 'object', props: [{ key: 'env', value: { kind: 'env', name: undefined, source: 'process.env', node }, node }], open: true, node };
}

/** Where the text of a literal operand came from, shifted to its offset in a concatenation. */
function piecesOf(value: LiteralValue<Node>, offset: number): Array<{ from: number; to: number; node: Node }> {
  if (value.pieces) return value.pieces.map((p) => ({ from: p.from + offset, to: p.to + offset, node: p.node }));
  return [{ from: offset, to: offset + String(value.value).length, node: value.node }];
}

/** The property `name` of a value: of an object, an array, each branch of a conditional, or an env object. */
function memberOf(object: EValue, name: string, node: Node): EValue {
  if (object.kind === 'env' && object.name === undefined) return { kind: 'env', name, source: object.source, node };
  if (object.kind === 'object') {
    const prop = getProperty(object, name);
    if (prop) return prop.value;
    return object.open ? { kind: 'unknown', node } : { kind: 'literal', value: undefined, node };
  }
  if (object.kind === 'array' && /^\d+$/.test(name)) {
    return object.elements[Number(name)] ?? { kind: 'unknown', node };
  }
  // `(isProd ? prodConfig : devConfig).host`: the host of either.
  if (object.kind === 'conditional' && object.branches.every((b) => b.kind === 'object')) {
    return { kind: 'conditional', test: object.test, branches: object.branches.map((b) => memberOf(b, name, node)), node };
  }
  return { kind: 'unknown', node };
}

/**
 * One value standing for several possible ones (the writes of a variable, the returns of a
 * function): the value itself when there is one, otherwise a conditional over them whose test
 * is `node`. Undefined when there is none.
 */
function union(values: readonly EValue[], node: Node): EValue | undefined {
  if (values.length === 0) return undefined;
  if (values.length === 1) return values[0];
  return { kind: 'conditional', test: node, branches: [...values], node };
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The `return` arguments of a function body, not those of nested functions. */
export function returnArguments(body: TSESTree.BlockStatement): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [...body.body];
  let budget = 2000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop()!;
    if (node.type === 'ReturnStatement') {
      if (node.argument) found.push(node.argument);
      continue;
    }
    for (const child of statementChildren(node)) stack.push(child);
  }
  return found.reverse();
}

/** The statements nested in a statement (blocks, branches, loops, `try`), not in functions. */
function statementChildren(node: Node): Node[] {
  switch (node.type) {
    case 'BlockStatement':
      return node.body;
    case 'IfStatement':
      return node.alternate ? [node.consequent, node.alternate] : [node.consequent];
    case 'TryStatement':
      return [node.block, ...(node.handler ? [node.handler.body] : []), ...(node.finalizer ? [node.finalizer] : [])];
    case 'SwitchStatement':
      return node.cases.flatMap((c) => c.consequent);
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
      return [node.body];
    default:
      return [];
  }
}

/** The class body `this` refers to in `node`: through arrows, up to the nearest method, constructor or field. */
function enclosingClassBody(node: Node): Node | undefined {
  let current: Node | undefined = node.parent;
  while (current) {
    if (current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      const owner = current.parent;
      return owner?.type === 'MethodDefinition' ? owner.parent : undefined;
    }
    if (current.type === 'PropertyDefinition') return current.parent;
    if (current.type === 'ClassBody') return current;
    current = current.parent;
  }
  return undefined;
}

/** For each field name, the expressions a class assigns it: initialisers and `this.x = ...` in its methods. */
function classFieldWrites(body: TSESTree.ClassBody): Map<string, Node[]> {
  const writes = new Map<string, Node[]>();
  const add = (name: string, value: Node): void => {
    const list = writes.get(name);
    if (list) list.push(value);
    else writes.set(name, [value]);
  };
  for (const member of body.body) {
    if (member.type === 'PropertyDefinition' && !member.static && !member.computed && member.key.type === 'Identifier' && member.value) add(member.key.name, member.value);
    if (member.type !== 'MethodDefinition' || member.static || !member.value.body) continue;
    // Parameter properties (`constructor(private readonly options: RedisOptions)`) hold whatever callers pass.
    const stack: Node[] = [member.value.body];
    let budget = 5000;
    while (stack.length > 0 && budget-- > 0) {
      const node = stack.pop()!;
      if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
        const name = staticPropertyName(node.left);
        if (name !== undefined) add(name, node.right);
      }
      // `this` in a nested `function` is another object.
      if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody') continue;
      for (const child of childNodes(node)) stack.push(child);
    }
  }
  return writes;
}

/**
 * `v.a.b = x` or `Object.assign(v, x, y)` as a statement of its own, where `identifier` is `v`:
 * the keys written below `v` and the written values' nodes.
 */
function propertyWrite(identifier: Node): { keys: string[]; values: Node[]; node: Node } | undefined {
  const keys: string[] = [];
  let current: Node = identifier;
  while (current.parent?.type === 'MemberExpression' && current.parent.object === current) {
    const name = staticPropertyName(current.parent);
    if (name === undefined) return undefined;
    keys.push(name);
    current = current.parent;
  }
  const parent = current.parent;
  if (keys.length > 0 && parent?.type === 'AssignmentExpression' && parent.left === current && parent.operator === '=') {
    return { keys, values: [parent.right], node: parent };
  }
  if (keys.length === 0 && parent?.type === 'CallExpression' && parent.arguments[0] === current && parent.parent?.type === 'ExpressionStatement') {
    const callee = parent.callee;
    if (callee.type === 'MemberExpression' && staticPropertyName(callee) === 'assign' && callee.object.type === 'Identifier' && callee.object.name === 'Object') {
      return { keys, values: parent.arguments.slice(1).filter((a) => a.type !== 'SpreadElement') as Node[], node: parent };
    }
  }
  return undefined;
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
