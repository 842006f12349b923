/**
 * What the tenth field sample showed, in our own words: a variable named for the option it
 * feeds holds an environment choice, Strapi's `env('NODE_ENV')`, credential classes built with
 * `new`, cache-manager-ioredis-yet, MinIO options in a configuration module, TypeORM's `extra`
 * for SQL Server, and per-environment maps whose entries differ only by a default port.
 */
import branching from '../../src/rules/no-environment-branching';
import credentials from '../../src/rules/no-hardcoded-service-credentials';
import location from '../../src/rules/no-hardcoded-service-location';
import fallback from '../../src/rules/no-local-service-fallback';
import privileged from '../../src/rules/no-privileged-service-account';
import unverified from '../../src/rules/no-unverified-tls';
import { ruleTests } from '../harness/rule-tester';

const pgClients = (declaration: string, use: string): string =>
  `const { Client, Pool } = require('pg');\n${declaration}\nconst a = new Client({ connectionString: process.env.DATABASE_URL, ${use} });\nconst b = new Pool({ connectionString: process.env.DATABASE_URL, ${use} });`;

ruleTests('no-environment-branching: a variable named for the option it feeds', branching, {
  valid: [
    // Named for the option, but not chosen by environment.
    { code: pgClients("const ssl = process.env.PGSSL === 'true';", 'ssl'), sourceType: 'commonjs' },
  ],
  invalid: [
    // The definition holds the choice: one report there for both clients.
    { code: pgClients("const ssl = process.env.NODE_ENV === 'production';", 'ssl'), sourceType: 'commonjs', errors: [{ messageId: 'config', line: 2 }] },
    { code: pgClients("const useSsl = process.env.NODE_ENV !== 'development';", 'ssl: useSsl'), sourceType: 'commonjs', errors: [{ messageId: 'config', line: 2 }] },
    // A flag serves other ends too: each option that takes it is reported.
    {
      code: pgClients("const isProduction = process.env.NODE_ENV === 'production';", 'ssl: isProduction'),
      sourceType: 'commonjs',
      errors: [
        { messageId: 'config', line: 3 },
        { messageId: 'config', line: 4 },
      ],
    },
    {
      code: "import { Pool } from 'pg';\nconst tls = process.env.NODE_ENV === 'production';\nexport const pool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: tls });",
      errors: [{ messageId: 'config', line: 3 }],
    },
  ],
});

const strapiDatabase = (ssl: string): string =>
  `module.exports = ({ env }) => ({\n  connection: {\n    client: 'postgres',\n    connection: {\n      connectionString: env('DATABASE_URL'),\n      ssl: ${ssl},\n    },\n  },\n});`;

ruleTests("no-environment-branching: the environment name read through a helper (Strapi's env('NODE_ENV'))", branching, {
  valid: [
    { code: strapiDatabase("env.bool('DATABASE_SSL', true)"), sourceType: 'commonjs', filename: 'config/database.js' },
    // A helper reading another variable is no environment test.
    { code: strapiDatabase("env('DATABASE_SSL') === 'true' ? { ca: env('DATABASE_CA') } : false"), sourceType: 'commonjs', filename: 'config/database.js' },
  ],
  invalid: [
    {
      code: strapiDatabase("env('NODE_ENV') === 'production' ? { ca: env('DATABASE_CA') } : false"),
      sourceType: 'commonjs',
      filename: 'config/database.js',
      errors: [{ messageId: 'config', line: 6 }],
    },
    {
      code: `export default ${strapiDatabase("env('APP_ENV') !== 'local' ? { ca: env('DATABASE_CA') } : false").slice('module.exports = '.length)}`,
      filename: 'config/database.ts',
      errors: [{ messageId: 'config', line: 6 }],
    },
  ],
});

const knexfile = (development: string, production: string, key = 'development'): string =>
  `module.exports = {\n  ${key}: { client: 'mysql2', connection: { host: process.env.DB_HOST, ${development} database: 'app_dev' } },\n  production: { client: 'mysql2', connection: { host: process.env.DB_HOST, ${production} database: 'app' } },\n};`;

