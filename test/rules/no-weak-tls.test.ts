import rule from '../../src/rules/no-weak-tls';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';
import { forms, L, type Lib } from '../harness/libraries';

type Edit = { messageId: string; from: string; to: string } | null;

const MIN = (from: string): Edit => ({ messageId: 'suggestModernVersion', from, to: "'TLSv1.2'" });
const REMOVE = (from: string): Edit => ({ messageId: 'suggestRemove', from, to: '' });

/** `[library, body, messageId, suggestion]`: one finding each, as ESM and as CommonJS. */
const weak: Array<[Lib, string, string, Edit]> = [
  // Opportunistic TLS that falls back to clear text.
  [L.nodemailer, 'nodemailer.createTransport({ host: process.env.SMTP_HOST, opportunisticTLS: true });', 'opportunistic', null],
  [L.nodemailer, "nodemailer.createTransport('smtp://smtp.example.com:587?opportunisticTLS=true');", 'opportunistic', null],
  [L.prisma, "new PrismaClient({ datasourceUrl: 'postgresql://db.example.com/app?sslmode=prefer&sslaccept=strict' });", 'opportunistic', null],
  // Old protocol versions.
  [L.pg, "new Pool({ ssl: { minVersion: 'TLSv1' } });", 'weakVersion', MIN("'TLSv1'")],
  [L.pg, "new Pool({ ssl: { maxVersion: 'TLSv1.1' } });", 'weakMaxVersion', REMOVE("maxVersion: 'TLSv1.1'")],
  [L.pg, "new Pool({ ssl: { secureProtocol: 'TLSv1_method' } });", 'weakMethod', REMOVE("secureProtocol: 'TLSv1_method'")],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: { minVersion: 'TLSv1.1' } });", 'weakVersion', MIN("'TLSv1.1'")],
  [L.mysql2, "mysql.createPool({ ssl: { minVersion: 'TLSv1', verifyIdentity: true } });", 'weakVersion', MIN("'TLSv1'")],
  [L.mysql, "mysql.createConnection({ ssl: { ciphers: 'DES-CBC3-SHA' } });", 'weakCipher', REMOVE("ciphers: 'DES-CBC3-SHA'")],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tls: true, secureProtocol: 'SSLv3_method' });", 'weakMethod', REMOVE("secureProtocol: 'SSLv3_method'")],
  [L.mongoose, "mongoose.connect(process.env.MONGODB_URI, { tls: true, ciphers: 'RC4-SHA' });", 'weakCipher', REMOVE("ciphers: 'RC4-SHA'")],
  [L.ioredis, "new Redis(process.env.REDIS_URL, { tls: { minVersion: 'TLSv1' } });", 'weakVersion', MIN("'TLSv1'")],
  [L.redis, "createClient({ url: process.env.REDIS_URL, socket: { tls: true, minVersion: 'TLSv1' } });", 'weakVersion', MIN("'TLSv1'")],
  [L.bullmq, "new Queue('mail', { connection: { url: process.env.REDIS_URL, tls: { ciphers: 'RC4-MD5' } } });", 'weakCipher', REMOVE("ciphers: 'RC4-MD5'")],
  [L.amqplib, "amqp.connect(process.env.AMQP_URL, { minVersion: 'TLSv1.1' });", 'weakVersion', MIN("'TLSv1.1'")],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER], ssl: { secureProtocol: 'TLSv1_1_method' } });", 'weakMethod', REMOVE("secureProtocol: 'TLSv1_1_method'")],
  // The widespread "Office 365" snippet.
  [L.nodemailer, "nodemailer.createTransport({ host: 'smtp.office365.com', port: 587, requireTLS: true, tls: { ciphers: 'SSLv3' } });", 'weakCipher', REMOVE("ciphers: 'SSLv3'")],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, tls: { minVersion: 'TLSv1' } });", 'weakVersion', MIN("'TLSv1'")],
  [L.opensearch, "new Client({ node: process.env.OPENSEARCH_URL, ssl: { ciphers: 'ALL:@SECLEVEL=0' } });", 'weakCipher', REMOVE("ciphers: 'ALL:@SECLEVEL=0'")],
  [L.knex, "knex({ client: 'pg', connection: { connectionString: process.env.DATABASE_URL, ssl: { minVersion: 'TLSv1' } } });", 'weakVersion', MIN("'TLSv1'")],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', dialectOptions: { ssl: { minVersion: 'TLSv1' } } });", 'weakVersion', MIN("'TLSv1'")],
  [L.typeorm, "new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, ssl: { ciphers: 'NULL-SHA' } });", 'weakCipher', REMOVE("ciphers: 'NULL-SHA'")],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { cryptoCredentialsDetails: { minVersion: 'TLSv1' } } });", 'weakVersion', MIN("'TLSv1'")],
  [L.tedious, "new Connection({ server: process.env.DB_SERVER, options: { cryptoCredentialsDetails: { minVersion: 'TLSv1' } } });", 'weakVersion', MIN("'TLSv1'")],
  [L.nats, "connect({ servers: process.env.NATS_URL, tls: { minVersion: 'TLSv1' } });", 'weakVersion', MIN("'TLSv1'")],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', sslOptions: { rejectUnauthorized: true, minVersion: 'TLSv1' } });", 'weakVersion', MIN("'TLSv1'")],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL, tlsOptions: { minVersion: 'TLSv1' } });", 'weakVersion', MIN("'TLSv1'")],
  [L.ldapts, "new Client({ url: process.env.LDAP_URL, tlsOptions: { secureProtocol: 'TLSv1_method' } });", 'weakMethod', REMOVE("secureProtocol: 'TLSv1_method'")],
  [L.s3, "new S3Client({ requestHandler: { httpsAgent: { minVersion: 'TLSv1' } } });", 'weakVersion', MIN("'TLSv1'")],
  [L.ws, "new WebSocket(process.env.RELAY_URL, { minVersion: 'TLSv1' });", 'weakVersion', MIN("'TLSv1'")],
  [L.https, "new https.Agent({ minVersion: 'TLSv1' });", 'weakVersion', MIN("'TLSv1'")],
  [L.https, "https.globalAgent.options.minVersion = 'TLSv1';", 'weakVersion', MIN("'TLSv1'")],
  [L.tls, "tls.connect({ host: process.env.HOST, port: 443, maxVersion: 'TLSv1.1' });", 'weakMaxVersion', REMOVE("maxVersion: 'TLSv1.1'")],
  [L.tls, "tls.DEFAULT_MIN_VERSION = 'TLSv1';", 'processDefault', MIN("'TLSv1'")],
  [L.tls, "tls.DEFAULT_CIPHERS = 'DEFAULT:RC4-SHA';", 'processDefault', null],
  [L.pgDefault, "pg.defaults.ssl = { minVersion: 'TLSv1' };", 'weakVersion', MIN("'TLSv1'")],
];

