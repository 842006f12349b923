import type { Literal } from '../policy/value';

/** The kind of backing service a client talks to; message text and env-var naming use it. */
export type ServiceKind =
  | 'postgres'
  | 'mysql'
  | 'sql'
  | 'mongodb'
  | 'redis'
  | 'amqp'
  | 'kafka'
  | 'smtp'
  | 'elasticsearch'
  | 'opensearch'
  | 'mssql'
  | 'nats'
  | 'cassandra'
  | 'ldap'
  | 'memcached'
  | 'object-storage'
  | 'websocket'
  | 'tls';

/**
 * Where one call argument goes in the client's normalised options object.
 * - `'$spread'`: an object argument whose keys are the options themselves.
 * - `'key'`: the argument is the value of option `key` (`'connectionString'`, `'servers'`).
 * - `'key|$spread'`: a string-like argument becomes `key`, an object is spread.
 * - `'$async'`: NestJS async module options (`{ useFactory, inject }`): the options are what
 *   `useFactory` returns, spread.
 * - `null`: an argument that holds no configuration (a queue name, a callback).
 */
export type ArgSlot = string | null;

/** Argument shapes too irregular for slots; implemented in `policy/arguments.ts`. */
export type NamedArgShape = 'ioredis' | 'sequelize' | 'pool-cluster-add' | 'ws';

export interface Factory {
  /**
   * Path from the module's exports to the callee, `.`-separated. `''` is the module itself
   * (`require('knex')(...)`), `'Pool'`, `'Redis.Cluster'`, `'Client.create'`,
   * `'createPoolCluster().add'` (a method of a call's result). A segment may be `*` or end in
   * `*` (`'*Client'` for every AWS SDK v3 client).
   */
  path: string;
  /**
   * How it is invoked: with `new`, as a plain call, or either; `'value'`: not invoked but handed
   * in as the value of option `key` of an object literal, whose other keys are then the options
   * (`CacheModule.register({ store: redisStore, host })`); `'plugin'`: not invoked but handed to
   * a framework's `register` as its first argument, the options following (a Fastify plugin:
   * `fastify.register(fastifyRedis, { host })`), so `args` reads the `register` call.
   */
  invoke: 'new' | 'call' | 'either' | 'value' | 'plugin';
  /** The option a `'value'` factory is handed in as (`'store'`). */
  key?: string;
  /**
   * For a `'value'` factory, the sibling key that holds the options, when the other keys are not
   * them (hapi's `provider: { constructor: CatboxRedis.Engine, options: {...} }`). Optional.
   */
  optionsKey?: string;
  args: ArgSlot[] | NamedArgShape;
  /**
   * The options are a list of configurations, one client each
   * (`ClientsModule.register([{ transport, options }, ...])`): every element of the array
   * argument at this index is folded on its own. Optional.
   */
  each?: number;
  /**
   * A wrapper that hands its options to one of several clients by a member of its own module
   * (`transport: Transport.REDIS`): the option path holding that member, and the entry id each
   * member's options are judged by. A value matching no case builds nothing this catalog judges.
   */
  dispatch?: { path: string; cases: Record<string, string> };
  /**
   * How a codemod writes the secure form for clients this factory builds, when it differs from
   * the entry's (an ioredis `Cluster` takes a node list, not a URL). Optional.
   */
  recipe?: Omit<SecureRecipe, 'variants'>;
}

/**
 * A type from the library's declarations that annotates client options, written as the path
 * from the module's exports (`'PoolConfig'`, `'Knex.Config'`, `'config'` for mssql's
 * `sql.config`). `'$map'` in `form` means the annotated value maps names to such options
 * (`Record<string, Knex.Config>`); the analysis also sees that through `Record`, index
 * signatures and arrays, so `form` is rarely needed.
 */
export interface OptionType {
  path: string;
  /** The module the type comes from when it is not one of the entry's `modules`. */
  module?: string;
}

