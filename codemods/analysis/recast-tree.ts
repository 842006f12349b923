/* eslint-disable @typescript-eslint/no-explicit-any */
import jscodeshift, { type JSCodeshift } from 'jscodeshift';
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Babel nodes as recast hands them over. ast-types' unions are too wide to narrow cheaply, so
 * the printing side reads nodes structurally and checks `type` before touching a field.
 */
export type BNode = { type: string } & Record<string, any>;

/** Where a printing node sits: the object or array holding it and the key or index. */
export interface Slot {
  container: Record<string, unknown> | unknown[];
  key: string | number;
  parent: BNode | undefined;
}

/** jscodeshift's parser for a file name, as next-codemod chooses it. */
export function parserFor(path: string): 'ts' | 'tsx' {
  return /\.[cm]?ts$/.test(path) && !path.endsWith('.d.ts') ? 'ts' : 'tsx';
}

/** ESTree node types and the Babel types that print the same source range. */
const BABEL_TYPES: Record<string, readonly string[]> = {
  Literal: ['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'RegExpLiteral', 'BigIntLiteral', 'DecimalLiteral'],
  Property: ['ObjectProperty', 'ObjectMethod'],
  MethodDefinition: ['ClassMethod', 'ClassPrivateMethod', 'TSDeclareMethod'],
  PropertyDefinition: ['ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty'],
  MemberExpression: ['MemberExpression', 'OptionalMemberExpression'],
  CallExpression: ['CallExpression', 'OptionalCallExpression'],
  ChainExpression: ['OptionalMemberExpression', 'OptionalCallExpression', 'MemberExpression', 'CallExpression'],
  ImportExpression: ['CallExpression'],
  PrivateIdentifier: ['PrivateName'],
};

const SKIPPED_KEYS = new Set(['loc', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'original', 'extra', 'start', 'end']);

/**
 * The text parsed a second time for printing (jscodeshift/recast, which keeps the original
 * formatting of what is not edited). Parsed only when the first edit needs it, so a file the
 * analysis finds nothing to change in is never parsed twice. Nodes of the analysis (ESTree) are
 * found here by their source range.
 */
export class RecastTree {
  private parsed: { j: JSCodeshift; file: BNode } | undefined;
  private byStart: Map<number, BNode[]> | undefined;
  private readonly slots = new Map<BNode, Slot>();

  constructor(
    readonly text: string,
    readonly path: string,
  ) {}

  /** jscodeshift bound to this file's parser (Babel's own for JS the TS parser refuses). */
  get j(): JSCodeshift {
    return this.tree().j;
  }

  get file(): BNode {
    return this.tree().file;
  }

  /** Whether the printing tree was ever needed (anything edited). */
  get used(): boolean {
    return this.parsed !== undefined;
  }

  private tree(): { j: JSCodeshift; file: BNode } {
    if (this.parsed) return this.parsed;
    let j = jscodeshift.withParser(parserFor(this.path));
    let file: BNode;
    try {
      file = j(this.text).get().node as BNode;
    } catch (error) {
      // Plain JavaScript with syntax the TS parser refuses (`<T>x` casts are TS-only).
      if (!/\.(c|m)?jsx?$/.test(this.path)) throw error;
      j = jscodeshift.withParser('babylon');
      file = j(this.text).get().node as BNode;
    }
    return (this.parsed = { j, file });
  }

  /** The printing node for an analysis node: same source range, a type that prints it. */
  nodeFor(node: TSESTree.Node | undefined): BNode | undefined {
    if (!node) return undefined;
    const candidates = this.index().get(node.range[0]) ?? [];
    const types = BABEL_TYPES[node.type] ?? [node.type];
    const matches = candidates.filter((c) => c.end === node.range[1] && types.includes(c.type));
    // Nested nodes with one range (`a?.b` in a chain): the outermost is the one in the code.
    return matches[0];
  }

  /** Where a printing node sits (its parent and key), for replacing or removing it. */
  slotOf(node: BNode): Slot | undefined {
    this.index();
    return this.slots.get(node);
  }

  /** Records that `node` now sits where another node was (a kept branch, a rebuilt object). */
  moved(node: BNode, slot: Slot): void {
    this.slots.set(node, slot);
  }

  private index(): Map<number, BNode[]> {
    if (this.byStart) return this.byStart;
    const byStart = new Map<number, BNode[]>();
    const visit = (node: BNode, parent: BNode | undefined, container: Slot['container'], key: string | number): void => {
      this.slots.set(node, { container, key, parent });
      if (typeof node.start === 'number') {
        const list = byStart.get(node.start);
        if (list) list.push(node);
        else byStart.set(node.start, [node]);
      }
      for (const field of Object.keys(node)) {
        if (SKIPPED_KEYS.has(field)) continue;
        const value = node[field] as unknown;
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            if (item && typeof item === 'object' && typeof (item as BNode).type === 'string') visit(item as BNode, node, value, i);
          });
        } else if (value && typeof value === 'object' && typeof (value as BNode).type === 'string') {
          visit(value as BNode, node, node, field);
        }
      }
    };
    const file = this.file;
    visit(file, undefined, [file], 0);
    return (this.byStart = byStart);
  }

  /** A printing node for an expression written as source text. */
  expression(text: string): BNode {
    // In an array, not parentheses: recast would keep the parentheses as part of the text.
    const program = this.j(`[${text}];`).get().node.program as BNode;
    return ((program.body as BNode[])[0]!.expression as BNode).elements[0] as BNode;
  }
}
