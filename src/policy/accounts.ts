/**
 * Default or superuser accounts. Matching is exact (case-insensitive) on the account name, so
 * `administrator_app` or `admin2` never count; only the account's own decorations are removed
 * first: a Windows domain (`CORP\Administrator`), a server or host suffix without dots
 * (`postgres@myserver` as Azure writes it, `root@localhost`, `root@127.0.0.1`), and for LDAP
 * the first RDN of a bind DN (`cn=admin,dc=example,dc=org`).
 */
import { HOLE } from './value';
import { parseIPv4 } from './host';

/** Privileged for any service. */
export const GENERIC_PRIVILEGED_ACCOUNTS: readonly string[] = [
  'root',
  'admin',
  'administrator',
  'sa',
  'superuser',
  'system',
  'sys',
];

/** First-RDN names that are an LDAP directory's administrator in any DN. */
const LDAP_ADMIN_NAMES = new Set(['directory manager']);
/** `cn=Manager` is OpenLDAP's conventional rootdn, directly under the suffix (`dc=`/`o=` only). */
const LDAP_ROOTDN_NAMES = new Set(['manager']);

const DN_START = /^\s*(?:cn|uid|ou|o|dc|samaccountname|userid)\s*=/i;

function splitRdns(dn: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i]!;
    if (c === '\\' && i + 1 < dn.length) {
      current += dn[i + 1];
      i++;
    } else if (c === ',' || c === ';') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function rdnParts(rdn: string): { attr: string; value: string } | undefined {
  const eq = rdn.indexOf('=');
  if (eq === -1) return undefined;
  return { attr: rdn.slice(0, eq).trim().toLowerCase(), value: rdn.slice(eq + 1).trim().toLowerCase() };
}

function ldapAccount(dn: string, names: ReadonlySet<string>): string | undefined {
  const rdns = splitRdns(dn);
  const first = rdnParts(rdns[0]!);
  if (!first || (first.attr !== 'cn' && first.attr !== 'uid')) return undefined;
  const name = first.value.replace(/\s+/g, ' ');
  if (names.has(name) || LDAP_ADMIN_NAMES.has(name)) return name;
  if (LDAP_ROOTDN_NAMES.has(name) && first.attr === 'cn') {
    const rest = rdns.slice(1).map(rdnParts);
    if (rest.length > 0 && rest.every((p) => p !== undefined && (p.attr === 'dc' || p.attr === 'o'))) return name;
  }
  return undefined;
}

/**
 * Generic privileged names that count for any service (root, admin, administrator, sa,
 * superuser, system, sys) plus the per-library list the caller passes (from the catalog entry's
 * privilegedAccounts, lower-case). LDAP DNs: `cn=admin,dc=...`, `cn=Manager,...` (directly under
 * `dc=`/`o=` components), `cn=Directory Manager`. Case-insensitive. Returns the matched
 * canonical (lower-case) name or undefined; undefined for text with a template HOLE.
 */
export function privilegedAccount(user: string, serviceAccounts: readonly string[]): string | undefined {
  if (typeof user !== 'string' || user.includes(HOLE)) return undefined;
  const trimmed = user.trim();
  if (trimmed === '' || trimmed.length > 1000) return undefined;
  const names = new Set<string>(GENERIC_PRIVILEGED_ACCOUNTS);
  for (const account of serviceAccounts) names.add(account.trim().toLowerCase());

  if (DN_START.test(trimmed)) return ldapAccount(trimmed, names);

  let name = trimmed.toLowerCase();
  const backslash = name.lastIndexOf('\\');
  if (backslash !== -1) name = name.slice(backslash + 1);
  const at = name.lastIndexOf('@');
  if (at > 0) {
    const suffix = name.slice(at + 1);
    if (!suffix.includes('.') || parseIPv4(suffix)) name = name.slice(0, at);
  }
  name = name.trim();
  return names.has(name) ? name : undefined;
}