/**
 * A tool's own config-file convention: files whose name matches hold this library's options
 * as their exported value, either directly or per environment (`knexfile.js`,
 * `config/config.json` for sequelize-cli, `ormconfig.json`).
 */
export interface ConfigFileConvention {
  /** The file's base name without its extension (`'knexfile'`, `'ormconfig'`). */
  name: string;
  /** The directory the file must be in, when the name alone is too common (`'config'`). */
  dir?: string;
  /** Extensions, without the dot. */
  extensions: string[];
  /**
   * `'options'`: the exported value is the options (or a list of them). `'per-environment'`: a
   * map from environment names to options. `'either'`: whichever it is.
   */
  layout: 'options' | 'per-environment' | 'either';
  /**
   * The option that names the environment variable holding the URL (sequelize-cli
   * `use_env_variable`): a codemod writes the variable's name there instead of a URL. Optional.
   */
  urlVariableOption?: string;
}

/**
 * What makes an object this library's options when no client and no type is in sight (an
 * exported app configuration module). All conditions must hold, so that CORS, cookie,
 * dev-server and HTTP-agent objects never match:
 * - `discriminator`: a key whose literal value names this library's driver (`dialect: 'postgres'`);
 * - otherwise `names`: the object's own key or variable name matches one of these words
 *   (`redis`, `smtp`), or `ports`: its `port` is one of these, or `markers`: one of these
 *   paths, which only this library's options have, is present (`brokers`);
 * - `anyOf`: at least one of these option paths is present (a location, a credential, or a TLS
 *   setting);
 * - `allOf`: every one of these paths is present (optional).
 */
export interface ShapeSignature {
  discriminator?: { path: string; values: string[] };
  names?: string[];
  ports?: number[];
  markers?: string[];
  anyOf: string[];
  allOf?: string[];
}

/** What a literal value at a TLS switch means for this library. */
export type TlsMeaning =
  /** TLS is not used. */
  | 'off'
  /** TLS is used and verified (chain and host name). */
  | 'verified'
  /** TLS is used but the certificate or host name is not checked. */
  | 'unverified'
  /** TLS only if the server offers it; an attacker can strip it. */
  | 'opportunistic';

/**
 * What one value means: one meaning, or several when it is both (postgres.js `ssl: 'prefer'`
 * skips verification and also falls back to clear text when the server declines TLS).
 */
export type TlsMeanings = TlsMeaning | TlsMeaning[];

export interface TlsSwitch {
  /** Option path in the normalised options (`'ssl'`, `'socket.tls'`, `'options.encrypt'`). */
  path: string;
  /** Meaning of literal values found there; keys are `JSON.stringify(literal)`. */
  values?: Record<string, TlsMeanings>;
  /** Meaning of any other truthy literal (a string mode, `true`). */
  otherTruthy?: TlsMeaning;
  /**
   * Meaning of an object found there. `'bag'` means the object is a `tls.ConnectionOptions`
   * bag (verified unless it says otherwise), `'bag-unverified-unless-rejectUnauthorized'`
   * means the library defaults `rejectUnauthorized` to false inside it (cassandra),
   * `'bag-hostname-unverified-unless-verifyIdentity'` is mysql2's chain-only default, and
   * `'bag-hostname-unverified'` a library that never checks the host name (mysqljs).
   */
  object?: 'bag' | 'bag-unverified-unless-rejectUnauthorized' | 'bag-hostname-unverified-unless-verifyIdentity' | 'bag-hostname-unverified' | 'off';
  /** Plain-language form of the secure setting for messages (`ssl: { rejectUnauthorized: true }`). */
  secure: string;
  /**
   * Meaning when the option is certainly absent (not merely unknown), for libraries whose
   * default is unsafe only in some setups (sequelize with `dialect: 'mssql'`).
   */
  whenAbsent?: TlsMeaning;
  /** Only applies when the options also match (`dialect: 'mssql'`). */
  when?: OptionCondition;
  /**
   * The URL scheme in option form (amqplib's and MQTT.js's `protocol`): a plaintext value is
   * judged as a plaintext scheme is, by no-plaintext-service-url and only toward a host that is
   * not loopback, instead of as a TLS option turned off. Optional.
   */
  scheme?: true;
  /**
   * Does not apply when any of these match, because another option overrides this one
   * (nodemailer `requireTLS: true` beats `ignoreTLS: true`; knex + mssql `connection.encrypt`
   * stands in for an absent `connection.options.encrypt`). Optional.
   */
  unless?: OptionCondition | OptionCondition[];
}

