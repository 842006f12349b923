import type { TSESTree } from '@typescript-eslint/utils';
import { isInDefaultOperand } from '../analysis/ast';
import { parameterDefault } from '../analysis/env-reads';
import { getFileAnalysis, type ClientSite } from '../analysis/file-analysis';
import { isServiceUrlHost } from '../analysis/service-urls';
import { isServiceLocationRead } from '../policy/env-defaults';
import { isServiceLocationEnvName } from '../policy/env-names';
import { isAttachedResource, localLocationIn, valuesWithPaths, type LocalLocation } from '../policy/environment';
import { isLoopbackLocation, serviceLocations } from '../policy/location';
import { walkValues, type Value } from '../policy/value';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';

type Node = TSESTree.Node;
type MessageIds = 'clientFallback' | 'variableFallback' | 'parameterDefault' | 'defaultObject';

export default createRule<[], MessageIds>({
  name: 'no-local-service-fallback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow falling back to a local service when the environment does not say where a backing service is',
      recommended: true,
      relaxedInTests: true,
      securitySeverity: 4.3,
    },
    schema: [],
    messages: {
      clientFallback:
        '`{{client}}`: when `{{name}}` is not set this client silently connects to a local service (`{{host}}`). Remove the local default and fail fast: throw at start-up when `{{name}}` is missing.',
      variableFallback:
        '`{{name}}` falls back to a local service (`{{host}}`) when it is not set. Remove the local default and fail fast: throw at start-up when `{{name}}` is missing.',
      defaultObject:
        '`{{client}}`: when no configuration is given this client connects to a local service (`{{host}}`). Remove the local default and fail fast when the configuration is missing.',
      parameterDefault:
        '`{{client}}`: parameter `{{name}}` defaults to a local service (`{{host}}`). Pass the location from the environment and fail fast when it is missing.',
    },
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode;
    const analysis = getFileAnalysis(context);
    // Findings come from clients or from env reads; a file with neither has nothing to judge.
    if (!analysis.mayHoldConfiguration && !analysis.mayReadEnvironment) return {};
    return oncePerFile(() => {
      const evaluator = analysis.evaluator;
      const reported = new Set<Node>();
      const report = (node: Node, messageId: MessageIds, data: Record<string, string>): void => {
        if (reported.has(node)) return;
        reported.add(node);
        context.report({ node, messageId, data });
      };

      /** The env variable a presence test (`process.env.X ? a : b`, `!process.env.X ? ...`) reads. */
      const presence = (value: Value<Node>): { name: string; whenSet: Value<Node>; whenUnset: Value<Node> } | undefined => {
        if (value.kind !== 'conditional' || value.node.type !== 'ConditionalExpression' || value.branches.length !== 2) return undefined;
        let test = value.test;
        let negated = false;
        while (test.type === 'UnaryExpression' && test.operator === '!') {
          test = test.argument;
          negated = !negated;
        }
        const read = evaluator.evaluate(test);
        if (read.kind !== 'env' || read.name === undefined || read.fallback) return undefined;
        const [a, b] = value.branches as [Value<Node>, Value<Node>];
        return negated ? { name: read.name, whenSet: b, whenUnset: a } : { name: read.name, whenSet: a, whenUnset: b };
      };

      const readsVariable = (value: Value<Node>, name: string): boolean => {
        for (const inner of walkValues(value)) if (inner.kind === 'env' && inner.name === name) return true;
        return false;
      };

      const checkClientValue = (site: ClientSite, value: Value<Node>): void => {
        const client = site.entry.displayName;
        if (value.kind === 'env' && value.fallback && value.name !== undefined) {
          const local = localLocationIn(value.fallback);
          if (local) report(local.node, 'clientFallback', { client, name: value.name, host: local.host });
          return;
        }
        // `process.env.A || process.env.B || 'localhost'`: a chain of reads ending in a default.
        if (value.kind === 'conditional' && value.node.type === 'LogicalExpression' && value.node.operator !== '&&' && value.branches.length === 2) {
          const first = [...walkValues(value.branches[0]!)].find((v) => v.kind === 'env' && v.name !== undefined);
          const local = first && localLocationIn(value.branches[1]);
          if (first?.kind === 'env' && local) report(local.node, 'clientFallback', { client, name: first.name!, host: local.host });
          return;
        }
        const test = presence(value);
        if (test && (isServiceLocationEnvName(test.name) || readsVariable(test.whenSet, test.name))) {
          const local = localLocationIn(test.whenUnset);
          if (local) report(local.node, 'clientFallback', { client, name: test.name, host: local.host });
          return;
        }
        if (value.kind === 'unknown') {
          const fallbackNode = parameterDefault(value.node, (n) => sourceCode.getScope(n));
          if (!fallbackNode) return;
          const local: LocalLocation<Node> | undefined = localLocationIn(evaluator.evaluate(fallbackNode));
          const id = value.node.type === 'Identifier' ? value.node.name : 'options';
          if (local) report(local.node, 'parameterDefault', { client, name: id, host: local.host });
        }
      };

      for (const site of analysis.sites) {
        if (!isAttachedResource(site.entry)) continue;
        // `process.env.DATABASE_URL ? new Sequelize(url) : new Sequelize('postgres://localhost/dev')`,
        // and `opts.connection ?? { host: 'localhost' }`.
        const variable = analysis.fallbackVariable(site);
        // A bare exported URL is an environment read's default, reported as one below, unless a
        // presence test exports it (`if (!process.env.MONGO_URL) module.exports = { uri: '...' }`).
        if (site.origin === 'url' && variable === undefined) continue;
        const location = site.entry.location;
        const paths = [...location.urlPaths, ...location.hostPaths, ...location.listPaths];
        // A conditional or a default on a whole argument: `new Pool(process.env.X ? a : { host })`.
        for (const arg of site.args) {
          if (arg.kind === 'conditional' || arg.kind === 'env' || arg.kind === 'unknown') checkClientValue(site, arg);
        }
        for (const { path, value } of valuesWithPaths(site.options)) {
          if (!paths.includes(path) && !paths.some((p) => p.startsWith(`${path}.`))) continue;
          checkClientValue(site, value);
        }
        // After the environment reads above: `process.env.A || process.env.B || 'localhost'` names `A`.
        for (const local of serviceLocations(site.entry, site.options)) {
          if (!isLoopbackLocation(local) || local.envFallback) continue;
          const data = { client: site.entry.displayName, host: local.hosts[0]!.host };
          if (variable !== undefined) report(local.node, 'clientFallback', { ...data, name: variable });
          else if (isInDefaultOperand(local.node)) report(local.node, 'defaultObject', data);
        }
      }

      for (const read of analysis.serverEnvReads) {
        const candidate = read.presence ? read.presence.whenUnset : read.value.fallback;
        // `'mongodb://' + (process.env.IP || 'localhost')`: the URL says what the name does not.
        if (!isServiceLocationRead(read.name, candidate) && !isServiceUrlHost(read.node)) continue;
        const local = localLocationIn(candidate);
        if (!local) continue;
        report(local.node, 'variableFallback', { name: read.name, host: local.host });
      }
    });
  },
});
