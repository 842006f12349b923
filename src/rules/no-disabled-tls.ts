import type { TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/file-analysis';
import type { CatalogEntry } from '../catalog/types';
import { credentialsWithoutTls, switchFix } from '../policy/plaintext';
import { tlsIssues, type TlsIssue } from '../policy/tls';
import type { ObjectValue } from '../policy/value';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';
import { isSimpleFix, isWithin, secureSuggestions } from './utils/fixes';

type Node = TSESTree.Node;
type MessageIds = 'disabled' | 'globalDefault' | 'credentialsInClear' | 'suggestSecure';
type Options = [{ requireTls?: boolean }];

export default createRule<Options, MessageIds>({
  name: 'no-disabled-tls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow backing-service connections with TLS explicitly turned off',
      recommended: true,
      strictOptions: [{ requireTls: true }],
      securitySeverity: 7.5,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          requireTls: {
            type: 'boolean',
            description:
              'Also report clients that send credentials to a remote or environment-provided host over a connection that never turns TLS on (kafkajs `sasl` without `ssl`, pg or mysql with a password and no `ssl`, nodemailer `auth` without `requireTLS`, amqplib `amqp://` with a password).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ requireTls: false }],
    messages: {
      disabled: '`{{client}}`: {{setting}} turns TLS off, so data and credentials cross the network in clear text. Use {{secure}}.',
      globalDefault: '`{{client}}`: {{setting}} in `{{target}}` turns TLS off for every client that uses it. Use {{secure}}.',
      credentialsInClear:
        '`{{client}}`: credentials ({{credential}}) go to a remote or environment-provided host over a connection that never turns TLS on. Use {{secure}}.',
      suggestSecure: 'Turn TLS on: {{secure}}.',
    },
  },
  defaultOptions: [{ requireTls: false }],
  create(context, [options]) {
    if (!getFileAnalysis(context).mayHoldConfiguration) return {};
    const sourceCode = context.sourceCode;
    const requireTls = options.requireTls === true;

    const report = (entry: CatalogEntry, config: ObjectValue<Node>, issue: TlsIssue<Node>, scope: Node, target?: string): void => {
      const fix = issue.fix ?? switchFix(entry, config, issue);
      context.report({
        node: issue.node,
        messageId: target ? 'globalDefault' : 'disabled',
        data: { client: entry.displayName, setting: issue.setting, secure: issue.secure, target: target ?? '' },
        suggest: secureSuggestions(fix && isSimpleFix(fix) ? fix : undefined, scope, issue.secure, sourceCode),
      });
    };

    return oncePerFile(() => {
      const analysis = getFileAnalysis(context);
      const reported = new Set<Node>();
      // A write guarded by the environment name (`if (isDev) cfg.ssl = false`) is the choice
      // no-environment-branching reports; one guarded by an option is this rule's.
      const byEnvironment = (node: Node): boolean => analysis.environmentBranches.some((b) => b.branches.some((branch) => isWithin(node, branch)));
      for (const site of analysis.sites) {
        let off = false;
        for (const issue of tlsIssues(site.entry, site.options, site.node as Node)) {
          // A plaintext `protocol` is the URL's scheme in pieces: no-plaintext-service-url's.
          if (issue.meaning !== 'off' || issue.scheme || (issue.guarded && byEnvironment(issue.node))) continue;
          off = true;
          if (reported.has(issue.node)) continue;
          reported.add(issue.node);
          report(site.entry, site.options, issue, site.node);
        }
        if (!requireTls || off) continue;
        const clear = credentialsWithoutTls(site.entry, site.options);
        if (!clear || reported.has(clear.node)) continue;
        reported.add(clear.node);
        context.report({
          node: clear.node,
          messageId: 'credentialsInClear',
          data: { client: site.entry.displayName, credential: clear.credential, secure: clear.secure },
        });
      }
      for (const { assignment, prefix, options: config } of analysis.globalDefaultsWrites) {
        for (const issue of tlsIssues(assignment.entry, config, assignment.node as Node)) {
          if (issue.meaning !== 'off' || issue.scheme || issue.setting.endsWith('(library default)')) continue;
          report(assignment.entry, config, issue, assignment.node, prefix);
        }
      }
    });
  },
});
