import { SQL_ACCOUNTS } from './accounts';
import { prisma } from './prisma';
import type { CatalogEntry } from './types';

/**
 * Prisma 7's CLI configuration, `prisma.config.ts`: `defineConfig({ datasource: { url,
 * directUrl, shadowDatabaseUrl } })` from `prisma/config` (or a plain object that `satisfies
 * PrismaConfig`). Migrations and Studio connect with that URL; the application's client takes a
 * driver adapter instead (the `@prisma/client` entry). Facts: reference/clients.md §17 and
 * Prisma's config reference.
 */
export const prismaConfig: CatalogEntry = {
  id: 'prisma/config',
  displayName: 'Prisma config',
  service: 'sql',
  modules: ['prisma/config', '@prisma/config'],
  factories: [{ path: 'defineConfig', invoke: 'call', args: ['$spread'] }],
  tls: {
    // Which engine reads this URL, and how it reads `sslmode`, is not in the knowledge base.
    notJudged: 'the CLI connects from its schema engine, whose reading of TLS in the URL is not in the knowledge base',
    default: 'opportunistic',
    switches: [],
    bags: [],
    verifyOff: [],
    urlParams: [],
  },
  credentials: { userPaths: [], secretPaths: [], urlUserinfo: true },
  location: {
    urlPaths: ['datasource.url', 'datasource.directUrl', 'datasource.shadowDatabaseUrl'],
    hostPaths: [],
    listPaths: [],
    portPaths: [],
    notLocations: ['schema', 'migrations.path', 'migrations.seed'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['DIRECT_URL', 'DIRECT_DATABASE_URL', 'SHADOW_DATABASE_URL', ...prisma.envVarAliases.filter((name) => name !== 'DIRECT_URL')],
  privilegedAccounts: SQL_ACCOUNTS,
  configFiles: [{ name: 'prisma.config', extensions: ['ts', 'js', 'mjs', 'cjs', 'mts', 'cts'], layout: 'options' }],
  recipe: {
    urlOption: 'datasource.url',
    // TLS parameters belong in the URL the environment holds.
    tlsOptions: {},
    supersededOptions: [],
  },
  notes: [
    'Prisma 7 reads the URL for `migrate`, `db push` and Studio from `prisma.config.ts` (`datasource: { url: env("DATABASE_URL") }`).',
    'Keep the whole URL in the environment; a literal fallback URL carries its host, account and password into the repository.',
  ],
};
