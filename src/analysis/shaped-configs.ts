import { basename } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { catalog } from '../catalog';
import { shapedObjects } from '../policy/shapes';
import type { ExportedConfiguration } from './exports';
import type { ClientSite } from './file-analysis';

type Node = TSESTree.Node;

/** Entries with an option shape; every entry for a URL's scheme. */
const SHAPED = catalog;

/**
 * Exported app configuration whose objects have a catalog library's option shape
 * (`module.exports = { db: { dialect: 'postgres', host, password } }`, `exports.smtp = {...}`,
 * a NestJS `registerAs('redis', () => ({...}))`), one site per matching object. An object is
 * named by the key that holds it, the export's name, or for a default export the file's name
 * (`config/redis.js`).
 */
export function shapedConfigSites(
  exports: readonly ExportedConfiguration[],
  filename: string,
  skip: ReadonlySet<Node>,
  choosesByEnvironment?: (test: Node) => boolean,
): ClientSite[] {
  const sites: ClientSite[] = [];
  const fileName = basename(filename).replace(/\..*$/, '');
  for (const { value, name } of exports) {
    // `config/redis.ts` exporting `connection`: the file's name says what the export configures.
    const names = name === undefined ? [fileName] : [name, fileName];
    for (const { object, entry, url } of shapedObjects(value, names, SHAPED, { choosesByEnvironment })) {
      if (skip.has(object.node)) continue;
      sites.push({ entry, origin: url ? 'url' : 'shape', node: object.node, args: [object], options: object });
    }
  }
  return sites;
}
