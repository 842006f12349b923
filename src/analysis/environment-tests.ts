import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isEnvironmentFlagVariable, isEnvironmentNameVariable, normalizeEnvName } from '../policy/env-names';
import { isLocalHostName } from '../policy/environment';
import { findVariable, isGlobalReference, normalisedReceiver, staticPropertyName, stringLiteralValue, unwrap } from './ast';

type Node = TSESTree.Node;

export type BranchTestKind = 'environment' | 'locality';

/**
 * A construct that picks one of several paths by the environment name or by locality:
 * `test ? a : b`, `test && a`, `if (test) ... else ...`, `switch (test)`, or `map[envName]`.
 */
export interface EnvironmentBranch {
  construct: Node;
  /** Where reports go: the test, the discriminant, or the index expression. */
  test: Node;
  kind: BranchTestKind;
  /** The code each path runs (for a map: the map expression). */
  branches: Node[];
  /** The literals the environment name is compared with (`'production'`, `'test'`). */
  comparedWith: string[];
}

/**
 * Cheap text gate: a file whose text names no environment variable, flag or loopback host has
 * no such conditionals and is never walked.
 */
const MENTION = /ENV|[Ee]nv\b|[Ee]nvironment|STAGE|[Ss]tage|MODE|[Pp]rod|PROD|[Dd]ev|DEV|[Ll]ocal|LOCAL|OFFLINE|[Oo]ffline|127\.0\.0\.1|::1|0\.0\.0\.0/;

/** Whether the text can hold an environment test at all (`MENTION`). */
export function mayTestEnvironment(text: string): boolean {
  return MENTION.test(text);
}

/** Depth bound for following `const isProd = ...` chains and nested tests. */
const MAX_DEPTH = 8;

/**
 * Every construct of the file whose test reads the environment name or locality. One walk of
 * the file, only when its text mentions an environment word; the rule asks for this only in
 * files that build a client.
 */
export function findEnvironmentBranches(sourceCode: TSESLint.SourceCode): EnvironmentBranch[] {
  if (!mayTestEnvironment(sourceCode.text)) return [];
  const classifier = new TestClassifier((node) => sourceCode.getScope(node));
  const found: EnvironmentBranch[] = [];
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const stack: Node[] = [sourceCode.ast as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const branch = classifier.construct(node);
    if (branch) found.push(branch);
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as Node);
      } else if (isNode(child)) stack.push(child);
    }
  }
  return found;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

class TestClassifier {
  private readonly memo = new Map<Node, { kind: BranchTestKind; compared: string[] } | null>();
  private depth = 0;

  constructor(private readonly scopeOf: (node: Node) => TSESLint.Scope.Scope) {}

  construct(node: Node): EnvironmentBranch | undefined {
    switch (node.type) {
      case 'ConditionalExpression':
        return this.make(node, node.test, [node.consequent, node.alternate]);
      case 'LogicalExpression':
        // `process.env.NODE_ENV || 'development'` is a default, not a branch on the name.
        if (node.operator !== '&&' && this.classify(node.left) && !this.isBoolean(node.left)) return undefined;
        return this.make(node, node.left, [node.right]);
      case 'IfStatement':
        return this.make(node, node.test, node.alternate ? [node.consequent, node.alternate] : [node.consequent]);
      case 'SwitchStatement':
        return this.make(node, node.discriminant, node.cases.flatMap((c) => c.consequent as Node[]), node.cases.map((c) => stringLiteralValue(c.test ?? undefined)).filter((v): v is string => v !== undefined));
      case 'MemberExpression':
        if (!node.computed) return undefined;
        return this.make(node, node.property, [node.object]);
      default:
        return undefined;
    }
  }

  private make(construct: Node, test: Node, branches: Node[], extraCompared: string[] = []): EnvironmentBranch | undefined {
    const verdict = this.classify(test);
    if (!verdict) return undefined;
    return { construct, test, kind: verdict.kind, branches, comparedWith: [...verdict.compared, ...extraCompared] };
  }

  /** A comparison or a flag: something that is true or false, not a name to fall back from. */
  private isBoolean(node: Node): boolean {
    const inner = unwrap(node);
    return inner.type === 'BinaryExpression' || inner.type === 'UnaryExpression' || (inner.type === 'Identifier' && isEnvironmentFlagVariable(inner.name));
  }

  /** Whether an expression reads the environment name (or a flag derived from it) or tests locality. */
  classify(node: Node): { kind: BranchTestKind; compared: string[] } | null {
    const cached = this.memo.get(node);
    if (cached !== undefined) return cached;
    if (this.depth > MAX_DEPTH) return null;
    this.memo.set(node, null);
    this.depth++;
    try {
      const result = this.compute(unwrap(node));
      this.memo.set(node, result);
      return result;
    } finally {
      this.depth--;
    }
  }

