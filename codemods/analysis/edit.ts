import type { JSCodeshift } from 'jscodeshift';
import type { BNode, BPath } from './ast';
import { isProperty, propertyKeyName, unwrap } from './ast';
import type { BabelAnalysis } from './sites';

export const MARKER_PREFIX = 'backing-services:';

/** Statement containers: a node directly inside one of these is a statement we can comment. */
const BODIES = new Set(['Program', 'BlockStatement', 'StaticBlock', 'TSModuleBlock', 'SwitchCase']);

/**
 * Mutations on the parsed file, by node identity (never by index, so several edits to one
 * object in a pass stay correct). Counts what it did for the report.
 */
export class Editor {
  changes = 0;
  markers = 0;
  /** Object literals whose properties were added or removed (see `keepInlineObjects`). */
  readonly editedObjects = new Set<BNode>();
  /** Expressions taken out of the code; constants only they used are removed with them. */
  readonly dropped: BNode[] = [];

  constructor(
    readonly j: JSCodeshift,
    readonly analysis: BabelAnalysis,
    private readonly parse: (text: string) => BNode,
    private readonly quote: 'single' | 'double',
    private readonly markedStatements: Set<BNode> = new Set(),
  ) {}

  /**
   * An expression node from source text (catalog recipes use single quotes). It keeps its own
   * text, so recast prints `{ rejectUnauthorized: true }` as written rather than reformatted.
   */
  expression(text: string): BNode {
    return this.parse(this.quote === 'double' ? text.replace(/'/g, '"') : text);
  }

  /**
   * recast prints every edited object literal over several lines; an object that was on one
   * line is rebuilt from its properties' own text so it stays on one line.
   */
  keepInlineObjects(): void {
    for (const object of this.editedObjects) {
      const loc = object.loc as { start: { line: number }; end: { line: number } } | undefined;
      if (!loc) continue;
      const text = loc.start.line === loc.end.line ? this.inlineText(object) : this.multilineText(object);
      if (text === undefined) continue;
      if (this.replace(object, this.parse(text))) this.changes--;
    }
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

  /**
   * A multi-line object rebuilt line by line: each property's own text at the original
   * indentation, with the comments written on its lines, so recast's reprint does not move
   * comments or add blank lines.
   */
  private multilineText(object: BNode): string | undefined {
    const source = this.analysis.source;
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
      const text = this.propertyText(p).split('\n').join(`\n${indent}`);
      let trailing = '';
      if (original) {
        const rest = source.slice(p.end as number, source.indexOf('\n', p.end as number) === -1 ? undefined : source.indexOf('\n', p.end as number));
        const comment = /^\s*,?\s*(\/\/.*|\/\*.*\*\/)\s*$/.exec(rest);
        if (comment) trailing = ` ${comment[1]!.trimEnd()}`;
      }
      out.push(`${indent}${text}${!last || trailingComma ? ',' : ''}${trailing}`);
    });
    out.push('}');
    return out.join('\n');
  }

  /** `process.env.NAME`. */
  envRead(name: string): BNode {
    const j = this.j;
    return j.memberExpression(j.memberExpression(j.identifier('process'), j.identifier('env')), j.identifier(name)) as unknown as BNode;
  }

  replace(old: BNode, replacement: BNode): boolean {
    const path = this.analysis.pathOf(old);
    if (!path?.parentPath) return false;
    const container = path.parentPath.value as unknown;
    if (Array.isArray(container)) {
      const i = container.indexOf(old);
      if (i < 0) return false;
      container[i] = replacement;
    } else if (container && typeof container === 'object' && (container as Record<string, unknown>)[path.name as string] === old) {
      (container as Record<string, unknown>)[path.name as string] = replacement;
    } else return false;
    // Keep the comments that sat on the old node.
    if (old.comments && !replacement.comments) replacement.comments = old.comments;
    this.changes++;
    return true;
  }

  /** Removes a property from whatever object holds it. */
  removeProperty(property: BNode): boolean {
    const path = this.analysis.pathOf(property);
    const object = path?.parent?.node as BNode | undefined;
    if (!object || object.type !== 'ObjectExpression') return false;
    const properties = object.properties as BNode[];
    const i = properties.indexOf(property);
    if (i < 0) return false;
    properties.splice(i, 1);
    this.editedObjects.add(object);
    this.changes++;
    return true;
  }

  /**
   * Removes `const X = <literal>` declarations whose only reader was an expression this editor
   * took out (`process.env.AMQP_URL ?? BROKER_URL`), so no dead hard-coded URL or password is left.
   */
  removeDeadDeclarations(): void {
    for (const node of this.dropped) {
      for (const id of identifiersIn(node)) {
        const binding = this.analysis.index.bindingOf(id);
        if (!binding || binding.scope === null || binding.references.length !== 2 || !binding.references.some((r) => r.node === id)) continue;
        const found = this.analysis.evaluator.declaratorOf(id);
        if (!found || found.kind !== 'const' || found.declarator.id.type !== 'Identifier' || !found.declarator.init || !isInert(found.declarator.init as BNode)) continue;
        const declaration = this.analysis.pathOf(found.declarator)?.parent;
        if (!declaration || (declaration.node.declarations as BNode[]).length !== 1 || declaration.parent?.node.type === 'ExportNamedDeclaration') continue;
        this.removeStatement(declaration.node as BNode);
      }
    }
  }

  /** Removes a statement (an expression statement such as `process.env.X = '0'`). */
  removeStatement(statement: BNode): boolean {
    const path = this.analysis.pathOf(statement);
    const body = path?.parentPath?.value as unknown;
    if (!Array.isArray(body)) return false;
    const i = body.indexOf(statement);
    if (i < 0) return false;
    body.splice(i, 1);
    this.changes++;
    return true;
  }

  /** The statement that holds `node`, for markers. */
  statementOf(node: BNode): BNode | undefined {
    let path: BPath | null | undefined = this.analysis.pathOf(node);
    while (path) {
      if (path.parent && BODIES.has(path.parent.node.type as string) && Array.isArray(path.parentPath?.value)) return path.node as BNode;
      path = path.parent;
    }
    return undefined;
  }

  /**
   * Leaves `/* backing-services: <text> *\/` before the statement holding `node`, once: a
   * statement that already carries a marker gets no second one. Counts the marker either way.
   */
  marker(node: BNode, text: string): void {
    const statement = this.statementOf(node);
    if (!statement) return;
    if (this.markedStatements.has(statement)) return;
    this.markedStatements.add(statement);
    this.markers++;
    if (hasMarker(statement)) return;
    const value = ` ${MARKER_PREFIX} ${text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim()} `;
    const comment = this.j.commentBlock(value, true, false) as unknown as BNode;
    statement.comments = [...((statement.comments as BNode[] | undefined) ?? []), comment];
    this.changes++;
  }
}

function identifiersIn(node: BNode): BNode[] {
  const out: BNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as BNode).type === 'string') {
      const n = value as BNode;
      if (n.type === 'Identifier') out.push(n);
      for (const key of Object.keys(n)) if (key !== 'loc' && key !== 'comments' && key !== 'original' && key !== 'extra') visit(n[key]);
    }
  };
  visit(node);
  return out;
}

