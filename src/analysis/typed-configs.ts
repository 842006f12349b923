import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalog } from '../catalog';
import type { CatalogEntry } from '../catalog/types';
import type { Value } from '../policy/value';
import { requireSpecifier } from './ast';
import { dispatched } from './client-sites';
import type { Evaluator } from './evaluate';
import type { ClientSite } from './file-analysis';

type Node = TSESTree.Node;

/** Each module's option types: the type's path from the module's exports → the entry it configures. */
const TYPES_BY_MODULE: ReadonlyMap<string, ReadonlyMap<string, CatalogEntry>> = (() => {
  const byModule = new Map<string, Map<string, CatalogEntry>>();
  for (const entry of catalog) {
    for (const type of entry.optionTypes ?? []) {
      for (const module of type.module === undefined ? entry.modules : [type.module]) {
        let types = byModule.get(module);
        if (!types) byModule.set(module, (types = new Map()));
        if (!types.has(type.path)) types.set(type.path, entry);
      }
    }
  }
  return byModule;
})();

/** Modules whose option types the catalog knows, for the file's quick text test. */
export const TYPED_MODULES: readonly string[] = [...TYPES_BY_MODULE.keys()];

/**
 * Option objects annotated with a catalog library's options type, imported from its module
 * (type-only imports too): `const c: PoolConfig = {...}`, `{...} satisfies Knex.Config`,
 * `{...} as RedisOptions`, a function or method whose return type is one
 * (`createTypeOrmOptions(): TypeOrmModuleOptions`), a class field, and maps or lists of them
 * (`Record<string, Knex.Config>`, `{ [env: string]: Knex.Config }`, `Options[]`).
 */
export function typedConfigSites(sourceCode: TSESLint.SourceCode, evaluator: Evaluator, resolve: (specifier: string) => string | undefined): ClientSite[] {
  const sites: ClientSite[] = [];
  const seen = new Set<Node>();
  for (const { variable, module, path } of importedBindings(sourceCode, resolve)) {
    const types = TYPES_BY_MODULE.get(module);
    if (!types) continue;
    for (const reference of variable.references) {
      const found = typePath(reference.identifier as Node, path);
      if (!found) continue;
      const entry = types.get(found.path);
      if (!entry) continue;
      for (const { value, node } of annotatedValues(found.reference, evaluator)) {
        if (value.kind !== 'object' || seen.has(value.node)) continue;
        seen.add(value.node);
        // A union of transports (`ClientOptions`) is judged by the client its `transport` selects.
        const dispatch = entry.factories.find((f) => f.dispatch)?.dispatch;
        const judged = dispatch ? dispatched(dispatch, value, sourceCode) : entry;
        if (judged) sites.push({ entry: judged, origin: 'typed', node, args: [value], options: value });
      }
    }
  }
  return sites;
}

interface ImportedBinding {
  variable: TSESLint.Scope.Variable;
  /** The catalog module name the specifier stands for. */
  module: string;
  /** The binding's path from the module's exports (`''` for a default or namespace import). */
  path: string;
}

/** Bindings imported (or required, or `import x = require()`) from modules that have option types. */
function importedBindings(sourceCode: TSESLint.SourceCode, resolve: (specifier: string) => string | undefined): ImportedBinding[] {
  const out: ImportedBinding[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      const module = resolve(statement.source.value);
      if (module === undefined) continue;
      for (const specifier of statement.specifiers) {
        let path = '';
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value);
          path = imported === 'default' ? '' : imported;
        }
        for (const variable of sourceCode.getDeclaredVariables(specifier)) out.push({ variable, module, path });
      }
    } else if (statement.type === 'TSImportEqualsDeclaration' && statement.moduleReference.type === 'TSExternalModuleReference') {
      const specifier = statement.moduleReference.expression;
      const module = specifier.type === 'Literal' ? resolve(String(specifier.value)) : undefined;
      if (module === undefined) continue;
      for (const variable of sourceCode.getDeclaredVariables(statement)) out.push({ variable, module, path: '' });
    } else if (statement.type === 'VariableDeclaration') {
      // `const { Knex } = require('knex')` in a TypeScript file that still uses its types.
      for (const declarator of statement.declarations) {
        const specifier = declarator.init ? requireSpecifier(declarator.init) : undefined;
        const module = specifier === undefined ? undefined : resolve(specifier);
        if (module === undefined || declarator.id.type !== 'Identifier') continue;
        for (const variable of sourceCode.getDeclaredVariables(declarator)) out.push({ variable, module, path: '' });
      }
    }
  }
  return out;
}

