/**
 * Judgement of TLS protocol versions and cipher strings in Node `tls.ConnectionOptions` bags
 * (reference/clients.md §1.1). Pure: values in, verdicts out. Only statically known strings are
 * judged; anything else is silence.
 */
import type { CatalogEntry } from '../catalog/types';
import { droppedBagKeys, possibleValues } from './tls';
import type { ObjectValue, Value } from './value';
import { lookup } from './value';

/**
 * `minVersion`/`maxVersion` values that allow a broken or deprecated protocol (RFC 8996). Node
 * rejects anything older (`'SSLv3'` throws), so only these two can weaken a connection.
 */
const WEAK_VERSIONS: ReadonlySet<string> = new Set(['TLSv1', 'TLSv1.1']);

/**
 * Legacy `secureProtocol` method names that pin a broken or deprecated protocol. `SSLv23_method`
 * (negotiate the highest version) is not listed: it does not lower the floor by itself.
 */
const WEAK_METHODS: ReadonlySet<string> = new Set(
  ['TLSv1', 'TLSv1_1', 'SSLv3', 'SSLv2'].flatMap((v) => [`${v}_method`, `${v}_client_method`, `${v}_server_method`]),
);

/** A protocol version name (`TLSv1`) for a weak `minVersion`/`maxVersion`, else undefined. */
export function weakVersion(text: string): string | undefined {
  return WEAK_VERSIONS.has(text) ? text : undefined;
}

/** The protocol a weak legacy `secureProtocol` method pins (`TLSv1_method` → `TLSv1`). */
export function weakSecureProtocol(text: string): string | undefined {
  if (!WEAK_METHODS.has(text)) return undefined;
  const version = text.slice(0, text.indexOf('_method')).replace(/_(client|server)$/, '');
  return version.replace('_', '.');
}

/**
 * OpenSSL cipher-string words (and parts of suite names) that select broken suites: SSL 2/3-era
 * groups, RC4, single and triple DES, NULL encryption, export-grade, anonymous key exchange, MD5
 * MACs, the LOW group. OpenSSL matches them case-sensitively, and so does this table: `aDH`
 * (DH-authenticated) is not `ADH` (anonymous).
 */
const WEAK_WORDS: ReadonlySet<string> = new Set([
  'SSLv3',
  'SSLv2',
  'RC4',
  'DES',
  '3DES',
  'NULL',
  'eNULL',
  'aNULL',
  'EXP',
  'EXPORT',
  'EXPORT40',
  'EXPORT56',
  'ADH',
  'AECDH',
  'anon',
  'MD5',
  'LOW',
]);

/** The security level that lets OpenSSL 3 accept TLS 1.0/1.1, SHA-1 signatures and small keys. */
const LEVEL_ZERO = '@SECLEVEL=0';

/**
 * The first element of an OpenSSL cipher string that *adds* a weak suite (`'SSLv3'`,
 * `'RC4-SHA'`, `'ALL:@SECLEVEL=0'`), or undefined. Exclusions (`!RC4`, `-DES`) and reorderings
 * (`+RC4`) add nothing and are ignored. Linear in the length of the string.
 */
export function weakCipher(text: string, { securityLevel = true }: { securityLevel?: boolean } = {}): string | undefined {
  for (const raw of text.split(/[:, ]/)) {
    const element = raw.trim();
    if (element === '') continue;
    const first = element[0];
    if (first === '!' || first === '-' || first === '+') continue;
    if (element.startsWith('@SECLEVEL=')) {
      if (securityLevel && element === LEVEL_ZERO) return element;
      continue;
    }
    if (element.startsWith('@')) continue;
    // `kRSA+RC4` is the intersection: weak when any part is.
    for (const part of element.split('+')) {
      for (const word of part.split(/[-_]/)) {
        if (WEAK_WORDS.has(word)) return element;
      }
    }
  }
  return undefined;
}

/** One weak setting in a TLS options bag. */
export interface WeakTlsSetting<N> {
  kind: 'version' | 'method' | 'cipher';
  /** The property to report at. */
  node: N;
  /** The literal value node (for a suggestion). */
  valueNode: N;
  /** The property node itself when the literal is its own value (removable), else undefined. */
  propNode?: N;
  /** Option path as it reads in code: `ssl.minVersion`, `tls.ciphers`. */
  path: string;
  /** The option key: `minVersion`, `maxVersion`, `secureProtocol`, `ciphers`. */
  key: string;
  /** The weak protocol (`TLSv1`) or cipher-string element (`RC4-MD5`). */
  weak: string;
  /** The whole value as written. */
  value: string;
  /**
   * For a weak version or method: the `ciphers` setting beside it whose only weakness is
   * `@SECLEVEL=0`. OpenSSL 3 refuses TLS 1.0/1.1 without it (reference/tls-oracle.md, "Weak
   * TLS"), so the two are one finding: the version's.
   */
  alongside?: WeakTlsSetting<N>;
}

