/* eslint-disable @typescript-eslint/no-explicit-any */
import jscodeshift, { type JSCodeshift, type Parser } from 'jscodeshift';
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

/** The printing parser (Babel, through recast) refuses a text the rules' parser read. */
export class PrintingParseError extends Error {
  constructor(detail: string) {
    super(`the printing parser cannot read it: ${detail}`);
    this.name = 'PrintingParseError';
  }
}

/** jscodeshift's parser for a file name, as next-codemod chooses it. */
export function parserFor(path: string): 'ts' | 'tsx' {
  return /\.[cm]?ts$/.test(path) && !path.endsWith('.d.ts') ? 'ts' : 'tsx';
}

// jscodeshift's Babel parser factory, for options of our own (it ships no types).
const babylonParser = require('jscodeshift/parser/babylon') as (options: object) => Parser;
const TS_OPTIONS = require('jscodeshift/parser/tsOptions') as { plugins: unknown[] };
/** Babel's options for a sloppy-mode script: jscodeshift's, without TypeScript, with JSX. */
const SCRIPT_OPTIONS = { ...TS_OPTIONS, sourceType: 'script', plugins: [...TS_OPTIONS.plugins.filter((p) => p !== 'typescript'), 'jsx'] };

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
  private parsed: { j: JSCodeshift; file: BNode; parsedText?: string } | undefined;
  private lineStarts: number[] | undefined;
  private parsedStarts: number[] | undefined;
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

  private tree(): { j: JSCodeshift; file: BNode; parsedText?: string } {
    if (this.parsed) return this.parsed;
    let j = jscodeshift.withParser(parserFor(this.path));
    let file: BNode;
    try {
      try {
        file = j(this.text).get().node as BNode;
      } catch (error) {
        // Plain JavaScript with syntax the TS parser refuses (`<T>x` casts are TS-only), then
        // as a script (`var static = require(...)` in a CommonJS module is not strict code).
        if (!/\.(c|m)?jsx?$/.test(this.path)) throw error;
        try {
          j = jscodeshift.withParser('babylon');
          file = j(this.text).get().node as BNode;
        } catch {
          j = jscodeshift.withParser(babylonParser(SCRIPT_OPTIONS));
          file = j(this.text).get().node as BNode;
        }
      }
    } catch (error) {
      throw new PrintingParseError((error as Error).message);
    }
    return (this.parsed = { j, file });
  }

  /**
   * The text the printing parser read. recast hands its parser the source with every line break
   * as `\n` and each line's leading white space as spaces (tabs expanded), so a file with CRLF
   * line ends or tab indentation has other offsets there than in the analysed text.
   */
  get parsedText(): string {
    if (this.parsed?.parsedText !== undefined) return this.parsed.parsedText;
    const lines = (this.file.loc as { lines?: { toString(options: object): string } } | undefined)?.lines;
    return (this.tree().parsedText = lines ? lines.toString({ tabWidth: 4, reuseWhitespace: false, useTabs: false }) : this.text);
  }

  /** An offset of the analysed text as an offset of the parsed text (see `parsedText`). */
  private offset(original: number): number {
    if (this.parsedText === this.text) return original;
    this.lineStarts ??= lineStarts(this.text, /\r\n|\r|\n|\u2028|\u2029/g);
    const parsedStarts = (this.parsedStarts ??= lineStarts(this.parsedText, /\n/g));
    let line = 0;
    for (let lo = 0, hi = this.lineStarts.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.lineStarts[mid]! <= original) {
        line = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const start = this.lineStarts[line]!;
    const column = original - start;
    const source = this.text.slice(start, this.lineStarts[line + 1] ?? this.text.length).replace(/[\r\n\u2028\u2029]+$/, '');
    const parsed = this.parsedText.slice(parsedStarts[line], (parsedStarts[line + 1] ?? this.parsedText.length + 1) - 1);
    const indent = /^\s*/.exec(source)![0].length;
    const parsedIndent = parsed.length - (source.length - indent);
    return parsedStarts[line]! + (column >= indent ? parsedIndent + column - indent : Math.min(column, parsedIndent));
  }

  /** The line ending most lines of the text use, for printing. */
  get lineTerminator(): string {
    const crlf = this.text.split('\r\n').length - 1;
    return crlf > 0 && crlf >= (this.text.split('\n').length - 1) / 2 ? '\r\n' : '\n';
  }

  /** The printing node for an analysis node: same source range, a type that prints it. */
  nodeFor(node: TSESTree.Node | undefined): BNode | undefined {
    if (!node) return undefined;
    const start = this.offset(node.range[0]);
    const end = this.offset(node.range[1]);
    const candidates = this.index().get(start) ?? [];
    const types = BABEL_TYPES[node.type] ?? [node.type];
    const matches = candidates.filter((c) => c.end === end && types.includes(c.type));
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

/** The offset at which each line of `text` starts. */
function lineStarts(text: string, breaks: RegExp): number[] {
  const starts = [0];
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}
