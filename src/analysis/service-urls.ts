import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalog } from '../catalog';
import { serviceSchemes } from '../policy/plaintext';
import type { Value } from '../policy/value';
import { textOf } from '../policy/value';
import { outerParent } from './ast';
import type { Evaluator } from './evaluate';

type Node = TSESTree.Node;

/** A string, template or concatenation in the file whose text starts with a service scheme. */
export interface ServiceUrlLiteral {
  /** The outermost expression that builds the URL (`'redis://' + host` as a whole). */
  node: TSESTree.Literal | TSESTree.TemplateLiteral | TSESTree.BinaryExpression;
  /** Its text, unknown parts as `HOLE`. */
  text: string;
  value: Value<Node>;
  /**
   * The URL is itself an argument of a call (`new URL(url)`, `isURL(url)`, `log(url)`,
   * `expect(x).toBe(url)`): what a function the analysis does not know does with it is not
   * known to be connecting.
   */
  argument?: true;
}

/** Schemes any catalog library reads, derived from `tls.schemes` and `tls.paramSchemes`. */
const SCHEMES: readonly string[] = serviceSchemes(catalog);
/** `scheme://` at the start of a string's text, case-insensitive; one alternation, no nesting. */
const STARTS_WITH_SCHEME = new RegExp(`^(?:${SCHEMES.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})://`, 'i');

/** Whether a string's text starts with `scheme://` for a service scheme. */
export function startsWithServiceScheme(text: string): boolean {
  return STARTS_WITH_SCHEME.test(text);
}

/** The longest scheme, for the backward scan from `://`. */
const LONGEST_SCHEME = Math.max(...SCHEMES.map((s) => s.length));

/**
 * Every service-scheme URL written in the file, found from the text (each `://` preceded by a
 * scheme and a quote or backtick), then mapped to the literal that starts there, if any: a
 * quote inside a comment or a longer string starts no literal. No walk of the tokens or the tree.
 */
export function findServiceUrls(sourceCode: TSESLint.SourceCode, evaluator: Evaluator): ServiceUrlLiteral[] {
  const starts = quotedSchemeStarts(sourceCode.text);
  if (starts.length === 0) return [];
  const literals = literalsStartingAt(sourceCode, starts);
  const found: ServiceUrlLiteral[] = [];
  const seen = new Set<Node>();
  for (const start of starts) {
    const node = literals.get(start);
    if (!node) continue;
    // `'redis://' + host + ':6379'`: the URL is the concatenation the string starts.
    let outer: Node = node;
    while (outer.parent?.type === 'BinaryExpression' && outer.parent.operator === '+' && outer.parent.left === outer) outer = outer.parent;
    if (seen.has(outer)) continue;
    seen.add(outer);
    const value = evaluator.evaluate(outer);
    const text = textOf(value);
    if (text === undefined || !STARTS_WITH_SCHEME.test(text)) continue;
    const { parent, child } = outerParent(outer);
    const argument = (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(child as TSESTree.CallExpressionArgument);
    found.push({ node: outer as ServiceUrlLiteral['node'], text, value, ...(argument ? { argument: true as const } : {}) });
  }
  return found;
}

/** Offsets (ascending) of the quote or backtick that opens `scheme://` for a service scheme. */
function quotedSchemeStarts(text: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf('://'); at !== -1; at = text.indexOf('://', at + 3)) {
    let begin = at;
    while (begin > 0 && at - begin < LONGEST_SCHEME && isSchemeChar(text.charCodeAt(begin - 1))) begin--;
    if (begin === at || begin === 0) continue;
    const quote = text.charCodeAt(begin - 1);
    if (quote !== 0x27 && quote !== 0x22 && quote !== 0x60) continue;
    if (STARTS_WITH_SCHEME.test(text.slice(begin, at + 3))) starts.push(begin - 1);
  }
  return starts;
}

/**
 * The text a node's subtree covers. `@Module({...}) export class X {}`: the decorators lie before
 * the `export` declaration's own range, so it starts at the first decorator.
 */
