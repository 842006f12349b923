import type { Preamble } from '../server';

/** Where the oracle listens, and the CA that NODE_EXTRA_CA_CERTS already trusts. */
export interface Target {
  /** `localhost`: the name the trusted certificate carries (it resolves to 127.0.0.1 here). */
  host: string;
  port: number;
}

/** One configuration to run: options at the catalog's normalised paths, and maybe a URL. */
export interface Setting {
  options: Record<string, unknown>;
  /** A URL scheme and query string; the driver adds the authority. */
  url?: { scheme: string; query: string };
}

/** One connection attempt in progress. */
export interface Attempt {
  /** Settles when the client succeeds or gives up. */
  done: Promise<unknown>;
  /** Closes the client and its sockets, with retries already off. */
  close(): Promise<void>;
}

/** How to run one catalog library (or one driver of a multi-driver library) against the oracle. */
export interface Driver {
  /** Catalog entry id. */
  entry: string;
  /** For the record: `knex (client: pg)`. */
  name: string;
  /** Options that select this driver inside a multi-driver library (`{ client: 'pg' }`). */
  select?: Record<string, unknown>;
  /** Scheme of the URLs this driver reads, when it reads any; a URL is always built when `urlRequired`. */
  scheme?: string;
  urlRequired?: boolean;
  /** Option paths of other factories (cluster, sentinel) that this driver's client never reads. */
  otherFactories?: string[];
  /** The catalog TLS bags this driver's client reads, for a multi-driver library (default: all). */
  bags?: string[];
  /** Why a setting cannot be shown on a loopback server, when it cannot. */
  unobservable?(setting: Setting): string | undefined;
  /** The catalog schemes this driver can be driven with (default: all of them). */
  schemes?: string[];
  /** The URL for a scheme and query at a host and port, as this driver's users write it. */
  url?(scheme: string, query: string, host: string, port: number): string;
  preamble(setting: Setting): Preamble;
  /** Builds the client from the setting, pointed at the target, and starts one connection. */
  open(setting: Setting, target: Target): Attempt;
}

/** A promise that never rejects: drivers report through the oracle, not through errors. */
export function settled(promise: () => Promise<unknown>): Promise<unknown> {
  try {
    return promise().then(
      (value) => value,
      (error: unknown) => error,
    );
  } catch (error) {
    return Promise.resolve(error);
  }
}

/** `a.b.c` paths to nested objects; later paths win. */
export function unflatten(options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(options)) {
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      // Copied, so a case never changes an object another case shares.
      node = (node[key] = isPlainObject(next) ? { ...next } : {}) as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = value;
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
