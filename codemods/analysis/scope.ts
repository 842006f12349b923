import jscodeshift from 'jscodeshift';
import type { BNode, BPath, BScope } from './ast';

/** Where an identifier is not a variable reference (a property name, a label, a type name). */
function isReference(path: BPath): boolean {
  const parent = path.parent?.node as BNode | undefined;
  if (!parent) return false;
  const field = path.name;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return field !== 'property' || parent.computed === true;
    case 'ObjectProperty':
    case 'Property':
    case 'ObjectMethod':
    case 'ClassProperty':
    case 'ClassMethod':
    case 'ClassPrivateProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return field !== 'key' || parent.computed === true;
    case 'ImportSpecifier':
    case 'ExportSpecifier':
      return field === 'local';
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'MetaProperty':
    case 'TSQualifiedName':
    case 'TSTypeReference':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumMember':
      return false;
    default:
      return true;
  }
}

/** A binding: the scope that declares a name (`null` for globals) and the name. */
export interface Binding {
  scope: BScope | null;
  name: string;
  /** Identifier paths naming it, declarations included. */
  references: BPath[];
}

/**
 * One walk over a file: the path of every node (Babel nodes carry no parent) and, for every
 * variable, the identifiers that name it, resolved through ast-types scopes.
 */
export class ScopeIndex {
  private readonly paths = new Map<BNode, BPath>();
  private readonly bindings = new Map<BScope | null, Map<string, Binding>>();

  constructor(root: BNode) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const index = this;
    jscodeshift.types.visit(root as never, {
      visitNode(path) {
        const node = path.node as unknown as BNode;
        index.paths.set(node, path as BPath);
        if (node.type === 'Identifier' && isReference(path as BPath)) index.addReference(path as BPath);
        this.traverse(path);
      },
    });
  }

  pathOf(node: BNode): BPath | undefined {
    return this.paths.get(node);
  }

  private addReference(path: BPath): void {
    const name = path.node.name as string;
    const scope = lookup(this.scopeOfPath(path), name);
    let byName = this.bindings.get(scope);
    if (!byName) this.bindings.set(scope, (byName = new Map()));
    let binding = byName.get(name);
    if (!binding) byName.set(name, (binding = { scope, name, references: [] }));
    binding.references.push(path);
  }

  private scopeOfPath(path: BPath): BScope | null {
    try {
      return (path.scope as BScope | null) ?? null;
    } catch {
      return null;
    }
  }

  /** The binding an identifier node names, if it was seen as a reference. */
  bindingOf(node: BNode): Binding | undefined {
    const path = this.paths.get(node);
    if (!path) return undefined;
    const scope = lookup(this.scopeOfPath(path), node.name as string);
    return this.bindings.get(scope)?.get(node.name as string);
  }

  /** True when the identifier is not declared anywhere in the file. */
  isGlobal(node: BNode): boolean {
    const binding = this.bindingOf(node);
    return binding !== undefined && binding.scope === null;
  }

  /** References of a global name (`require`, `process`). */
  globalReferences(name: string): BPath[] {
    return this.bindings.get(null)?.get(name)?.references ?? [];
  }

  /** The identifier paths that declare this binding (from ast-types' scope). */
  declarations(binding: Binding): BPath[] {
    return binding.scope?.getBindings()[binding.name] ?? [];
  }
}

/**
 * The scope that declares `name`, as ast-types' `Scope#lookup`, except that a scope ast-types
 * cannot scan (a `catch { }` clause without a binding, ES2019, throws "null does not match type
 * Pattern") is taken for what it is: a scope that declares nothing.
 */
function lookup(scope: BScope | null, name: string): BScope | null {
  for (let current = scope; current; current = current.parent) {
    try {
      if (current.declares(name)) return current;
    } catch {
      // Nothing is declared by a binding-less catch clause; keep looking outwards.
    }
  }
  return null;
}