function extent(node: Node): [number, number] {
  const declaration = (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration' ? node.declaration : node) as { decorators?: Node[] } | null;
  const first = declaration?.decorators?.[0];
  return first && first.range[0] < node.range[0] ? [first.range[0], node.range[1]] : [node.range[0], node.range[1]];
}

/** RFC 3986 scheme characters: letters, digits, `+`, `-`, `.`. */
function isSchemeChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d || code === 0x2e;
}

/**
 * The string literal or template literal that starts at each offset (sorted), found in one
 * descent that enters only the nodes around an offset. (`getNodeByRangeIndex` per token would
 * scan the siblings from the root each time: quadratic on a bundle with thousands of URLs.)
 */
function literalsStartingAt(sourceCode: TSESLint.SourceCode, starts: readonly number[]): Map<number, TSESTree.Literal | TSESTree.TemplateLiteral> {
  const wanted = new Set(starts);
  const result = new Map<number, TSESTree.Literal | TSESTree.TemplateLiteral>();
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  /** Whether some offset lies in [from, to). */
  const anyWithin = (from: number, to: number): boolean => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < starts.length && starts[lo]! < to;
  };
  const stack: Node[] = [sourceCode.ast as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type === 'Literal' || node.type === 'TemplateLiteral') && wanted.has(node.range[0]) && !result.has(node.range[0])) {
      result.set(node.range[0], node);
    }
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child as Array<Node | null>) if (item && anyWithin(...extent(item))) stack.push(item);
      } else if (child && typeof child === 'object' && 'range' in child) {
        const item = child as Node;
        if (anyWithin(...extent(item))) stack.push(item);
      }
    }
  }
  return result;
}

/**
 * Whether `node` is the host part of a service URL built around it, by `+` or a template:
 * `'mongodb://' + (process.env.IP || 'localhost') + '/app'`, `` `redis://:${pw}@${host}` ``. The
 * text just before it ends the scheme (`://`) or the user information (`@`), no `@` follows
 * before the path (it would be a user name), and the whole starts with a service scheme other
 * than http(s): whatever the variable is called, its default is where the service is.
 */
export function isServiceUrlHost(node: Node): boolean {
  const parent = node.parent;
  let before: string | undefined;
  let after = '';
  let start: string | undefined;
  if (parent?.type === 'BinaryExpression' && parent.operator === '+' && parent.right === node) {
    before = edgeText(parent.left, 'last');
    let outer: Node = parent;
    while (outer.parent?.type === 'BinaryExpression' && outer.parent.operator === '+' && outer.parent.left === outer) {
      outer = outer.parent;
      after += edgeText((outer as TSESTree.BinaryExpression).right, 'first') ?? UNKNOWN_PART;
    }
    start = edgeText(outer, 'first');
  } else if (parent?.type === 'TemplateLiteral') {
    const index = parent.expressions.indexOf(node as TSESTree.Expression);
    before = index < 0 ? undefined : (parent.quasis[index]!.value.cooked ?? undefined);
    after = parent.quasis.slice(index + 1).map((quasi) => quasi.value.cooked ?? '').join(UNKNOWN_PART);
    start = parent.quasis[0]!.value.cooked ?? undefined;
  }
  if (before === undefined || start === undefined || !(before.endsWith('://') || before.endsWith('@'))) return false;
  if (/^[^/?#]*@/.test(after)) return false;
  return STARTS_WITH_SCHEME.test(start) && !/^https?:/i.test(start);
}

// An unknown part of the text after the host: any character but the separators looked for.
const UNKNOWN_PART = 'x';

/** The literal text at the first or last edge of a `+` chain (`'mongodb://' + a` → `mongodb://`). */
function edgeText(node: Node, edge: 'first' | 'last'): string | undefined {
  let current = node;
  while (current.type === 'BinaryExpression' && current.operator === '+') current = edge === 'first' ? current.left : current.right;
  if (current.type === 'Literal') return typeof current.value === 'string' ? current.value : undefined;
  if (current.type === 'TemplateLiteral') return (edge === 'first' ? current.quasis[0] : current.quasis[current.quasis.length - 1])!.value.cooked ?? undefined;
  return undefined;
}
