import { mysql2 } from './mysql2';
import { pg } from './pg';
import { postgres } from './postgres';
import { rebase } from './rebase';
import type { CatalogEntry } from './types';

/**
 * drizzle-orm's driver entry points: `drizzle(url)`, `drizzle({ connection })` and
 * `drizzle({ client })`. A URL or `connection` object is handed to the driver, so the driver's
 * semantics apply under `connection`; a `client` built elsewhere is judged where it is built.
 */
function drizzleFor(driver: CatalogEntry, module: string, urlKey: string): CatalogEntry {
  const underConnection = rebase(driver, 'connection');
  return {
    ...driver,
    ...underConnection,
    location: { ...underConnection.location, urlPaths: [...new Set(['connection', `connection.${urlKey}`, ...underConnection.location.urlPaths])] },
    id: module,
    displayName: `${module} (${driver.displayName})`,
    modules: [module],
    factories: [{ path: 'drizzle', invoke: 'call', args: ['connection|$spread', '$spread'] }],
    optionTypes: undefined,
    configFiles: undefined,
    shape: undefined,
    recipe: { ...underConnection.recipe, urlOption: `connection.${urlKey}` },
    wraps: driver.id,
    notes: [`\`connection\` (a URL or options) goes to ${driver.displayName}: every ${driver.displayName} fact applies under it.`],
  };
}

export const drizzleNodePostgres = drizzleFor(pg, 'drizzle-orm/node-postgres', 'connectionString');
export const drizzlePostgresJs = drizzleFor(postgres, 'drizzle-orm/postgres-js', 'url');
export const drizzleMysql2 = drizzleFor(mysql2, 'drizzle-orm/mysql2', 'uri');
