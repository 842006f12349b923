/**
 * The text test that decides whether a file without a client has its exports read: most files
 * fail it, and reading exports costs more. A gate, so a superset: a miss loses every finding of
 * the file, a pass only costs time.
 */
import type { CatalogEntry } from '../catalog/types';
import { serviceSchemes } from './plaintext';
import { shapeKeyPattern, shapeKeyWords } from './shapes';

/**
 * Whether the text may hold exported configuration, in one scan: a key some option shape needs
 * (`host:`, `{ user, password }`), an option definition's `env:` key (convict's schema), a TLS
 * settings object's `rejectUnauthorized:` or a TLS setting's name (`DB_SSL =`, `tls:`), a quoted
 * service URL other than http(s) (`'redis://`; web links are in every comment), or a row of a CLI
 * option table (`['--db-url', 'DB_URL', ...`).
 */
export function configurationTextTest(entries: readonly CatalogEntry[]): (text: string) => boolean {
  const schemes = serviceSchemes(entries).filter((scheme) => scheme !== 'http' && scheme !== 'https');
  // After the colon of `scheme:`, looking back for the quote and the scheme.
  const serviceUrl = `\\/\\/(?<=['"\`](?:${schemes.map(anyCase).join('|')}):\\/\\/)`;
  const flagRow = `--[a-z0-9][a-z0-9-]*['"\`]\\s*,\\s*['"\`][A-Z][A-Z0-9_]+['"\`]\\s*,`;
  // `DB_SSL = ...`, `redisTls: ...`: a service's TLS setting, by a name `isServiceTlsEnvName` may accept.
  const tlsName = '(?:SSL|TLS|[sS]sl|[tT]ls)(?:_?(?:OPTIONS|CONFIG|SETTINGS|Options|Config|Settings))?';
  const afterColon = [serviceUrl, `(?<=${tlsName}['"]?\\s*:)`];
  const test = new RegExp(`${shapeKeyPattern(shapeKeyWords(entries), { keys: ['env', 'rejectUnauthorized'], afterColon })}|=(?<=${tlsName}\\s*=)|${flagRow}`);
  return (text) => test.test(text);
}

/** `redis+sentinel` as `[rR][eE]...\+...`: schemes are matched in any case. */
function anyCase(scheme: string): string {
  return scheme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
}
