import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

type Node = TSESTree.Node;

/**
 * The variable `node` refers to. `scope` must be `sourceCode.getScope(node)`, already the
 * innermost scope around `node`, so the lookup goes by name up the scope chain. (Passing the
 * node would make eslint-utils search every child scope for its position again: linear in the
 * number of sibling functions, quadratic over a minified bundle.)
 */
export function findVariable(scope: Scope, node: TSESTree.Identifier): Variable | null {
  for (let current: Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(node.name);
    if (variable) return variable;
  }
  return null;
}

/** True when `node` names a global (not shadowed by any declaration in this file). */
export function isGlobalReference(scope: Scope, node: TSESTree.Identifier): boolean {
  const variable = findVariable(scope, node);
  return !variable || variable.defs.length === 0;
}

/**
 * Every reference to the global `name` (`process`, `require`), found without walking the AST:
 * the global scope's unresolved references, or, when the environment declares the global
 * (`globals.node`), that variable's references; none when the file declares `name` itself.
 */
export function globalReferences(sourceCode: TSESLint.SourceCode, name: string): TSESTree.Identifier[] {
  return globalReferencesTo(sourceCode, [name]).get(name)!;
}

/** `globalReferences` for several names in one pass over the global scope's unresolved references. */
export function globalReferencesTo(sourceCode: TSESLint.SourceCode, names: readonly string[]): Map<string, TSESTree.Identifier[]> {
  const found = new Map(names.map((name) => [name, [] as TSESTree.Identifier[]]));
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return found;
  for (const reference of globalScope.through) {
    const identifier = reference.identifier;
    if (identifier.type === 'Identifier') found.get(identifier.name)?.push(identifier);
  }
  for (const [name, identifiers] of found) {
    const declared = globalScope.set.get(name);
    if (declared && declared.defs.length === 0) {
      for (const reference of declared.references) if (reference.identifier.type === 'Identifier') identifiers.push(reference.identifier);
    }
  }
  return found;
}

/**
 * The reads of function parameters named `names` (`(mongoose) => mongoose.connect(url)`), by
 * name. The text is searched first: most files never write such a name.
 */
export function parameterReferencesTo(sourceCode: TSESLint.SourceCode, names: readonly string[]): Array<{ name: string; identifier: TSESTree.Identifier }> {
  const found: Array<{ name: string; identifier: TSESTree.Identifier }> = [];
  const written = names.filter((name) => sourceCode.text.includes(name));
  if (written.length === 0 || !sourceCode.scopeManager) return found;
  for (const scope of sourceCode.scopeManager.scopes) {
    if (scope.type !== 'function') continue;
    for (const name of written) {
      const variable = scope.set.get(name);
      if (variable?.defs.length !== 1 || variable.defs[0]!.type !== 'Parameter') continue;
      for (const reference of variable.references) if (reference.isRead() && reference.identifier.type === 'Identifier') found.push({ name, identifier: reference.identifier });
    }
  }
  return found;
}

/** String methods that keep what a variable's value says (`trim`, `toLowerCase`). */
const STRING_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toString', 'valueOf']);

/** The receiver of `x.trim()`, `x.toLowerCase()`...: what the call says in another case or spacing. */
export function normalisedReceiver(node: Node): Node | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length > 0 || node.callee.type !== 'MemberExpression') return undefined;
  const method = staticPropertyName(node.callee);
  return method !== undefined && STRING_METHODS.has(method) ? node.callee.object : undefined;
}

/** The first `if` of the `if / else if` chain `statement` belongs to. */
export function chainHead(statement: TSESTree.IfStatement): TSESTree.IfStatement {
  let head = statement;
  while (head.parent.type === 'IfStatement' && head.parent.alternate === head) head = head.parent;
  return head;
}

/** The key of `{ a: ... }` or `{ 'a': ... }`; undefined when computed. */
export function staticKeyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  return property.key.type === 'Identifier' ? property.key.name : stringLiteralValue(property.key);
}