/** A library flag that turns certificate or host-name verification off. */
export interface VerifyOffFlag {
  path: string;
  /** The literal that means "off" (`true` for `tlsInsecure`, `false` for `rejectUnauthorized`). */
  value: Literal;
  secure: string;
  when?: OptionCondition;
}

/** A URL query parameter (or connection-string key) with meanings of its values. */
export interface UrlParam {
  /** Parameter name, compared case-insensitively. */
  name: string;
  /** Lower-cased value to meaning. */
  values: Record<string, TlsMeanings>;
  /** The parameter only means this when another one is present (`uselibpqcompat=true`). */
  requires?: { name: string; value: string };
  /**
   * The URL schemes (lower-case, without `://`) in which the library reads this parameter, when
   * not all of them (knex, sequelize and typeorm hand `sslmode` to pg only). Optional.
   */
  schemes?: string[];
  /**
   * The parameter says how a TLS connection is verified but does not turn TLS on (mongodb
   * `tlsAllowInvalidCertificates` in a `mongodb://` URL without `tls=true` stays plaintext).
   * Optional.
   */
  verificationOnly?: boolean;
  secure: string;
}

/**
 * Node TLS options a library does not hand to Node from one of its bags: it builds its own
 * `tls.connect` options (mysql2 drops `checkServerIdentity`), or refuses them (mongodb throws
 * on `minVersion`). A dropped key neither weakens nor verifies anything.
 */
export interface DroppedBagKeys {
  /** The bag path, as listed in `bags`. */
  bag: string;
  keys: string[];
  /** `'ignored'`: silently dropped; `'rejected'`: the client refuses to start. */
  effect: 'ignored' | 'rejected';
  /** Only for this driver of a multi-driver library (`client: 'mysql2'`). Optional. */
  when?: OptionCondition;
}

export interface OptionCondition {
  path: string;
  equals: Literal | Literal[];
}

export interface TlsSpec {
  /** What the library does when nothing about TLS is configured. */
  default: TlsMeaning | 'scheme';
  switches: TlsSwitch[];
  /** Option paths that hold Node `tls.ConnectionOptions`; `''` is the options root itself. */
  bags: string[];
  /** Keys of those bags that the library never hands to Node. Optional. */
  droppedBagKeys?: DroppedBagKeys[];
  /**
   * TLS options an older major read (node-redis 3's top-level `tls`). The installed version is
   * not known, so they are not judged; an environment choosing them still connects differently
   * under that major. Optional.
   */
  legacyBags?: string[];
  verifyOff: VerifyOffFlag[];
  urlParams: UrlParam[];
  /** Schemes that decide TLS by themselves, lower-case without `://`. */
  schemes?: { plaintext: string[]; tls: string[]; caseSensitiveTls?: boolean };
  /**
   * Schemes of service URLs this library reads whose TLS is decided by URL parameters or
   * options, not by the scheme (`postgres`, `mysql`, `mongodb`, `smtp`, `nats`): such a URL with
   * no TLS parameter connects in clear text unless an option turns TLS on. Lower-case without
   * `://`; read by no-plaintext-service-url. Optional.
   */
  paramSchemes?: string[];
  /**
   * The URL scheme is ignored by the library (nats, mysql): never reason about TLS from it.
   */
  schemeIgnored?: boolean;
  /**
   * Options whose presence pins the server certificate, so `rejectUnauthorized: false` beside
   * them is deliberate (Elastic `caFingerprint`).
   */
  pinningOptions?: string[];
  /** The library has no TLS at all (memjs, memcached). */
  unsupported?: boolean;
  /**
   * Why TLS is not judged for this entry (its facts are not in the knowledge base): no switch,
   * bag or parameter is listed, and nothing is said about TLS; location and credentials are
   * still judged. Optional.
   */
  notJudged?: string;
}