const KEYS = ['minVersion', 'maxVersion', 'secureProtocol', 'ciphers'] as const;

/** Weak protocol and cipher settings inside one `tls.ConnectionOptions` object. */
export function weakSettingsInBag<N>(bag: Value<N>, prefix: string, dropped: ReadonlySet<string> = new Set()): WeakTlsSetting<N>[] {
  const found: WeakTlsSetting<N>[] = [];
  for (const value of possibleValues(bag)) {
    if (value.kind !== 'object') continue;
    found.push(...foldSecurityLevel(weakSettingsInObject(value, prefix, dropped)));
  }
  return found;
}

/** Weak settings in one possible value of a bag. */
function weakSettingsInObject<N>(value: ObjectValue<N>, prefix: string, dropped: ReadonlySet<string>): WeakTlsSetting<N>[] {
  const found: WeakTlsSetting<N>[] = [];
  for (const key of KEYS) {
    if (dropped.has(key)) continue;
    const entry = lookup(value, key);
    if (entry.status !== 'present') continue;
    for (const v of possibleValues(entry.value)) {
      if (v.kind !== 'literal' || typeof v.value !== 'string') continue;
      const own = entry.prop.value === v;
      const base = { node: own ? entry.prop.node : v.node, valueNode: v.node, propNode: own ? entry.prop.node : undefined, path: `${prefix}${key}`, key, value: v.value };
      if (key === 'minVersion' || key === 'maxVersion') {
        const weak = weakVersion(v.value);
        if (weak) found.push({ kind: 'version', weak, ...base });
      } else if (key === 'secureProtocol') {
        const weak = weakSecureProtocol(v.value);
        if (weak) found.push({ kind: 'method', weak, ...base });
      } else {
        const weak = weakCipher(v.value);
        if (weak) found.push({ kind: 'cipher', weak, ...base });
      }
    }
  }
  return found;
}

/**
 * A `ciphers: '...:@SECLEVEL=0'` that adds no weak suite, beside a weak version or method, is
 * what lets that version through: it goes with the version's finding instead of being its own.
 */
function foldSecurityLevel<N>(found: WeakTlsSetting<N>[]): WeakTlsSetting<N>[] {
  const level = found.find((s) => s.kind === 'cipher' && s.weak === LEVEL_ZERO && weakCipher(s.value, { securityLevel: false }) === undefined);
  if (!level || !found.some((s) => s.kind !== 'cipher')) return found;
  return found.filter((s) => s !== level).map((s) => (s.kind === 'cipher' ? s : { ...s, alongside: level }));
}

/** Weak protocol and cipher settings in every TLS options bag the library reads. */
export function weakTlsSettings<N>(entry: CatalogEntry, options: ObjectValue<N>): WeakTlsSetting<N>[] {
  const found: WeakTlsSetting<N>[] = [];
  const seen = new Set<N>();
  for (const bagPath of entry.tls.bags) {
    const bag = bagPath === '' ? options : valueAtPresent(options, bagPath);
    if (!bag) continue;
    for (const setting of weakSettingsInBag(bag, bagPath === '' ? '' : `${bagPath}.`, droppedBagKeys(entry, options, bagPath))) {
      if (seen.has(setting.valueNode)) continue;
      seen.add(setting.valueNode);
      if (setting.alongside) seen.add(setting.alongside.valueNode);
      found.push(setting);
    }
  }
  return found;
}

function valueAtPresent<N>(options: ObjectValue<N>, path: string): Value<N> | undefined {
  const found = lookup(options, path);
  return found.status === 'present' ? found.value : undefined;
}

/**
 * Process-wide defaults in Node's `tls` module (`tls.DEFAULT_MIN_VERSION = 'TLSv1'`): the
 * setting they weaken, or undefined for other paths and values.
 */
export function weakProcessDefault(path: string, text: string): { kind: 'version' | 'cipher'; weak: string } | undefined {
  if (path === 'DEFAULT_MIN_VERSION' || path === 'DEFAULT_MAX_VERSION') {
    const weak = weakVersion(text);
    return weak ? { kind: 'version', weak } : undefined;
  }
  if (path === 'DEFAULT_CIPHERS') {
    const weak = weakCipher(text);
    return weak ? { kind: 'cipher', weak } : undefined;
  }
  return undefined;
}