/** The property name of `a.b`, `a['b']`, `` a[`b`] `` or `a[0]`; undefined when computed. */
export function staticPropertyName(node: TSESTree.MemberExpression): string | undefined {
  const property = node.property;
  if (!node.computed) return property.type === 'Identifier' ? property.name : undefined;
  if (property.type === 'Literal' && (typeof property.value === 'string' || typeof property.value === 'number')) {
    return String(property.value);
  }
  if (property.type === 'TemplateLiteral' && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** Strips what does not change a value: parentheses (absent in ESTree), TS casts, `?.` chains. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The nearest ancestor that is not a TS cast or chain wrapper, and the child seen from it. */
export function outerParent(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === 'TSAsExpression' ||
      parent.type === 'TSSatisfiesExpression' ||
      parent.type === 'TSNonNullExpression' ||
      parent.type === 'TSTypeAssertion' ||
      parent.type === 'ChainExpression' ||
      parent.type === 'AwaitExpression')
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** The string value of a literal or a template literal without substitutions. */
export function stringLiteralValue(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `require('x')` with a static specifier: returns `'x'`. */
export function requireSpecifier(node: Node): string | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return undefined;
  const callee = node.callee;
  if (callee.type !== 'Identifier' || callee.name !== 'require') return undefined;
  return stringLiteralValue(node.arguments[0]);
}

/** A module specifier relative to the file (`./prod`, `../env`, `.`): a module of the project. */
export function isRelativeSpecifier(specifier: string | undefined): specifier is string {
  return specifier !== undefined && (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../'));
}

/**
 * The module a variable is bound from: `import x from 'm'`, `import * as x from 'm'`, `import x =
 * require('m')`, `const x = require('m')` (the whole module: no `name`), or `import { a } from
 * 'm'`, `const { a } = require('m')` (`name` is the export it binds).
 */
export function moduleBinding(variable: Variable): { specifier: string; name?: string } | undefined {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === 'ImportBinding') {
    const clause = def.node as Node;
    if (clause.type === 'TSImportEqualsDeclaration') {
      const reference = clause.moduleReference;
      const source = reference.type === 'TSExternalModuleReference' ? stringLiteralValue(reference.expression) : undefined;
      return source === undefined ? undefined : { specifier: source };
    }
    const declaration = def.parent as Node | null;
    if (declaration?.type !== 'ImportDeclaration') return undefined;
    if (clause.type !== 'ImportSpecifier') return { specifier: declaration.source.value };
    return { specifier: declaration.source.value, name: clause.imported.type === 'Identifier' ? clause.imported.name : String(clause.imported.value) };
  }
  if (def?.type !== 'Variable' || !def.node.init) return undefined;
  const source = requireSpecifier(unwrap(def.node.init));
  if (source === undefined) return undefined;
  if (def.node.id.type === 'Identifier') return { specifier: source };
  // `const { a } = require('m')`: the property the name is bound by.
  const property = def.name.parent;
  if (def.node.id.type !== 'ObjectPattern' || property?.type !== 'Property' || property.computed || property.value !== def.name) return undefined;
  const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
  return key === undefined ? undefined : { specifier: source, name: key };
}

/** The project module a variable is bound from (`moduleBinding` with a relative specifier). */
export function relativeBinding(variable: Variable): { specifier: string; name?: string } | undefined {
  const binding = moduleBinding(variable);
  return binding && isRelativeSpecifier(binding.specifier) ? binding : undefined;
}

/** Whether `inner` lies within `outer` (or is it). */
export function containsNode(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * The direct child nodes of a node, read from its own keys (so any parser's nodes work without
 * visitor keys). Type annotations are skipped: no configuration value lives there.
 */
export function childNodes(node: Node): Node[] {
  const out: Node[] = [];
  for (const key in node) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'typeAnnotation' || key === 'returnType' || key === 'typeArguments' || key === 'typeParameters') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && 'type' in item) out.push(item as Node);
    } else if (value && typeof value === 'object' && 'type' in value) out.push(value as Node);
  }
  return out;
}

/**
 * Whether `node` is written inside the default of a `||`/`??` (`cfg.host || '127.0.0.1'`,
 * `opts.connection ?? { host: 'localhost' }`, `config.dbs || { redis: 'redis://127.0.0.1' }`):
 * itself, or through the object literals, arrays and casts that hold it, the right operand.
 */
export function isInDefaultOperand(node: Node): boolean {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'LogicalExpression') return parent.right === child && parent.operator !== '&&';
    if (parent.type === 'Property' || parent.type === 'ObjectExpression' || parent.type === 'ArrayExpression' || unwrap(parent) !== parent) continue;
    return false;
  }
  return false;
}

/**
 * The object literal whose option `node` is the value of, through the calls, defaults and casts
 * that read it (`host: env('DATABASE_HOST', 'localhost')`), or undefined.
 */
export function enclosingOptions(node: Node): TSESTree.ObjectExpression | undefined {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'Property') return parent.value === child && parent.parent.type === 'ObjectExpression' ? parent.parent : undefined;
    const reads = parent.type === 'CallExpression' || parent.type === 'LogicalExpression' || parent.type === 'ConditionalExpression' || parent.type === 'MemberExpression';
    if (!reads && unwrap(parent) === parent) return undefined;
  }
  return undefined;
}
