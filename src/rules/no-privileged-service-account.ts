import type { TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/file-analysis';
import type { CatalogEntry } from '../catalog/types';
import { privilegedAccounts } from '../policy/credentials';
import { accountDefault } from '../policy/env-defaults';
import type { ObjectValue } from '../policy/value';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';

type Node = TSESTree.Node;
type MessageIds = 'option' | 'urlUsername' | 'connectionStringUser' | 'implicit' | 'helper' | 'variableDefault' | 'setting';
type Options = [{ allow?: string[]; implicitDefaults?: boolean }];

export default createRule<Options, MessageIds>({
  name: 'no-privileged-service-account',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow default and superuser accounts (`postgres`, `root`, `sa`, `admin`, `guest`, `elastic` ...) in backing-service client configuration',
      recommended: true,
      relaxedInTests: true,
      securitySeverity: 6.5,
      strictOptions: [{ implicitDefaults: true }],
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Account names (case-insensitive) never to report, for a deployment where one of the well-known names is in fact a least-privileged account.',
          },
          implicitDefaults: {
            type: 'boolean',
            description:
              "Also report a remote service reached with no credentials at all, so that the library logs in as its default account (amqplib's `guest`). Off by default: no account is written down; `strict` turns it on.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], implicitDefaults: false }],
    messages: {
      option:
        '`{{client}}`: `{{where}}` is the privileged account `{{account}}`. Connect with a least-privileged account that has only the grants this code needs.',
      urlUsername:
        '`{{client}}`: the URL in `{{where}}` logs in as the privileged account `{{account}}`. Connect with a least-privileged account that has only the grants this code needs.',
      connectionStringUser:
        '`{{client}}`: the connection string in `{{where}}` logs in as the privileged account `{{account}}`. Connect with a least-privileged account that has only the grants this code needs.',
      implicit:
        '`{{client}}`: `{{where}}` names a remote service but no credentials, so the library logs in as its default account `{{account}}`. Give a least-privileged account in the environment-provided URL.',
      helper: '`{{client}}`: `{{call}}(...)` logs in as the privileged account `{{account}}`. Use a least-privileged account.',
      variableDefault:
        '`{{name}}` falls back to the privileged account `{{account}}` when it is not set. Require the variable, and give it a least-privileged account.',
      setting: '`{{name}}` is the privileged account `{{account}}` in configuration. Use a least-privileged account that has only the grants this code needs.',
    },
  },
  defaultOptions: [{ allow: [], implicitDefaults: false }],
  create(context, [{ allow = [], implicitDefaults = false }]) {
    const analysis = getFileAnalysis(context);
    if (!analysis.mayHoldConfiguration && !analysis.mayReadEnvironment) return {};
    const allowed = allow.map((name) => name.trim().toLowerCase());
    const reported = new Set<string>();
    const reportedNodes = new Set<Node>();

    const report = (entry: CatalogEntry, options: ObjectValue<Node>, callNode: Node, call?: string): void => {
      for (const finding of privilegedAccounts(entry, options, callNode, allowed)) {
        if (finding.kind === 'implicit' && !implicitDefaults) continue;
        const node = finding.node as Node;
        const key = `${node.range[0]}:${node.range[1]}:${finding.kind}`;
        if (reported.has(key)) continue;
        reported.add(key);
        reportedNodes.add(node);
        const client = entry.displayName;
        const account = finding.account;
        const data = { client, where: finding.where, account };
        if (call !== undefined) {
          context.report({ node, messageId: 'helper', data: { client, call, account } });
          continue;
        }
        const messageId =
          finding.kind === 'option' ? 'option' : finding.kind === 'url-username' ? 'urlUsername' : finding.kind === 'connection-string-user' ? 'connectionStringUser' : 'implicit';
        context.report({ node, messageId, data });
      }
    };

    return oncePerFile(() => {
      for (const site of analysis.sites) report(site.entry, site.options, site.node);
      for (const call of analysis.credentialHelperCalls) report(call.entry, call.options, call.node, call.callee);
      // `process.env.DB_USER || 'root'` wherever it is: a config module hands it on.
      for (const read of analysis.serverEnvReads) {
        const finding = accountDefault(read.name, read.value.fallback, allowed);
        if (!finding || reportedNodes.has(finding.node)) continue;
        reportedNodes.add(finding.node);
        context.report({ node: finding.node, messageId: 'variableDefault', data: { name: read.name, account: finding.account! } });
      }
      // `module.exports = { ldap: { admindn: 'cn=admin,dc=example,dc=org' } }`
      for (const setting of analysis.namedSettings) {
        const finding = accountDefault(setting.name, setting.value, allowed);
        if (!finding || reportedNodes.has(finding.node)) continue;
        reportedNodes.add(finding.node);
        context.report({ node: finding.node, messageId: 'setting', data: { name: setting.name, account: finding.account! } });
      }
    });
  },
});
