/**
 * Catalog claims the oracle contradicts and that stay as they are, each with the reason: the
 * library's behaviour depends on its version or install, or cannot be written in the catalog
 * without a worse claim. Each says exactly what is seen instead (`observed`, a change to the
 * policy's verdict), and a matching case must show that and nothing else: a library upgrade or
 * a catalog fix fails the suite until the entry goes.
 */
import type { Expected, Meaning } from './verdict';

export interface Disagreement {
  /** The cases it covers: driver name, and setting label when not all of them. */
  driver: RegExp;
  setting?: RegExp;
  /** What the library does instead of what the policy says. */
  observed(expected: Expected): Expected;
  reason: string;
}

const meanings = (list: Meaning[]): Meaning[] => [...new Set(list)].sort();

/** TDS 7's downgrade: a server (or an attacker) answering NOT_SUP gets LOGIN7 in clear text. */
function tdsDowngrade(expected: Expected): Expected {
  const on = expected.meanings.filter((m) => m === 'verified' || m === 'unverified' || m === 'opportunistic');
  if (on.length > 0) return { ...expected, meanings: meanings([...on.filter((m) => m !== 'verified'), 'opportunistic']) };
  // Refusing every TLS server still leaves the clear-text path open.
  if (expected.meanings.includes('fails closed')) return { ...expected, meanings: ['off'] };
  return expected;
}

/** The library does something else altogether (ignores or refuses the setting). */
const instead = (observed: Meaning[]) => (): Expected => ({ meanings: observed, weak: [] });

export const DISAGREEMENTS: readonly Disagreement[] = [
  {
    driver: /^(tedious|mssql|knex \(client: mssql\)|sequelize \(dialect: mssql\)|typeorm \(type: mssql\))$/,
    setting: /secureProtocol: 'TLSv1_method'/,
    observed: instead(['off']),
    reason:
      "tedious pinned to TLSv1_method completes no TLS handshake at all here, not even with a TLS 1.0/1.1 server (with `minVersion: 'TLSv1'` it accepts TLS 1.1); the clear-text path is the TDS 7 downgrade above. Cause not analysed.",
  },
  {
    driver: /^(tedious|mssql|knex \(client: mssql\)|sequelize \(dialect: mssql\)|typeorm \(type: mssql\))$/,
    // `options.encrypt: 'strict'` is TDS 8 (mssql's top-level `encrypt` and `Encrypt=` take
    // booleans only: 'strict' there is `true`).
    setting: /^(?!.*options\.encrypt: 'strict')/,
    observed: tdsDowngrade,
    reason:
      "tedious with `encrypt: true` (TDS 7) sends LOGIN7 in clear text when the server's PRELOGIN answer says encryption is not supported, which an attacker can forge; only `encrypt: 'strict'` (TDS 8, SQL Server 2022+) cannot be downgraded. Kept as verified: `encrypt: true` is the strongest setting older servers accept, and reporting it would flag the recommended form everywhere. A policy decision for the maintainers.",
  },
  {
    driver: /^@elastic\/elasticsearch$/,
    setting: /(^|, )ssl\./,
    observed: instead(['verified']),
    reason: '@elastic/elasticsearch 7 reads `ssl`; 8 and 9 read only `tls` and ignore `ssl` (installed: 8). Kept: the catalog has no versions, and `ssl` with verification off is a finding in 7.',
  },
  {
    driver: /^(mongodb|mongoose)$/,
    setting: /sslValidate/,
    observed: instead(['fails closed']),
    reason: '`sslValidate` is a driver 3.x/4.x option; driver 7 refuses it (MongoParseError) and never starts. Kept for code on the old drivers.',
  },
  {
    driver: /^typeorm \(type: mysql\)$/,
    setting: /^ssl: true$/,
    observed: instead(['fails closed']),
    reason: 'TypeORM 0.3 drives mysqljs when it is installed, where `ssl: true` skips verification; TypeORM 1.x drives mysql2, which throws on `ssl: true`. Kept as unverified for 0.3.',
  },
  {
    driver: /^sequelize \(dialect: postgres\)$/,
    setting: /sslmode=(prefer|require|verify-ca)&uselibpqcompat=true/,
    observed: instead(['verified']),
    reason:
      "sequelize parses the URL with the pg-connection-string its install resolves; here that is 2.6.2 (hoisted for knex's pin), older than `uselibpqcompat`, so `sslmode` means verify-full. With 2.8+ (pg's own) it means what the catalog says. Kept: the catalog cannot know the install.",
  },
  {
    driver: /^mysql2$/,
    setting: /ssl=%7B/,
    observed: instead(['verified']),
    reason:
      "mysql2 JSON-parses `?ssl={...}` into the `ssl` object, so the catalog's own secure form is verified; URL values are matched case-insensitively, and giving the JSON a meaning would also bless a mis-cased `{\"verifyidentity\":true}` that mysql2 ignores. Left without a meaning: the rules stay silent on it.",
  },
];

/** The disagreement a case falls under, if any: the first that matches. */
export function disagreementFor(driver: string, setting: string): Disagreement | undefined {
  return DISAGREEMENTS.find((d) => d.driver.test(driver) && (d.setting === undefined || d.setting.test(setting)));
}
