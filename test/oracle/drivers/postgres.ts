import { createRequire } from 'node:module';
import { postgresPreamble } from '../preambles/postgres';
import { postgresUrl } from './pg';
import { settled, unflatten, type Driver } from './types';

type Sql = ((strings: TemplateStringsArray) => Promise<unknown>) & { end(options: { timeout: number }): Promise<void> };
// postgres.js is an ES module with a CommonJS build; this project compiles tests as CommonJS.
const postgres = createRequire(__filename)('postgres') as (urlOrOptions: unknown, options?: unknown) => Sql;

/** postgres.js: `postgres(url?, options)`; the first query opens the connection. */
export const postgresJsDriver: Driver = {
  entry: 'postgres',
  name: 'postgres.js',
  scheme: 'postgres',
  url: postgresUrl,
  preamble: () => postgresPreamble,
  open(setting, target) {
    const options = { ...unflatten(setting.options), max: 1, onnotice: () => undefined };
    const sql = setting.url
      ? postgres(postgresUrl(setting.url.scheme, setting.url.query, target.host, target.port), options)
      : postgres({ ...options, host: target.host, port: target.port, user: 'app', password: 'secret', database: 'app' });
    return { done: settled(async () => sql`select 1`), close: () => sql.end({ timeout: 0 }) };
  },
};
