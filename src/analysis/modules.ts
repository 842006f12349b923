import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { findVariable, globalReferences, outerParent, requireSpecifier, staticPropertyName } from './ast';

type Variable = TSESLint.Scope.Variable;
type Node = TSESTree.Node;

/** One place where a value reached from a module's exports is called, constructed or assigned. */
export interface ModuleUse {
  module: string;
  /**
   * Path from the module's exports: `'Pool'`, `'Redis.Cluster'`, `'createPoolCluster().add'`.
   * A default import is the module itself, so `import pg from 'pg'; pg.Pool` is `'Pool'`.
   */
  path: string;
  /**
   * `'value'`: handed in as a property's value (`{ store: redisStore }`), under `key`;
   * `'plugin'`: handed to `x.register(module, options)` (a Fastify plugin), whose call is `node`.
   */
  kind: 'call' | 'new' | 'assign' | 'value' | 'plugin';
  /** The call or new expression, the assignment expression, or the object literal. */
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression | TSESTree.ObjectExpression;
  /** The property's key of a `'value'` use. */
  key?: string;
}

/** Long enough for `createPoolCluster().add` and `Redis.Cluster`; stops runaway chains. */
const MAX_SEGMENTS = 6;

/**
 * Resolves every use of the modules `accept` selects, through `import` (default, named,
 * namespace, `import x = require()`), `require()` in any scope, destructuring, aliases, member
 * chains and method calls on results. Never matches by bare name, except the undeclared
 * `globals` given (references to a global the catalog names as its module).
 */
export function trackModules(
  sourceCode: TSESLint.SourceCode,
  accept: (specifier: string) => boolean,
  globals: ReadonlyArray<{ identifier: TSESTree.Identifier; module: string }> = [],
): ModuleUse[] {
  const uses: ModuleUse[] = [];
  const followed = new Set<string>();
  const variableIds = new Map<Variable, number>();

  const follow = (expression: Node, module: string, path: string): void => {
    if (path.split('.').length > MAX_SEGMENTS) return;
    const { parent, child } = outerParent(expression);
    if (!parent) return;
    switch (parent.type) {
      case 'MemberExpression': {
        if (parent.object !== child) return;
        const name = staticPropertyName(parent);
        if (name === undefined) return;
        const next = path === '' && name === 'default' ? '' : path === '' ? name : `${path}.${name}`;
        const outer = outerParent(parent);
        if (outer.parent?.type === 'AssignmentExpression' && outer.parent.left === outer.child) {
          uses.push({ module, path: next, kind: 'assign', node: outer.parent });
          return;
        }
        follow(parent, module, next);
        return;
      }
      case 'CallExpression':
      case 'NewExpression':
        if (parent.callee !== child) {
          // `fastify.register(require('@fastify/redis'), { host })`: a plugin and its options.
          const callee = parent.callee;
          if (parent.type === 'CallExpression' && parent.arguments[0] === child && callee.type === 'MemberExpression' && staticPropertyName(callee) === 'register') {
            uses.push({ module, path, kind: 'plugin', node: parent });
          }
          return;
        }
        uses.push({ module, path, kind: parent.type === 'NewExpression' ? 'new' : 'call', node: parent });
        follow(parent, module, `${path}()`);
        return;
      case 'Property':
        // `CacheModule.register({ store: redisStore, host })`: the object is the module's options.
        if (parent.value === child && parent.parent.type === 'ObjectExpression') {
          const key = parent.computed ? undefined : parent.key.type === 'Identifier' ? parent.key.name : parent.key.type === 'Literal' ? String(parent.key.value) : undefined;
          if (key !== undefined) uses.push({ module, path, kind: 'value', key, node: parent.parent });
        }
        return;
      case 'VariableDeclarator':
        if (parent.init === child) bindPattern(parent.id, module, path);
        return;
      case 'AssignmentExpression':
        if (parent.right === child && parent.operator === '=') bindPattern(parent.left, module, path);
        return;
      default:
        return;
    }
  };

  const followVariable = (variable: Variable, module: string, path: string): void => {
    let id = variableIds.get(variable);
    if (id === undefined) variableIds.set(variable, (id = variableIds.size));
    const key = `${id}\u0000${module}\u0000${path}`;
    if (followed.has(key)) return;
    followed.add(key);
    for (const reference of variable.references) {
      if (reference.isRead()) follow(reference.identifier, module, path);
    }
  };

  const bindPattern = (pattern: Node, module: string, path: string): void => {
    if (pattern.type === 'Identifier') {
      const variable = findVariable(sourceCode.getScope(pattern), pattern);
      if (variable) followVariable(variable, module, path);
      return;
    }
    if (pattern.type === 'AssignmentPattern') {
      bindPattern(pattern.left, module, path);
      return;
    }
    if (pattern.type !== 'ObjectPattern') return;
    for (const property of pattern.properties) {
      if (property.type === 'RestElement' || property.computed) continue;
      const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
      if (key === undefined) continue;
      const next = path === '' && key === 'default' ? '' : path === '' ? key : `${path}.${key}`;
      bindPattern(property.value, module, next);
    }
  };

  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      const module = statement.source.value;
      if (statement.importKind === 'type' || !accept(module)) continue;
      for (const specifier of statement.specifiers) {
        let path = '';
        if (specifier.type === 'ImportSpecifier') {
          if (specifier.importKind === 'type') continue;
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
          path = imported === 'default' ? '' : imported;
        }
        for (const variable of sourceCode.getDeclaredVariables(specifier)) followVariable(variable, module, path);
      }
    } else if (
      statement.type === 'TSImportEqualsDeclaration' &&
      statement.moduleReference.type === 'TSExternalModuleReference' &&
      statement.moduleReference.expression.type === 'Literal'
    ) {
      const module = String(statement.moduleReference.expression.value);
      if (!accept(module)) continue;
      for (const variable of sourceCode.getDeclaredVariables(statement)) followVariable(variable, module, '');
    }
  }

  for (const identifier of globalReferences(sourceCode, 'require')) {
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const module = requireSpecifier(call);
    if (module !== undefined && accept(module)) follow(call, module, '');
  }
  // An undeclared global the catalog names as the module (`nodemailer`): the one bare name read.
  for (const { identifier, module } of globals) if (accept(module)) follow(identifier, module, '');
  return uses;
}
