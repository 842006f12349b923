import type { BranchTestKind } from '../analysis/environment-tests';
import { getFileAnalysis } from '../analysis/file-analysis';
import { createRule } from '../util/create-rule';
import { oncePerFile } from './utils/listeners';

type MessageIds = 'buildsClient' | 'config' | 'map' | 'environmentFile' | 'setting' | 'environmentWrite';

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
      setting:
        '`{{name}}` depends on {{what}}, so environments connect differently. Configure every environment the same way and read what differs (a CA, the URL) from the environment.',
      environmentWrite:
        '`{{name}}` is written into the environment depending on {{what}}, so environments connect differently. Let each deployment set the variable instead.',
      environmentFile:
        '`{{client}}`: the `{{name}}` entry connects differently from `{{against}}` (location or TLS written per environment). Use one entry that reads `{{envVar}}` and its TLS settings from the environment.',
    },
  },
  defaultOptions: [],
  create(context) {
    const analysis = getFileAnalysis(context);
    // Without a catalog module there is no client to branch on, only an exported map to judge,
    // a choice between the project's configuration modules, or locations written into the environment.
    if (!analysis.mayHoldConfiguration && !analysis.mayExportEnvironmentMap && !analysis.mayChooseModules && !(analysis.mayReadEnvironment && analysis.locationWrites.length > 0)) return {};
    return oncePerFile(() => {
      const flow = analysis.environmentBranching;
      // An exported per-environment map (a knexfile, a sequelize-cli config) is judged whether
      // or not the file also builds a client.
      // The report spans the map's compared entries: the difference lies between them.
      for (const entry of flow.differingEnvironmentEntries()) {
        const loc = { start: entry.first.loc.start, end: entry.last.loc.end };
        context.report({ loc, messageId: 'environmentFile', data: { client: entry.client, name: entry.name, against: entry.against, envVar: entry.envVar } });
      }
      // `export const DB_SSL = isProduction ? {...} : undefined`, convict's `default: isProduction`.
      for (const choice of analysis.tlsSettingChoices) {
        context.report({ node: choice.at, messageId: 'setting', data: { name: choice.name, what: describeTest(choice.kind) } });
      }
      // `if (env === 'development') process.env.MONGODB_URI = 'mongodb://localhost/dev'`: a
      // location the code sets per environment, for whatever reads it (test-runner guards aside).
      for (const { branch, write } of analysis.locationWriteBranches) {
        context.report({ node: branch.test, messageId: 'environmentWrite', data: { name: write.name, what: describeTest(branch.kind) } });
      }
      if (flow.sites.length === 0 && !analysis.mayChooseModules) return;

      // Choices the file's own analysis finds (the codemod removes the same ones).
      for (const finding of flow.findings()) {
        const what = describeTest(finding.branch.kind);
        const client = finding.site.entry.displayName;
        if (finding.kind === 'buildsClient') context.report({ node: finding.at, messageId: 'buildsClient', data: { what, client } });
        else if (finding.kind === 'map') context.report({ node: finding.at, messageId: 'map', data: { what, client } });
        else context.report({ node: finding.at, messageId: 'config', data: { what, client, setting: describePath(finding.path) } });
      }
    });
  },
});

function describeTest(kind: BranchTestKind): string {
  return kind === 'locality' ? 'whether the service is local' : 'the environment name';
}

function describePath(path: string): string {
  return path === '' ? 'its configuration' : `\`${path}\``;
}