ruleTests('no-environment-branching: per-environment entries and default ports', branching, {
  valid: [
    // MySQL's own port written in one entry only: both connect alike.
    { code: knexfile("port: '3306',", ''), sourceType: 'commonjs', filename: 'knexfile.js' },
    { code: knexfile('port: 3306,', ''), sourceType: 'commonjs', filename: 'knexfile.js' },
  ],
  invalid: [
    { code: knexfile('port: 3307,', ''), sourceType: 'commonjs', filename: 'knexfile.js', errors: [{ messageId: 'environmentFile', line: 2, endLine: 3 }] },
    // `developer` names a development environment too.
    {
      code: knexfile("port: 3307, user: 'dev',", '', 'developer'),
      sourceType: 'commonjs',
      filename: 'knexfile.js',
      errors: [{ messageId: 'environmentFile', line: 2, endLine: 3, data: { client: 'knex', name: 'developer', against: 'production', envVar: 'DATABASE_URL' } }],
    },
  ],
});

const cassandraConfig = (user: string, password: string, require = "const cassandra = require('cassandra-driver');"): string =>
  `${require}\nconst PlainTextAuthProvider = cassandra.auth.PlainTextAuthProvider;\nexports.db = {\n  contactPoints: process.env.CASSANDRA_CONTACT_POINTS.split(','),\n  authProvider: new PlainTextAuthProvider(${user}, ${password}),\n};`;

ruleTests('no-hardcoded-service-credentials: a credential class built with new (cassandra-driver)', credentials, {
  valid: [
    { code: cassandraConfig('process.env.CASSANDRA_USER', 'process.env.CASSANDRA_PASSWORD'), sourceType: 'commonjs' },
    // A class of that name from another module.
    { code: cassandraConfig("'reader'", "'s3cr3t-Pa55'", "const cassandra = require('./auth');"), sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: cassandraConfig('process.env.CASSANDRA_USER', "'s3cr3t-Pa55'"),
      sourceType: 'commonjs',
      errors: [{ messageId: 'helper', line: 5, data: { client: 'cassandra-driver', call: 'new auth.PlainTextAuthProvider' } }],
    },
    {
      code: "import { Client, auth } from 'cassandra-driver';\nexport const client = new Client({\n  contactPoints: [process.env.CASSANDRA_HOST],\n  authProvider: new auth.PlainTextAuthProvider(process.env.CASSANDRA_USER, 'dse-Pa55word'),\n});",
      errors: [{ messageId: 'helper', line: 4 }],
    },
  ],
});

ruleTests('no-privileged-service-account: a credential class built with new (cassandra-driver)', privileged, {
  valid: [{ code: cassandraConfig("'reporting'", 'process.env.CASSANDRA_PASSWORD'), sourceType: 'commonjs' }],
  invalid: [{ code: cassandraConfig("'cassandra'", 'process.env.CASSANDRA_PASSWORD'), sourceType: 'commonjs', errors: [{ messageId: 'helper', line: 5 }] }],
});

const cacheStore = (options: string): string =>
  `import { CacheModule } from '@nestjs/cache-manager';\nimport { ConfigService } from '@nestjs/config';\nimport { redisStore } from 'cache-manager-ioredis-yet';\nexport const cache = CacheModule.registerAsync({\n  inject: [ConfigService],\n  useFactory: async (config: ConfigService) => ({\n    store: await redisStore(${options}),\n  }),\n});`;

ruleTests('no-local-service-fallback: cache-manager-ioredis-yet', fallback, {
  valid: [
    { code: cacheStore("{ host: config.getOrThrow<string>('REDIS_HOST'), port: 6379 }"), tsOnly: true },
  ],
  invalid: [
    { code: cacheStore("{ host: config.get<string>('REDIS_HOST', 'localhost'), port: 6379 }"), tsOnly: true, errors: [{ messageId: 'clientFallback', line: 7 }] },
    {
      code: "const { redisStore } = require('cache-manager-ioredis-yet');\nmodule.exports = () => redisStore({ host: process.env.REDIS_HOST || '127.0.0.1' });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'clientFallback', line: 2 }],
    },
  ],
});

