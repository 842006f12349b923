import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/file-analysis';
import { nodesMeaning, tlsIssues } from '../policy/tls';
import { stringOf } from '../policy/value';
import { weakProcessDefault, weakTlsSettings, type WeakTlsSetting } from '../policy/weak-tls';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';
import { isSimpleFix, isWithin, quoteLike, removeProperty, secureSuggestions } from './utils/fixes';

type Node = TSESTree.Node;
type MessageIds =
  | 'weakVersion'
  | 'weakMaxVersion'
  | 'weakMethod'
  | 'weakCipher'
  | 'opportunistic'
  | 'processDefault'
  | 'suggestModernVersion'
  | 'suggestRemove'
  | 'suggestSecure';

/** Words every finding of this rule needs in the text (`minVersion`, `ciphers`, `prefer`, `allow`). */
const MENTIONS = /Version|secureProtocol|ciphers|DEFAULT_|opportunistic|prefer|allow/;

export default createRule<[], MessageIds>({
  name: 'no-weak-tls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow old TLS protocol versions, weak cipher suites and TLS that can fall back to clear text in backing-service clients',
      recommended: true,
      securitySeverity: 6.5,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      weakVersion: '`{{client}}`: `{{path}}: \'{{value}}\'` allows {{protocol}}, which is deprecated and broken (RFC 8996).{{level}} Use `minVersion: \'TLSv1.2\'` or leave Node\'s default.',
      weakMaxVersion: '`{{client}}`: `{{path}}: \'{{value}}\'` caps the connection at {{protocol}}, which is deprecated and broken (RFC 8996).{{level}} Remove it; Node negotiates up to TLS 1.3.',
      weakMethod: '`{{client}}`: `{{path}}: \'{{value}}\'` pins {{protocol}}, which is deprecated and broken.{{level}} Remove it and use `minVersion: \'TLSv1.2\'` if you need a floor.',
      weakCipher: '`{{client}}`: `{{path}}` enables weak cipher suites (`{{cipher}}`). Remove it to use Node\'s default cipher list.',
      opportunistic: '`{{client}}`: {{setting}} silently continues in clear text when TLS cannot be negotiated, so an attacker can strip it. Use {{secure}}.',
      processDefault: '`tls.{{name}} = \'{{value}}\'` lowers TLS for every connection in the process ({{weak}}). Remove it.',
      suggestModernVersion: "Require TLS 1.2 or later: 'TLSv1.2'.",
      suggestRemove: 'Remove `{{key}}` and use Node\'s secure default.',
      suggestSecure: 'Use {{secure}}.',
    },
  },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    if (!analysis.mayHoldConfiguration) return {};
    const sourceCode = context.sourceCode;

    const reportWeak = (client: string, setting: WeakTlsSetting<Node>, scope: Node): void => {
      // The edits are JavaScript; a JSON config file gets the message alone.
      const local = !analysis.isJson && isWithin(setting.valueNode, scope);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      // The `@SECLEVEL=0` that lets the old version through goes in the same edit, when it can.
      const level = setting.alongside;
      const levelProp = local && level?.propNode?.type === 'Property' && isWithin(level.propNode, scope) ? level.propNode : undefined;
      const withLevel = (fixer: TSESLint.RuleFixer, fix: TSESLint.RuleFix): TSESLint.RuleFix[] => (levelProp ? [fix, removeProperty(fixer, levelProp, sourceCode)] : [fix]);
      if (local && setting.kind === 'version' && setting.key === 'minVersion') {
        suggest.push({ messageId: 'suggestModernVersion', fix: (fixer) => withLevel(fixer, fixer.replaceText(setting.valueNode, quote(setting.valueNode, 'TLSv1.2'))) });
      } else if (local && setting.propNode && setting.propNode.type === 'Property') {
        const prop = setting.propNode;
        suggest.push({ messageId: 'suggestRemove', data: { key: setting.key }, fix: (fixer) => withLevel(fixer, removeProperty(fixer, prop, sourceCode)) });
      }
      const levelText = level ? ` \`${level.path}: '${level.value}'\` beside it is what lets OpenSSL 3 negotiate it; remove that too.` : '';
      const data = { client, path: setting.path, value: setting.value, protocol: setting.weak, cipher: setting.weak, level: levelText };
      const messageId = setting.kind === 'version' ? (setting.key === 'maxVersion' ? 'weakMaxVersion' : 'weakVersion') : setting.kind === 'method' ? 'weakMethod' : 'weakCipher';
      context.report({ node: setting.node, messageId, data, suggest });
    };

    return oncePerFile(() => {
      // Most files build no client and assign into no catalog module: stop before the text search.
      if ((analysis.sites.length === 0 && analysis.assignments.length === 0) || !MENTIONS.test(sourceCode.text)) return;
      const reported = new Set<Node>();
      for (const site of analysis.sites) {
        const client = site.entry.displayName;
        const issues = tlsIssues(site.entry, site.options, site.node as Node);
        // A mode that also skips verification (postgres.js `'prefer'`) is one finding, no-unverified-tls's, whose message names the fallback.
        const unverified = nodesMeaning(issues, 'unverified');
        for (const issue of issues) {
          if (issue.meaning !== 'opportunistic' || reported.has(issue.node) || unverified.has(issue.node)) continue;
          reported.add(issue.node);
          context.report({
            node: issue.node,
            messageId: 'opportunistic',
            data: { client, setting: issue.setting, secure: issue.secure },
            suggest: secureSuggestions(issue.fix && isSimpleFix(issue.fix) ? issue.fix : undefined, site.node, issue.secure, sourceCode),
          });
        }
        for (const setting of weakTlsSettings(site.entry, site.options)) {
          if (reported.has(setting.valueNode)) continue;
          reported.add(setting.valueNode);
          reportWeak(client, setting, site.node);
        }
      }
      const defaultsWrites = analysis.globalDefaultsWrites;
      for (const { assignment, prefix, options } of defaultsWrites) {
        for (const setting of weakTlsSettings(assignment.entry, options)) {
          if (reported.has(setting.valueNode)) continue;
          reported.add(setting.valueNode);
          reportWeak(assignment.entry.displayName, { ...setting, path: `${prefix}.${setting.path}` }, assignment.node);
        }
      }
      // `tls.DEFAULT_MIN_VERSION = 'TLSv1'`: Node's process-wide TLS defaults.
      for (const assignment of analysis.assignments) {
        if (assignment.entry.id !== 'node:tls' || defaultsWrites.some((write) => write.assignment === assignment)) continue;
        const value = analysis.evaluator.evaluate(assignment.node.right);
        const text = stringOf(value);
        const weak = text === undefined ? undefined : weakProcessDefault(assignment.path, text);
        if (!weak || text === undefined) continue;
        const right = assignment.node.right;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
          weak.kind === 'version' && assignment.path === 'DEFAULT_MIN_VERSION' && value.node === right
            ? [{ messageId: 'suggestModernVersion', fix: (fixer) => fixer.replaceText(right, quote(right, 'TLSv1.2')) }]
            : [];
        context.report({
          node: assignment.node,
          messageId: 'processDefault',
          data: { name: assignment.path, value: text, weak: weak.kind === 'version' ? `allows ${weak.weak}` : `enables \`${weak.weak}\`` },
          suggest,
        });
      }
    });
  },
});

/** `text` as a string literal in the quotes of `node` (single quotes unless it is a `"` literal). */
function quote(node: Node, text: string): string {
  return quoteLike(node.type === 'Literal' && node.raw.startsWith('"') ? '"' : "'", text);
}
