import { describe, it, expect } from 'vitest';
import {
  environmentKind,
  isEnvironmentFlagVariable,
  isEnvironmentNameVariable,
  isServiceLocationEnvName,
  isServiceSecretEnvName,
  isServiceTlsEnvName,
  normalizeEnvName,
} from '../../src/policy/env-names';

describe('normalizeEnvName', () => {
  it.each<[string, string]>([
    ['NODE_ENV', 'NODE_ENV'],
    ['nodeEnv', 'NODE_ENV'],
    ['node-env', 'NODE_ENV'],
    ['database.url', 'DATABASE_URL'],
    ['redisHost', 'REDIS_HOST'],
    ['NEO4J_URL', 'NEO4J_URL'],
    ['s3Endpoint', 'S3_ENDPOINT'],
    ['  __X__ ', 'X'],
  ])('%j → %s', (name, normal) => {
    expect(normalizeEnvName(name)).toBe(normal);
  });
});

describe('isEnvironmentNameVariable', () => {
  it.each([
    'NODE_ENV',
    'NODE_ENV2',
    'APP_ENV',
    'ENV',
    'ENVIRONMENT',
    'STAGE',
    'MODE',
    'DEPLOY_ENV',
    'DEPLOYMENT_ENVIRONMENT',
    'RAILS_ENV',
    'RACK_ENV',
    'VERCEL_ENV',
    'NEXT_PUBLIC_ENV',
    'NEXT_PUBLIC_APP_ENV',
    'NEXT_PUBLIC_VERCEL_ENV',
    'REACT_APP_ENV',
    'VITE_APP_ENV',
    'APP_STAGE',
    'SLS_STAGE',
    'ENV_NAME',
    'APP_ENV_NAME',
    'ENVIRONMENT_NAME',
    'CI_ENVIRONMENT_NAME',
    'CI_ENVIRONMENT_TIER',
    'ASPNETCORE_ENVIRONMENT',
    'BABEL_ENV',
    'MYAPP_ENV',
    'nodeEnv',
    'appEnv',
    'env',
  ])('environment name: %s', (name) => {
    expect(isEnvironmentNameVariable(name)).toBe(true);
  });

  it.each([
    'PORT',
    'DATABASE_URL',
    'VIRTUAL_ENV',
    'CONDA_DEFAULT_ENV',
    'DOTENV_CONFIG_PATH',
    'ENV_FILE',
    'ENV_PATH',
    'PATH_ENV',
    'CI_JOB_STAGE',
    'BUILD_STAGE',
    'ENVOY_ADMIN',
    'NODE_OPTIONS',
    'ENVIRONMENTS',
    'PROD',
    'NEXT_PUBLIC_',
    '',
  ])('not an environment name: %j', (name) => {
    expect(isEnvironmentNameVariable(name)).toBe(false);
  });
});

describe('isEnvironmentFlagVariable', () => {
  it.each(['PROD', 'DEV', 'IS_PRODUCTION', 'IS_OFFLINE', 'IS_LOCAL', 'isProd', 'VITE_PROD', 'NEXT_PUBLIC_IS_PRODUCTION', 'IS_LOCAL_DATABASE', 'USE_CLOUD_REDIS', 'isLocalMongo'])('%s', (name) => {
    expect(isEnvironmentFlagVariable(name)).toBe(true);
  });
  it.each(['NODE_ENV', 'PRODUCT', 'DEVICE', 'IS_ENABLED', 'DEBUG', 'IS_LOCAL_FILE', 'IS_LOCAL_DB_HOST', 'USE_REMOTE_DB'])('not %s', (name) => {
    expect(isEnvironmentFlagVariable(name)).toBe(false);
  });
});

describe('isServiceTlsEnvName', () => {
  it.each(['DB_SSL', 'DATABASE_SSL', 'REDIS_TLS', 'PG_SSL_OPTIONS', 'MONGO_TLS_CONFIG', 'redis.tls', 'postgresSsl'])('%s', (name) => {
    expect(isServiceTlsEnvName(name)).toBe(true);
  });
  it.each(['SSL', 'TLS', 'USE_SSL', 'HTTPS_TLS', 'DB_SSL_CERT', 'SSL_CERT_PATH', 'DB_HOST', 'REDIS_TLS_URL'])('not %s', (name) => {
    expect(isServiceTlsEnvName(name)).toBe(false);
  });
});

