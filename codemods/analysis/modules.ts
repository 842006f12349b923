import type { BNode, BPath } from './ast';
import { isMember, outerParent, propertyKeyName, requireSpecifier, staticPropertyName, stringLiteralValue } from './ast';
import type { Binding, ScopeIndex } from './scope';

/** One place where a value reached from a module's exports is called, constructed or assigned. */
export interface BabelModuleUse {
  module: string;
  /** Path from the module's exports (`'Pool'`, `'Redis.Cluster'`, `'createPoolCluster().add'`). */
  path: string;
  kind: 'call' | 'new' | 'assign';
  node: BNode;
}

const MAX_SEGMENTS = 6;

/**
 * The Babel twin of `src/analysis/modules.ts`: every use of the modules `accept` selects,
 * through `import` (default, named, namespace, `import x = require()`), `require()` anywhere,
 * destructuring, aliases, member chains and method calls on results. Never by bare name.
 */
export function trackModules(program: BNode, index: ScopeIndex, accept: (specifier: string) => boolean): BabelModuleUse[] {
  const uses: BabelModuleUse[] = [];
  const followed = new Set<string>();
  const bindingIds = new Map<Binding, number>();

  const follow = (path: BPath, module: string, exportPath: string): void => {
    if (exportPath.split('.').length > MAX_SEGMENTS) return;
    const { parent, child } = outerParent(path);
    if (!parent) return;
    const node = parent.node as BNode;
    if (isMember(node)) {
      if (node.object !== child) return;
      const name = staticPropertyName(node);
      if (name === undefined) return;
      const next = exportPath === '' && name === 'default' ? '' : exportPath === '' ? name : `${exportPath}.${name}`;
      const outer = outerParent(parent);
      if (outer.parent?.node.type === 'AssignmentExpression' && outer.parent.node.left === outer.child) {
        uses.push({ module, path: next, kind: 'assign', node: outer.parent.node });
        return;
      }
      follow(parent, module, next);
      return;
    }
    switch (node.type) {
      case 'CallExpression':
      case 'OptionalCallExpression':
      case 'NewExpression':
        if (node.callee !== child) return;
        uses.push({ module, path: exportPath, kind: node.type === 'NewExpression' ? 'new' : 'call', node });
        follow(parent, module, `${exportPath}()`);
        return;
      case 'VariableDeclarator':
        if (node.init === child) bindPattern(parent.get('id'), module, exportPath);
        return;
      case 'AssignmentExpression':
        if (node.right === child && node.operator === '=') bindPattern(parent.get('left'), module, exportPath);
        return;
      default:
        return;
    }
  };

  const followBinding = (binding: Binding | undefined, module: string, exportPath: string): void => {
    if (!binding) return;
    let id = bindingIds.get(binding);
    if (id === undefined) bindingIds.set(binding, (id = bindingIds.size));
    const key = `${id}\u0000${module}\u0000${exportPath}`;
    if (followed.has(key)) return;
    followed.add(key);
    for (const reference of binding.references) follow(reference, module, exportPath);
  };

  const bindPattern = (path: BPath, module: string, exportPath: string): void => {
    const pattern = path.node as BNode;
    if (pattern.type === 'Identifier') {
      followBinding(index.bindingOf(pattern), module, exportPath);
      return;
    }
    if (pattern.type === 'AssignmentPattern') {
      bindPattern(path.get('left'), module, exportPath);
      return;
    }
    if (pattern.type !== 'ObjectPattern') return;
    (pattern.properties as BNode[]).forEach((property, i) => {
      if (property.type === 'RestElement' || property.computed) return;
      const key = propertyKeyName(property);
      if (key === undefined) return;
      const next = exportPath === '' && key === 'default' ? '' : exportPath === '' ? key : `${exportPath}.${key}`;
      bindPattern(path.get('properties', i, 'value'), module, next);
    });
  };

  for (const statement of program.body as BNode[]) {
    if (statement.type === 'ImportDeclaration') {
      const module = statement.source.value as string;
      if (statement.importKind === 'type' || !accept(module)) continue;
      for (const specifier of statement.specifiers as BNode[]) {
        let exportPath = '';
        if (specifier.type === 'ImportSpecifier') {
          if (specifier.importKind === 'type') continue;
          const imported = specifier.imported.type === 'Identifier' ? (specifier.imported.name as string) : String(specifier.imported.value);
          exportPath = imported === 'default' ? '' : imported;
        }
        followBinding(index.bindingOf(specifier.local as BNode), module, exportPath);
      }
    } else if (statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference?.type === 'TSExternalModuleReference') {
      const module = stringLiteralValue(statement.moduleReference.expression as BNode);
      if (module === undefined || !accept(module)) continue;
      followBinding(index.bindingOf(statement.id as BNode), module, '');
    }
  }

  for (const reference of index.globalReferences('require')) {
    const call = reference.parent;
    if (!call || call.node.type !== 'CallExpression' || call.node.callee !== reference.node) continue;
    const module = requireSpecifier(call.node as BNode);
    if (module !== undefined && accept(module)) follow(call, module, '');
  }
  return uses;
}
