import type { TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/file-analysis';
import { nodesMeaning, tlsIssues, unverifiedTlsBagProperties, type TlsIssue } from '../policy/tls';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';
import { secureSuggestions } from './utils/fixes';

type Node = TSESTree.Node;
type MessageIds = 'unverified' | 'hostnameUnverified' | 'unverifiedFallback' | 'globalDefault' | 'namedSetting' | 'processWide' | 'suggestSecure';
type Options = [{ checkHostname?: boolean }];

export default createRule<Options, MessageIds>({
  name: 'no-unverified-tls',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow backing-service connections that skip certificate or host-name verification',
      recommended: true,
      strictOptions: [{ checkHostname: true }],
      securitySeverity: 8.1,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkHostname: {
            type: 'boolean',
            description:
              'Also report TLS that verifies the certificate chain but not the host name: mysql2 (and knex, Sequelize, TypeORM over it) with an `ssl` object and no `verifyIdentity: true`, and the mysql package, which never checks it.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkHostname: false }],
    messages: {
      unverified: '`{{client}}`: {{setting}} does not verify the server certificate or host name. Use {{secure}}.',
      hostnameUnverified: '`{{client}}`: {{setting}} verifies the certificate chain but not the host name, so any certificate the CA signed for another name is accepted. Use {{secure}}.',
      unverifiedFallback:
        '`{{client}}`: {{setting}} does not verify the server certificate or host name, and goes on in clear text when the server declines TLS. Use {{secure}}.',
      globalDefault:
        '`{{client}}`: {{setting}} in `{{target}}` turns off verification for every client that uses it. Remove it and give the client a `ca` instead.',
      namedSetting:
        '`{{name}}`: `rejectUnauthorized: false` does not verify the server certificate or host name of the connections that use this setting. Remove it and give the setting the server\'s CA (`ca`) instead.',
      processWide:
        '`NODE_TLS_REJECT_UNAUTHORIZED = {{value}}` turns off certificate verification for every TLS connection in the process. Remove it; trust a private CA with `NODE_EXTRA_CA_CERTS` or a `ca` option.',
      suggestSecure: 'Verify the server: {{secure}}.',
    },
  },
  defaultOptions: [{ checkHostname: false }],
  create(context, [options]) {
    const checkHostname = options.checkHostname === true;
    const sourceCode = context.sourceCode;
    if (!getFileAnalysis(context).mayHoldConfiguration && !sourceCode.text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) return {};
    const report = (issue: TlsIssue<Node>, messageId: 'unverified' | 'hostnameUnverified' | 'unverifiedFallback' | 'globalDefault', data: Record<string, string>, scope: Node): void => {
      context.report({
        node: issue.node,
        messageId,
        data: { setting: issue.setting, secure: issue.secure, ...data },
        suggest: secureSuggestions(issue.fix, scope, issue.secure, sourceCode),
      });
    };

    return oncePerFile(() => {
      const analysis = getFileAnalysis(context);
      const reported = new Set<Node>();
      for (const site of analysis.sites) {
        const issues = tlsIssues(site.entry, site.options, site.node as Node);
        const fallsBack = nodesMeaning(issues, 'opportunistic');
        for (const issue of issues) {
          if (issue.meaning !== 'unverified' || reported.has(issue.node) || (issue.hostnameOnly && !checkHostname)) continue;
          reported.add(issue.node);
          const messageId = issue.hostnameOnly ? 'hostnameUnverified' : fallsBack.has(issue.node) ? 'unverifiedFallback' : 'unverified';
          report(issue, messageId, { client: site.entry.displayName }, site.node);
        }
      }
      for (const { assignment, prefix, options } of analysis.globalDefaultsWrites) {
        for (const issue of tlsIssues(assignment.entry, options, assignment.node as Node)) {
          if (issue.meaning !== 'unverified' || (issue.hostnameOnly && !checkHostname)) continue;
          report(issue, 'globalDefault', { client: assignment.entry.displayName, target: prefix }, assignment.node);
        }
      }
      // `export const DB_SSL = { rejectUnauthorized: false }`, for a client in another module.
      for (const setting of analysis.namedTlsSettings) {
        for (const prop of unverifiedTlsBagProperties(setting.value)) {
          if (reported.has(prop.node)) continue;
          reported.add(prop.node);
          context.report({ node: prop.node, messageId: 'namedSetting', data: { name: setting.name } });
        }
      }
      if (!sourceCode.text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) return;
      for (const write of analysis.envWrites) {
        if (write.name !== 'NODE_TLS_REJECT_UNAUTHORIZED') continue;
        const v = write.value;
        if (v.kind === 'literal' && (v.value === '0' || v.value === 0)) {
          context.report({ node: write.node, messageId: 'processWide', data: { value: typeof v.value === 'string' ? `'0'` : '0' } });
        }
      }
    });
  },
});