ruleTests('no-unverified-tls: cache-manager-ioredis-yet', unverified, {
  valid: [{ code: "import { redisStore } from 'cache-manager-ioredis-yet';\nexport const store = redisStore({ host: process.env.REDIS_HOST, tls: {} });" }],
  invalid: [
    {
      code: "import { redisStore } from 'cache-manager-ioredis-yet';\nexport const store = redisStore({ host: process.env.REDIS_HOST, tls: { rejectUnauthorized: false } });",
      errors: [
        {
          messageId: 'unverified',
          line: 2,
          suggestions: [{ messageId: 'suggestSecure', output: "import { redisStore } from 'cache-manager-ioredis-yet';\nexport const store = redisStore({ host: process.env.REDIS_HOST, tls: { rejectUnauthorized: true } });" }],
        },
      ],
    },
  ],
});

const minioConfig = (body: string): string => `module.exports = {\n  storage: {\n${body}\n  },\n};`;

ruleTests('no-hardcoded-service-location: MinIO options in a configuration module', location, {
  valid: [
    { code: minioConfig("    endPoint: process.env.MINIO_ENDPOINT,\n    accessKey: process.env.MINIO_ACCESS_KEY,\n    secretKey: process.env.MINIO_SECRET_KEY,"), sourceType: 'commonjs' },
    // `endPoint` without keys, and an AWS SDK style `endpoint`: not MinIO's options.
    { code: minioConfig("    endPoint: 'files.example.com',\n    region: 'eu-west-1',"), sourceType: 'commonjs' },
    { code: minioConfig("    endpoint: 'files.example.com',\n    accessKeyId: process.env.KEY,"), sourceType: 'commonjs' },
  ],
  invalid: [
    {
      code: minioConfig("    endPoint: 'objects.internal',\n    port: 9000,\n    accessKey: process.env.MINIO_ACCESS_KEY,\n    secretKey: process.env.MINIO_SECRET_KEY,"),
      sourceType: 'commonjs',
      errors: [{ messageId: 'hardcoded', line: 3, data: { client: 'MinIO', path: 'endPoint', what: 'host', envVar: 'MINIO_ENDPOINT' } }],
    },
    {
      code: "export const objectStore = {\n  endPoint: 'minio',\n  accessKey: process.env.MINIO_ACCESS_KEY,\n};",
      errors: [{ messageId: 'hardcoded', line: 2 }],
    },
  ],
});

ruleTests('no-hardcoded-service-credentials: MinIO options in a configuration module', credentials, {
  valid: [],
  invalid: [
    {
      code: minioConfig("    endPoint: process.env.MINIO_ENDPOINT,\n    accessKey: process.env.MINIO_ACCESS_KEY,\n    secretKey: 'q8Zr2LmW0pT5vX1c',"),
      sourceType: 'commonjs',
      errors: [{ messageId: 'option', line: 5 }],
    },
  ],
});

const typeormMssql = (extra: string, options = ''): string =>
  `import { TypeOrmModuleOptions, TypeOrmOptionsFactory } from '@nestjs/typeorm';\nexport class TypeOrmConfig implements TypeOrmOptionsFactory {\n  createTypeOrmOptions(): TypeOrmModuleOptions {\n    return {\n      type: 'mssql',\n      host: process.env.DB_HOST,\n      ${options}extra: { ${extra} },\n    };\n  }\n}`;

ruleTests("no-unverified-tls: TypeORM's extra for SQL Server", unverified, {
  valid: [
    { code: typeormMssql('trustServerCertificate: false'), tsOnly: true },
    // `options.trustServerCertificate` wins over the top-level default `extra` writes.
    { code: typeormMssql('trustServerCertificate: true', 'options: { trustServerCertificate: false },\n      '), tsOnly: true },
    // Another driver's `extra` is not mssql's configuration.
    { code: typeormMssql('trustServerCertificate: true').replace("'mssql'", "'postgres'"), tsOnly: true },
  ],
  invalid: [
    { code: typeormMssql('trustServerCertificate: true'), tsOnly: true, errors: [{ messageId: 'unverified', line: 7 }] },
    {
      code: "const { DataSource } = require('typeorm');\nmodule.exports = new DataSource({ type: 'mssql', host: process.env.DB_HOST, extra: { trustServerCertificate: true } });",
      sourceType: 'commonjs',
      errors: [{ messageId: 'unverified', line: 2 }],
    },
  ],
});