/**
 * When `identifier` is the start of a type reference (`PoolConfig`, `Knex.Config`,
 * `sql.config`), the referenced type's path from the module's exports and the whole
 * `TSTypeReference` node.
 */
function typePath(identifier: Node, bindingPath: string): { path: string; reference: TSESTree.TSTypeReference } | undefined {
  const keys = bindingPath === '' ? [] : [bindingPath];
  let current: Node = identifier;
  while (current.parent?.type === 'TSQualifiedName' && current.parent.left === current) {
    keys.push(current.parent.right.name);
    current = current.parent;
  }
  const reference = current.parent;
  if (reference?.type !== 'TSTypeReference' || reference.typeName !== current) return undefined;
  return { path: keys.join('.'), reference };
}

/** Generic wrappers whose type argument is the value's own type: `Partial<T>`, `Readonly<T>`, `Promise<T>`. */
const TRANSPARENT = new Set(['Partial', 'Readonly', 'Required', 'Promise', 'NonNullable']);

/**
 * The values a type annotates, climbing from the type reference through lists, maps and
 * transparent generics to what it annotates: a variable's initialiser, a `satisfies`/`as`
 * expression, a class field's value, or a function's returned values.
 */
function annotatedValues(reference: TSESTree.TSTypeReference, evaluator: Evaluator): Array<{ value: Value<Node>; node: Node }> {
  let container: 'one' | 'map' | 'list' = 'one';
  let current: Node = reference;
  for (let depth = 0; depth < 6; depth++) {
    const parent: Node | undefined = current.parent;
    if (!parent) return [];
    if (parent.type === 'TSArrayType') {
      container = 'list';
      current = parent;
      continue;
    }
    if (parent.type === 'TSTypeParameterInstantiation' && parent.parent?.type === 'TSTypeReference' && parent.parent.typeName.type === 'Identifier') {
      const outer = parent.parent.typeName.name;
      if (outer === 'Record' && parent.params[1] === current) container = 'map';
      else if (outer === 'Array' || outer === 'ReadonlyArray') container = 'list';
      else if (!TRANSPARENT.has(outer)) return [];
      current = parent.parent;
      continue;
    }
    // `Promise<TypeOrmModuleOptions> | TypeOrmModuleOptions` (Nest's own factory signature): each
    // member annotates the same value.
    if (parent.type === 'TSUnionType') {
      current = parent;
      continue;
    }
    if (parent.type === 'TSTypeAnnotation' && parent.parent?.type === 'TSIndexSignature') {
      // `{ [env: string]: Knex.Config }`
      container = 'map';
      const literal: Node | undefined = parent.parent.parent;
      if (literal?.type !== 'TSTypeLiteral') return [];
      current = literal;
      continue;
    }
    if (parent.type === 'TSAsExpression' || parent.type === 'TSSatisfiesExpression' || parent.type === 'TSTypeAssertion') {
      return spread(evaluator.evaluate(parent.expression), container);
    }
    if (parent.type === 'TSTypeAnnotation') {
      const owner = parent.parent;
      if (owner?.type === 'Identifier' && owner.parent?.type === 'VariableDeclarator' && owner.parent.id === owner && owner.parent.init) {
        return spread(evaluator.evaluate(owner.parent.init), container);
      }
      if ((owner?.type === 'PropertyDefinition' || owner?.type === 'AccessorProperty') && owner.value) return spread(evaluator.evaluate(owner.value), container);
      if (owner && (owner.type === 'FunctionDeclaration' || owner.type === 'FunctionExpression' || owner.type === 'ArrowFunctionExpression') && owner.returnType === parent) {
        return spread(evaluator.returned(owner), container);
      }
      return [];
    }
    return [];
  }
  return [];
}

/** The option objects in an annotated value: itself, each element of a list, each value of a map. */
function spread(value: Value<Node>, container: 'one' | 'map' | 'list'): Array<{ value: Value<Node>; node: Node }> {
  if (value.kind === 'conditional') return value.branches.flatMap((branch) => spread(branch, container));
  if (container === 'list') return value.kind === 'array' ? value.elements.flatMap((element) => spread(element, 'one')) : [];
  if (container === 'map') return value.kind === 'object' ? value.props.flatMap((prop) => spread(prop.value, 'one')) : [];
  return [{ value, node: value.node }];
}
