import type { BNode } from '../analysis/ast';
import { unwrap } from '../analysis/ast';
import type { Editor } from '../analysis/edit';
import type { BabelSite } from '../analysis/sites';

/** The object literal a site's options are written in, where the codemod may edit them. */
export interface ConfigObject {
  node: BNode;
  /** Index of the call argument that holds (or names) it. */
  argIndex: number;
}

/**
 * The options object of a call when it is written in place: an object literal argument, or a
 * same-file `const` holding one that nothing else reads. Anything else (a shared or imported
 * config) is not safe to edit: undefined.
 */
export function configObject(editor: Editor, site: BabelSite): ConfigObject | undefined {
  const args = (site.node.arguments as BNode[] | undefined) ?? [];
  for (let i = 0; i < args.length; i++) {
    const value = site.args[i];
    if (value?.kind !== 'object') continue;
    const node = ownedObject(editor, args[i]!);
    if (node) return { node, argIndex: i };
    return undefined;
  }
  return undefined;
}

/** The object literal behind an argument, if this call is its only user. */
export function ownedObject(editor: Editor, arg: BNode): BNode | undefined {
  const inner = unwrap(arg);
  if (inner.type === 'ObjectExpression') return inner;
  if (inner.type !== 'Identifier') return undefined;
  const binding = editor.analysis.index.bindingOf(inner);
  if (!binding || binding.scope === null || binding.references.length !== 2) return undefined;
  const found = editor.analysis.evaluator.declaratorOf(inner);
  if (!found || found.declarator.id.type !== 'Identifier' || !found.declarator.init) return undefined;
  // `export const config = {...}` is read by other modules too.
  const declaration = editor.analysis.pathOf(found.declarator)?.parent;
  if (declaration?.parent?.node.type === 'ExportNamedDeclaration') return undefined;
  const init = unwrap(found.declarator.init as BNode);
  return init.type === 'ObjectExpression' ? init : undefined;
}

/** True when `node` lies inside `container` (by source position; both from the original parse). */
export function within(node: BNode, container: BNode): boolean {
  if (node === container) return true;
  const s = node.start as number | undefined;
  const e = node.end as number | undefined;
  const cs = container.start as number | undefined;
  const ce = container.end as number | undefined;
  return s !== undefined && e !== undefined && cs !== undefined && ce !== undefined && s >= cs && e <= ce;
}
