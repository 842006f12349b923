import type { JSCodeshift } from 'jscodeshift';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../../src/analysis/ast';
import type { FileAnalysis } from '../../src/analysis/file-analysis';
import type { BNode, RecastTree } from './recast-tree';
import { isInert, statementOf } from './estree';

type Node = TSESTree.Node;

export const MARKER_PREFIX = 'backing-services:';

/** What an edit puts in place: a node of the analysed text (moved) or a new printing node. */
export type Replacement = Node | BNode;

function isAnalysisNode(node: Replacement): node is Node {
  return Array.isArray((node as { range?: unknown }).range);
}

/**
 * Edits one analysed text. The transforms decide on the analysis's nodes (ESTree, as the rules
 * read them) and name those nodes here; each edit is applied to the node of the printing tree
 * (recast) with the same source range, by identity, so several edits to one object in a pass
 * stay correct. Counts what it did for the report.
 */
export class Editor {
  changes = 0;
  markers = 0;
  /** Printing objects whose properties were added or removed (see `keepInlineObjects`). */
  private readonly editedObjects = new Set<BNode>();
  /** Environment reads whose literal default was taken out (each once). */
  readonly stripped = new Set<Node>();
  /** Analysis nodes taken out of the code; constants only they read are removed with them. */
  readonly dropped: Node[] = [];
  /** Values now read from the environment where they were written, with the variable read. */
  readonly readInPlace = new Map<Node, string>();
  /** Statements that got (or already had) a marker in this run. */
  private readonly marked: Set<number>;

  constructor(
    readonly analysis: FileAnalysis,
    readonly sourceCode: TSESLint.SourceCode,
    readonly tree: RecastTree,
    private readonly quote: 'single' | 'double',
    marked: Set<number> = new Set(),
  ) {
    this.marked = marked;
  }

  get j(): JSCodeshift {
    return this.tree.j;
  }

  get text(): string {
    return this.sourceCode.text;
  }

