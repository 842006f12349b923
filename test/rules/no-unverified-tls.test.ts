import rule from '../../src/rules/no-unverified-tls';
import { forms, L, type Lib } from '../harness/libraries';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

/**
 * `[library, body, suggestion]`: one finding each, tested as ESM and as CommonJS. The suggestion
 * is the `[from, to]` edit it offers, or null when it offers none.
 */
const insecure: Array<[Lib, string, [string, string] | null]> = [
  [L.pg, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=no-verify');", ['sslmode=no-verify', 'sslmode=verify-full']],
  [L.pg, "new Client({ connectionString: 'postgres://db.example.com/app?uselibpqcompat=true&sslmode=require' });", ['sslmode=require', 'sslmode=verify-full']],
  [L.pg, "new Pool({ ssl: { checkServerIdentity: () => undefined } });", ['{ checkServerIdentity: () => undefined }', '{  }']],
  [L.pgAlias, "const ssl = { rejectUnauthorized: false };\nconst options = { max: 5, ssl };\nnew P({ ...options });", null],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'require' });", null],
  [L.postgres, "postgres('postgres://db.example.com/app?sslmode=require');", ['sslmode=require', 'sslmode=verify-full']],
  [L.mysql, "mysql.createConnection({ host: process.env.DB_HOST, ssl: true });", null],
  [L.mysql, "mysql.createPool({ ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.mysql2, "mysql.createPool({ uri: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false, verifyIdentity: true } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tlsAllowInvalidCertificates: true });", ['Certificates: true', 'Certificates: false']],
  [L.mongodb, "MongoClient.connect('mongodb+srv://cluster0.example.net/app?tlsInsecure=true');", ['tlsInsecure=true', 'tlsInsecure=false']],
  [L.mongoose, "mongoose.connect(process.env.MONGODB_URI, { tlsAllowInvalidHostnames: true });", ['Hostnames: true', 'Hostnames: false']],
  [L.mongoose, "mongoose.createConnection(process.env.MONGODB_URI, { tls: true, rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.ioredis, "new Redis(process.env.REDIS_URL, { tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.ioredis, "new Redis.Cluster([{ host: 'a' }], { redisOptions: { tls: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.redis, "createClient({ url: process.env.REDIS_URL, socket: { tls: true, rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.amqplib, "amqp.connect(process.env.AMQP_URL, { rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER], ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.nodemailer, "nodemailer.createTransport({ host: process.env.SMTP_HOST, tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.nodemailer, "nodemailer.createTransport('smtps://smtp.example.com?tls.rejectUnauthorized=false');", ['rejectUnauthorized=false', 'rejectUnauthorized=true']],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.opensearch, "new Client({ node: process.env.OPENSEARCH_URL, ssl: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.knex, "knex({ client: 'pg', connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', dialectOptions: { ssl: { require: true, rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql' });", null],
  // Written beside `encrypt: false` (reported by no-disabled-tls), as mssql, tedious and knex report it.
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql', dialectOptions: { options: { encrypt: false, trustServerCertificate: true } } });", ['Certificate: true', 'Certificate: false']],
  [L.typeorm, "new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { ssl: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  // mssql: TypeORM assigns `extra` over the driver options, so `extra.options` replaces `options`.
  [L.typeorm, "new DataSource({ type: 'mssql', host: process.env.DB_HOST, extra: { options: { trustServerCertificate: true } } });", ['Certificate: true', 'Certificate: false']],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { trustServerCertificate: true } });", ['Certificate: true', 'Certificate: false']],
  [L.mssql, "new sql.ConnectionPool('Server=db.example.com;Database=app;Encrypt=true;TrustServerCertificate=true');", ['TrustServerCertificate=true', 'TrustServerCertificate=false']],
  [L.tedious, "new Connection({ server: process.env.DB_SERVER, options: { trustServerCertificate: true } });", ['Certificate: true', 'Certificate: false']],
  [L.nats, "connect({ servers: process.env.NATS_URL, tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', sslOptions: {} });", null],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL, tlsOptions: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.acm, 'amqp.connect(process.env.AMQP_URL, { connectionOptions: { rejectUnauthorized: false } });', ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: process.env.NATS_URL, tls: { rejectUnauthorized: false } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.ldapauth, 'new LdapAuth({ url: process.env.LDAP_URL, starttls: true, tlsOptions: { rejectUnauthorized: false } });', ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.bullmq, "new Queue('mail', { connection: { url: process.env.REDIS_URL, tls: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.bullmq, "new Worker('mail', async () => {}, { connection: { tls: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'postgresql://db.example.com/app?sslaccept=accept_invalid_certs' });", ['sslaccept=accept_invalid_certs', 'sslaccept=strict']],
  [L.s3, "new S3Client({ requestHandler: { httpsAgent: { rejectUnauthorized: false } } });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.ws, "new WebSocket('wss://relay.example.com', { rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.https, "new https.Agent({ rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.https, "https.globalAgent.options.rejectUnauthorized = false;", ['= false', '= true']],
  [L.tls, "tls.connect({ host: process.env.HOST, port: 443, rejectUnauthorized: false });", ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  [L.pgDefault, 'pg.defaults.ssl = { rejectUnauthorized: false };', ['rejectUnauthorized: false', 'rejectUnauthorized: true']],
  // Seen by the TLS oracle (docs/verified.md): 'allow' skips verification like 'require'.
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'allow' });", null],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'prefer' });", null],
  [L.postgres, "postgres('postgres://db.example.com/app?sslmode=prefer');", ['sslmode=prefer', 'sslmode=verify-full']],
];

/**
 * The certificate chain verified, the host name not (mysql2 without `verifyIdentity: true`;
 * mysqljs never checks it, whatever the object says): reported with `checkHostname`, as
 * `strict` sets it, and silent by default. `[library, body, suggestion]`.
 */
const chainOnly: Array<[Lib, string, [string, string] | null]> = [
  [L.mysql2, "mysql.createPool({ uri: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });", null],
  [L.mysql2, "mysql.createConnection({ ssl: { ca: process.env.DB_CA } });", null],
  [L.mysql, "mysql.createConnection({ ssl: { verifyIdentity: true } });", null],
  [L.knex, "knex({ client: 'mysql2', connection: { uri: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } } });", null],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mysql', dialectOptions: { ssl: { rejectUnauthorized: true } } });", null],
  [L.typeorm, "new DataSource({ type: 'mysql', url: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });", null],
];

const secure: Array<[Lib, string]> = [
  [L.acm, 'amqp.connect(process.env.AMQP_URL, { connectionOptions: { ca: [process.env.AMQP_CA] } });'],
  [L.stan, "stan.connect('test-cluster', 'worker-1', { url: process.env.NATS_URL, tls: true });"],
  [L.ldapauth, 'new LdapAuth({ url: process.env.LDAP_URL, starttls: true, tlsOptions: { rejectUnauthorized: true } });'],
  [L.pg, "new Pool({ connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } });"],
  [L.pg, "new Client('postgres://db.example.com/app?ssl=false');"],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=require');"],
  [L.pg, "new Pool({ ssl: { rejectUnauthorized: process.env.DB_VERIFY !== 'false' } });"],
  [L.pg, "new Pool({ ssl: { checkServerIdentity: (host, cert) => tls.checkServerIdentity(host, cert) } });"],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'verify-full' });"],
  [L.mysql2, "mysql.createPool({ ssl: { ca: process.env.DB_CA, verifyIdentity: true } });"],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tlsAllowInvalidCertificates: false });"],
  [L.redis, "createClient({ url: process.env.REDIS_URL, socket: { tls: true } });"],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, caFingerprint: process.env.ES_FINGERPRINT, tls: { rejectUnauthorized: false } });"],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', sslOptions: { rejectUnauthorized: true } });"],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { encrypt: true, trustServerCertificate: false } });"],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql', dialectOptions: { options: { trustServerCertificate: false } } });"],
  [L.https, "new https.Agent({ keepAlive: true });"],
  [L.pg, "new Pool({ ssl: getSsl() });"],
  // Bag keys the library never hands to Node (the TLS oracle saw them change nothing).
  [L.mysql2, "mysql.createPool({ ssl: { rejectUnauthorized: true, verifyIdentity: true, checkServerIdentity: () => undefined } });"],
  [L.tedious, "new Connection({ server: process.env.DB_SERVER, options: { cryptoCredentialsDetails: { rejectUnauthorized: false } } });"],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { cryptoCredentialsDetails: { checkServerIdentity: () => undefined } } });"],
  [L.knex, "knex({ client: 'mysql2', connection: { ssl: { verifyIdentity: true, checkServerIdentity: () => undefined } } });"],
  // `sslmode` is pg's: knex hands a `mysql://` URL to mysql2, which ignores it.
  [L.knex, "knex({ client: 'mysql2', connection: 'mysql://db.example.com/app?sslmode=no-verify' });"],
  // mssql's top-level settings are defaults that `options` overrides; TDS 8 ignores trustServerCertificate.
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, trustServerCertificate: true, options: { trustServerCertificate: false } });"],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql', dialectOptions: { options: { encrypt: 'strict' } } });"],
  // Encryption off and nothing written about trust: the default trusts no certificate (no-disabled-tls reports the rest).
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mssql', dialectOptions: { options: { encrypt: false } } });"],
  // TypeORM hands MongoDB only its whitelist of options: `tlsInsecure` never reaches the driver.
  [L.typeorm, "new DataSource({ type: 'mongodb', url: process.env.MONGODB_URI, tls: true, tlsInsecure: true });"],
];

