import rule from '../../src/rules/no-environment-branching';
import { forms, L, type Lib } from '../harness/libraries';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

/** `[library, body, messageId, data]`: one report each, as ESM and CommonJS. */
const bad: Array<[Lib, string, string, Record<string, string>]> = [
  // A mistyped comparison (`=`) still branches on the name.
  [L.mongoose, "let options = {};\nif (process.env.NODE_ENV = 'production') options = { user: process.env.MONGO_USER, pass: process.env.MONGO_PASS };\nmongoose.connect(process.env.MONGODB_URI, options);", 'config', { client: 'mongoose', setting: 'its configuration', what: 'the environment name' }],
  // `ssl: isProduction` is reported at the option, not where the flag is defined.
  [L.pgNamed, "const isProduction = process.env.NODE_ENV === 'production';\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl: isProduction });", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  [L.pgNamed, "const isProd = process.env.NODE_ENV === 'production';\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl: isProd ? { ca: process.env.DB_CA } : false });", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  [L.pgNamed, "const isProduction = process.env.NODE_ENV === 'production';\nnew Pool({ ssl: isProduction && { rejectUnauthorized: false } });", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  [L.pgNamed, "new Client({ host: process.env.NODE_ENV === 'development' ? 'localhost' : process.env.DB_HOST });", 'config', { client: 'pg', setting: '`host`', what: 'the environment name' }],
  [L.pgNamed, "const prod = { connectionString: process.env.DATABASE_URL, ssl: true };\nconst dev = { host: 'localhost' };\nnew Pool(process.env.APP_ENV === 'prod' ? prod : dev);", 'config', { client: 'pg', setting: 'its configuration', what: 'the environment name' }],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: process.env.STAGE === 'local' ? false : 'verify-full' });", 'config', { client: 'postgres.js', setting: '`ssl`', what: 'the environment name' }],
  [L.mysql2, "mysql.createPool({ uri: process.env.DATABASE_URL, ssl: process.env.NODE_ENV !== 'development' ? { rejectUnauthorized: true } : undefined });", 'config', { client: 'mysql2', setting: '`ssl`', what: 'the environment name' }],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tls: process.env.NODE_ENV === 'production' });", 'config', { client: 'mongodb', setting: '`tls`', what: 'the environment name' }],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tls: true, ca: process.env.NODE_ENV === 'production' ? process.env.MONGO_CA : undefined });", 'config', { client: 'mongodb', setting: '`ca`', what: 'the environment name' }],
  [L.mongoose, "const { NODE_ENV } = process.env;\nmongoose.connect(process.env.MONGODB_URI, { tlsAllowInvalidCertificates: NODE_ENV !== 'production' });", 'config', { client: 'mongoose', setting: '`tlsAllowInvalidCertificates`', what: 'the environment name' }],
  [L.ioredis, "let client;\nif (process.env.NODE_ENV !== 'production') client = new Redis();\nelse client = new Redis(process.env.REDIS_URL, { tls: {} });", 'buildsClient', { client: 'ioredis', what: 'the environment name' }],
  [L.redis, "const url = process.env.REDIS_URL;\ncreateClient({ url, socket: { tls: !url.includes('localhost') } });", 'config', { client: 'node-redis', setting: '`socket.tls`', what: 'whether the service is local' }],
  [L.amqplib, "const local = process.env.AMQP_HOST === 'localhost';\namqp.connect({ protocol: local ? 'amqp' : 'amqps', hostname: process.env.AMQP_HOST });", 'config', { client: 'amqplib', setting: '`protocol`', what: 'whether the service is local' }],
  [L.kafkajs, "new Kafka({ brokers: process.env.KAFKA_BROKERS.split(','), ssl: process.env.NODE_ENV === 'production' });", 'config', { client: 'kafkajs', setting: '`ssl`', what: 'the environment name' }],
  [L.nodemailer, "nodemailer.createTransport({ host: process.env.SMTP_HOST, secure: true, tls: { rejectUnauthorized: process.env.NODE_ENV === 'production' } });", 'config', { client: 'nodemailer', setting: '`tls.rejectUnauthorized`', what: 'the environment name' }],
  [L.elastic, "const isLocal = process.env.ES_HOST === 'localhost';\nnew Client({ node: process.env.ELASTICSEARCH_URL, tls: isLocal ? undefined : { ca: process.env.ES_CA } });", 'config', { client: '@elastic/elasticsearch', setting: '`tls`', what: 'whether the service is local' }],
  [L.knex, "const configs = { development: { client: 'pg', connection: 'postgres://localhost/dev' }, production: { client: 'pg', connection: process.env.DATABASE_URL } };\nexport const db = knex(configs[process.env.NODE_ENV || 'development']);", 'map', { client: 'knex', what: 'the environment name' }],
  [L.knex, "const env = process.env.NODE_ENV || 'development';\nconst configs = { development: { client: 'pg', connection: 'postgres://localhost/dev' }, production: { client: 'pg', connection: process.env.DATABASE_URL } };\nconst config = configs[env];\nexport const db = knex(config);", 'map', { client: 'knex', what: 'the environment name' }],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', dialectOptions: process.env.NODE_ENV === 'production' ? { ssl: { require: true } } : {} });", 'config', { client: 'sequelize', setting: '`dialectOptions`', what: 'the environment name' }],
  [L.typeorm, "new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, ssl: process.env.NODE_ENV === 'production' ? { rejectUnauthorized: false } : false });", 'config', { client: 'typeorm', setting: '`ssl`', what: 'the environment name' }],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { trustServerCertificate: process.env.NODE_ENV === 'development' } });", 'config', { client: 'mssql', setting: '`options.trustServerCertificate`', what: 'the environment name' }],
  [L.nats, "connect({ servers: process.env.NATS_URL, tls: process.env.NODE_ENV === 'production' ? {} : null });", 'config', { client: 'nats', setting: '`tls`', what: 'the environment name' }],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', sslOptions: process.env.NODE_ENV === 'production' ? { rejectUnauthorized: true } : undefined });", 'config', { client: 'cassandra-driver', setting: '`sslOptions`', what: 'the environment name' }],
  [L.bullmq, "new Queue('mail', { connection: process.env.NODE_ENV === 'production' ? { url: process.env.REDIS_URL, tls: {} } : { host: 'localhost' } });", 'config', { client: 'bullmq', setting: '`connection`', what: 'the environment name' }],
  [L.prisma, "export const prisma = process.env.NODE_ENV === 'production' ? new PrismaClient() : new PrismaClient({ datasourceUrl: 'postgresql://localhost/dev' });", 'buildsClient', { client: 'Prisma Client', what: 'the environment name' }],
  [L.s3, "new S3Client({ endpoint: process.env.STAGE === 'local' ? 'http://localhost:4566' : undefined });", 'config', { client: 'AWS SDK v3', setting: '`endpoint`', what: 'the environment name' }],
  [L.pgNamed, "const options = { connectionString: process.env.DATABASE_URL };\nif (process.env.NODE_ENV === 'production') options.ssl = { ca: process.env.DB_CA };\nexport const pool = new Pool(options);", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  [L.pgNamed, "let ssl = false;\nswitch (process.env.NODE_ENV) {\n  case 'production':\n    ssl = { ca: process.env.DB_CA };\n    break;\n  default:\n    ssl = false;\n}\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl });", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  [L.pgNamed, "const env = process.env.NODE_ENV;\nconst isDev = env === 'development' || env === 'local';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: isDev ? false : { rejectUnauthorized: true } });", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  [L.pgNamed, "export function makePool(app) {\n  return new Pool({ ssl: app.get('env') === 'production' ? { ca: process.env.DB_CA } : false });\n}", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  [L.pgNamed, "export function makePool(config) {\n  return new Pool({ connectionString: config.databaseUrl, ssl: config.env === 'production' ? { ca: config.ca } : false });\n}", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
  // A flag the file never declares (a framework's auto-import): its name says what it is.
  [L.postgres, "export const sql = postgres(process.env.DATABASE_URL, { ssl: isDevelopment ? false : 'verify-full' });", 'config', { client: 'postgres.js', setting: '`ssl`', what: 'the environment name' }],
  // Locality as membership in a list of loopback names, deciding a variable assigned later.
  [L.pgNamed, "const isLocal = ['localhost', '127.0.0.1'].includes(process.env.PGHOST);\nlet ssl;\nif (!isLocal) ssl = { ca: process.env.PG_CA };\nexport const pool = new Pool({ host: process.env.PGHOST, ssl });", 'config', { client: 'pg', setting: '`ssl`', what: 'whether the service is local' }],
  [L.ioredis, "const url = process.env.REDIS_URL;\nexport const redis = new Redis(url, { tls: /localhost|127\\.0\\.0\\.1/.test(url) ? undefined : {} });", 'config', { client: 'ioredis', setting: '`tls`', what: 'whether the service is local' }],
  // A parameter named for the environment (its caller passes `process.env.NODE_ENV`); a bitwise `|` between two tests.
  [L.nodemailer, "function transportOptions(NODE_ENV) {\n  if (NODE_ENV === 'dev' | NODE_ENV === 'staging') return { service: 'gmail', auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } };\n  return { host: process.env.SMTP_HOST, port: 587, requireTLS: true, auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS } };\n}\nexport const mailer = nodemailer.createTransport(transportOptions(process.env.NODE_ENV));", 'config', { client: 'nodemailer', setting: 'its configuration', what: 'the environment name' }],
  [L.pgNamed, "export function makePool(isProduction) {\n  return new Pool({ connectionString: process.env.DATABASE_URL, ssl: isProduction ? { ca: process.env.DB_CA } : false });\n}", 'config', { client: 'pg', setting: '`ssl`', what: 'the environment name' }],
];

const environmentFiles: InvalidCase[] = [
  // A configuration module whose URL option is chosen by the environment name.
  ...(['commonjs', 'module'] as const).map((sourceType) => ({
    name: `${sourceType}: a config module's URL chosen by NODE_ENV`,
    code: `${sourceType === 'module' ? 'export default' : 'module.exports ='} {\n  db: {\n    uri: process.env.NODE_ENV === 'production' ? process.env.MONGODB_URI :\n      'mongodb://localhost:27017/app_dev',\n    options: { autoIndex: false },\n  },\n};`,
    sourceType,
    errors: [{ messageId: 'config', line: 3, data: { client: 'mongodb', setting: '`url`', what: 'the environment name' } }],
  })),
  {
    name: 'an exported URL chosen by NODE_ENV, its development form built from a per-environment file',
    code: "const env = process.env.NODE_ENV || 'development';\nconst config = require('./mongo.json')[env];\nmodule.exports =\n  process.env.NODE_ENV === 'production'\n    ? process.env[config.use_env_variable]\n    : `mongodb://${config.host}/${config.database}`;",
    sourceType: 'commonjs',
    errors: [{ messageId: 'config', line: 4 }],
  },
  {
    name: 'an inline per-environment map',
    code: "import knex from 'knex';\nexport const db = knex({ development: { client: 'pg', connection: 'postgres://localhost/dev' }, production: { client: 'pg', connection: process.env.DATABASE_URL } }[process.env.NODE_ENV]);",
    errors: [{ messageId: 'map', data: { client: 'knex', what: 'the environment name' } }],
  },
  {
    name: 'a client built in one environment only',
    code: "import Redis from 'ioredis';\nexport const cache = process.env.NODE_ENV === 'production' && new Redis(process.env.REDIS_URL);",
    errors: [{ messageId: 'buildsClient', data: { client: 'ioredis', what: 'the environment name' } }],
  },
  {
    name: 'switch cases that build different clients',
    code: "const Redis = require('ioredis');\nlet redis;\nswitch (process.env.APP_ENV) {\n  case 'local':\n    redis = new Redis();\n    break;\n  default:\n    redis = new Redis(process.env.REDIS_URL, { tls: {} });\n}\nmodule.exports = redis;",
    sourceType: 'commonjs',
    errors: [{ messageId: 'buildsClient', line: 3 }],
  },
  {
    name: 'knexfile with per-environment connections',
    code: "module.exports = {\n  development: { client: 'pg', connection: { host: 'localhost', database: 'dev' } },\n  production: { client: 'pg', connection: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } },\n};",
    sourceType: 'commonjs',
    errors: [{ messageId: 'environmentFile', data: { client: 'knex', name: 'development', against: 'production', envVar: 'DATABASE_URL' }, line: 2, endLine: 3 }],
  },
  {
    name: 'ESM knexfile with three environments',
    code: "const config = {\n  development: { client: 'pg', connection: 'postgres://localhost/dev' },\n  staging: { client: 'pg', connection: process.env.DATABASE_URL },\n  production: { client: 'pg', connection: process.env.DATABASE_URL },\n};\nexport default config;",
    // The report spans the compared entries, whichever of them a reader takes for the odd one.
    errors: [{ messageId: 'environmentFile', data: { client: 'knex', name: 'development', against: 'production', envVar: 'DATABASE_URL' }, line: 2, endLine: 4 }],
  },
  {
    // Only production adds TLS: some readers name production the odd entry, some development;
    // the report covers both.
    name: 'a sequelize-cli config whose production entry alone turns TLS on',
    code: "module.exports = {\n  development: { username: 'app', host: process.env.DB_HOST, dialect: 'postgres' },\n  test: { username: 'app', host: process.env.DB_HOST, dialect: 'postgres' },\n  production: {\n    username: 'app',\n    host: process.env.DB_HOST,\n    dialect: 'postgres',\n    dialectOptions: { ssl: { require: true } },\n  },\n};",
    sourceType: 'commonjs',
    errors: [{ messageId: 'environmentFile', data: { client: 'sequelize', name: 'development', against: 'production', envVar: 'DATABASE_URL' }, line: 2, column: 3, endLine: 9, endColumn: 4 }],
  },
  {
    // The test runner's entry is an environment too: written in code, it connects differently.
    name: 'a knexfile whose test entry alone is pinned to a local database',
    code: "module.exports = {\n  development: { client: 'pg', connection: process.env.DATABASE_URL },\n  test: { client: 'pg', connection: 'postgres://localhost/app_test' },\n  production: { client: 'pg', connection: process.env.DATABASE_URL },\n};",
    sourceType: 'commonjs',
    errors: [{ messageId: 'environmentFile', data: { client: 'knex', name: 'test', against: 'production', envVar: 'DATABASE_URL' }, line: 2, endLine: 4 }],
  },
  {
    name: 'sequelize-cli config',
    code: "module.exports = {\n  production: { use_env_variable: 'DATABASE_URL', dialect: 'postgres', dialectOptions: { ssl: { require: true } } },\n  development: { username: 'dev', database: 'dev', host: '127.0.0.1', dialect: 'postgres' },\n};",
    sourceType: 'commonjs',
    errors: [{ messageId: 'environmentFile', data: { client: 'sequelize', name: 'development', against: 'production', envVar: 'DATABASE_URL' }, line: 2, endLine: 3 }],
  },
];

const good: Array<[Lib, string]> = [
  [L.pgNamed, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });"],
  // The environment name changes something that is not location, TLS or credentials.
  [L.pgNamed, "const isProd = process.env.NODE_ENV === 'production';\nnew Pool({ connectionString: process.env.DATABASE_URL, max: isProd ? 20 : 5 });"],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { logging: process.env.NODE_ENV === 'development' ? console.log : false });"],
  [L.pgNamed, "const pool = new Pool({ connectionString: process.env.DATABASE_URL });\nif (process.env.NODE_ENV !== 'production') pool.on('error', console.error);"],
  [L.pgNamed, "const pool = new Pool({ connectionString: process.env.DATABASE_URL });\napp.use((err, req, res, next) => res.status(500).send(process.env.NODE_ENV === 'production' ? 'error' : err.stack));"],
  // The Next.js examples: one client, cached on `global` in development so hot reloads reuse it.
  [L.mongodb, "const uri = process.env.MONGODB_URI;\nconst options = {};\nlet client;\nlet clientPromise;\nif (process.env.NODE_ENV === 'development') {\n  if (!global._mongoClientPromise) {\n    client = new MongoClient(uri, options);\n    global._mongoClientPromise = client.connect();\n  }\n  clientPromise = global._mongoClientPromise;\n} else {\n  client = new MongoClient(uri, options);\n  clientPromise = client.connect();\n}\nexport default clientPromise;"],
  [L.prisma, "const globalForPrisma = globalThis;\nexport const prisma = globalForPrisma.prisma ?? new PrismaClient({ log: process.env.NODE_ENV === 'development' ? ['query', 'error'] : ['error'] });\nif (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;"],
  [L.ioredis, "let redis;\nswitch (process.env.NODE_ENV) {\n  case 'development':\n  case 'production':\n    redis = new Redis(process.env.REDIS_URL);\n    break;\n  default:\n    redis = new Redis(process.env.REDIS_URL);\n}\nexport { redis };"],
  // The app's own endpoints through WebSocket clients are not backing services.
  [L.socketio, "export const socket = io(process.env.NODE_ENV === 'production' ? 'https://api.example.com' : 'http://localhost:3001');"],
  [L.ws, "export const socket = new WebSocket(process.env.NODE_ENV === 'production' ? 'wss://api.example.com' : 'ws://localhost:8080');"],
  // Skipping the connection under the test runner is not a location choice.
  [L.mongoose, "if (process.env.NODE_ENV !== 'test') mongoose.connect(process.env.MONGODB_URI);"],
  // TLS from the environment itself, not from its name.
  [L.pgNamed, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: process.env.DB_CA ? { ca: process.env.DB_CA } : { rejectUnauthorized: true } });"],
  // A flag that is not about the environment.
  [L.pgNamed, "const verbose = process.env.VERBOSE === '1';\nnew Pool({ ssl: verbose ? { ca } : false });"],
  // An undeclared global whose name says nothing of the environment; a list of regions, not loopback names.
  [L.pgNamed, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: useTls ? { ca: process.env.DB_CA } : false });"],
  [L.pgNamed, "const inEu = ['eu-west-1', 'eu-central-1'].includes(process.env.AWS_REGION);\nnew Pool({ connectionString: process.env.DATABASE_URL, ssl: inEu ? { ca: process.env.DB_CA } : false });"],
  [L.pgNamed, "function make(opts) { return new Pool({ ssl: opts.mode === 'strict' ? { ca } : false }); }"],
  // Parameters whose names say nothing of the environment, or name a mode.
  [L.pgNamed, "function make(mode) { return new Pool({ ssl: mode === 'strict' ? { ca: process.env.DB_CA } : false }); }"],
  [L.pgNamed, "function make(useTls) { return new Pool({ ssl: useTls ? { ca: process.env.DB_CA } : false }); }"],
  [L.pgNamed, "function make(flags) { return new Pool({ ssl: flags.tls | flags.strict ? { ca: process.env.DB_CA } : false }); }"],
  // The app's own listen host and CORS origins are not backing services.
  [L.pgNamed, "const pool = new Pool({ connectionString: process.env.DATABASE_URL });\napp.listen(3000, process.env.NODE_ENV === 'production' ? '0.0.0.0' : 'localhost');"],
  [L.pgNamed, "const pool = new Pool({ connectionString: process.env.DATABASE_URL });\napp.use(cors({ origin: process.env.NODE_ENV === 'production' ? 'https://example.com' : 'http://localhost:3000' }));"],
  [L.none, "const origin = process.env.NODE_ENV === 'production' ? 'https://example.com' : 'http://localhost:3000';"],
  [L.none, "if (host === 'localhost') console.log('running locally');"],
  [L.none, "module.exports = { development: { port: 3000, logLevel: 'debug' }, production: { port: 80, logLevel: 'info' } };"],
  // Branches or map entries that differ only in pool size.
  [L.pgNamed, "const isProd = process.env.NODE_ENV === 'production';\nnew Pool(isProd ? { connectionString: process.env.DATABASE_URL, max: 20 } : { connectionString: process.env.DATABASE_URL, max: 5 });"],
  [L.knex, "const configs = { development: { client: 'pg', connection: process.env.DATABASE_URL, pool: { max: 2 } }, production: { client: 'pg', connection: process.env.DATABASE_URL, pool: { max: 20 } } };\nexport const db = knex(configs[process.env.NODE_ENV]);"],
  // A per-environment map that never reaches a client.
  [L.pgNamed, "const urls = { development: 'http://localhost:3000', production: 'https://example.com' };\nexport const publicUrl = urls[process.env.NODE_ENV];\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL });"],
  // A knexfile whose environments differ only in database name or pool.
  [L.none, "module.exports = {\n  development: { client: 'pg', connection: { host: process.env.DB_HOST, database: 'app_dev' } },\n  production: { client: 'pg', connection: { host: process.env.DB_HOST, database: 'app' }, pool: { min: 2, max: 10 } },\n  test: { client: 'pg', connection: { host: process.env.DB_HOST, database: 'app_test' } },\n};"],
  // A knexfile whose environments connect the same way.
  [L.none, "module.exports = {\n  development: { client: 'pg', connection: process.env.DATABASE_URL },\n  production: { client: 'pg', connection: process.env.DATABASE_URL },\n};"],
  // Shadowed process, unrelated createClient.
  [L.none, "const process = { env: { NODE_ENV: 'production' } };\ncreateClient({ tls: process.env.NODE_ENV === 'production' });"],
  [L.none, "// ssl: isProd ? { ca } : false\nconsole.log('Usage: NODE_ENV=production node server.js');"],
  // A URL chosen by whether a variable is set is a local fallback, not a choice by environment name.
  [L.none, "export const AMQP_URL = process.env.AMQP_HOST ? `amqp://${process.env.AMQP_HOST}` : 'amqp://0.0.0.0:5672';"],
  [L.pgNamed, "const mode = process.env.NODE_ENV || 'development';\nnew Pool({ connectionString: process.env.DATABASE_URL, application_name: `api-${mode}` });"],
];

