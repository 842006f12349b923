import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/file-analysis';
import type { CatalogEntry } from '../catalog/types';
import { hardcodedSecrets, type SecretFinding } from '../policy/credentials';
import { secretDefault } from '../policy/env-defaults';
import type { ObjectValue } from '../policy/value';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';

type Node = TSESTree.Node;
type MessageIds = 'option' | 'urlPassword' | 'connectionStringPassword' | 'envDefault' | 'variableDefault' | 'setting' | 'helper';

export default createRule<[], MessageIds>({
  name: 'no-hardcoded-service-credentials',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passwords and other secrets written into backing-service client configuration',
      recommended: true,
      relaxedInTests: true,
      securitySeverity: 7.5,
    },
    schema: [],
    messages: {
      option: '`{{client}}`: `{{where}}` is a hard-coded secret. Read it from the environment or a secret store at run time.',
      urlPassword:
        '`{{client}}`: the URL in `{{where}}` carries a hard-coded password. Keep the whole URL in the environment (`process.env.{{envVar}}`).',
      connectionStringPassword:
        '`{{client}}`: the connection string in `{{where}}` carries a hard-coded password. Keep the whole connection string in the environment (`process.env.{{envVar}}`).',
      envDefault:
        '`{{client}}`: `{{where}}` falls back to a hard-coded secret when {{variable}} is unset. Require the variable and fail fast when it is missing.',
      variableDefault: '`{{name}}` falls back to a hard-coded secret when it is not set. Require the variable and fail fast when it is missing.',
      setting: '`{{name}}` is a hard-coded secret in configuration. Read it from the environment or a secret store at run time.',
      helper: '`{{client}}`: `{{call}}(...)` is given a hard-coded password. Read it from the environment or a secret store at run time.',
    },
  },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    if (!analysis.mayHoldConfiguration && !analysis.mayReadEnvironment) return {};
    const sourceCode = context.sourceCode;
    const reported = new Set<string>();
    const reportedNodes = new Set<Node>();

    const report = (entry: CatalogEntry, options: ObjectValue<Node>, call?: string): void => {
      for (const finding of hardcodedSecrets(entry, options)) {
        const node = finding.node as Node;
        const key = `${node.range[0]}:${node.range[1]}:${finding.kind}`;
        if (reported.has(key)) continue;
        reported.add(key);
        reportedNodes.add(node);
        const client = entry.displayName;
        const where = finding.where;
        const data = { client, where, envVar: entry.envVar };
        const loc = passwordLoc(finding, sourceCode);
        const target = loc ? { loc } : { node };
        if (finding.envFallback) {
          const name = finding.envFallback.name;
          const variable = name === undefined ? 'the environment variable' : `\`${name}\``;
          context.report({ ...target, messageId: 'envDefault', data: { client, where, variable } });
        } else if (call !== undefined) {
          context.report({ ...target, messageId: 'helper', data: { client, call } });
        } else {
          const messageId = finding.kind === 'option' ? 'option' : finding.kind === 'url-password' ? 'urlPassword' : 'connectionStringPassword';
          context.report({ ...target, messageId, data });
        }
      }
    };

    return oncePerFile(() => {
      for (const site of analysis.sites) report(site.entry, site.options);
      for (const call of analysis.credentialHelperCalls) report(call.entry, call.options, call.callee);
      // `process.env.DB_PASSWORD || 'secret'` wherever it is: a config module hands it on.
      for (const read of analysis.envReads) {
        const finding = secretDefault(read.name, read.value.fallback);
        if (!finding || reportedNodes.has(finding.node)) continue;
        reportedNodes.add(finding.node);
        context.report({ node: finding.node, messageId: 'variableDefault', data: { name: read.name } });
      }
      // `module.exports = { mail: { pass: 'secret' } }`
      for (const setting of analysis.namedSettings) {
        const finding = secretDefault(setting.name, setting.value);
        if (!finding || reportedNodes.has(finding.node)) continue;
        reportedNodes.add(finding.node);
        context.report({ node: finding.node, messageId: 'setting', data: { name: setting.name } });
      }
    });
  },
});

/**
 * The password's own location inside a plain string literal (no escapes), so the report
 * underlines the secret and not the host; undefined otherwise (report the whole value).
 */
function passwordLoc(finding: SecretFinding<unknown>, sourceCode: TSESLint.SourceCode): TSESTree.SourceLocation | undefined {
  const node = finding.node as Node;
  if (!finding.range || node.type !== 'Literal' || typeof node.value !== 'string') return undefined;
  if (node.raw.slice(1, -1) !== node.value) return undefined;
  const start = node.range[0] + 1 + finding.range[0];
  const end = node.range[0] + 1 + finding.range[1];
  if (end <= start || end > node.range[1] - 1) return undefined;
  return { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(end) };
}