export interface CredentialSpec {
  /** Option paths holding a user name. */
  userPaths: string[];
  /** Option paths holding a password or secret. */
  secretPaths: string[];
  /** URL userinfo carries credentials. */
  urlUserinfo: boolean;
  /**
   * Option paths holding `user:password` in one string (the legacy Elasticsearch client's
   * `httpAuth`): the user is what comes before the first `:`. List them in `secretPaths` too.
   * Optional.
   */
  userPassPaths?: string[];
  /**
   * The variables the library itself (or its users by convention) reads a credential from,
   * keyed by option path (`credentials.secretAccessKey`: `AWS_SECRET_ACCESS_KEY`): a codemod
   * reads a hard-coded one from there. Optional; otherwise named after the service.
   */
  envVars?: Record<string, string>;
}

export interface LocationSpec {
  /** Option paths holding a URL or connection string (`'connectionString'`, `'url'`). */
  urlPaths: string[];
  /** Option paths holding a bare host, IP or `host:port` (`'host'`, `'server'`). */
  hostPaths: string[];
  /** Option paths holding a list (or one) of hosts, `host:port` strings or URLs. */
  listPaths: string[];
  /** The port option, for messages and rewrites. */
  portPaths: string[];
  /** Option paths that name a location but are not one (`servername`, nodemailer `service`). */
  notLocations?: string[];
}

/** How a codemod writes the secure, environment-driven form for this library. */
export interface SecureRecipe {
  /**
   * The option that receives the environment URL. `'$arg'` means the URL replaces the first
   * argument (`new MongoClient(process.env.MONGODB_URI)`).
   */
  urlOption: string;
  /** Options to write so TLS is on and verified, as source text keyed by option path. */
  tlsOptions: Record<string, string>;
  /** Options the URL supersedes; removed when the URL is written. */
  supersededOptions: string[];
  /** The URL scheme that carries TLS, when TLS lives in the scheme (`rediss`). */
  tlsScheme?: string;
  /** The library cannot take a URL and no `envOptions` say how else: the codemod leaves this marker. */
  noUrl?: string;
  /**
   * For a library that takes no URL: the options a codemod reads from their own environment
   * variables instead (kafkajs `brokers` from `KAFKA_BROKERS`, tedious `server`), each replacing
   * what the code wrote there. When present, `urlOption` is not written. Optional.
   */
  envOptions?: EnvOption[];
  /**
   * A marker the codemod leaves even after a rewrite, for what no option can fix (mysqljs never
   * checks the server host name). Optional.
   */
  residual?: string;
  /**
   * The `tlsOptions` are not fully verified either (mysqljs checks the chain at most): a codemod
   * writes them only in place of a weaker setting, never where TLS was absent (that would only
   * trade one finding for another), and leaves `residual`. Optional.
   */
  tlsPartial?: boolean;
  /**
   * Driver-specific recipes for multi-driver libraries (knex, sequelize, typeorm): the first
   * whose `when` matches the options replaces this recipe. When none matches, this recipe
   * applies (usually a `noUrl` marker, as writing the wrong driver's options breaks the app).
   * Optional.
   */
  variants?: RecipeVariant[];
}

