import type { TSESTree } from '@typescript-eslint/utils';
import { isInDefaultOperand } from '../analysis/ast';
import { getFileAnalysis } from '../analysis/file-analysis';
import { isServiceUrlHost } from '../analysis/service-urls';
import { locationDefault } from '../policy/env-defaults';
import { describeLocation, isLoopbackLocation, serviceLocations } from '../policy/location';
import { isLocalHostName as isLoopbackText } from '../policy/environment';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';
import { isWithin } from './utils/fixes';

type Node = TSESTree.Node;
type MessageIds = 'hardcoded' | 'hardcodedDefault' | 'variableDefault' | 'setting' | 'environmentWrite' | 'suggestEnv';
type Options = [{ allowLoopback?: boolean }];

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-service-location',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow backing-service hosts, URLs and broker lists written in code instead of read from the environment',
      recommended: true,
      relaxedInTests: true,
      securitySeverity: 4.3,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allowLoopback: {
            type: 'boolean',
            description:
              'Accept literal loopback locations (`localhost`, `127.0.0.1`, `::1`, `0.0.0.0`, `host.docker.internal`), for example in a test or tooling directory.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allowLoopback: false }],
    messages: {
      hardcoded:
        '`{{client}}`: `{{path}}` is a hard-coded {{what}}, so this code cannot be pointed at another service without a change. Read it from the environment (`process.env.{{envVar}}`).',
      hardcodedDefault:
        '`{{client}}`: `{{path}}` falls back to a hard-coded {{what}} when {{variable}} is unset. Require the variable and fail fast when it is missing.',
      variableDefault: '`{{name}}` falls back to a hard-coded {{what}} (`{{host}}`) when it is not set. Require the variable and fail fast when it is missing.',
      setting: '`{{name}}` is a hard-coded {{what}} (`{{host}}`) in configuration. Read it from the environment.',
      environmentWrite:
        '`{{name}}` is set to a hard-coded {{what}} (`{{host}}`) in code, over whatever the deployment sets. Remove the assignment and set the variable in the environment.',
      suggestEnv: 'Read the location from `process.env.{{envVar}}`.',
    },
  },
  defaultOptions: [{ allowLoopback: false }],
  create(context, [{ allowLoopback = false }]) {
    const analysis = getFileAnalysis(context);
    if (!analysis.mayHoldConfiguration && !analysis.mayReadEnvironment) return {};
    return oncePerFile(() => {
      const reported = new Set<Node>();
      // An environment variable's default (an option definition's `default: 'redis://127.0.0.1'`):
      // a loopback one is no-local-service-fallback's.
      const defaults = new Set(analysis.serverEnvReads.map((read) => read.value.fallbackNode));
      for (const site of analysis.sites) {
        const { entry } = site;
        for (const location of serviceLocations(entry, site.options)) {
          const node = location.node;
          // A literal list of brokers or hosts is one finding, at its first literal.
          if (reported.has(node) || (location.list !== undefined && reported.has(location.list))) continue;
          if (location.list !== undefined) reported.add(location.list);
          const loopback = isLoopbackLocation(location);
          // Loopback defaults, and a client (or a value) used only while its variable is unset: no-local-service-fallback.
          if (loopback && (allowLoopback || location.envFallback || analysis.fallbackVariable(site) !== undefined || analysis.fallbackVariableAt(node) !== undefined || isInDefaultOperand(node) || defaults.has(node))) continue;
          reported.add(node);
          const client = entry.displayName;
          const path = location.path;
          const what = describeLocation(location);
          const data = { client, path, what, envVar: entry.envVar };
          if (location.envFallback) {
            const name = location.envFallback.name;
            const variable = name === undefined ? 'the environment variable' : `\`${name}\``;
            context.report({ node, messageId: 'hardcodedDefault', data: { client, path, what, variable } });
            continue;
          }
          const suggestable =
            location.direct && location.slot === 'url' && location.value.kind === 'literal' && node.type === 'Literal' && isWithin(node, site.node) && !defaults.has(node);
          context.report({
            node,
            messageId: 'hardcoded',
            data,
            suggest: suggestable
              ? [{ messageId: 'suggestEnv', data: { envVar: entry.envVar }, fix: (fixer) => fixer.replaceText(node, `process.env.${entry.envVar}`) }]
              : [],
          });
        }
      }
      // `process.env.REDIS_HOST || 'cache.internal'` wherever it is: a config module hands it on.
      for (const read of analysis.serverEnvReads) {
        const finding = locationDefault(read.name, read.value.fallback, { urlHost: isServiceUrlHost(read.node) });
        if (!finding || reported.has(finding.node)) continue;
        reported.add(finding.node);
        context.report({ node: finding.node, messageId: 'variableDefault', data: { name: read.name, what: finding.what!, host: finding.host! } });
      }
      // `process.env.MONGODB_URI = 'mongodb://localhost/test'`: a location in code, for whatever reads the variable.
      for (const { write, finding } of analysis.locationWrites) {
        if (reported.has(finding.node) || (allowLoopback && isLoopbackText(finding.host!))) continue;
        reported.add(finding.node);
        context.report({ node: finding.node, messageId: 'environmentWrite', data: { name: write.name, what: finding.what!, host: finding.host! } });
      }
      // `module.exports = { redis_host: '127.0.0.1' }`
      for (const setting of analysis.namedSettings) {
        const finding = locationDefault(setting.name, setting.value, { setting: true });
        if (!finding || reported.has(finding.node)) continue;
        // Loopback settings exported only while the variable is unset: no-local-service-fallback.
        if (isLoopbackText(finding.host!) && (allowLoopback || analysis.fallbackVariableAt(finding.node) !== undefined)) continue;
        reported.add(finding.node);
        context.report({ node: finding.node, messageId: 'setting', data: { name: setting.name, what: finding.what!, host: finding.host! } });
      }
    });
  },
});
