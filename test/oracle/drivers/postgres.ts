import { createRequire } from 'node:module';
import { postgresPreamble } from '../preambles/postgres';
import { postgresUrl } from './pg';
import { settled, unflatten, type Driver } from './types';

type Sql = ((strings: TemplateStringsArray) => Promise<unknown>) & { end(options: { timeout: number }): Promise<void> };
type PostgresFactory = (urlOrOptions: unknown, options?: unknown) => Sql;
// postgres.js 4 is an ES module only; Node 20.19+ require()s it as its namespace, whose default
// export is the factory (3.x shipped a CommonJS build that is the factory itself).
const required = createRequire(__filename)('postgres') as PostgresFactory | { default: PostgresFactory };
const postgres: PostgresFactory = 'default' in required ? required.default : required;

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
