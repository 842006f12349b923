import { POSTGRES_ACCOUNTS } from './accounts';
import type { CatalogEntry } from './types';

/** postgres.js (porsager/postgres). Facts: reference/clients.md §3, §1.2, §1.3, §28.2, §28.20. */
export const postgres: CatalogEntry = {
  id: 'postgres',
  displayName: 'postgres.js',
  service: 'postgres',
  modules: ['postgres'],
  factories: [
    // postgres(url?, options?) or postgres(options): a string first argument is the URL.
    { path: '', invoke: 'call', args: ['url|$spread', '$spread'] },
  ],
  tls: {
    paramSchemes: ['postgres', 'postgresql'],
    default: 'off',
    switches: [
      {
        path: 'ssl',
        // Unlike pg, the libpq-like string modes skip verification, and 'allow' and 'prefer'
        // also go on in clear text when the server declines TLS (seen by the TLS oracle);
        // `true`, 'verify-full' and any other truthy string use Node's verified defaults.
        values: {
          false: 'off',
          true: 'verified',
          '"require"': 'unverified',
          '"allow"': ['opportunistic', 'unverified'],
          '"prefer"': ['opportunistic', 'unverified'],
          '"verify-full"': 'verified',
        },
        otherTruthy: 'verified',
        object: 'bag',
        secure: "ssl: 'verify-full'",
      },
    ],
    bags: ['ssl'],
    verifyOff: [],
    urlParams: [
      // `?sslmode=X` is renamed to `ssl=X`; only `disable` and `false` turn TLS off, and
      // `no-verify` is just another truthy string here (verified).
      {
        name: 'sslmode',
        values: {
          disable: 'off',
          false: 'off',
          allow: ['opportunistic', 'unverified'],
          prefer: ['opportunistic', 'unverified'],
          require: 'unverified',
          'verify-ca': 'verified',
          'verify-full': 'verified',
          'no-verify': 'verified',
        },
        secure: 'sslmode=verify-full',
      },
      {
        name: 'ssl',
        values: {
          disable: 'off',
          false: 'off',
          allow: ['opportunistic', 'unverified'],
          prefer: ['opportunistic', 'unverified'],
          require: 'unverified',
          true: 'verified',
          'verify-full': 'verified',
        },
        secure: 'sslmode=verify-full',
      },
    ],
  },
  credentials: { userPaths: ['username', 'user'], secretPaths: ['password', 'pass'], urlUserinfo: true },
  location: {
    urlPaths: ['url'],
    // `host` may be a string or an array of hosts.
    hostPaths: ['hostname'],
    listPaths: ['host'],
    portPaths: ['port'],
  },
  envVar: 'DATABASE_URL',
  envVarAliases: ['POSTGRES_URL', 'PG_URL', 'POSTGRESQL_URL', 'DIRECT_URL', 'DATABASE_PUBLIC_URL', 'POSTGRES_URL_NON_POOLING', 'POSTGRES_PRISMA_URL'],
  privilegedAccounts: POSTGRES_ACCOUNTS,
  recipe: {
    urlOption: '$arg',
    tlsOptions: { ssl: "'verify-full'" },
    supersededOptions: ['host', 'hostname', 'port', 'user', 'username', 'password', 'pass', 'database', 'db'],
  },
  optionTypes: [{ path: 'Options' }],
  notes: [
    "`ssl: 'require'`, `'allow'` and `'prefer'` do not verify the certificate, and `'allow'` and `'prefer'` fall back to plaintext; use `ssl: 'verify-full'`.",
    'TLS is off unless `ssl` or `sslmode` says otherwise.',
    'Options passed beside the URL win over its query parameters.',
    'postgres.js 3 reads `PGSSL` from the environment, not `PGSSLMODE`; postgres.js 4 reads `PGSSLMODE`, then `PGSSL`.',
  ],
};