  /**
   * A printing node from source text (catalog recipes use single quotes). It keeps its own text,
   * so recast prints `{ rejectUnauthorized: true }` as written rather than reformatted.
   */
  expression(text: string): BNode {
    return this.tree.expression(this.quote === 'double' ? text.replace(/'/g, '"') : text);
  }

  /** `process.env.NAME`. */
  envRead(name: string): BNode {
    const j = this.j;
    return j.memberExpression(j.memberExpression(j.identifier('process'), j.identifier('env')), j.identifier(name)) as unknown as BNode;
  }

  /** A string literal (printed in the file's quote style). */
  stringLiteral(text: string): BNode {
    return this.j.stringLiteral(text) as unknown as BNode;
  }

  /** The printing twin of an analysis node (undefined if the two parsers disagree on it). */
  printed(node: Node): BNode | undefined {
    return this.tree.nodeFor(node);
  }

  private toPrinted(node: Replacement): BNode | undefined {
    return isAnalysisNode(node) ? this.tree.nodeFor(node) : node;
  }

  /** Puts `replacement` where `old` is. */
  replace(old: Node, replacement: Replacement): boolean {
    const target = this.tree.nodeFor(old);
    const next = this.toPrinted(replacement);
    if (!target || !next) return false;
    return this.replacePrinted(target, next);
  }

  private replacePrinted(target: BNode, next: BNode): boolean {
    const slot = this.tree.slotOf(target);
    if (!slot) return false;
    // `...(test ? {} : { tls })`: recast would keep the parentheses around the kept object, so the
    // spread is written again around it (`...{ tls }`).
    const spread = slot.parent;
    if (spread?.type === 'SpreadElement' && slot.key === 'argument' && (target.extra as { parenthesized?: boolean } | undefined)?.parenthesized && next.type === 'ObjectExpression') {
      const rebuilt = this.j.spreadElement(next as never) as unknown as BNode;
      this.tree.moved(next, { container: rebuilt, key: 'argument', parent: rebuilt });
      if (target.comments && !next.comments) next.comments = target.comments;
      return this.replacePrinted(spread, rebuilt);
    }
    if (Array.isArray(slot.container)) {
      const i = slot.container.indexOf(target);
      if (i < 0) return false;
      slot.container[i] = next;
    } else if (slot.container[slot.key as string] === target) {
      slot.container[slot.key as string] = next;
    } else return false;
    this.tree.moved(next, slot);
    // Keep the comments that sat on the old node.
    if (target.comments && !next.comments) next.comments = target.comments;
    this.changes++;
    return true;
  }

  /** The arguments of a call, replaced by these (kept analysis nodes or new ones). */
  setArguments(call: TSESTree.CallExpression | TSESTree.NewExpression, args: Replacement[]): boolean {
    const printed = this.tree.nodeFor(call);
    const list = printed?.arguments as BNode[] | undefined;
    if (!list) return false;
    const next = args.map((a) => this.toPrinted(a));
    if (next.some((a) => a === undefined)) return false;
    list.splice(0, list.length, ...(next as BNode[]));
    this.changes++;
    return true;
  }

  /**
   * Removes a property: from the object literal that holds it, or, for a key written after
   * construction (`options.ssl = false;`), the statement that writes it.
   */
  removeProperty(property: Node): boolean {
    if (property.type === 'AssignmentExpression') {
      const statement = property.parent;
      return statement?.type === 'ExpressionStatement' ? this.removeStatement(statement) : false;
    }
    const printed = this.tree.nodeFor(property);
    const object = printed && this.tree.slotOf(printed)?.parent;
    if (!printed || !object || object.type !== 'ObjectExpression') return false;
    const properties = object.properties as BNode[];
    const i = properties.indexOf(printed);
    if (i < 0) return false;
    properties.splice(i, 1);
    this.editedObjects.add(object);
    this.dropped.push(property);
    this.changes++;
    return true;
  }

  /** Removes a statement from the block that holds it. */
  removeStatement(statement: Node): boolean {
    const printed = this.tree.nodeFor(statement);
    const slot = printed && this.tree.slotOf(printed);
    if (!printed || !slot || !Array.isArray(slot.container)) return false;
    const i = slot.container.indexOf(printed);
    if (i < 0) return false;
    slot.container.splice(i, 1);
    this.dropped.push(statement);
    this.changes++;
    return true;
  }

  /** An expression statement holding `expression` (an analysis node, moved). */
  statement(expression: Node): BNode {
    return this.j.expressionStatement(this.tree.nodeFor(expression) as never) as unknown as BNode;
  }

  /** Replaces a statement by others (an `if` by the branch it keeps): analysis nodes, moved, or new ones. */
  replaceStatement(statement: Node, replacements: Replacement[]): boolean {
    const printed = this.tree.nodeFor(statement);
    const slot = printed && this.tree.slotOf(printed);
    const next = replacements.map((r) => this.toPrinted(r));
    if (!printed || !slot || !Array.isArray(slot.container) || next.some((n) => !n)) return false;
    const i = slot.container.indexOf(printed);
    if (i < 0) return false;
    const nodes = next as BNode[];
    if (printed.comments && nodes[0]) nodes[0].comments = [...(printed.comments as BNode[]), ...((nodes[0].comments as BNode[] | undefined) ?? [])];
    slot.container.splice(i, 1, ...nodes);
    for (const n of nodes) this.tree.moved(n, slot);
    this.changes++;
    return true;
  }

  /**
   * Writes `path` (`ssl`, `socket.tls`) into an object literal of the analysed text, creating
   * nested objects as needed; `make` builds the value. `at` places a new top-level key.
   */
  setPath(object: TSESTree.ObjectExpression, path: string, make: () => BNode, at?: number): boolean {
    const printed = this.tree.nodeFor(object);
    return printed ? this.setPrintedPath(printed, path, make, at) : false;
  }

  /**
   * Writes several `path: text` entries into an object literal of the analysed text. Entries
   * under one absent key are written as one nested literal (`options: { encrypt: true,
   * trustServerCertificate: false }`), so it prints on one line.
   */
  setPaths(object: TSESTree.ObjectExpression, entries: ReadonlyArray<readonly [string, string]>, at?: number): boolean {
    const printed = this.tree.nodeFor(object);
    return printed ? this.setPrintedPaths(printed, entries, at) : false;
  }

  private setPrintedPaths(object: BNode, entries: ReadonlyArray<readonly [string, string]>, at?: number): boolean {
    let changed = false;
    const groups = new Map<string, Array<readonly [string, string]>>();
    for (const [path, text] of entries) {
      const [first, ...rest] = path.split('.');
      const list = groups.get(first!) ?? [];
      list.push([rest.join('.'), text]);
      groups.set(first!, list);
    }
    let position = at;
    for (const [key, list] of groups) {
      const existing = (object.properties as BNode[]).filter((p) => p.type === 'ObjectProperty' && !p.computed && printedKey(p) === key).pop();
      const nested = list.filter(([rest]) => rest !== '');
      const leaf = list.find(([rest]) => rest === '');
      if (existing && nested.length > 0 && unwrapPrinted(existing.value as BNode).type === 'ObjectExpression') {
        changed = this.setPrintedPaths(unwrapPrinted(existing.value as BNode), nested) || changed;
        continue;
      }
      // A key that holds something else (`connection: getConnection()`) is never overwritten to hold deeper keys.
      if (existing && nested.length > 0) continue;
      const text = leaf && nested.length === 0 ? leaf[1] : objectText(nested);
      changed = this.setPrintedPath(object, key, () => this.expression(text), existing ? undefined : position) || changed;
      if (!existing && position !== undefined) position++;
    }
    return changed;
  }

  private setPrintedPath(object: BNode, path: string, make: () => BNode, at?: number): boolean {
    const j = this.j;
    const keys = path.split('.');
    let current = object;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const properties = current.properties as BNode[];
      const existing = properties.filter((p) => p.type === 'ObjectProperty' && !p.computed && printedKey(p) === key).pop();
      if (existing && i < keys.length - 1 && unwrapPrinted(existing.value as BNode).type === 'ObjectExpression') {
        current = unwrapPrinted(existing.value as BNode);
        continue;
      }
      // A key that holds something else (`connection: getConnection()`) is never overwritten to hold deeper keys.
      if (existing && i < keys.length - 1) return false;
      // The rest of the path as one literal (`socket: { tls: true }`), so it prints on one line.
      const value = i === keys.length - 1 ? make() : this.expression(nestedText(keys.slice(i + 1), j(make() as never).toSource()));
      if (existing) {
        if (sameText(existing.value as BNode, value)) return false;
        existing.value = value;
        existing.shorthand = false;
        this.tree.moved(value, { container: existing, key: 'value', parent: existing });
        this.changes++;
        return true;
      }
      const prop = j.objectProperty(j.identifier(key), value as never) as unknown as BNode;
      if (at !== undefined && i === 0) properties.splice(Math.min(at, properties.length), 0, prop);
      else properties.push(prop);
      // New nodes can be edited again in this pass (a nested object that gets a second key).
      this.tree.moved(prop, { container: properties, key: properties.indexOf(prop), parent: current });
      this.tree.moved(value, { container: prop, key: 'value', parent: prop });
      this.editedObjects.add(current);
      this.changes++;
      return true;
    }
    return false;
  }

  /**
   * Leaves `/* backing-services: <text> *\/` before the statement holding `node`, once: a
   * statement that already carries a marker gets no second one. Counts the marker either way.
   */
  marker(node: Node, text: string): void {
    const statement = statementOf(node);
    const target = statement && this.markerTarget(statement, node);
    if (!target || this.marked.has(target.range[0])) return;
    this.marked.add(target.range[0]);
    this.markers++;
    if (this.sourceCode.getCommentsBefore(target).some((c) => c.value.trim().startsWith(MARKER_PREFIX))) return;
    const printed = this.tree.nodeFor(target);
    if (!printed) return;
    const value = ` ${MARKER_PREFIX} ${text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim()} `;
    const comment = this.j.commentBlock(value, true, false) as unknown as BNode;
    printed.comments = [...((printed.comments as BNode[] | undefined) ?? []), comment];
    this.changes++;
  }

  /**
   * Where a marker about `node` goes: before its statement, which a reader takes in at once up to
   * its first blank line; in a statement with a blank line before `node` (a long configuration
   * object, an option table), before the property or list element holding `node` that starts
   * its own line.
   */
  private markerTarget(statement: Node, node: Node): Node {
    const text = this.sourceCode.text;
    if (!/\n[ \t]*\r?\n/.test(text.slice(statement.range[0], node.range[0]))) return statement;
    for (let current: Node | undefined = node; current && current !== statement; current = current.parent) {
      // A property, or a row of a table (`['--db-url', 'DB_URL', '...'],`).
      if (current.type !== 'Property' && current.parent?.type !== 'ArrayExpression') continue;
      const lineStart = text.lastIndexOf('\n', current.range[0] - 1) + 1;
      if (text.slice(lineStart, current.range[0]).trim() === '') return current;
    }
    return statement;
  }

  /**
   * Removes `const X = <literal>` declarations (and `let`/`var` ones never written again)
   * whose only reader was an expression this editor took out (`process.env.AMQP_URL ??
   * BROKER_URL`), so no dead hard-coded URL or password is left. A `var` of a script's global
   * scope is left: other scripts may read it.
   */
  removeDeadDeclarations(): void {
    const done = new Set<Node>();
    for (const node of this.dropped) {
      for (const id of identifiersIn(node)) {
        const variable = findVariable(this.sourceCode.getScope(id), id);
        const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
        if (!variable || def?.type !== 'Variable' || def.node.id.type !== 'Identifier' || !def.node.init) continue;
        if (def.node.parent.kind === 'var' && variable.scope.type === 'global') continue;
        // Every reference but the initialisation (a later write counts, and keeps it).
        const reads = variable.references.filter((r) => !r.init);
        if (reads.length !== 1 || reads[0]!.identifier !== id || !isInert(def.node.init)) continue;
        const declaration = def.node.parent;
        if (declaration.declarations.length !== 1 || declaration.parent?.type === 'ExportNamedDeclaration' || done.has(declaration)) continue;
        done.add(declaration);
        this.removeStatement(declaration);
      }
    }
  }

  /**
   * recast prints every edited object literal over several lines; an object that was on one
   * line is rebuilt from its properties' own text so it stays on one line, and a multi-line one
   * line by line, so its comments stay where they were.
   */
  keepInlineObjects(): void {
    for (const object of this.editedObjects) {
      const loc = object.loc as { start: { line: number }; end: { line: number } } | undefined;
      if (!loc) continue;
      const text = loc.start.line === loc.end.line ? this.inlineText(object) : this.multilineText(object);
      if (text === undefined) continue;
      let rebuilt: BNode;
      try {
        rebuilt = this.tree.expression(text);
      } catch {
        // Some property recast prints in a form its own parser refuses: let recast lay it out.
        continue;
      }
      if (this.replacePrinted(object, rebuilt)) this.changes--;
    }
    this.editedObjects.clear();
  }

  private propertyText(property: BNode): string {
    const saved = property.comments as unknown;
    property.comments = null;
    try {
      return this.j(property as never).toSource({ quote: this.quote });
    } finally {
      property.comments = saved;
    }
  }

  private inlineText(object: BNode): string | undefined {
    const parts = (object.properties as BNode[]).map((p) => this.propertyText(p));
    if (parts.some((part) => part.includes('\n'))) return undefined;
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  }

  private multilineText(object: BNode): string | undefined {
    // Printing nodes' offsets and lines are those of the text their parser read.
    const source = this.tree.parsedText;
    const lines = source.split('\n');
    const lineIndent = (line: number): string => /^\s*/.exec(lines[line - 1] ?? '')![0];
    const properties = object.properties as BNode[];
    const close = lineIndent((object.loc as { end: { line: number } }).end.line);
    const firstOriginal = properties.find((p) => p.loc && typeof p.start === 'number');
    // recast indents reused multi-line text by the indentation of the line it lands on, so the
    // text is written relative to the closing brace's line.
    const absolute = firstOriginal ? lineIndent(firstOriginal.loc.start.line as number) : `${close}  `;
    const indent = absolute.startsWith(close) ? absolute.slice(close.length) || '  ' : '  ';
    const trailingComma = /,\s*\n\s*[}\]]/.test(source);
    const out: string[] = ['{'];
    properties.forEach((p, i) => {
      const last = i === properties.length - 1;
      const original = typeof p.start === 'number' && typeof p.end === 'number' && p.loc;
      if (original) {
        for (const c of ((p.comments as BNode[] | undefined) ?? []).filter((c) => c.leading && typeof c.start === 'number')) {
          const before = source.slice(source.lastIndexOf('\n', (c.start as number) - 1) + 1, c.start as number);
          if (before.trim() === '') out.push(`${indent}${source.slice(c.start as number, c.end as number)}`);
        }
      }
      // A marker this pass put on the property.
      for (const c of ((p.comments as BNode[] | undefined) ?? []).filter((c) => c.leading && typeof c.start !== 'number' && c.type === 'CommentBlock')) out.push(`${indent}/*${c.value as string}*/`);
      const text = this.propertyText(p).split('\n').join(`\n${indent}`);
      let trailing = '';
      if (original) {
        const lineEnd = source.indexOf('\n', p.end as number);
        const rest = source.slice(p.end as number, lineEnd === -1 ? undefined : lineEnd);
        const comment = /^\s*,?\s*(\/\/.*|\/\*.*\*\/)\s*$/.exec(rest);
        if (comment) trailing = ` ${comment[1]!.trimEnd()}`;
      }
      out.push(`${indent}${text}${!last || trailingComma ? ',' : ''}${trailing}`);
    });
    out.push('}');
    return out.join('\n');
  }
}

