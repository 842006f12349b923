import { SQL_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/**
 * @prisma/client. Prisma 7 takes a driver adapter (`new PrismaClient({ adapter })`), whose
 * driver's rules apply; Prisma 6 and older take a URL whose parameters the Rust engine
 * (quaint) reads. Facts: reference/clients.md §17, §28.2.
 */
export const prisma: CatalogEntry = {
  id: '@prisma/client',
  displayName: 'Prisma Client',
  service: 'sql',
  // The generated client (`./generated/prisma/client`) cannot be recognised by module name.
  modules: ['@prisma/client'],
  factories: [{ path: 'PrismaClient', invoke: 'new', args: ['$spread'] }],
  tls: {
    paramSchemes: ['postgres', 'postgresql', 'mysql'],
    // Prisma <= 6 without parameters: `sslmode=prefer` (plaintext fallback) and
    // `sslaccept=accept_invalid_certs` (no certificate validation).
    default: 'opportunistic',
    switches: [],
    bags: [],
    verifyOff: [],
    urlParams: [
      { name: 'sslmode', values: { disable: 'off', prefer: 'opportunistic', require: 'unverified' }, secure: 'sslmode=require&sslaccept=strict' },
      // `require` is verified only with `sslaccept=strict`.
      {
        name: 'sslmode',
        requires: { name: 'sslaccept', value: 'strict' },
        values: { disable: 'off', prefer: 'opportunistic', require: 'verified' },
        secure: 'sslmode=require&sslaccept=strict',
      },
      { name: 'sslaccept', values: { accept_invalid_certs: 'unverified', strict: 'verified' }, secure: 'sslaccept=strict' },
      // SQL Server URLs (`sqlserver://h:1433;encrypt=true;trustServerCertificate=false`);
      // their defaults are unverified in clients.md.
      { name: 'encrypt', values: { false: 'off', true: 'verified' }, secure: 'encrypt=true' },
      { name: 'trustServerCertificate', values: { true: 'unverified', false: 'verified' }, secure: 'trustServerCertificate=false' },
    ],
  },
  credentials: { userPaths: [], secretPaths: [], urlUserinfo: true },
  location: {
    urlPaths: ['datasourceUrl', 'datasources.db.url'],
    hostPaths: [],
    listPaths: [],
    portPaths: [],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['DIRECT_URL', 'POSTGRES_PRISMA_URL', 'POSTGRES_URL', 'POSTGRES_URL_NON_POOLING'],
  privilegedAccounts: SQL_ACCOUNTS,
  recipe: {
    urlOption: 'datasourceUrl',
    // TLS lives in the URL (`sslmode=require&sslaccept=strict`), not in client options.
    tlsOptions: {},
    supersededOptions: ['datasources'],
  },
  notes: [
    'Prisma 6 and older default to `sslmode=prefer` with `sslaccept=accept_invalid_certs`: plaintext fallback and no certificate validation. Use `sslmode=require&sslaccept=strict`.',
    '`sslaccept=accept_invalid_certs` in `DATABASE_URL` turns certificate validation off.',
    'Prisma 7 requires a driver adapter (`@prisma/adapter-pg` and others); the driver\'s TLS rules apply and `sslaccept` means nothing there.',
    'The URL for the CLI and migrations lives in the schema or `prisma.config.ts` (`env("DATABASE_URL")`).',
  ],
};