const secure: Array<[Lib, string]> = [
  // postgres.js 'prefer' and 'allow' (the TLS oracle saw both go on in clear text when the server
  // declines TLS) also skip verification: one finding, no-unverified-tls's, whose message says both.
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'prefer' });"],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'allow' });"],
  [L.postgres, "postgres('postgres://db.example.com/app?sslmode=prefer');"],
  [L.pg, "new Pool({ ssl: { minVersion: 'TLSv1.2' } });"],
  [L.pg, "new Pool({ ssl: { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' } });"],
  [L.pg, "new Pool({ ssl: { ciphers: 'HIGH:!aNULL:!MD5:!RC4' } });"],
  [L.pg, "new Pool({ ssl: { ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384' } });"],
  [L.pg, 'new Pool({ ssl: { minVersion: process.env.TLS_MIN } });'],
  [L.pg, "new Pool({ minVersion: 'TLSv1' });"],
  [L.pg, "new Client('postgres://db.example.com/app?sslmode=prefer');"],
  [L.postgres, "postgres(process.env.DATABASE_URL, { ssl: 'verify-full' });"],
  [L.nodemailer, 'nodemailer.createTransport({ host: process.env.SMTP_HOST, opportunisticTLS: true, requireTLS: true });'],
  [L.nodemailer, "nodemailer.createTransport({ host: process.env.SMTP_HOST, tls: { ciphers: 'TLSv1.2' } });"],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tls: true, secureProtocol: 'TLSv1_2_method' });"],
  [L.tls, "tls.DEFAULT_MIN_VERSION = 'TLSv1.2';"],
  [L.tls, 'tls.DEFAULT_MIN_VERSION = process.env.TLS_MIN;'],
  [L.ioredis, "new Redis(process.env.REDIS_URL, { tls: { minVersion: 'TLSv1.2' }, minVersion: 'TLSv1' });"],
  // Bag keys the library never hands to Node (the TLS oracle saw TLS 1.3 negotiated, or no start).
  [L.mysql2, "mysql.createPool({ ssl: { verifyIdentity: true, secureProtocol: 'TLSv1_method' } });"],
  [L.mysql, "mysql.createConnection({ ssl: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' } });"],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { tls: true, minVersion: 'TLSv1' });"],
  [L.socketio, "io(process.env.CHAT_URL, { secureProtocol: 'TLSv1_method', maxVersion: 'TLSv1.1' });"],
  [L.sequelize, "new Sequelize(process.env.DATABASE_URL, { dialect: 'mysql', dialectOptions: { ssl: { secureProtocol: 'TLSv1_method' } } });"],
];