  private compute(node: Node): { kind: BranchTestKind; compared: string[] } | null {
    switch (node.type) {
      case 'MemberExpression':
        return this.member(node) ? { kind: 'environment', compared: [] } : null;
      case 'Identifier':
        return this.identifier(node);
      case 'CallExpression':
        return this.call(node);
      case 'AssignmentExpression': {
        // `if (process.env.NODE_ENV = 'production')`: a mistyped comparison still branches on
        // the name (and sets it).
        const value = stringLiteralValue(node.right);
        if (node.operator !== '=' || value === undefined || !this.classify(node.left)) return null;
        return { kind: 'environment', compared: [value] };
      }
      case 'BinaryExpression': {
        if (['===', '!==', '==', '!='].includes(node.operator)) {
          const l = stringLiteralValue(node.left);
          const r = stringLiteralValue(node.right);
          if ((l !== undefined && isLocalHostName(l)) || (r !== undefined && isLocalHostName(r))) return { kind: 'locality', compared: [] };
          const left = node.left.type === 'PrivateIdentifier' ? null : this.classify(node.left);
          const right = this.classify(node.right);
          const inner = left ?? right;
          if (!inner) return null;
          const compared = [l, r].filter((v): v is string => v !== undefined);
          return { kind: inner.kind, compared: [...inner.compared, ...compared] };
        }
        // `NODE_ENV === 'dev' | NODE_ENV === 'staging'`: a bitwise operator between two tests is truthy as `||` is.
        if (node.operator === '|' || node.operator === '&') return this.either(node.left as Node, node.right);
        return null;
      }
      case 'LogicalExpression':
        return this.either(node.left, node.right);
      case 'UnaryExpression':
        return node.operator === '!' ? this.classify(node.argument) : null;
      case 'ConditionalExpression':
        return this.classify(node.test);
      default:
        return null;
    }
  }

  /** Either side's test, for `a || b`, `a && b` and their bitwise look-alikes. */
  private either(leftNode: Node, rightNode: Node): { kind: BranchTestKind; compared: string[] } | null {
    const left = this.classify(leftNode);
    const right = this.classify(rightNode);
    if (!left && !right) return null;
    return { kind: left?.kind ?? right!.kind, compared: [...(left?.compared ?? []), ...(right?.compared ?? [])] };
  }

  /**
   * `process.env.NODE_ENV`, `process.env.IS_OFFLINE`, `import.meta.env.PROD`, and a config
   * object's own environment field: `config.env`, `config.nodeEnv`, `config.isProduction`.
   */
  private member(node: TSESTree.MemberExpression): boolean {
    const name = staticPropertyName(node);
    if (name === undefined) return false;
    const object = unwrap(node.object);
    if (object.type === 'MemberExpression' && staticPropertyName(object) === 'env') {
      const base = unwrap(object.object);
      const isProcess = base.type === 'Identifier' && base.name === 'process' && isGlobalReference(this.scopeOf(base), base);
      const isImportMeta = base.type === 'MetaProperty' && base.meta.name === 'import';
      if (isProcess || isImportMeta) return isEnvironmentNameVariable(name) || isEnvironmentFlagVariable(name);
    }
    if (object.type === 'Identifier' && object.name === 'process') return false;
    if (object.type === 'MetaProperty') return false;
    return isConfigEnvironmentField(name);
  }

