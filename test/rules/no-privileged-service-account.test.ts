import rule from '../../src/rules/no-privileged-service-account';
import { forms, L, type Lib } from '../harness/libraries';
import { ruleTests, type InvalidCase, type ValidCase } from '../harness/rule-tester';

/** `[library, body, [messageId, account]]`: one finding each, tested as ESM and as CommonJS. */
const privileged: Array<[Lib, string, [string, string]]> = [
  [L.prismaConfig, "export default defineConfig({ datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@localhost:5432/app' } });", ['urlUsername', 'postgres']],
  [L.pg, "new Pool({ host: process.env.PGHOST, user: 'postgres', password: process.env.PGPASSWORD });", ['option', 'postgres']],
  [L.pg, "new Client('postgres://postgres@db.example.com/app');", ['urlUsername', 'postgres']],
  [L.pg, "new Pool({ connectionString: 'postgres://rdsadmin:' + process.env.PW + '@db.example.com/app' });", ['urlUsername', 'rdsadmin']],
  [L.pg, "const { PGUSER = 'postgres' } = process.env;\nnew Pool({ user: PGUSER });", ['option', 'postgres']],
  [L.pg, "new Pool({ user: process.env.PGUSER || 'postgres' });", ['option', 'postgres']],
  [L.postgres, "postgres({ host: process.env.PGHOST, username: 'Postgres' });", ['option', 'postgres']],
  [L.mysql, "mysql.createConnection({ host: process.env.DB_HOST, user: 'root', password: process.env.DB_PASS });", ['option', 'root']],
  [L.mysql2, "mysql.createPool({ uri: `mysql://root:${process.env.DB_PASS}@db.example.com/app` });", ['urlUsername', 'root']],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { auth: { username: 'root', password: process.env.MONGO_PASSWORD } });", ['option', 'root']],
  [L.mongoose, "mongoose.connect(process.env.MONGODB_URI, { user: 'admin', pass: process.env.MONGO_PASSWORD });", ['option', 'admin']],
  [L.ioredis, "new Redis({ host: process.env.REDIS_HOST, username: 'default', password: process.env.REDIS_PASSWORD });", ['option', 'default']],
  [L.redis, "createClient({ url: process.env.REDIS_URL, username: 'default' });", ['option', 'default']],
  [L.amqplib, "amqp.connect('amqps://guest:' + process.env.AMQP_PASS + '@rabbit.example.com');", ['urlUsername', 'guest']],
  [L.amqplib, "amqp.connect(process.env.AMQP_URL, { credentials: amqp.credentials.plain('guest', process.env.AMQP_PASS) });", ['helper', 'guest']],
  [L.acm, "amqp.connect('amqps://guest:' + process.env.AMQP_PASS + '@rabbit.example.com');", ['urlUsername', 'guest']],
  [L.ldapauth, "new LdapAuth({ url: process.env.LDAP_URL, bindDN: 'cn=admin,dc=example,dc=org', bindCredentials: process.env.LDAP_PASS });", ['option', 'admin']],
  [L.ldapauthParent, "new LdapAuth({ url: process.env.LDAP_URL, adminDn: 'cn=Directory Manager', adminPassword: process.env.LDAP_PASS });", ['option', 'directory manager']],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, auth: { username: 'elastic', password: process.env.ES_PASSWORD } });", ['option', 'elastic']],
  [L.elastic, "new Client({ node: `https://elastic:${process.env.ES_PASSWORD}@search.example.com:9200` });", ['urlUsername', 'elastic']],
  [L.opensearch, "new Client({ node: process.env.OPENSEARCH_URL, auth: { username: 'admin', password: process.env.OS_PASSWORD } });", ['option', 'admin']],
  [L.knex, "knex({ client: 'mysql2', connection: { host: process.env.DB_HOST, user: 'root' } });", ['option', 'root']],
  [L.sequelize, "new Sequelize('app', 'postgres', process.env.DB_PASS, { host: process.env.DB_HOST, dialect: 'postgres' });", ['option', 'postgres']],
  [L.typeorm, "new DataSource({ type: 'mssql', host: process.env.DB_HOST, username: 'sa', password: process.env.DB_PASS });", ['option', 'sa']],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, user: 'sa', password: process.env.DB_PASS });", ['option', 'sa']],
  [L.mssql, "sql.connect('Server=sql.example.com;Database=app;User Id=sa;Encrypt=true');", ['connectionStringUser', 'sa']],
  [L.tedious, "new Connection({ server: process.env.DB_SERVER, authentication: { type: 'default', options: { userName: 'SA', password: process.env.DB_PASS } } });", ['option', 'sa']],
  [L.cassandra, "new cassandra.Client({ contactPoints: [process.env.CASSANDRA_HOST], localDataCenter: 'dc1', credentials: { username: 'cassandra', password: process.env.CQL_PASS } });", ['option', 'cassandra']],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL, bindDN: 'cn=admin,dc=example,dc=org', bindCredentials: process.env.LDAP_PASS });", ['option', 'admin']],
  // Bound after it is built: `client.bind(dn, password)`.
  [L.ldapjs, "const client = ldap.createClient({ url: process.env.LDAP_URL });\nclient.bind('cn=admin,dc=example,dc=org', process.env.LDAP_PASS, () => {});", ['helper', 'admin']],
  [L.ldapts, "const client = new Client({ url: process.env.LDAP_URL });\nclient.bind('cn=Directory Manager', process.env.LDAP_PASS).then(() => {});", ['helper', 'directory manager']],
  [L.nats, "connect({ servers: process.env.NATS_URL, user: 'sys', pass: process.env.NATS_PASS });", ['option', 'sys']],
  [L.bullmq, "new Queue('mail', { connection: { host: process.env.REDIS_HOST, username: 'default' } });", ['option', 'default']],
  [L.prisma, "new PrismaClient({ datasourceUrl: `postgresql://postgres:${process.env.PW}@db.example.com/app` });", ['urlUsername', 'postgres']],
  [L.mssql, "sql.connect({ server: process.env.DB_SERVER, user: 'CORP\\\\Administrator', password: process.env.DB_PASS });", ['option', 'administrator']],
];

