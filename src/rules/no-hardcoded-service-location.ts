import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getFileAnalysis } from '../analysis/file-analysis';
import { describeLocation, isLoopbackLocation, serviceLocations } from '../policy/location';
import { createRule } from '../util/create-rule';
import { isWithin } from './utils/fixes';

type Node = TSESTree.Node;
type MessageIds = 'hardcoded' | 'hardcodedDefault' | 'suggestEnv';
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
      suggestEnv: 'Read the location from `process.env.{{envVar}}`.',
    },
  },
  defaultOptions: [{ allowLoopback: false }],
  create(context, [{ allowLoopback = false }]) {
    if (!getFileAnalysis(context).mayHoldConfiguration) return {};
    return {
      Program() {
        const analysis = getFileAnalysis(context);
        const reported = new Set<Node>();
        for (const site of analysis.sites) {
          const { entry } = site;
          for (const location of serviceLocations(entry, site.options)) {
            const node = location.node;
            if (reported.has(node)) continue;
            const loopback = isLoopbackLocation(location);
            if (loopback && (allowLoopback || location.envFallback)) continue; // loopback defaults: no-local-service-fallback
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
              location.direct && location.slot === 'url' && location.value.kind === 'literal' && node.type === 'Literal' && isWithin(node, site.node);
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
      },
    } satisfies TSESLint.RuleListener;
  },
});
