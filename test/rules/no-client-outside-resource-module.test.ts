import rule, { DEFAULT_RESOURCE_MODULES } from '../../src/rules/no-client-outside-resource-module';
import { matchesGlob } from '../../src/policy/environment';
import { describe, expect, it } from 'vitest';
import { forms, L, type Lib } from '../harness/libraries';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

const clients: Array<[Lib, string, string]> = [
  [L.pgNamed, 'export const pool = new Pool({ connectionString: process.env.DATABASE_URL });', 'pg'],
  [L.mysql2, 'export const pool = mysql.createPool(process.env.DATABASE_URL);', 'mysql2'],
  [L.mongoose, 'mongoose.connect(process.env.MONGODB_URI);', 'mongoose'],
  [L.ioredis, 'export const redis = new Redis(process.env.REDIS_URL);', 'ioredis'],
  [L.redis, 'export const redis = createClient({ url: process.env.REDIS_URL });', 'node-redis'],
  [L.amqplib, 'export const connection = amqp.connect(process.env.AMQP_URL);', 'amqplib'],
  [L.kafkajs, "export const kafka = new Kafka({ brokers: process.env.KAFKA_BROKERS.split(',') });", 'kafkajs'],
  [L.nodemailer, 'export const mailer = nodemailer.createTransport(process.env.SMTP_URL);', 'nodemailer'],
  [L.elastic, 'export const search = new Client({ node: process.env.ELASTICSEARCH_URL });', '@elastic/elasticsearch'],
  [L.knex, "export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });", 'knex'],
  [L.sequelize, 'export const sequelize = new Sequelize(process.env.DATABASE_URL);', 'sequelize'],
  [L.prisma, 'export const prisma = new PrismaClient();', 'Prisma Client'],
  [L.s3, 'export const s3 = new S3Client({});', 'AWS SDK v3'],
  [L.bullmq, "export const queue = new Queue('mail', { connection: { url: process.env.REDIS_URL } });", 'bullmq'],
];

/** A tool's own config file is where the tool reads it: never "outside". */
const toolConfigFiles: ValidCase[] = [
  { code: "import { defineConfig } from 'prisma/config';\nexport default defineConfig({ datasource: { url: process.env.DATABASE_URL } });", filename: 'prisma.config.ts' },
  { code: "import { defineConfig } from 'drizzle-kit';\nexport default defineConfig({ dialect: 'postgresql', dbCredentials: { url: process.env.DATABASE_URL } });", filename: 'drizzle.config.ts' },
];

const inResourceModules = ['src/db/index.ts', 'src/infra/redis.ts', 'lib/config/database.js', 'src/db.ts', 'knexfile.js', 'src/orders.client.ts', 'packages/api/src/cache/redis.mjs'];
const elsewhere = ['src/routes/orders.ts', 'src/services/orders.ts', 'index.js'];

const invalid: InvalidCase[] = [
  ...clients.flatMap(([lib, body, client]) => forms(lib, body).map((form) => ({ ...form, errors: [{ messageId: 'outside', data: { client } }] }))),
  ...elsewhere.map((filename) => ({ code: `${L.pgNamed.esm}\nexport const pool = new Pool();`, filename, errors: [{ messageId: 'outside' }] })),
  {
    name: 'a custom list replaces the default',
    code: `${L.pgNamed.esm}\nexport const pool = new Pool();`,
    filename: 'src/db/index.ts',
    options: [{ resourceModules: ['src/platform/**'] }],
    errors: [{ messageId: 'outside', line: 2 }],
  },
  {
    name: 'every construction is reported',
    code: `${L.ioredis.cjs}\nconst a = new Redis(process.env.REDIS_URL);\nconst b = new Redis.Cluster([process.env.REDIS_URL]);`,
    sourceType: 'commonjs',
    errors: [{ messageId: 'outside', line: 2 }, { messageId: 'outside', line: 3 }],
  },
];

const valid: ValidCase[] = [
  ...inResourceModules.map((filename) => ({ code: `${L.pgNamed.esm}\nexport const pool = new Pool();`, filename })),
  { code: `${L.pgNamed.esm}\nexport const pool = new Pool();`, filename: 'src/platform/pg.ts', options: [{ resourceModules: ['src/platform/**'] }] },
  // Importing a client, typing with it, or using an instance is fine.
  { code: "import { pool } from './db';\nexport async function orders() { return pool.query('select 1'); }" },
  { code: "import type { Pool } from 'pg';\nexport function use(pool: Pool) { return pool.query('select 1'); }", tsOnly: true },
  { code: "import { Pool } from 'pg';\nexport function use(pool: Pool) { return pool; }", tsOnly: true },
  // Look-alikes: a same-named local function, an unrelated createClient, HTTP agents and WebSockets.
  { code: 'function Pool() {}\nnew Pool();' },
  { code: "import { createClient } from '@supabase/supabase-js';\ncreateClient(url, key);" },
  ...forms(L.https, 'export const agent = new https.Agent({ keepAlive: true });'),
  ...forms(L.ws, "export const socket = new WebSocket('wss://relay.example.com');"),
];

ruleTests('no-client-outside-resource-module', rule, { valid: [...valid, ...toolConfigFiles], invalid });

describe('resource module globs', () => {
  it('match folders and file names anywhere in the tree', () => {
    const matches = (path: string): boolean => DEFAULT_RESOURCE_MODULES.some((g) => matchesGlob(path, g));
    for (const path of inResourceModules) expect(matches(path), path).toBe(true);
    for (const path of elsewhere) expect(matches(path), path).toBe(false);
  });
  it('supports **, *, ?, braces and base-name patterns', () => {
    expect(matchesGlob('a/b/c.ts', '**/*.ts')).toBe(true);
    expect(matchesGlob('c.ts', '**/*.ts')).toBe(true);
    expect(matchesGlob('a/b/c.ts', 'a/*.ts')).toBe(false);
    expect(matchesGlob('a/b/c.ts', 'a/**')).toBe(true);
    expect(matchesGlob('a/b/c1.ts', 'a/b/c?.{js,ts}')).toBe(true);
    expect(matchesGlob('x/y/db.js', 'db.js')).toBe(true);
    expect(matchesGlob('./src/db/x.ts', 'src/db/**')).toBe(true);
    expect(matchesGlob('src\\db\\x.ts', 'src/db/**')).toBe(true);
  });
  it('stays fast on hostile patterns', () => {
    const start = Date.now();
    expect(matchesGlob(`${'a/'.repeat(40)}b`, `${'**/'.repeat(20)}c`)).toBe(false);
    expect(matchesGlob('a'.repeat(5000), `${'*a'.repeat(30)}b`)).toBe(false);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