/** An expression with no effects: literals, templates, operators and environment reads. */
function isInert(node: BNode): boolean {
  let inert = true;
  const visit = (value: unknown): void => {
    if (!inert) return;
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && typeof (value as BNode).type === 'string') {
      const n = value as BNode;
      if (/Call|New|Await|Yield|Function|Assignment|Update|Class|TaggedTemplate/.test(n.type)) {
        inert = false;
        return;
      }
      for (const key of Object.keys(n)) if (key !== 'loc' && key !== 'comments' && key !== 'original' && key !== 'extra') visit(n[key]);
    }
  };
  visit(node);
  return inert;
}

export function hasMarker(node: BNode): boolean {
  const comments = [...((node.comments as BNode[] | undefined) ?? []), ...((node.leadingComments as BNode[] | undefined) ?? [])];
  return comments.some((c) => String(c.value).trim().startsWith(MARKER_PREFIX));
}

export function stripLocations<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const child of node) stripLocations(child);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    delete record.loc;
    delete record.start;
    delete record.end;
    delete record.range;
    delete record.tokens;
    if (record.extra && typeof record.extra === 'object') {
      delete (record.extra as Record<string, unknown>).raw;
      delete (record.extra as Record<string, unknown>).rawValue;
      delete (record.extra as Record<string, unknown>).parenthesized;
    }
    for (const key of Object.keys(record)) if (key !== 'comments' && key !== 'original') stripLocations(record[key]);
  }
  return node;
}

/** The last direct property named `key` of an object expression. */
export function findProperty(object: BNode, key: string): BNode | undefined {
  const properties = object.properties as BNode[];
  for (let i = properties.length - 1; i >= 0; i--) {
    const p = properties[i]!;
    if (isProperty(p) && propertyKeyName(p) === key) return p;
  }
  return undefined;
}

/** The property at a dotted path through nested object literals, if written in place. */
export function findPath(object: BNode, path: string): BNode | undefined {
  const keys = path.split('.');
  let current: BNode = object;
  for (let i = 0; i < keys.length; i++) {
    const prop = findProperty(current, keys[i]!);
    if (!prop) return undefined;
    if (i === keys.length - 1) return prop;
    const value = unwrap(prop.value as BNode);
    if (value.type !== 'ObjectExpression') return undefined;
    current = value;
  }
  return undefined;
}
