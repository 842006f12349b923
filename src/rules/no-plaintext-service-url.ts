import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/file-analysis';
import { onlyPrinted } from '../analysis/printed';
import type { ServiceUrlLiteral } from '../analysis/service-urls';
import { catalog } from '../catalog';
import { judgeUrlLiteral, plaintextSchemeOptions, switchFix, urlReaches, type PlaintextUrl } from '../policy/plaintext';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';
import { isTestFile } from './utils/files';
import { quoteLike, secureSuggestions } from './utils/fixes';

type Node = TSESTree.Node;
type MessageIds = 'plaintext' | 'disabledByParameter' | 'plaintextProtocol' | 'suggestTlsScheme' | 'suggestTlsParam' | 'suggestSecure';

export default createRule<[], MessageIds>({
  name: 'no-plaintext-service-url',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow service URLs that connect in clear text where a TLS form exists',
      recommended: true,
      securitySeverity: 7.5,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      plaintext: '`{{client}}`: this `{{scheme}}://` URL does not require TLS, so data and credentials can cross the network in clear text. Use {{secure}}.',
      disabledByParameter: '`{{client}}`: this `{{scheme}}://` URL turns TLS off in its parameters, so it connects in clear text. Use {{secure}}.',
      plaintextProtocol: '`{{client}}`: `{{setting}}` is the plaintext scheme in option form, so data and credentials can cross the network in clear text. Use {{secure}}.',
      suggestTlsScheme: 'Use `{{scheme}}://`.',
      suggestSecure: 'Turn TLS on: {{secure}}.',
      suggestTlsParam: 'Add `{{param}}` to the URL.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const text = sourceCode.text;
    const withUrls = text.includes('://');
    // amqplib's and MQTT.js's object form spell the scheme as `protocol`.
    const withProtocol = text.includes('protocol');
    if (!withUrls && !withProtocol) return {};
    return oncePerFile(() => {
      const analysis = getFileAnalysis(context);
      if (withProtocol) {
        // Options shared by several clients are reported once.
        const reported = new Set<Node>();
        for (const site of analysis.sites) {
          for (const issue of plaintextSchemeOptions(site.entry, site.options, site.node as Node)) {
            if (reported.has(issue.node)) continue;
            reported.add(issue.node);
            const fix = switchFix(site.entry, site.options, issue);
            context.report({
              node: issue.node,
              messageId: 'plaintextProtocol',
              data: { client: site.entry.displayName, setting: issue.setting, secure: issue.secure },
              suggest: secureSuggestions(fix, site.node as Node, issue.secure, sourceCode),
            });
          }
        }
      }
      const urls = withUrls ? analysis.serviceUrls : [];
      if (urls.length === 0) return;
      const reach = urlReaches(analysis.sites);
      // A URL that reaches no client is judged on its own only where it configures something:
      // not as the argument of a function the analysis does not know (a validator, a parser, a
      // logger, an assertion), not held by a variable only ever logged, and not in test code
      // (fixtures, mocked clients).
      const testFile = isTestFile(context.filename, context.cwd);
      for (const url of urls) {
        const reaches = reach.get(url.node);
        if (!reaches && (url.argument || testFile || onlyPrinted(url.node, sourceCode))) continue;
        const finding = judgeUrlLiteral(url.text, catalog, reaches);
        if (!finding) continue;
        const { result, standalone } = finding;
        context.report({
          node: url.node,
          messageId: result.kind === 'off' ? 'disabledByParameter' : 'plaintext',
          data: { client: standalone ? result.entry.service : result.entry.displayName, scheme: result.scheme, secure: result.secure },
          suggest: result.kind === 'off' ? [] : suggestions(url, result, sourceCode),
        });
      }
    });
  },
});

/** The string literal or template that starts the URL (the left end of a concatenation). */
function leftmost(node: Node): TSESTree.Literal | TSESTree.TemplateLiteral | undefined {
  let current = node;
  while (current.type === 'BinaryExpression') current = current.left;
  if (current.type === 'Literal' && typeof current.value === 'string') return current;
  if (current.type === 'TemplateLiteral') return current;
  return undefined;
}

function suggestions(url: ServiceUrlLiteral, result: PlaintextUrl, sourceCode: TSESLint.SourceCode): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const start = leftmost(url.node);
  if (!start) return [];
  const raw = sourceCode.getText(start);
  if (result.tlsScheme) {
    const tlsScheme = result.tlsScheme;
    if (raw.slice(1, 1 + result.scheme.length) !== result.scheme || raw.slice(1 + result.scheme.length, 4 + result.scheme.length) !== '://') return [];
    const from = start.range[0] + 1;
    return [
      {
        messageId: 'suggestTlsScheme',
        data: { scheme: tlsScheme },
        fix: (fixer) => fixer.replaceTextRange([from, from + result.scheme.length], tlsScheme),
      },
    ];
  }
  if (result.tlsParam && start === url.node && start.type === 'Literal' && typeof start.value === 'string' && !start.value.includes('#')) {
    const param = result.tlsParam;
    const text = start.value;
    const joined = `${text}${text.includes('?') ? (text.endsWith('?') || text.endsWith('&') ? '' : '&') : '?'}${param}`;
    return [{ messageId: 'suggestTlsParam', data: { param }, fix: (fixer) => fixer.replaceText(start, quoteLike(start.raw, joined)) }];
  }
  return [];
}
