import { existsSync, readFileSync } from 'node:fs';
import type { EnvVariable } from '../../../codemods/transforms/env-service-url';

/**
 * The lines to append to `.env.example` for variables it does not declare yet: a comment
 * naming the client and what the value must look like, and the name with an empty value.
 * Nothing from the code (no host, no password) ever goes in.
 */
export function envExampleAddition(path: string, variables: readonly EnvVariable[], codemod: string): { text: string; added: string[] } {
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const declared = new Set<string>();
  for (const line of existing.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (match) declared.add(match[1]!);
  }
  const byName = new Map<string, EnvVariable[]>();
  for (const variable of variables) {
    if (declared.has(variable.name)) continue;
    const list = byName.get(variable.name) ?? [];
    list.push(variable);
    byName.set(variable.name, list);
  }
  if (byName.size === 0) return { text: '', added: [] };
  const lines: string[] = [];
  if (existing !== '' && !existing.endsWith('\n')) lines.push('');
  if (existing.trim() !== '') lines.push('');
  lines.push(`# Added by \`backing-services migrate ${codemod}\`: set these in every environment (never commit real values).`);
  for (const [name, list] of [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const libraries = [...new Set(list.map((v) => v.library))].join(', ');
    const service = list[0]!.service;
    const scheme = list.find((v) => v.tlsScheme)?.tlsScheme;
    const tls = scheme ? ` Use a ${scheme}:// URL so TLS is on.` : ' TLS is verified by the client options.';
    const description = list.find((v) => v.description)?.description;
    if (description) lines.push(`# ${name}: ${description}, for ${libraries}.`);
    else lines.push(`# ${name}: ${service} URL for ${libraries}, with credentials if the service needs them.${tls}`);
    lines.push(`${name}=`);
  }
  return { text: `${lines.join('\n')}\n`, added: [...byName.keys()] };
}