/** A remote broker reached with no credentials: amqplib logs in as `guest` (reported with `implicitDefaults`). */
const implicit: Array<[Lib, string]> = [
  [L.amqplib, "amqp.connect('amqps://rabbit.example.com');"],
  [L.amqplib, "amqp.connect({ protocol: 'amqps', hostname: 'rabbit.example.com' });"],
  [L.acm, "amqp.connect('amqps://rabbit.example.com');"],
];

const leastPrivileged: Array<[Lib, string]> = [
  // MinIO's default root pair is a credential (its secret is reported as one), not an account the conventions name.
  [L.minio, "new Minio.Client({ endPoint: process.env.MINIO_ENDPOINT, accessKey: 'minioadmin', secretKey: process.env.MINIO_SECRET_KEY });"],
  [L.s3, "new S3Client({ endpoint: process.env.S3_URL, credentials: { accessKeyId: 'minioadmin', secretAccessKey: process.env.S3_SECRET } });"],
  [L.pg, 'new Pool({ connectionString: process.env.DATABASE_URL });'],
  [L.pg, "new Pool({ user: 'app_rw', password: process.env.PGPASSWORD });"],
  [L.pg, "new Pool({ user: 'postgres_app' });"],
  [L.pg, "new Client('postgres://app@db.example.com/app');"],
  [L.pg, 'new Pool({ user: process.env.PGUSER });'],
  [L.pg, 'new Client(`postgres://${process.env.DB_USER}@db.example.com/app`);'],
  [L.mysql, "mysql.createConnection({ user: 'admin2' });"],
  [L.mongodb, "new MongoClient(process.env.MONGODB_URI, { authSource: 'admin' });"],
  [L.ioredis, "new Redis({ name: 'root' });"],
  [L.amqplib, 'amqp.connect();'],
  [L.amqplib, "amqp.connect('amqp://localhost');"],
  [L.amqplib, 'amqp.connect(process.env.AMQP_URL);'],
  [L.amqplib, "amqp.connect('amqps://app:' + process.env.AMQP_PASS + '@rabbit.example.com');"],
  [L.amqplib, "amqp.connect('amqps://rabbit.example.com', { credentials: amqp.credentials.external() });"],
  [L.amqplib, "amqp.connect('amqps://rabbit.example.com', socketOptions);"],
  [L.acm, 'amqp.connect(process.env.AMQP_URL);'],
  [L.acm, "amqp.connect('amqps://rabbit.example.com', { connectionOptions: { credentials: external } });"],
  [L.ldapauth, "new LdapAuth({ url: process.env.LDAP_URL, bindDN: 'cn=svc-portal,ou=services,dc=example,dc=org', bindCredentials: process.env.LDAP_PASS });"],
  [L.amqplib, "amqp.connect({ protocol: 'amqps', hostname: 'rabbit.example.com', username: process.env.AMQP_USER, password: process.env.AMQP_PASS });"],
  [L.amqplib, 'amqp.connect(process.env.AMQP_URL, { credentials: amqp.credentials.plain(process.env.AMQP_USER, process.env.AMQP_PASS) });'],
  [L.elastic, "new Client({ node: process.env.ELASTICSEARCH_URL, auth: { username: 'search_app', password: process.env.ES_PASSWORD } });"],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL, bindDN: 'cn=app,ou=services,dc=example,dc=org' });"],
  [L.ldapjs, "ldap.createClient({ url: process.env.LDAP_URL, bindDN: 'cn=admin-tools,ou=apps,dc=example,dc=org' });"],
  [L.sequelize, "new Sequelize('postgres', 'app', process.env.DB_PASS, { host: process.env.DB_HOST, dialect: 'postgres' });"],
  [L.kafkajs, "new Kafka({ brokers: [process.env.KAFKA_BROKER], sasl: { mechanism: 'plain', username: 'app', password: process.env.KAFKA_PASS } });"],
];

