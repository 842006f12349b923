import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isJsonDocument } from '../../analysis/json';
import type { TlsFix } from '../../policy/tls';

type Node = TSESTree.Node;

/** True when `inner` lies inside `outer`: a fix there cannot touch config shared elsewhere. */
export function isWithin(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** A URL-parameter fix whose secure form sets several parameters (`a=b&c=d`) cannot be written as one. */
export function isSimpleFix(fix: TlsFix<Node>): boolean {
  return fix.kind !== 'url-param' || !/[&;]/.test(fix.value);
}

/**
 * The "use the secure form" suggestion for a policy fix, when the fix lies inside `scope` (the
 * client or the assignment reported) and can be written safely; otherwise no suggestion.
 */
export function secureSuggestions(
  fix: TlsFix<Node> | undefined,
  scope: Node,
  secure: string,
  sourceCode: TSESLint.SourceCode,
): Array<TSESLint.SuggestionReportDescriptor<'suggestSecure'>> {
  // The secure forms are JavaScript; a JSON config file gets the message without an edit.
  if (isJsonDocument(sourceCode.ast)) return [];
  const fixer = fix && isWithin(fix.node, scope) ? tlsFixer(fix, sourceCode) : undefined;
  return fixer ? [{ messageId: 'suggestSecure', data: { secure }, fix: fixer }] : [];
}

/** A suggestion fixer for a policy fix, or undefined when the fix cannot be written safely. */
export function tlsFixer(fix: TlsFix<Node>, sourceCode: TSESLint.SourceCode): TSESLint.ReportFixFunction | undefined {
  switch (fix.kind) {
    case 'replace':
      return (fixer) => fixer.replaceText(fix.node, fix.text);
    case 'remove-property':
      return (fixer) => removeProperty(fixer, fix.node, sourceCode);
    case 'url-param': {
      const node = fix.node;
      if (node.type !== 'Literal' || typeof node.value !== 'string') return undefined;
      const updated = setUrlParam(node.value, fix.param, fix.value);
      if (updated === undefined) return undefined;
      return (fixer) => fixer.replaceText(node, quoteLike(node.raw, updated));
    }
  }
}

/** Removes an object property and the comma after it. */
export function removeProperty(fixer: TSESLint.RuleFixer, node: Node, sourceCode: TSESLint.SourceCode): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(node);
  const end = after && after.value === ',' ? after.range[1] : node.range[1];
  return fixer.removeRange([node.range[0], end]);
}

/** Replaces the value of `param` in a URL's query or an ADO string, keeping the rest as is. */
export function setUrlParam(text: string, param: string, value: string): string | undefined {
  const pattern = new RegExp(`([?&;]\\s*${param.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=)[^&;#]*`, 'i');
  return pattern.test(text) ? text.replace(pattern, `$1${value}`) : undefined;
}

/** A string literal with the same quote style as `raw`. */
export function quoteLike(raw: string, value: string): string {
  const quote = raw.startsWith("'") ? "'" : '"';
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}
