import type { TSESTree } from '@typescript-eslint/utils';
import { shapeText } from '../analysis/environment-branching';
import type { EnvironmentBranch } from '../analysis/environment-tests';
import { getFileAnalysis } from '../analysis/file-analysis';
import { isTestRunnerGuard, serviceConfigDiffers } from '../policy/environment';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';

type Node = TSESTree.Node;
type MessageIds = 'buildsClient' | 'config' | 'map' | 'environmentFile';

export default createRule<[], MessageIds>({
  name: 'no-environment-branching',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow choosing backing-service clients or their location, TLS or credentials by environment name or locality',
      recommended: true,
      relaxedInTests: true,
      securitySeverity: 5.3,
    },
    schema: [],
    messages: {
      buildsClient:
        '`{{client}}`: which client is built depends on {{what}}. Build the same client in every environment and read its location, TLS settings and credentials from the environment.',
      config:
        '`{{client}}`: {{setting}} depends on {{what}}, so environments connect differently. Configure every environment the same way and read what differs (the URL, a CA) from the environment.',
      map: '`{{client}}`: configuration picked from a per-environment map by {{what}}. Use one configuration and read the location, TLS settings and credentials from the environment.',
      environmentFile:
        '`{{client}}`: the `{{name}}` entry connects differently from the others (location or TLS written per environment). Use one entry that reads `DATABASE_URL` and its TLS settings from the environment.',
    },
  },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    // Without a catalog module there is no client to branch on, only an exported map to judge.
    if (!analysis.mayHoldConfiguration && !analysis.mayExportEnvironmentMap) return {};
    return oncePerFile(() => {
      const flow = analysis.environmentBranching;
      // An exported per-environment map (a knexfile, a sequelize-cli config) is judged whether
      // or not the file also builds a client.
      for (const entry of flow.differingEnvironmentEntries()) {
        context.report({ node: entry.node, messageId: 'environmentFile', data: { client: entry.client, name: entry.name } });
      }
      if (flow.sites.length === 0) return;

      const reported = new Set<Node>();
      const report = (branch: EnvironmentBranch, messageId: MessageIds, data: Record<string, string>, at: Node = branch.test): void => {
        if (reported.has(at)) return;
        reported.add(at);
        context.report({ node: at, messageId, data: { what: describeTest(branch), ...data } });
      };

      // A test used directly as an option's value: `tls: process.env.NODE_ENV === 'production'`.
      for (const { site, path, branch, at } of flow.directTests()) {
        if (isTestRunnerGuard(branch.comparedWith)) continue;
        report(branch, 'config', { client: site.entry.displayName, setting: describePath(path) }, at);
      }

      for (const branch of flow.branches) {
        // A client built in one path only: `if (!isProd) client = new Redis()`. Under the test
        // runner that is a guard (`if (NODE_ENV !== 'test') connect()`), not a different client.
        const built = flow.clientBuiltDifferently(branch);
        if (built) {
          if (!isTestRunnerGuard(branch.comparedWith)) report(branch, 'buildsClient', { client: built.entry.displayName });
          continue;
        }
        // `knex(config[process.env.NODE_ENV])`, directly or through a variable.
        if (branch.construct.type === 'MemberExpression') {
          const picked = flow.mapPick(branch);
          if (picked && serviceConfigDiffers(picked.site.entry, picked.path, picked.entries, shapeText)) report(branch, 'map', { client: picked.site.entry.displayName }, picked.at);
          continue;
        }
        // A conditional that ends up in a client's options: `ssl: isProd ? { ca } : false`.
        const fed = flow.conditionals.get(branch.construct);
        if (fed && serviceConfigDiffers(fed.site.entry, fed.path, fed.branches, shapeText)) {
          report(branch, 'config', { client: fed.site.entry.displayName, setting: describePath(fed.path) });
          continue;
        }
        // A helper that returns one configuration in production and another elsewhere.
        const returned = flow.returnFeedingClient(branch);
        if (returned && serviceConfigDiffers(returned.site.entry, returned.path, returned.branches, shapeText)) {
          report(branch, 'config', { client: returned.site.entry.displayName, setting: describePath(returned.path) });
          continue;
        }
        // `if (isProd) options.ssl = { ca }` / `switch (env) { case 'production': url = ... }`
        const hit = flow.assignmentFeedingClient(branch);
        if (hit) report(branch, 'config', { client: hit.site.entry.displayName, setting: describePath(hit.path) });
      }
    });
  },
});

function describeTest(branch: EnvironmentBranch): string {
  return branch.kind === 'locality' ? 'whether the service is local' : 'the environment name';
}

function describePath(path: string): string {
  return path === '' ? 'its configuration' : `\`${path}\``;
}