/** One option a codemod reads from its own environment variable (see `SecureRecipe.envOptions`). */
export interface EnvOption {
  /** Option path written (`brokers`, `server`, `authentication.options.userName`). */
  path: string;
  /** The conventional variable (`KAFKA_BROKERS`). */
  envVar: string;
  /** `list`: a comma-separated list, written `process.env.X.split(',')`. Default: the string itself. */
  form?: 'string' | 'list';
  /** The library's typings require a string: TypeScript files get `process.env.X as string`. */
  required?: boolean;
  /**
   * Written only where the code set this path (or one it replaces): credentials the code never
   * gave stay absent. Options without it are always written.
   */
  ifPresent?: boolean;
  /** Other option paths this one supersedes, removed when it is written (`host` and `port` for a URL). */
  replaces?: string[];
  /** What the variable holds, for `.env.example` (`comma-separated host:port list of the Kafka brokers`). */
  description: string;
}

/** A `SecureRecipe` that applies only when the options match (`client: 'pg'`). */
export interface RecipeVariant extends Omit<SecureRecipe, 'variants'> {
  when: OptionCondition;
}

export interface CatalogEntry {
  /** Stable id, equal to the npm package name (`'pg'`, `'@elastic/elasticsearch'`). */
  id: string;
  /** For messages: `'pg'`, `'ioredis'`, `'node-redis'`. */
  displayName: string;
  service: ServiceKind;
  /** Import specifiers that resolve to this library (`'mysql2'`, `'mysql2/promise'`). */
  modules: string[];
  /**
   * Global names a file may use for the module without importing it: the library's own
   * documentation snippet does (`nodemailer.createTransport(...)`), and projects that set
   * `global.nodemailer = require('nodemailer')` elsewhere do too. Only a name the file never
   * declares is read so. Optional.
   */
  globalNames?: string[];
  /**
   * Parameter names that hold the module when a caller hands it in (`exports.connect =
   * (mongoose) => mongoose.connect(url)`): only a name nothing else goes by, the package's own,
   * whose module and default instance are one object. Optional.
   */
  parameterNames?: string[];
  /** A specifier prefix for families of packages (`'@aws-sdk/client-'`). */
  modulePrefix?: string;
  factories: Factory[];
  tls: TlsSpec;
  credentials: CredentialSpec;
  location: LocationSpec;
  /** The conventional environment variable for the service location. */
  envVar: string;
  /** Other names platforms use for the same thing (`'CLOUDAMQP_URL'`). */
  envVarAliases: string[];
  /** Default or superuser account names, lower-case. */
  privilegedAccounts: string[];
  /**
   * The library logs in with a default account when no credentials are given
   * (amqplib's guest/guest).
   */
  implicitAccount?: string;
  /**
   * Module functions that build a credential for a client (amqplib's
   * `credentials.plain(user, pass)`), or with `on: 'client'` methods called on a client this
   * entry built (ldapjs's `client.bind(dn, password)`): each argument slot names the credential
   * option it stands for (`'username'`, `'password'`), read with the entry's
   * `userPaths`/`secretPaths`; `invoke: 'new'` for a class constructed with `new`
   * (cassandra-driver's `new auth.PlainTextAuthProvider(user, pass)`). Optional.
   */
  credentialHelpers?: Array<{ path: string; args: ArgSlot[]; on?: 'client'; invoke?: 'new' }>;
  /**
   * A module-level object whose keys are client options for every client
   * (`pg.defaults`, `https.globalAgent.options`): assignments into it are judged like options.
   */
  globalDefaults?: string;
  recipe: SecureRecipe;
  /** Facts a reviewer should know; they show in docs. */
  notes: string[];
  /** Types that annotate this library's options (`const config: PoolConfig = {...}`). Optional. */
  optionTypes?: OptionType[];
  /** Config files whose exported value is this library's options. Optional. */
  configFiles?: ConfigFileConvention[];
  /** The shape of its options in an app configuration module. Optional. */
  shape?: ShapeSignature;
  /**
   * A framework wrapper (NestJS module, session store, ORM wrapper): the id of the client it
   * configures, whose semantics its options follow. Optional.
   */
  wraps?: string;
}
