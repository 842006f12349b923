/**
 * What an environment-variable (or config key) name means. Names are normalised first:
 * `nodeEnv`, `node-env`, `node.env` and `NODE_ENV` are the same name.
 */
import { memoizeByName } from './memo';

/** `nodeEnv` / `database.url` / `redis-host` → `NODE_ENV` / `DATABASE_URL` / `REDIS_HOST`. */
export function normalizeEnvName(name: string): string {
  const trimmed = name.trim();
  // Split camelCase only when the name has lower-case letters (`NEO4J_URL` stays whole).
  const split = /[a-z]/.test(trimmed) ? trimmed.replace(/([a-z0-9])([A-Z])/g, '$1_$2') : trimmed;
  return split
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** The name's words, normalised; shared between calls, never to be changed. */
const words = memoizeByName((name: string): readonly string[] => {
  const normal = normalizeEnvName(name);
  return normal === '' ? [] : normal.split('_');
});

/** Framework prefixes that expose a variable to client code; they do not change its meaning. */
const PUBLIC_PREFIXES = [
  'NEXT_PUBLIC_',
  'REACT_APP_',
  'VITE_',
  'EXPO_PUBLIC_',
  'GATSBY_',
  'NUXT_PUBLIC_',
  'NUXT_',
  'VUE_APP_',
  'PUBLIC_',
];

const ENVIRONMENT_NAMES = new Set([
  'ENV',
  'ENVIRONMENT',
  'STAGE',
  'MODE',
  'APP_MODE',
  'APP_STAGE',
  'DEPLOY_STAGE',
  'DEPLOYMENT_STAGE',
  'SLS_STAGE',
  'SERVERLESS_STAGE',
  'SST_STAGE',
  'STAGE_NAME',
  'ENV_STAGE',
  'ENV_NAME',
  'ENV_TYPE',
  'ENVIRONMENT_NAME',
  'ENVIRONMENT_TYPE',
  'ENVIRONMENT_TIER',
  'CI_ENVIRONMENT_NAME',
  'CI_ENVIRONMENT_TIER',
  'RUN_MODE',
  'RUNTIME_MODE',
  'AMPLIFY_ENV',
]);

/** `*_ENV` / `*_ENVIRONMENT` whose prefix makes it something else (a path, a tool's own env). */
const NOT_ENVIRONMENT_WORDS = new Set([
  'VIRTUAL',
  'CONDA',
  'PYTHON',
  'PIPENV',
  'PYENV',
  'NODENV',
  'RBENV',
  'DOTENV',
  'FILE',
  'PATH',
  'DIR',
  'VAR',
  'VARS',
  'PREFIX',
  'DEFAULT',
  'TEST',
  'SHELL',
  'BASH',
]);

/**
 * NODE_ENV, APP_ENV, ENV, ENVIRONMENT, STAGE, MODE (Vite), DEPLOY_ENV, RAILS_ENV, VERCEL_ENV,
 * NEXT_PUBLIC_ENV, `*_ENV` and `*_ENVIRONMENT` in general (not VIRTUAL_ENV, CONDA_DEFAULT_ENV,
 * DOTENV_..., or any with FILE/PATH/DIR), `*_ENV_NAME`, CI_ENVIRONMENT_TIER. `STAGE` only in the
 * listed forms (GitLab's CI_JOB_STAGE is a pipeline stage, not an environment). A digit after
 * `ENV` (`NODE_ENV2`) does not change the name.
 */
export function isEnvironmentNameVariable(name: string): boolean {
  // `NODE_ENV2`: a second copy of the name is still the environment's name.
  let normal = normalizeEnvName(name).replace(/(ENV|ENVIRONMENT)\d+$/, '$1');
  for (const prefix of PUBLIC_PREFIXES) {
    if (normal.startsWith(prefix) && normal.length > prefix.length) {
      normal = normal.slice(prefix.length);
      break;
    }
  }
  if (ENVIRONMENT_NAMES.has(normal)) return true;
  const parts = normal.split('_');
  if (parts.length < 2) return false;
  let last = parts[parts.length - 1]!;
  let body = parts.slice(0, -1);
  if (last === 'NAME' && body.length >= 2) {
    last = body[body.length - 1]!;
    body = body.slice(0, -1);
  }
  if (last !== 'ENV' && last !== 'ENVIRONMENT') return false;
  return !body.some((w) => NOT_ENVIRONMENT_WORDS.has(w));
}

const FLAG_NAMES = new Set([
  'PROD',
  'DEV',
  'PRODUCTION',
  'DEVELOPMENT',
  'IS_PROD',
  'IS_PRODUCTION',
  'IS_DEV',
  'IS_DEVELOPMENT',
  'IS_LOCAL',
  'IS_OFFLINE',
  'IS_STAGING',
  'IS_TEST',
  'LOCAL',
  'OFFLINE',
  'LOCAL_DEV',
  'USE_LOCAL',
  'USE_LOCAL_DB',
  // Cloud-or-local switches choose where the services are, like IS_LOCAL.
  'IS_CLOUD',
  'USE_CLOUD',
  'USE_CLOUD_DB',
  'IS_CLOUD_DB',
]);

/**
 * Boolean-style variables that say which environment this is: Vite's `PROD`/`DEV`,
 * `IS_PRODUCTION`, `IS_OFFLINE` (serverless-offline), `IS_LOCAL`, or whether a service is local
 * (`IS_LOCAL_DATABASE`, `USE_CLOUD_REDIS`)... (with the same public prefixes stripped as for names).
 */
export function isEnvironmentFlagVariable(name: string): boolean {
  let normal = normalizeEnvName(name);
  for (const prefix of PUBLIC_PREFIXES) {
    if (normal.startsWith(prefix) && normal.length > prefix.length) {
      normal = normal.slice(prefix.length);
      break;
    }
  }
  if (FLAG_NAMES.has(normal)) return true;
  // `IS_LOCAL_DATABASE`, `USE_CLOUD_REDIS`: whether one service is local, as `USE_LOCAL_DB` says.
  const parts = normal.split('_');
  return parts.length >= 3 && (parts[0] === 'IS' || parts[0] === 'USE') && (parts[1] === 'LOCAL' || parts[1] === 'CLOUD') && parts.slice(2).every((w) => SERVICE_WORDS.has(w));
}

/** Words naming a backing service (or its vendor add-on). */
export const SERVICE_WORDS: ReadonlySet<string> = new Set([
  'DB',
  'DATABASE',
  'PG',
  'POSTGRES',
  'POSTGRESQL',
  'PSQL',
  'MYSQL',
  'MARIADB',
  'MARIA',
  'MONGO',
  'MONGODB',
  'MONGOLAB',
  'MONGOHQ',
  'REDIS',
  'REDISCLOUD',
  'REDISTOGO',
  'VALKEY',
  'KV',
  'CACHE',
  'MEMCACHE',
  'MEMCACHED',
  'MEMCACHIER',
  'AMQP',
  'CLOUDAMQP',
  'RABBIT',
  'RABBITMQ',
  'MQ',
  'QUEUE',
  'BROKER',
  'KAFKA',
  'SMTP',
  'MAIL',
  'EMAIL',
  'ELASTIC',
  'ELASTICSEARCH',
  'ES',
  'OPENSEARCH',
  'MEILI',
  'MEILISEARCH',
  'TYPESENSE',
  'SOLR',
  'MQTT',
  'BONSAI',
  'SEARCHBOX',
  'MSSQL',
  'SQL',
  'SQLSERVER',
  'ORACLE',
  'ORACLEDB',
  'NATS',
  'CASSANDRA',
  'SCYLLA',
  'SCYLLADB',
  'LDAP',
  'S3',
  'MINIO',
  'JAWSDB',
  'CLEARDB',
  'COUCHDB',
  'COUCHBASE',
  'NEO4J',
  'CLICKHOUSE',
  'INFLUX',
  'INFLUXDB',
  'DYNAMODB',
  'SQS',
  'PULSAR',
  'ETCD',
  'ZOOKEEPER',
]);

const LOCATION_SUFFIXES = new Set([
  'URL',
  'URI',
  'URLS',
  'URIS',
  'HOST',
  'HOSTS',
  'HOSTNAME',
  'HOSTADDR',
  'SERVER',
  'SERVERS',
  'BROKER',
  'BROKERS',
  'ADDR',
  'ADDRESS',
  'ADDRESSES',
  'IP',
  'ENDPOINT',
  'ENDPOINTS',
  'DSN',
  'NODE',
  'NODES',
  // Oracle's connect string (`NODE_ORACLEDB_CONNECTIONSTRING`, as node-oracledb's examples spell it).
  'CONNECTIONSTRING',
  'CONNECTSTRING',
]);

const LOCATION_SUFFIX_PAIRS = new Set([
  'CONNECTION_STRING',
  'CONNECT_STRING',
  'CONN_STRING',
  'CONNECTION_URL',
  'CONTACT_POINTS',
  'CLOUD_ID',
]);

/** Words that may follow the location word (`POSTGRES_URL_NON_POOLING`). */
const LOCATION_QUALIFIERS = new Set([
  'NON',
  'POOLING',
  'POOLED',
  'UNPOOLED',
  'DIRECT',
  'PRIMARY',
  'REPLICA',
  'READ',
  'WRITE',
  'RO',
  'RW',
  'INTERNAL',
  'EXTERNAL',
  'PUBLIC',
  'PRIVATE',
]);

const SPECIAL_LOCATION_NAMES = new Set(['BOOTSTRAP_SERVERS', 'DIRECT_URL', 'DIRECT_DATABASE_URL']);

/** `PGHOST`, `REDISHOST`, `MYSQLURL`: a service word glued to a suffix. */
function gluedServiceWord(word: string, suffixes: Iterable<string>): boolean {
  for (const suffix of suffixes) {
    if (word.length > suffix.length && word.endsWith(suffix) && SERVICE_WORDS.has(word.slice(0, -suffix.length))) {
      return true;
    }
  }
  return false;
}

/**
 * Service-shaped env var names: DATABASE_URL, REDIS_HOST, MONGODB_URI, PGHOST,
 * *_URL/*_URI/*_HOST/*_HOSTNAME/*_SERVER(S)/*_BROKERS/*_ADDR/*_ENDPOINT/*_DSN/*_NODES/
 * *_CONNECTION_STRING/*_CONTACT_POINTS of a service word (see `SERVICE_WORDS`), optionally
 * followed by qualifiers (`POSTGRES_URL_NON_POOLING`); AWS_ENDPOINT_URL(_<SERVICE>);
 * BOOTSTRAP_SERVERS, DIRECT_URL. Not PORT, not API_URL of an unrelated web API, not PUBLIC_URL.
 */
export const isServiceLocationEnvName = memoizeByName((name: string): boolean => {
  const parts = words(name);
  if (parts.length === 0) return false;
  const normal = parts.join('_');
  if (SPECIAL_LOCATION_NAMES.has(normal)) return true;
  if (normal === 'AWS_ENDPOINT_URL' || normal.startsWith('AWS_ENDPOINT_URL_')) return true;
  let end = parts.length;
  while (end > 1 && LOCATION_QUALIFIERS.has(parts[end - 1]!)) end--;
  const core = parts.slice(0, end);
  const last = core[core.length - 1]!;
  if (core.length === 1) return gluedServiceWord(last, LOCATION_SUFFIXES);
  let before: string[];
  if (LOCATION_SUFFIXES.has(last)) before = core.slice(0, -1);
  else if (core.length >= 3 && LOCATION_SUFFIX_PAIRS.has(core.slice(-2).join('_'))) before = core.slice(0, -2);
  else return false;
  return before.some((w) => SERVICE_WORDS.has(w));
});

const USER_SUFFIXES = new Set(['USER', 'USERNAME', 'LOGIN', 'USR', 'UID', 'DN', 'BINDDN', 'ADMINDN']);

/**
 * The service word of a service account name: `DB_USER`, `POSTGRES_USERNAME`, `MONGO_LOGIN`,
 * `PGUSER`, `RABBITMQ_DEFAULT_USER` → `DB`, `POSTGRES`, `MONGO`, `PG`, `RABBITMQ`. Undefined
 * for other names (`USER`, `GITHUB_USER`).
 */
export const serviceOfUserEnvName = memoizeByName((name: string): string | undefined => {
  const parts = words(name);
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  if (parts.length === 1) {
    for (const suffix of USER_SUFFIXES) {
      if (last.length > suffix.length && last.endsWith(suffix) && SERVICE_WORDS.has(last.slice(0, -suffix.length))) return last.slice(0, -suffix.length);
    }
    return undefined;
  }
  if (!USER_SUFFIXES.has(last)) return undefined;
  return parts.slice(0, -1).find((w) => SERVICE_WORDS.has(w));
});

const SECRET_SUFFIXES = new Set(['PASSWORD', 'PASS', 'PWD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY', 'PW', 'BINDPW', 'ADMINPW']);
const SECRET_SUFFIX_PAIRS = new Set(['SECRET_KEY', 'API_KEY', 'SECRET_ACCESS_KEY']);

/**
 * *_PASSWORD, *_PASS, *_PWD, *_PASSWD, *_SECRET, *_TOKEN, *_API_KEY, *_SECRET_KEY of a service
 * word (`DB_PASSWORD`, `SMTP_PASS`, `LDAP_BIND_PASSWORD`, `ELASTIC_API_KEY`), glued forms
 * (`PGPASSWORD`, `REDISPASSWORD`), and AWS_SECRET_ACCESS_KEY.
 */
export const isServiceSecretEnvName = memoizeByName((name: string): boolean => {
  const parts = words(name);
  if (parts.length === 0) return false;
  const normal = parts.join('_');
  if (normal === 'AWS_SECRET_ACCESS_KEY') return true;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return gluedServiceWord(last, SECRET_SUFFIXES);
  let before: string[];
  if (SECRET_SUFFIXES.has(last)) before = parts.slice(0, -1);
  else if (parts.length >= 3 && SECRET_SUFFIX_PAIRS.has(parts.slice(-2).join('_'))) before = parts.slice(0, -2);
  else if (parts.length >= 4 && SECRET_SUFFIX_PAIRS.has(parts.slice(-3).join('_'))) before = parts.slice(0, -3);
  else return gluedServiceWord(last, SECRET_SUFFIXES);
  return before.some((w) => SERVICE_WORDS.has(w));
});

const TLS_SUFFIXES = new Set(['SSL', 'TLS']);
const TLS_QUALIFIERS = new Set(['OPTIONS', 'OPTS', 'CONFIG', 'SETTINGS']);

/**
 * Names of a service's TLS settings: `DB_SSL`, `DATABASE_SSL`, `REDIS_TLS`, `PG_SSL_OPTIONS`,
 * `MONGO_TLS_CONFIG`: `SSL` or `TLS` (optionally followed by `OPTIONS`, `CONFIG`...) after a
 * service word. Not `SSL` alone, `USE_SSL`, `HTTPS_TLS` or `SSL_CERT_PATH`.
 */
export const isServiceTlsEnvName = memoizeByName((name: string): boolean => {
  const parts = words(name);
  let end = parts.length;
  if (end > 2 && TLS_QUALIFIERS.has(parts[end - 1]!)) end--;
  return end >= 2 && TLS_SUFFIXES.has(parts[end - 1]!) && parts.slice(0, end - 1).some((w) => SERVICE_WORDS.has(w));
});

const MAIL_WORDS = new Set(['SMTP', 'MAIL', 'EMAIL']);

/**
 * Names whose only service is mail (`EMAIL_VERIFY_URL`, `SMTP_HOST`): a mail server speaks SMTP,
 * so an `http(s)://` value under such a name is a web page's address (a verification link), not
 * the server's.
 */
export const namesOnlyMail = memoizeByName((name: string): boolean => {
  const services = words(name).filter((w) => SERVICE_WORDS.has(w));
  return services.length > 0 && services.every((w) => MAIL_WORDS.has(w));
});

const AUTH_MODE_WORDS = new Set(['IAM', 'AUTHENTICATION', 'AUTH_MODE', 'AUTH_TYPE', 'AUTH_METHOD']);

/**
 * Names of a switch between a service's ways of logging in: `DB_IAM_AUTHENTICATION`,
 * `POSTGRES_USE_IAM`, `REDIS_AUTH_MODE`: a service word, then `IAM` or an authentication-mode word.
 */
export const isServiceAuthModeEnvName = memoizeByName((name: string): boolean => {
  const parts = words(name);
  const at = parts.findIndex((w, i) => AUTH_MODE_WORDS.has(w) || (i > 0 && AUTH_MODE_WORDS.has(`${parts[i - 1]}_${w}`)));
  return at > 0 && parts.slice(0, at).some((w) => SERVICE_WORDS.has(w));
});

/**
 * The last words of names that locate, log in to or unlock a service (`HOST`, `URL`, `USER`,
 * `PASSWORD`...), for a cheap test of a text before it is parsed.
 */
export function serviceNameSuffixes(): string[] {
  return [...LOCATION_SUFFIXES, ...USER_SUFFIXES, ...SECRET_SUFFIXES];
}

const PRODUCTION_VALUES = new Set(['production', 'prod', 'prd', 'live']);
const NON_PRODUCTION_VALUES = new Set([
  'development',
  'develop',
  'developer',
  'dev',
  'local',
  'test',
  'testing',
  'staging',
  'stage',
  'stg',
  'qa',
  'uat',
  'preview',
  'ci',
  'sandbox',
  'e2e',
]);

/** `process.env.NODE_ENV === 'production'` style values: production/prod/live vs development/dev/local/test/staging. */
export function environmentKind(value: string): 'production' | 'non-production' | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (PRODUCTION_VALUES.has(v)) return 'production';
  if (NON_PRODUCTION_VALUES.has(v)) return 'non-production';
  return undefined;
}