const invalid: InvalidCase[] = [
  ...bad.flatMap(([lib, body, messageId, data]) => forms(lib, body).map((form) => ({ ...form, errors: [{ messageId, data }] }))),
  ...environmentFiles,
  {
    name: 'a helper that returns a URL in production and a local configuration otherwise',
    code: "import knex from 'knex';\nfunction connection() {\n  if (process.env.NODE_ENV === 'production') {\n    return process.env.DB_URL;\n  }\n  return { host: 'localhost', user: 'app' };\n}\nexport const db = knex({ client: 'mysql2', connection: connection() });",
    errors: [{ messageId: 'config', line: 3, data: { client: 'knex', setting: '`connection`', what: 'the environment name' } }],
  },
  {
    name: 'a test-runner comparison that changes the credentials, not whether to connect',
    code: "import Redis from 'ioredis';\nexport default new Redis({\n  host: process.env.REDIS_HOST,\n  ...(process.env.NODE_ENV === 'test' ? {} : { password: process.env.REDIS_PASSWORD }),\n});",
    errors: [{ messageId: 'config', line: 4 }],
  },
  {
    name: 'a cloud-or-local switch chooses where the service is',
    code: "const mysql = require('mysql2');\nconst isCloudDB = process.env.USE_CLOUD_DB === 'true';\nmodule.exports = mysql.createConnection(isCloudDB ? process.env.DATABASE_URL : { host: 'localhost' });",
    sourceType: 'commonjs',
    errors: [{ messageId: 'config', line: 3 }],
  },
  {
    name: 'a flag used as the option is reported at the option, where the client is told to differ',
    code: "import { Pool } from 'pg';\nconst isProduction = process.env.NODE_ENV === 'production';\nnew Pool({\n  connectionString: process.env.DATABASE_URL,\n  ssl: isProduction,\n});",
    errors: [{ messageId: 'config', line: 5 }],
  },
  {
    name: 'reported once, at the test',
    code: "import { Pool } from 'pg';\nconst isProd = process.env.NODE_ENV === 'production';\nconst ssl = isProd ? { ca: process.env.DB_CA } : false;\nnew Pool({ ssl });\nnew Pool({ ssl, max: 2 });",
    errors: [{ messageId: 'config', line: 3, column: 13 }],
  },
  {
    name: 'TypeScript: satisfies and casts',
    code: "import { Pool, type PoolConfig } from 'pg';\nconst isProd = (process.env.NODE_ENV as string) === 'production';\nnew Pool({ ssl: (isProd ? { ca: process.env.DB_CA } : false) as PoolConfig['ssl'] } satisfies PoolConfig);",
    tsOnly: true,
    errors: [{ messageId: 'config' }],
  },
  {
    name: 'import.meta.env.PROD',
    code: "import { createClient } from 'redis';\ncreateClient({ url: import.meta.env.VITE_REDIS_URL, socket: { tls: import.meta.env.PROD } });",
    errors: [{ messageId: 'config', data: { client: 'node-redis', setting: '`socket.tls`', what: 'the environment name' } }],
  },
  {
    name: 'the documented nodemailer snippet that picks a mail server by NODE_ENV, without its require',
    code: "let mailConfig;\nif (process.env.NODE_ENV === 'production') {\n  mailConfig = { host: 'smtp.mailprovider.net', port: 587 };\n} else {\n  mailConfig = { host: 'smtp.ethereal.email', port: 587 };\n}\nconst transporter = nodemailer.createTransport(mailConfig);",
    sourceType: 'commonjs',
    errors: [{ messageId: 'config', line: 2, data: { client: 'nodemailer', setting: 'its configuration', what: 'the environment name' } }],
  },
  {
    name: 'imported isProd flag',
    code: "import { isProd } from './env';\nimport { Pool } from 'pg';\nnew Pool({ ssl: isProd ? { ca: process.env.DB_CA } : false });",
    errors: [{ messageId: 'config' }],
  },
];

const valid: ValidCase[] = good.flatMap(([lib, body]) => forms(lib, body));

ruleTests('no-environment-branching', rule, { valid, invalid });
