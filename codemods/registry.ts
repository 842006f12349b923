import type { CodemodName } from './engine';

export interface CodemodInfo {
  name: CodemodName;
  /** One line for `migrate --help` and the README. */
  description: string;
  /** Rule ids whose reports the codemod resolves (the parity test lints with them). */
  rules: string[];
}

/** Every codemod, in the order `all` runs them last; the README list and `migrate --help` come from here. */
export const codemods: readonly CodemodInfo[] = [
  {
    name: 'env-service-url',
    description:
      'Clients and configuration objects with a literal host, URL or password read one URL from the environment (DATABASE_URL, REDIS_URL, ...), or one variable per setting where the library takes no URL (KAFKA_BROKERS, MSSQL_SERVER, ...), with TLS on and verified; literal local fallbacks go; a privileged account left in configuration read from the environment gets a marker.',
    rules: ['no-hardcoded-service-location', 'no-hardcoded-service-credentials', 'no-local-service-fallback', 'no-privileged-service-account'],
  },
  {
    name: 'verify-tls',
    description: 'Turns every TLS off switch into verified TLS: rejectUnauthorized: false, tlsInsecure, ssl: false, redis:// → rediss://, sslmode=disable → verify-full, weak minVersion/ciphers, NODE_TLS_REJECT_UNAUTHORIZED = "0".',
    rules: ['no-unverified-tls', 'no-disabled-tls', 'no-plaintext-service-url', 'no-weak-tls'],
  },
  {
    name: 'remove-environment-branching',
    description: 'Where service configuration is chosen by environment (NODE_ENV === "production" ? ... : ...), keeps the production branch, reading its location from the environment.',
    rules: ['no-environment-branching'],
  },
  {
    name: 'all',
    description: 'remove-environment-branching, env-service-url and verify-tls, in that order, in one pass over each file.',
    rules: [],
  },
];

export const codemodNames: readonly CodemodName[] = codemods.map((c) => c.name);

/** The rule ids a codemod addresses (`all`: every codemod's). */
export function rulesFor(name: CodemodName): string[] {
  if (name === 'all') return codemods.flatMap((c) => c.rules);
  return codemods.find((c) => c.name === name)?.rules ?? [];
}

/** The README's codemod list, generated from this registry (the lead pastes or checks it). */
export function codemodsMarkdownList(): string {
  const rows = codemods.map((c) => `| [\`${c.name}\`](docs/codemods/${c.name}.md) | ${c.description.replace(/\|/g, '\\|')} |`);
  return ['| Codemod | What it does |', '| --- | --- |', ...rows].join('\n');
}