  /** `isProd` derived in this file from the environment name, or imported under a flag name. */
  private identifier(node: TSESTree.Identifier): { kind: BranchTestKind; compared: string[] } | null {
    const variable = findVariable(this.scopeOf(node), node);
    // A global the file never declares (a framework's auto-import, a bundler's define): its name alone.
    if (!variable || variable.defs.length === 0) return isFlagName(node.name) ? { kind: 'environment', compared: [] } : null;
    if (variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    if (def.type === 'ImportBinding') return isFlagName(node.name) ? { kind: 'environment', compared: [] } : null;
    // `function transportFor(NODE_ENV) { if (NODE_ENV === 'dev') ... }`: a parameter named for the environment.
    if (def.type === 'Parameter') return isFlagName(node.name) || isEnvironmentParameterName(node.name) ? { kind: 'environment', compared: [] } : null;
    if (def.type !== 'Variable') return null;
    const declarator = def.node;
    const writes = variable.references.filter((ref) => ref.isWrite());
    if (declarator.parent.kind !== 'const' && (writes.length !== 1 || writes[0]!.writeExpr !== declarator.init)) return null;
    if (!declarator.init) return null;
    if (declarator.id.type === 'Identifier') return this.classify(declarator.init);
    // `const { NODE_ENV } = process.env`
    const init = unwrap(declarator.init);
    if (declarator.id.type === 'ObjectPattern' && init.type === 'MemberExpression' && staticPropertyName(init) === 'env') {
      for (const property of declarator.id.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
        if (value === def.name) {
          const key = property.key.name;
          return isEnvironmentNameVariable(key) || isEnvironmentFlagVariable(key) ? { kind: 'environment', compared: [] } : null;
        }
      }
    }
    return null;
  }

  private call(node: TSESTree.CallExpression): { kind: BranchTestKind; compared: string[] } | null {
    const callee = unwrap(node.callee);
    const firstArg = node.arguments[0];
    // `isProduction()`, `isNodeProd()`, `config.isDev()`: a predicate named for the environment.
    const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? staticPropertyName(callee) : undefined;
    if (node.arguments.length === 0 && name !== undefined && isFlagName(name)) return { kind: 'environment', compared: [] };
    const text = firstArg ? stringLiteralValue(firstArg) : undefined;
    // `env('NODE_ENV')` (the helper Strapi hands its config files), `getEnv('APP_ENV')`.
    if (callee.type === 'Identifier' && text !== undefined && isEnvironmentParameterName(text)) return { kind: 'environment', compared: [] };
    if (callee.type === 'MemberExpression') {
      const method = staticPropertyName(callee);
      // `(process.env.NODE_ENV || 'development').toLowerCase()`: the same name, normalised.
      const normalised = normalisedReceiver(node);
      if (normalised) return this.classify(normalised);
      // `app.get('env')`, `config.get('NODE_ENV')`, `configService.get<string>('APP_ENV')`
      if (method === 'get' && text !== undefined && (text === 'env' || isEnvironmentNameVariable(text)) && normalizeEnvName(text) !== 'MODE') {
        return { kind: 'environment', compared: [] };
      }
      // `url.includes('localhost')`, `host.startsWith('127.')`
      if ((method === 'includes' || method === 'startsWith' || method === 'endsWith' || method === 'indexOf') && text !== undefined && /localhost|127\.0\.0\.1|host\.docker\.internal/.test(text)) {
        return { kind: 'locality', compared: [] };
      }
      // `/localhost/.test(url)`
      const object = unwrap(callee.object);
      if (method === 'test' && object.type === 'Literal' && 'regex' in object && object.regex && /localhost|127\\?\.0\\?\.0\\?\.1/.test(object.regex.pattern)) {
        return { kind: 'locality', compared: [] };
      }
      // `['localhost', '127.0.0.1'].includes(config.host)`
      if (method === 'includes' && object.type === 'ArrayExpression' && object.elements.some((e) => isLocalHostName(stringLiteralValue(e ?? undefined) ?? ''))) {
        return { kind: 'locality', compared: [] };
      }
      // `['production', 'staging'].includes(process.env.NODE_ENV)`
      if (method === 'includes' && firstArg && firstArg.type !== 'SpreadElement') {
        const inner = this.classify(firstArg);
        if (inner && object.type === 'ArrayExpression') {
          const compared = object.elements.map((e) => stringLiteralValue(e ?? undefined)).filter((v): v is string => v !== undefined);
          return { kind: inner.kind, compared: [...inner.compared, ...compared] };
        }
        return inner;
      }
    }
    return null;
  }
}

/**
 * `isProd`, `IS_DEVELOPMENT`, `isNodeProd`: a name that says it is an environment flag, for
 * bindings whose value is not in the file. `Node`/`App` between `is` and the environment names
 * whose environment it is.
 */
function isFlagName(name: string): boolean {
  return /^(?:is|IS_)/.test(name) && isEnvironmentFlagVariable(name.replace(/^(is|IS_)(?:Node|App|NODE_|APP_)(?=[A-Z])/, '$1'));
}

/** `NODE_ENV`, `appEnv`, `environment` as a parameter's name; not `mode` or `stage`, which name other things too. */
function isEnvironmentParameterName(name: string): boolean {
  return isEnvironmentNameVariable(name) && /ENV/.test(normalizeEnvName(name));
}

/** Field names on a configuration object that hold the environment name or a flag from it. */
function isConfigEnvironmentField(name: string): boolean {
  const normal = normalizeEnvName(name);
  if (normal === 'MODE' || normal === 'STAGE') return false;
  if (isEnvironmentNameVariable(name)) return true;
  return normal.startsWith('IS_') && isEnvironmentFlagVariable(name);
}

/**
 * Whether an expression used directly as a value reads the environment name or tests
 * locality (`tls: process.env.NODE_ENV === 'production'`, `rejectUnauthorized: !isLocal`).
 */
export function environmentTestOf(sourceCode: TSESLint.SourceCode, node: Node): { kind: BranchTestKind; compared: string[] } | null {
  if (!MENTION.test(sourceCode.getText(node))) {
    // Identifiers such as `isProd` are gated by their declaration's text, so only skip literals.
    if (node.type === 'Literal' || node.type === 'TemplateLiteral') return null;
  }
  return new TestClassifier((n) => sourceCode.getScope(n)).classify(node);
}
