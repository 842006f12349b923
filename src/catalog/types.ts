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
  /** How it is invoked: with `new`, as a plain call, or either. */
  invoke: 'new' | 'call' | 'either';
  args: ArgSlot[] | NamedArgShape;
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

export interface TlsSwitch {
  /** Option path in the normalised options (`'ssl'`, `'socket.tls'`, `'options.encrypt'`). */
  path: string;
  /** Meaning of literal values found there; keys are `JSON.stringify(literal)`. */
  values?: Record<string, TlsMeaning>;
  /** Meaning of any other truthy literal (a string mode, `true`). */
  otherTruthy?: TlsMeaning;
  /**
   * Meaning of an object found there. `'bag'` means the object is a `tls.ConnectionOptions`
   * bag (verified unless it says otherwise), `'bag-unverified-unless-rejectUnauthorized'`
   * means the library defaults `rejectUnauthorized` to false inside it (cassandra),
   * `'bag-hostname-unverified-unless-verifyIdentity'` is mysql2's chain-only default.
   */
  object?: 'bag' | 'bag-unverified-unless-rejectUnauthorized' | 'bag-hostname-unverified-unless-verifyIdentity' | 'off';
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
  values: Record<string, TlsMeaning>;
  /** The parameter only means this when another one is present (`uselibpqcompat=true`). */
  requires?: { name: string; value: string };
  secure: string;
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
}

export interface CredentialSpec {
  /** Option paths holding a user name. */
  userPaths: string[];
  /** Option paths holding a password or secret. */
  secretPaths: string[];
  /** URL userinfo carries credentials. */
  urlUserinfo: boolean;
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
  /** The library cannot take a URL: the codemod leaves a marker instead. */
  noUrl?: string;
  /**
   * Driver-specific recipes for multi-driver libraries (knex, sequelize, typeorm): the first
   * whose `when` matches the options replaces this recipe. When none matches, this recipe
   * applies (usually a `noUrl` marker, as writing the wrong driver's options breaks the app).
   * Optional.
   */
  variants?: RecipeVariant[];
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
   * `credentials.plain(user, pass)`): each argument slot names the credential option it stands
   * for (`'username'`, `'password'`), read with the entry's `userPaths`/`secretPaths`. Optional.
   */
  credentialHelpers?: Array<{ path: string; args: ArgSlot[] }>;
  /**
   * A module-level object whose keys are client options for every client
   * (`pg.defaults`, `https.globalAgent.options`): assignments into it are judged like options.
   */
  globalDefaults?: string;
  recipe: SecureRecipe;
  /** Facts a reviewer should know; they show in docs. */
  notes: string[];
}