describe('isServiceLocationEnvName', () => {
  it.each([
    'DATABASE_URL',
    'DATABASE_PUBLIC_URL',
    'DIRECT_URL',
    'DIRECT_DATABASE_URL',
    'POSTGRES_URL',
    'POSTGRES_URL_NON_POOLING',
    'POSTGRES_PRISMA_URL',
    'HEROKU_POSTGRESQL_RED_URL',
    'PG_URL',
    'PGHOST',
    'PGHOSTADDR',
    'MYSQL_URL',
    'MYSQLHOST',
    'JAWSDB_URL',
    'JAWSDB_MARIA_URL',
    'CLEARDB_DATABASE_URL',
    'MONGODB_URI',
    'MONGO_URL',
    'MONGODB_URL',
    'MONGOLAB_URI',
    'REDIS_URL',
    'REDIS_TLS_URL',
    'REDIS_HOST',
    'REDISHOST',
    'KV_URL',
    'UPSTASH_REDIS_REST_URL',
    'AMQP_URL',
    'CLOUDAMQP_URL',
    'RABBITMQ_URL',
    'RABBIT_HOST',
    'KAFKA_BROKERS',
    'KAFKA_URL',
    'KAFKA_BOOTSTRAP_SERVERS',
    'BOOTSTRAP_SERVERS',
    'SMTP_URL',
    'SMTP_HOST',
    'MAILGUN_SMTP_SERVER',
    'MAIL_HOST',
    'EMAIL_HOST',
    'ELASTICSEARCH_URL',
    'ELASTIC_CLOUD_ID',
    'ES_HOST',
    'ES_NODES',
    'OPENSEARCH_ENDPOINT',
    'BONSAI_URL',
    'SEARCHBOX_URL',
    'MSSQL_SERVER',
    'SQL_SERVER',
    'SQLSERVER_URL',
    'NATS_URL',
    'NATS_SERVERS',
    'CASSANDRA_CONTACT_POINTS',
    'LDAP_URL',
    'MEMCACHE_SERVERS',
    'MEMCACHIER_SERVERS',
    'S3_ENDPOINT',
    'MINIO_ENDPOINT',
    'AWS_ENDPOINT_URL',
    'AWS_ENDPOINT_URL_S3',
    'DB_HOST',
    'DB_ADDR',
    'DB_DSN',
    'DB_CONNECTION_STRING',
    'SUPABASE_DB_URL',
    'databaseUrl',
    'redisHost',
    'mongo.uri',
  ])('location: %s', (name) => {
    expect(isServiceLocationEnvName(name)).toBe(true);
  });

  it.each([
    'PORT',
    'DB_PORT',
    'REDIS_PORT',
    'API_URL',
    'NEXT_PUBLIC_API_URL',
    'PUBLIC_URL',
    'BASE_URL',
    'SENTRY_DSN',
    'NEXT_PUBLIC_SUPABASE_URL',
    'DB_NAME',
    'DB_USER',
    'DB_PASSWORD',
    'DB_CONNECTION',
    'DB_PATH',
    'REDIS_PREFIX',
    'URL',
    'HOST',
    'HOSTNAME',
    'DATABASE',
    'NODE_ENV',
    'WEBHOOK_URL',
    'CALLBACK_URL',
    'SERVER_HOST',
    '',
  ])('not a location: %j', (name) => {
    expect(isServiceLocationEnvName(name)).toBe(false);
  });
});

describe('isServiceSecretEnvName', () => {
  it.each([
    'DB_PASSWORD',
    'DATABASE_PASSWORD',
    'PGPASSWORD',
    'MYSQL_PASSWORD',
    'MYSQLPASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'POSTGRES_PASSWORD',
    'REDIS_PASSWORD',
    'REDISPASSWORD',
    'REDIS_PASS',
    'MONGO_INITDB_ROOT_PASSWORD',
    'RABBITMQ_DEFAULT_PASS',
    'SMTP_PASS',
    'SMTP_PASSWORD',
    'MAIL_PASSWORD',
    'EMAIL_HOST_PASSWORD',
    'MAILGUN_SMTP_PASSWORD',
    'KAFKA_SASL_PASSWORD',
    'LDAP_BIND_PASSWORD',
    'ELASTIC_PASSWORD',
    'ELASTIC_API_KEY',
    'MSSQL_PWD',
    'DB_PWD',
    'DB_SECRET',
    'NATS_TOKEN',
    'MEMCACHIER_PASSWORD',
    'MINIO_SECRET_KEY',
    'MINIO_ROOT_PASSWORD',
    'S3_SECRET_ACCESS_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'dbPassword',
  ])('secret: %s', (name) => {
    expect(isServiceSecretEnvName(name)).toBe(true);
  });

  it.each([
    'PASSWORD',
    'SESSION_SECRET',
    'JWT_SECRET',
    'GITHUB_TOKEN',
    'API_KEY',
    'DB_USER',
    'DB_HOST',
    'DATABASE_URL',
    'REDIS_PASSWORD_FILE',
    'AWS_ACCESS_KEY_ID',
    'SECRET',
    '',
  ])('not a service secret: %j', (name) => {
    expect(isServiceSecretEnvName(name)).toBe(false);
  });
});

describe('environmentKind', () => {
  it.each<[string, 'production' | 'non-production' | undefined]>([
    ['production', 'production'],
    ['Production', 'production'],
    [' PROD ', 'production'],
    ['prd', 'production'],
    ['live', 'production'],
    ['development', 'non-production'],
    ['dev', 'non-production'],
    ['local', 'non-production'],
    ['test', 'non-production'],
    ['testing', 'non-production'],
    ['staging', 'non-production'],
    ['stage', 'non-production'],
    ['qa', 'non-production'],
    ['uat', 'non-production'],
    ['preview', 'non-production'],
    ['ci', 'non-production'],
    ['e2e', 'non-production'],
    ['', undefined],
    ['productions', undefined],
    ['eu-west-1', undefined],
    ['true', undefined],
    ['prod-eu', undefined],
  ])('%j → %s', (value, kind) => {
    expect(environmentKind(value)).toBe(kind);
  });
});
