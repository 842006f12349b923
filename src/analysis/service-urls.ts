import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { catalog } from '../catalog';
import { serviceSchemes } from '../policy/plaintext';
import type { Value } from '../policy/value';
import { textOf } from '../policy/value';
import type { Evaluator } from './evaluate';

type Node = TSESTree.Node;

/** A string, template or concatenation in the file whose text starts with a service scheme. */
export interface ServiceUrlLiteral {
  /** The outermost expression that builds the URL (`'redis://' + host` as a whole). */
  node: TSESTree.Literal | TSESTree.TemplateLiteral | TSESTree.BinaryExpression;
  /** Its text, unknown parts as `HOLE`. */
  text: string;
  value: Value<Node>;
}

/** Schemes any catalog library reads, derived from `tls.schemes` and `tls.paramSchemes`. */
const SCHEMES: readonly string[] = serviceSchemes(catalog);
/** `scheme://` at the start of a string's text, case-insensitive; one alternation, no nesting. */
const STARTS_WITH_SCHEME = new RegExp(`^(?:${SCHEMES.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})://`, 'i');

/**
 * Every service-scheme URL written in the file, found from the token list (string and template
 * tokens) instead of a walk of the whole tree, after a cheap `://` test on the text.
 */
export function findServiceUrls(sourceCode: TSESLint.SourceCode, evaluator: Evaluator): ServiceUrlLiteral[] {
  if (!sourceCode.text.includes('://')) return [];
  const found: ServiceUrlLiteral[] = [];
  const seen = new Set<Node>();
  for (const token of sourceCode.ast.tokens ?? []) {
    if (token.type !== 'String' && token.type !== 'Template') continue;
    // Only the opening token of a template (`` `redis://${ ``) can start a URL.
    if (token.type === 'Template' && !token.value.startsWith('`')) continue;
    if (!STARTS_WITH_SCHEME.test(token.value.slice(1))) continue;
    let node: Node | null = sourceCode.getNodeByRangeIndex(token.range[0]);
    if (node?.type === 'TemplateElement') node = node.parent;
    if (!node || (node.type !== 'Literal' && node.type !== 'TemplateLiteral')) continue;
    // `'redis://' + host + ':6379'`: the URL is the concatenation the string starts.
    let outer: Node = node;
    while (outer.parent?.type === 'BinaryExpression' && outer.parent.operator === '+' && outer.parent.left === outer) outer = outer.parent;
    if (seen.has(outer)) continue;
    seen.add(outer);
    const value = evaluator.evaluate(outer);
    const text = textOf(value);
    if (text === undefined || !STARTS_WITH_SCHEME.test(text)) continue;
    found.push({ node: outer as ServiceUrlLiteral['node'], text, value });
  }
  return found;
}