const invalid: InvalidCase[] = insecure.flatMap(([lib, body, edit]) =>
  forms(lib, body).map((form) => ({
    ...form,
    errors: [
      {
        messageId: expectedId(body),
        suggestions: edit ? [{ messageId: 'suggestSecure', output: form.code.replace(edit[0], edit[1]) }] : [],
      },
    ],
  })),
);

const hostnameCases: InvalidCase[] = chainOnly.flatMap(([lib, body, edit]) =>
  forms(lib, body).map((form) => ({
    ...form,
    name: `${form.name} (checkHostname)`,
    options: [{ checkHostname: true }],
    errors: [{ messageId: 'hostnameUnverified', suggestions: edit ? [{ messageId: 'suggestSecure', output: form.code.replace(edit[0], edit[1]) }] : [] }],
  })),
);

function expectedId(body: string): string {
  if (/globalAgent|defaults\./.test(body)) return 'globalDefault';
  // postgres.js 'allow' and 'prefer' also go on in clear text: one finding, whose message says so.
  return /'(?:allow|prefer)'|sslmode=(?:allow|prefer)/.test(body) && body.startsWith('postgres(') ? 'unverifiedFallback' : 'unverified';
}

/** Look-alikes: the same option names on things that are not backing-service clients. */
const lookalikes: ValidCase[] = [
  { code: "function connect(urls, options) { return [urls, options]; }\nconnect(process.env.AMQP_URL, { connectionOptions: { rejectUnauthorized: false } });" },
  { code: "class LdapAuth { constructor(options) { this.options = options; } }\nnew LdapAuth({ url: process.env.LDAP_URL, tlsOptions: { rejectUnauthorized: false } });" },
  { code: "module.exports = { devServer: { https: true, server: { options: { rejectUnauthorized: false } } } };", sourceType: 'commonjs' },
  { code: "import session from 'express-session';\napp.use(session({ cookie: { secure: false } }));" },
  { code: "import cors from 'cors';\napp.use(cors({ origin: 'http://localhost:3000', credentials: true }));" },
  { code: "import { createClient } from '@supabase/supabase-js';\ncreateClient(url, key, { rejectUnauthorized: false });" },
  { code: "import { createClient } from './redis-wrapper';\ncreateClient({ socket: { tls: true, rejectUnauthorized: false } });" },
  { code: "function Pool(options) {}\nnew Pool({ ssl: { rejectUnauthorized: false } });" },
  { code: "const { Pool } = require('pg');\nfunction make(Pool) { return new Pool({ ssl: { rejectUnauthorized: false } }); }", sourceType: 'commonjs' },
  { code: "const options = { rejectUnauthorized: false };\nfetch(url, options);" },
  { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';" },
  { code: "const process = { env: {} };\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';" },
  { code: "if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0') warn();" },
  { code: "import { Pool } from 'pg';\nnew Pool({ ssl: { rejectUnauthorized: config.verify } });" },
  { code: "import { Pool } from 'pg';\nlet ssl = { rejectUnauthorized: true };\nssl = load();\nnew Pool({ ssl });" },
];

ruleTests('no-unverified-tls', rule, {
  valid: [...secure.flatMap(([lib, body]) => forms(lib, body)), ...lookalikes, ...chainOnly.flatMap(([lib, body]) => forms(lib, body))],
  invalid: [
    ...invalid,
    ...hostnameCases,
    {
      name: 'checkHostname: the message says what is checked and what is not',
      code: "const mysql = require('mysql2');\nmysql.createPool({ host: process.env.DB_HOST, ssl: { rejectUnauthorized: true } });",
      sourceType: 'commonjs',
      options: [{ checkHostname: true }],
      errors: [
        {
          messageId: 'hostnameUnverified',
          data: { client: 'mysql2', setting: 'ssl: { ... }', secure: 'ssl: { rejectUnauthorized: true, verifyIdentity: true }' },
          // No suggestion: verify-tls adds `verifyIdentity: true`.
          suggestions: [],
        },
      ],
    },
    {
      name: 'TypeScript: amqp-connection-manager options typed AmqpConnectionManagerOptions',
      code: "import amqp, { type AmqpConnectionManagerOptions } from 'amqp-connection-manager';\nconst options: AmqpConnectionManagerOptions = { connectionOptions: { rejectUnauthorized: false } };\namqp.connect(process.env.AMQP_URL as string, options);",
      tsOnly: true,
      errors: [{ messageId: 'unverified', line: 2, data: { client: 'amqp-connection-manager', setting: 'connectionOptions.rejectUnauthorized: false', secure: 'connectionOptions.rejectUnauthorized: true' } }],
    },
    {
      name: 'TypeScript: node-nats-streaming options typed StanOptions',
      code: "import { connect, type StanOptions } from 'node-nats-streaming';\nconst options: StanOptions = { url: process.env.NATS_URL, tls: { rejectUnauthorized: false } };\nconnect('test-cluster', 'worker-1', options);",
      tsOnly: true,
      errors: [{ messageId: 'unverified', line: 2, data: { client: 'node-nats-streaming', setting: 'tls.rejectUnauthorized: false', secure: 'tls.rejectUnauthorized: true' } }],
    },
    {
      name: 'TypeScript: ldapauth-fork options typed LdapAuth.Options',
      code: "import LdapAuth = require('ldapauth-fork');\nconst options: LdapAuth.Options = { url: process.env.LDAP_URL as string, searchBase: 'dc=example,dc=org', searchFilter: '(uid={{username}})', tlsOptions: { rejectUnauthorized: false } };\nexport const auth = new LdapAuth(options);",
      tsOnly: true,
      errors: [{ messageId: 'unverified', line: 2, data: { client: 'ldapauth-fork', setting: 'tlsOptions.rejectUnauthorized: false', secure: 'tlsOptions.rejectUnauthorized: true' } }],
    },
    {
      name: 'suggestion flips rejectUnauthorized when the object is local to the call',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: { rejectUnauthorized: false } });",
      errors: [
        {
          messageId: 'unverified',
          line: 2,
          suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { rejectUnauthorized: true } });" }],
        },
      ],
    },
    {
      name: 'no suggestion when the options live outside the call',
      code: "import { Pool } from 'pg';\nconst ssl = { rejectUnauthorized: false };\nnew Pool({ ssl });",
      errors: [{ messageId: 'unverified', line: 2, suggestions: [] }],
    },
    {
      name: 'suggestion rewrites sslmode in a URL literal',
      code: "import { Client } from 'pg';\nnew Client('postgres://db.example.com/app?sslmode=no-verify');",
      errors: [
        {
          messageId: 'unverified',
          suggestions: [{ messageId: 'suggestSecure', output: "import { Client } from 'pg';\nnew Client('postgres://db.example.com/app?sslmode=verify-full');" }],
        },
      ],
    },
    {
      name: 'no-op checkServerIdentity removed by the suggestion',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: { ca, checkServerIdentity() {} } });",
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { ca,  } });" }] }],
    },
    {
      name: 'a TLS setting in one branch of a conditional',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: isProd ? { rejectUnauthorized: false } : false });",
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nnew Pool({ ssl: isProd ? { rejectUnauthorized: true } : false });" }] }],
    },
    {
      name: 'options from a same-file function',
      code: "import { Pool } from 'pg';\nfunction options() { return { ssl: { rejectUnauthorized: false } }; }\nnew Pool(options());",
      errors: [{ messageId: 'unverified', line: 2, suggestions: [] }],
    },
    {
      name: 'options through Object.assign',
      code: "import { Pool } from 'pg';\nconst base = { max: 10 };\nnew Pool(Object.assign({}, base, { ssl: { rejectUnauthorized: false } }));",
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "import { Pool } from 'pg';\nconst base = { max: 10 };\nnew Pool(Object.assign({}, base, { ssl: { rejectUnauthorized: true } }));" }] }],
    },
    {
      name: 'require inside a function, chained call',
      code: "function db() { return require('mysql2').createPool({ ssl: { rejectUnauthorized: false, verifyIdentity: true } }).promise(); }",
      sourceType: 'commonjs',
      errors: [{ messageId: 'unverified', suggestions: [{ messageId: 'suggestSecure', output: "function db() { return require('mysql2').createPool({ ssl: { rejectUnauthorized: true, verifyIdentity: true } }).promise(); }" }] }],
    },
    {
      name: 'TypeScript casts and satisfies',
      code: "import { Pool, type PoolConfig } from 'pg';\nconst config = { ssl: { rejectUnauthorized: false } as const } satisfies PoolConfig;\nnew Pool(config as PoolConfig);",
      tsOnly: true,
      errors: [{ messageId: 'unverified', suggestions: [] }],
    },
    { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", errors: [{ messageId: 'processWide', data: { value: "'0'" } }] },
    { code: "process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;", errors: [{ messageId: 'processWide', data: { value: '0' } }] },
    { code: "Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: '0' });", errors: [{ messageId: 'processWide' }] },
    { code: "const off = '0';\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = off;", sourceType: 'commonjs', errors: [{ messageId: 'processWide' }] },
  ],
});