const lookalikes: ValidCase[] = [
  { code: "const tlsOptions = { minVersion: 'TLSv1', ciphers: 'RC4-SHA' };\nfetch(url, tlsOptions);" },
  { code: "import { Pool } from './db';\nnew Pool({ ssl: { minVersion: 'TLSv1' } });" },
  { code: "const tls = { DEFAULT_MIN_VERSION: '' };\ntls.DEFAULT_MIN_VERSION = 'TLSv1';" },
  { code: "module.exports = { server: { ssl: { minVersion: 'TLSv1', ciphers: 'SSLv3' } } };", sourceType: 'commonjs' },
  { code: "import postgres from 'postgres';\nconst prefer = 'prefer';\nsettings({ ssl: prefer });" },
  { code: "function connect(options) {}\nconnect({ tls: { minVersion: 'TLSv1' } });" },
];

/**
 * A legacy server (an old SQL Server) is reached with a weak version and `@SECLEVEL=0`, which
 * OpenSSL 3 needs before it negotiates TLS 1.0/1.1: one finding at the version, and its
 * suggestion removes the security level too. `[library, body, messageId, version, replacement]`.
 */
const withLevel: Array<[Lib, string, string, string, string]> = [
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, options: { encrypt: true, cryptoCredentialsDetails: { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } } });", 'weakVersion', "'TLSv1'", "'TLSv1.2'"],
  [L.tedious, "new Connection({ server: process.env.DB_SERVER, options: { cryptoCredentialsDetails: { ciphers: 'DEFAULT:@SECLEVEL=0', secureProtocol: 'TLSv1_method' } } });", 'weakMethod', "secureProtocol: 'TLSv1_method'", ''],
  [L.pg, "new Pool({ ssl: { maxVersion: 'TLSv1.1', ciphers: 'ALL:@SECLEVEL=0' } });", 'weakMaxVersion', "maxVersion: 'TLSv1.1',", ''],
];

const invalid: InvalidCase[] = weak.flatMap(([lib, body, messageId, edit]) =>
  forms(lib, body).map((form) => ({
    ...form,
    errors: [
      {
        messageId,
        suggestions: edit ? [{ messageId: edit.messageId, output: form.code.replace(edit.from, edit.to) }] : [],
      },
    ],
  })),
);