function printedKey(property: BNode): string | undefined {
  const key = property.key as BNode;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'StringLiteral' || key.type === 'NumericLiteral' || key.type === 'Literal') return String(key.value);
  return undefined;
}

const PRINTED_WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ParenthesizedExpression']);

function unwrapPrinted(node: BNode): BNode {
  let current = node;
  while (PRINTED_WRAPPERS.has(current.type)) current = current.expression as BNode;
  return current;
}

function sameText(a: BNode, b: BNode): boolean {
  const ua = unwrapPrinted(a);
  if (ua.type !== b.type) return false;
  if ('value' in ua && 'value' in b && typeof ua.value !== 'object') return ua.value === b.value;
  if (ua.type === 'ObjectExpression') return (ua.properties as BNode[]).length === 0 && (b.properties as BNode[]).length === 0;
  return false;
}

/** An object literal's text from option paths and value texts: `{ url: ..., socket: { tls: true } }`. */
export function objectText(entries: ReadonlyArray<readonly [string, string]>): string {
  interface Tree {
    [key: string]: Tree | string;
  }
  const root: Tree = {};
  for (const [path, text] of entries) {
    const keys = path.split('.');
    let node = root;
    keys.slice(0, -1).forEach((key) => {
      const next = node[key];
      node = typeof next === 'object' ? next : (node[key] = {});
    });
    node[keys[keys.length - 1]!] = text;
  }
  const print = (tree: Tree): string => {
    const parts = Object.entries(tree).map(([key, value]) => `${key}: ${typeof value === 'string' ? value : print(value)}`);
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`;
  };
  return print(root);
}

/** `['a', 'b']`, `'x'` → `{ a: { b: x } }`. */
export function nestedText(keys: string[], valueText: string): string {
  return keys.reduceRight((inner, key) => `{ ${key}: ${inner} }`, valueText);
}

function identifiersIn(node: Node): TSESTree.Identifier[] {
  const out: TSESTree.Identifier[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as Node).type === 'string') {
      const n = value as Node;
      if (n.type === 'Identifier') out.push(n);
      for (const key of Object.keys(n)) if (key !== 'parent' && key !== 'loc' && key !== 'range') visit((n as unknown as Record<string, unknown>)[key]);
    }
  };
  visit(node);
  return out;
}