/** Look-alikes: privileged-sounding names that are not a client's login. */
const lookalikes: ValidCase[] = [
  { code: "const user = { role: 'admin', name: 'root' };\nsave(user);" },
  { code: "import { createClient } from './db';\ncreateClient({ user: 'postgres' });" },
  { code: "function Pool(options) {}\nnew Pool({ user: 'postgres' });" },
  { code: "app.get('/admin', (req, res) => res.send('root'));" },
  { code: "console.log('connect as postgres://postgres@localhost/app');" },
  { code: "import { Pool } from 'pg';\nnew Pool({ database: 'postgres', user: process.env.PGUSER });" },
  {
    name: 'allow accepts a named account',
    code: "import { Pool } from 'pg';\nnew Pool({ user: 'admin', password: process.env.PGPASSWORD });",
    options: [{ allow: ['Admin'] }],
  },
];

const invalid: InvalidCase[] = privileged.flatMap(([lib, body, [messageId, account]]) =>
  forms(lib, body).map((form) => ({ ...form, name: `${account}: ${form.code}`, errors: [{ messageId }] })),
);

ruleTests('no-privileged-service-account', rule, {
  // No account is written down: off unless asked for (`strict` asks).
  valid: [...leastPrivileged.flatMap(([lib, body]) => forms(lib, body)), ...implicit.flatMap(([lib, body]) => forms(lib, body)), ...lookalikes],
  invalid: [
    ...invalid,
    ...implicit.flatMap(([lib, body]) => forms(lib, body).map((form) => ({ ...form, options: [{ implicitDefaults: true }], errors: [{ messageId: 'implicit' }] }))),
    {
      name: 'implicit guest is reported at the call',
      code: "import amqp from 'amqplib';\nawait amqp.connect(\n  'amqp://rabbitmq:5672',\n);",
      options: [{ implicitDefaults: true }],
      errors: [{ messageId: 'implicit', line: 2, column: 7, data: { client: 'amqplib', where: 'url', account: 'guest' } }],
    },
    {
      name: 'a Windows domain account',
      code: "import sql from 'mssql';\nsql.connect({ server: process.env.DB_SERVER, user: 'CORP\\\\Administrator' });",
      errors: [{ messageId: 'option', data: { client: 'mssql', where: 'user', account: 'administrator' } }],
    },
    {
      name: 'the credential helper names the account',
      code: "import { credentials, connect } from 'amqplib';\nconnect(process.env.AMQP_URL, { credentials: credentials.plain('guest', process.env.AMQP_PASS) });",
      errors: [{ messageId: 'helper', data: { client: 'amqplib', where: 'username', account: 'guest', call: 'credentials.plain' } }],
    },
    {
      name: 'an LDAP bind DN',
      code: "const ldap = require('ldapjs');\nldap.createClient({ url: process.env.LDAP_URL, bindDN: 'cn=Manager,dc=example,dc=org' });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'option', data: { client: 'ldapjs', where: 'bindDN', account: 'manager' } }],
    },
    {
      name: 'allow leaves other accounts reported',
      code: "import { Pool } from 'pg';\nnew Pool({ user: 'postgres' });",
      options: [{ allow: ['admin'] }],
      errors: [{ messageId: 'option', data: { client: 'pg', where: 'user', account: 'postgres' } }],
    },
  ],
});