const levelCases: InvalidCase[] = withLevel.flatMap(([lib, body, messageId, version, replacement]) =>
  forms(lib, body).map((form) => ({
    ...form,
    errors: [
      {
        messageId,
        suggestions: [{ messageId: version.startsWith("'") ? 'suggestModernVersion' : 'suggestRemove', output: form.code.replace(version, replacement).replace(/ciphers: '[^']*',?/, '') }],
      },
    ],
  })),
);

ruleTests('no-weak-tls', rule, {
  valid: [...secure.flatMap(([lib, body]) => forms(lib, body)), ...lookalikes],
  invalid: [
    ...invalid,
    ...levelCases,
    {
      name: 'the security level is named in the version finding',
      code: "const sql = require('mssql');\nsql.connect({ server: process.env.DB_SERVER, options: { cryptoCredentialsDetails: { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } } });",
      sourceType: 'commonjs',
      errors: [
        {
          messageId: 'weakVersion',
          data: {
            client: 'mssql',
            path: 'options.cryptoCredentialsDetails.minVersion',
            value: 'TLSv1',
            protocol: 'TLSv1',
            level: " `options.cryptoCredentialsDetails.ciphers: 'DEFAULT:@SECLEVEL=0'` beside it is what lets OpenSSL 3 negotiate it; remove that too.",
          },
          suggestions: [{ messageId: 'suggestModernVersion', output: "const sql = require('mssql');\nsql.connect({ server: process.env.DB_SERVER, options: { cryptoCredentialsDetails: { minVersion: 'TLSv1.2',  } } });" }],
        },
      ],
    },
    {
      name: '@SECLEVEL=0 with weak suites is its own finding beside the version',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: 'TLSv1', ciphers: 'RC4-SHA:@SECLEVEL=0' } });",
      errors: [
        { messageId: 'weakVersion', data: { client: 'pg', path: 'ssl.minVersion', value: 'TLSv1', protocol: 'TLSv1', level: '' }, suggestions: [{ messageId: 'suggestModernVersion', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: 'TLSv1.2', ciphers: 'RC4-SHA:@SECLEVEL=0' } });" }] },
        { messageId: 'weakCipher', data: { client: 'pg', path: 'ssl.ciphers', cipher: 'RC4-SHA' }, suggestions: [{ messageId: 'suggestRemove', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: 'TLSv1',  } });" }] },
      ],
    },
    {
      name: '@SECLEVEL=0 in another bag of the same client is its own finding',
      code: "import { Pool } from 'pg';\nconst legacy = { ciphers: 'DEFAULT:@SECLEVEL=0' };\nnew Pool({ ssl: process.env.LEGACY ? legacy : { minVersion: 'TLSv1' } });",
      errors: [
        { messageId: 'weakCipher', line: 2, data: { client: 'pg', path: 'ssl.ciphers', cipher: '@SECLEVEL=0' }, suggestions: [] },
        { messageId: 'weakVersion', line: 3, data: { client: 'pg', path: 'ssl.minVersion', value: 'TLSv1', protocol: 'TLSv1', level: '' }, suggestions: [{ messageId: 'suggestModernVersion', output: "import { Pool } from 'pg';\nconst legacy = { ciphers: 'DEFAULT:@SECLEVEL=0' };\nnew Pool({ ssl: process.env.LEGACY ? legacy : { minVersion: 'TLSv1.2' } });" }] },
      ],
    },
    {
      name: 'options through a variable: reported, no suggestion outside the call',
      code: "import Redis from 'ioredis';\nconst tlsOptions = { minVersion: 'TLSv1' };\nnew Redis(process.env.REDIS_URL, { tls: tlsOptions });",
      errors: [{ messageId: 'weakVersion', line: 2, data: { client: 'ioredis', path: 'tls.minVersion', value: 'TLSv1', protocol: 'TLSv1', level: '' }, suggestions: [] }],
    },
    {
      name: 'options through a spread',
      code: "const { Pool } = require('pg');\nconst base = { ssl: { ciphers: 'RC4-SHA' } };\nnew Pool({ ...base, max: 5 });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'weakCipher', line: 2, data: { client: 'pg', path: 'ssl.ciphers', cipher: 'RC4-SHA' }, suggestions: [] }],
    },
    {
      name: 'both weak settings in one bag',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: 'TLSv1', ciphers: 'EXPORT' } });",
      errors: [
        { messageId: 'weakVersion', suggestions: [{ messageId: 'suggestModernVersion', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: 'TLSv1.2', ciphers: 'EXPORT' } });" }] },
        { messageId: 'weakCipher', suggestions: [{ messageId: 'suggestRemove', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: 'TLSv1',  } });" }] },
      ],
    },
    {
      name: 'a weak branch of a conditional',
      code: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: legacy ? 'TLSv1' : 'TLSv1.2' } });",
      errors: [{ messageId: 'weakVersion', suggestions: [{ messageId: 'suggestModernVersion', output: "import { Pool } from 'pg';\nnew Pool({ ssl: { minVersion: legacy ? 'TLSv1.2' : 'TLSv1.2' } });" }] }],
    },
    {
      name: 'process-wide minimum through a namespace import',
      code: "import * as tls from 'node:tls';\ntls.DEFAULT_MAX_VERSION = 'TLSv1.1';",
      errors: [{ messageId: 'processDefault', data: { name: 'DEFAULT_MAX_VERSION', value: 'TLSv1.1', weak: 'allows TLSv1.1' }, suggestions: [] }],
    },
    {
      name: 'TypeScript: typed TLS options',
      code: "import { Pool } from 'pg';\nimport type { ConnectionOptions } from 'tls';\nconst ssl: ConnectionOptions = { minVersion: 'TLSv1' as const };\nnew Pool({ ssl });",
      tsOnly: true,
      errors: [{ messageId: 'weakVersion', line: 3, suggestions: [] }],
    },
  ],
});
