import type { TSESLint } from '@typescript-eslint/utils';
import { configFileConvention } from '../analysis/config-files';
import { getFileAnalysis } from '../analysis/file-analysis';
import { globMatcher, isAttachedResource } from '../policy/environment';
import { createRule } from '../util/create-rule';
import { projectPath } from './utils/files';

type MessageIds = 'outside';

export interface Options {
  resourceModules: string[];
}

/**
 * Where a project usually keeps its resource layer: a folder named for the resource (`db/`,
 * `cache/`, `queue/`, `mailer/`, `infra/`, `clients/`, `config/`...), or a file named for it
 * (`db.ts`, `redis.js`, `knexfile.js`, `data-source.ts`, `orders.client.ts`). `services/` is
 * deliberately absent: in many code bases it holds business logic, which is what the rule keeps
 * clients out of.
 */
export const DEFAULT_RESOURCE_MODULES: readonly string[] = [
  '**/{db,dbs,database,databases,datasource,datasources,data-source,data-sources,cache,caches,queue,queues,mq,messaging,broker,brokers,mail,mailer,mailers,email,smtp,redis,search,storage,ldap,clients,connections,resources,infra,infrastructure,adapters,persistence,config}/**',
  '**/{db,database,datasource,data-source,cache,queue,mailer,mail,redis,mongo,mongoose,prisma,knex,sequelize,typeorm,kafka,amqp,rabbitmq,nats,elasticsearch,search,ldap,s3,storage,knexfile,ormconfig}.{js,cjs,mjs,jsx,ts,cts,mts,tsx}',
  '**/*.{db,database,client,clients,connection,datasource,data-source,cache,queue,mailer,repository}.{js,cjs,mjs,jsx,ts,cts,mts,tsx}',
];

export default createRule<[Options], MessageIds>({
  name: 'no-client-outside-resource-module',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require backing-service clients to be built only in the modules that form the resource layer',
      strict: true,
      relaxedInTests: true,
      securitySeverity: 3.1,
    },
    schema: [
      {
        type: 'object',
        description: 'Where clients may be built.',
        properties: {
          resourceModules: {
            type: 'array',
            description:
              'Globs (`**`, `*`, `?`, `{a,b}`) of the files that form the resource layer, relative to ESLint\'s working directory; a glob without `/` matches a base name anywhere. Replaces the default list.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ resourceModules: [...DEFAULT_RESOURCE_MODULES] }],
    messages: {
      outside:
        '`{{client}}`: client built outside the resource modules. Build it once in a module matched by `resourceModules` (the data-access or infrastructure layer) and import it from there, so location, TLS and credentials are decided in one place.',
    },
  },
  defaultOptions: [{ resourceModules: [...DEFAULT_RESOURCE_MODULES] }],
  create(context, [options]) {
    const filename = context.filename;
    // Text linted without a file name (stdin, editors' scratch buffers) has no module to judge.
    if (filename === '<input>' || filename === '<text>' || filename === '') return {};
    if (!getFileAnalysis(context).namesCatalogModule) return {};
    // A tool's own config file (`drizzle.config.ts`, `prisma.config.ts`, a knexfile) is where the tool looks for it.
    if (configFileConvention(filename) !== undefined) return {};
    return {
      Program() {
        const sites = getFileAnalysis(context).constructions.filter((site) => isAttachedResource(site.entry));
        // Globs only for files that build a client: matching them costs more than the analysis.
        if (sites.length === 0) return;
        const path = projectPath(filename, context.cwd);
        if (resourceModuleMatcher(options.resourceModules)(path)) return;
        for (const site of sites) {
          context.report({ node: site.node, messageId: 'outside', data: { client: site.entry.displayName } });
        }
      },
    } satisfies TSESLint.RuleListener;
  },
});

// Compiled once per configured list (the merged options are shared by every file of a config).
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function resourceModuleMatcher(globs: readonly string[]): (path: string) => boolean {
  let matcher = matchers.get(globs);
  if (!matcher) matchers.set(globs, (matcher = globMatcher(globs)));
  return matcher;
}
