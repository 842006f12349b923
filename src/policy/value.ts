/**
 * The static value model shared by the ESLint side (TSESTree) and the codemod side (Babel).
 * `N` is the node type of whichever AST produced the value; policy code never looks inside it,
 * it only hands it back so adapters can report or rewrite at the right place.
 */
export type Literal = string | number | boolean | null | undefined | bigint;

export type Value<N = unknown> =
  | LiteralValue<N>
  | TemplateValue<N>
  | ObjectValue<N>
  | ArrayValue<N>
  | EnvValue<N>
  | FunctionValue<N>
  | ConditionalValue<N>
  | UnknownValue<N>;

export interface LiteralValue<N = unknown> {
  kind: 'literal';
  value: Literal;
  node: N;
  /**
   * For a string built from parts (`\`mongodb://${HOST}:27017\``, `'redis://' + host`): where
   * each part came from, by offset in `value`, so a report can land on the literal that wrote
   * the host. Optional.
   */
  pieces?: Array<{ from: number; to: number; node: N }>;
}

/** A string whose parts are partly unknown, such as `` `redis://${host}:6379` ``. */
export interface TemplateValue<N = unknown> {
  kind: 'template';
  parts: Array<string | Value<N>>;
  node: N;
  /** Where each known part came from, by offset in the template's `textOf` text (see `LiteralValue.pieces`). */
  pieces?: Array<{ from: number; to: number; node: N }>;
}

export interface PropertyValue<N = unknown> {
  key: string;
  value: Value<N>;
  /** The property (or assignment) node that wrote this key: where reports go. */
  node: N;
}

export interface ObjectValue<N = unknown> {
  kind: 'object';
  /** Later entries win, as in JavaScript; use `getProperty` rather than scanning. */
  props: PropertyValue<N>[];
  /** True when an unknown spread or computed key may add or override keys. */
  open: boolean;
  node: N;
}

export interface ArrayValue<N = unknown> {
  kind: 'array';
  elements: Value<N>[];
  open: boolean;
  node: N;
}

export type EnvSource =
  | 'process.env'
  | 'import.meta.env'
  | 'env-var'
  | 'envalid'
  | 'config-service'
  | 'convict'
  | 'zod'
  | 'parameter';

/** A value read from the environment, with the literal default it falls back to, if any. */
export interface EnvValue<N = unknown> {
  kind: 'env';
  /** The variable name when statically known (`DATABASE_URL`). */
  name: string | undefined;
  source: EnvSource;
  /** `process.env.X || 'localhost'`, `.default('x')`, `{ default: 'x' }`. */
  fallback?: Value<N>;
  /** The node holding the fallback expression (for reports on the default). */
  fallbackNode?: N;
  node: N;
}

export interface FunctionValue<N = unknown> {
  kind: 'function';
  /** The body can neither throw nor return a value (a no-op `checkServerIdentity`). */
  neverFails: boolean;
  node: N;
}

/** `test ? a : b` or `test && a` where the test itself is not static. */
export interface ConditionalValue<N = unknown> {
  kind: 'conditional';
  test: N;
  branches: Value<N>[];
  node: N;
  /**
   * A property write that may not run (`if (opts.plain) cfg.ignoreTLS = true`): the earlier
   * value or the written one. Not a choice between two values written side by side.
   */
  guarded?: true;
}

export interface UnknownValue<N = unknown> {
  kind: 'unknown';
  node: N;
}

export type Lookup<N = unknown> =
  | { status: 'present'; prop: PropertyValue<N>; value: Value<N> }
  | { status: 'absent' }
  | { status: 'unknown' };

/** Find `a.b.c` in an object value, telling a missing key from one we cannot know. */
export function lookup<N>(value: Value<N> | undefined, path: string): Lookup<N> {
  if (value === undefined) return ABSENT;
  if (path === '') return UNKNOWN;
  // Asked for every option of every site and shape: walked segment by segment, not split.
  let current: Value<N> = value;
  let prop: PropertyValue<N> | undefined;
  for (let start = 0; start <= path.length; ) {
    const dot = path.indexOf('.', start);
    const end = dot < 0 ? path.length : dot;
    if (current.kind === 'literal' && (current.value === undefined || current.value === null)) return ABSENT;
    if (current.kind !== 'object') return UNKNOWN;
    prop = getPropertyIn(current, path, start, end);
    if (!prop) return current.open ? UNKNOWN : ABSENT;
    current = prop.value;
    start = end + 1;
  }
  return { status: 'present', prop: prop!, value: current };
}

const ABSENT: Lookup<never> = Object.freeze({ status: 'absent' });
const UNKNOWN: Lookup<never> = Object.freeze({ status: 'unknown' });

/** `getProperty` for the key `path.slice(start, end)`, without slicing. */
function getPropertyIn<N>(object: ObjectValue<N>, path: string, start: number, end: number): PropertyValue<N> | undefined {
  const length = end - start;
  for (let i = object.props.length - 1; i >= 0; i--) {
    const prop = object.props[i]!;
    if (prop.key.length === length && path.startsWith(prop.key, start)) return prop;
  }
  return undefined;
}

export function getProperty<N>(object: ObjectValue<N>, key: string): PropertyValue<N> | undefined {
  for (let i = object.props.length - 1; i >= 0; i--) {
    const prop = object.props[i]!;
    if (prop.key === key) return prop;
  }
  return undefined;
}

/** The value at a path when present, otherwise undefined. */
export function valueAt<N>(value: Value<N> | undefined, path: string): Value<N> | undefined {
  const found = lookup(value, path);
  return found.status === 'present' ? found.value : undefined;
}

export function isLiteral<N>(value: Value<N> | undefined, literal: Literal): boolean {
  return value?.kind === 'literal' && value.value === literal;
}

export function stringOf<N>(value: Value<N> | undefined): string | undefined {
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

/**
 * Marks an unknown part of a template when it is rendered to text for parsing. It cannot
 * occur in source strings that matter (a private-use code point).
 */
export const HOLE = '\uE000';

/**
 * Text of a string-like value with unknown parts replaced by `HOLE`, or undefined when the
 * value is not string-like at all.
 */
export function textOf<N>(value: Value<N> | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'literal') return typeof value.value === 'string' ? value.value : undefined;
  if (value.kind === 'template') {
    let text = '';
    for (const part of value.parts) {
      text += typeof part === 'string' ? part : (stringOf(part) ?? HOLE);
    }
    return text;
  }
  return undefined;
}

/**
 * The piece of a string built from parts that holds `[from, to)` of its text whole (`` `...:${password}@...` ``
 * with `password` a literal elsewhere), with that range inside the piece; undefined otherwise.
 */
export function pieceSpanning<N>(value: Value<N>, [from, to]: readonly [number, number]): { node: N; range: [number, number] } | undefined {
  if (value.kind !== 'literal' && value.kind !== 'template') return undefined;
  const piece = value.pieces?.find((p) => p.from <= from && to <= p.to);
  return piece && { node: piece.node, range: [from - piece.from, to - piece.from] };
}

/**
 * The node that wrote `needle` in a string built from parts (`'postgres://db/app' + FLAGS`,
 * `${url}${flags}` with `flags` a literal elsewhere), when one part holds it whole: the line to
 * change. Case-insensitive; undefined when no single part holds it.
 */
export function pieceHolding<N>(value: Value<N>, needle: string): N | undefined {
  if ((value.kind !== 'literal' && value.kind !== 'template') || !value.pieces) return undefined;
  const text = textOf(value)?.toLowerCase();
  const at = text?.indexOf(needle.toLowerCase()) ?? -1;
  return at === -1 ? undefined : pieceSpanning(value, [at, at + needle.length])?.node;
}

/** Walks every value inside `value`, depth first, parents before children. */
export function* walkValues<N>(value: Value<N>): Generator<Value<N>> {
  yield value;
  if (value.kind === 'object') for (const prop of value.props) yield* walkValues(prop.value);
  else if (value.kind === 'array') for (const element of value.elements) yield* walkValues(element);
  else if (value.kind === 'template') {
    for (const part of value.parts) if (typeof part !== 'string') yield* walkValues(part);
  } else if (value.kind === 'conditional') for (const branch of value.branches) yield* walkValues(branch);
  else if (value.kind === 'env' && value.fallback) yield* walkValues(value.fallback);
}

/**
 * The options object an assignment such as `pg.defaults.ssl.rejectUnauthorized = false`
 * amounts to: `{ ssl: { rejectUnauthorized: false } }`, every level pointing at `node`.
 */
export function optionsFromAssignment<N>(path: string, value: Value<N>, node: N): ObjectValue<N> {
  const keys = path.split('.');
  let current: Value<N> = value;
  for (let i = keys.length - 1; i >= 0; i--) {
    current = { kind: 'object', props: [{ key: keys[i]!, value: current, node }], open: false, node };
  }
  return current as ObjectValue<N>;
}

/** The text of a string, number or boolean literal; undefined for anything else. */
export function primitiveText<N>(value: Value<N>): string | undefined {
  if (value.kind !== 'literal') return undefined;
  const v = value.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** A value that is a string, even if partly unknown: a string literal, a template, an env read. */
export function isStringish<N>(value: Value<N>): boolean {
  return (value.kind === 'literal' && typeof value.value === 'string') || value.kind === 'template' || value.kind === 'env';
}

/** The parts a value contributes to a concatenation (`'redis://' + host`). */
export function templateParts<N>(value: Value<N>): Array<string | Value<N>> {
  if (value.kind === 'template') return value.parts;
  const text = primitiveText(value);
  return [text ?? value];
}

/** Joins adjacent known strings and drops empty ones, so templates stay canonical. */
export function mergeStrings<N>(parts: Array<string | Value<N>>): Array<string | Value<N>> {
  const merged: Array<string | Value<N>> = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  }
  return merged;
}

/**
 * `object` after `keys` below it were assigned `value` by `node` (`opts.ssl.ca = x`). A `certain`
 * write replaces what was there; one that may not run (inside an `if`) leaves either value
 * possible. Missing levels are created open: the object they belong to may already hold them.
 */
export function setPath<N>(object: ObjectValue<N>, keys: readonly string[], value: Value<N>, node: N, certain: boolean): ObjectValue<N> {
  const [key, ...rest] = keys as [string, ...string[]];
  const existing = getProperty(object, key);
  let next: Value<N>;
  if (rest.length > 0) {
    const inner: ObjectValue<N> = existing?.value.kind === 'object' ? existing.value : { kind: 'object', props: [], open: true, node };
    next = setPath(inner, rest, value, node, certain);
  } else if (certain) next = value;
  else next = { kind: 'conditional', test: node, branches: [existing?.value ?? { kind: 'literal', value: undefined, node }, value], node, guarded: true };
  return { ...object, props: [...object.props, { key, value: next, node }] };
}

/** `object` after `Object.assign(object, value)` by `node`, with `setPath`'s meaning of `certain`. */
export function mergeObject<N>(object: ObjectValue<N>, value: Value<N>, node: N, certain: boolean): ObjectValue<N> {
  if (value.kind !== 'object') {
    return value.kind === 'literal' && (value.value === undefined || value.value === null) ? object : { ...object, open: true };
  }
  let result: ObjectValue<N> = value.open ? { ...object, open: true } : object;
  for (const prop of value.props) result = setPath(result, [prop.key], prop.value, certain ? prop.node : node, certain);
  return result;
}

/**
 * Options with their nested choices between objects resolved, one variant per branch
 * (`connection: isProd ? process.env.DB_URL : { host: 'localhost' }` gives the options with each
 * `connection`), so every branch is judged as the complete options it makes. At most `max`
 * variants; none when nothing is to be resolved.
 */
export function optionVariants<N>(options: ObjectValue<N>, max = 4): ObjectValue<N>[] {
  let variants: ObjectValue<N>[] = [options];
  let resolved = false;
  for (let round = 0; round < max; round++) {
    const next: ObjectValue<N>[] = [];
    let expanded = false;
    for (const variant of variants) {
      const found = objectChoice(variant, 0);
      if (!found || expanded) {
        next.push(variant);
        continue;
      }
      expanded = true;
      // Every object branch, and one of the others (an env read, a URL) standing for them all.
      const objects = found.choice.branches.filter((b) => b.kind === 'object');
      const other = found.choice.branches.find((b) => b.kind !== 'object');
      for (const branch of other ? [...objects, other] : objects) next.push(withValueAt(variant, found.keys, branch));
    }
    if (!expanded || next.length > max) break;
    variants = next;
    resolved = true;
  }
  return resolved ? variants : [];
}

/** The first conditional below the root with an object among its branches, and its keys. */
function objectChoice<N>(object: ObjectValue<N>, depth: number): { keys: string[]; choice: ConditionalValue<N> } | undefined {
  if (depth > 6) return undefined;
  const seen = new Set<string>();
  for (let i = object.props.length - 1; i >= 0; i--) {
    const prop = object.props[i]!;
    if (seen.has(prop.key)) continue;
    seen.add(prop.key);
    const value = prop.value;
    // A choice between an object and a flag (`ssl: isProd ? { ca } : false`) is judged branch
    // by branch where it stands; a choice of where to connect (`connection: url ?? { host }`)
    // is resolved into variants.
    if (value.kind === 'conditional' && value.branches.some((b) => b.kind === 'object') && !value.branches.some(isFlag)) return { keys: [prop.key], choice: value };
    if (value.kind === 'object') {
      const inner = objectChoice(value, depth + 1);
      if (inner) return { keys: [prop.key, ...inner.keys], choice: inner.choice };
    }
  }
  return undefined;
}

function isFlag<N>(value: Value<N>): boolean {
  return value.kind === 'literal' && (typeof value.value === 'boolean' || typeof value.value === 'number');
}

/** `object` with the value at `keys` (the winning property at each level) replaced by `value`. */
function withValueAt<N>(object: ObjectValue<N>, keys: readonly string[], value: Value<N>): ObjectValue<N> {
  const [key, ...rest] = keys as [string, ...string[]];
  const prop = getProperty(object, key)!;
  const replaced = rest.length === 0 ? value : withValueAt(prop.value as ObjectValue<N>, rest, value);
  return { ...object, props: object.props.map((p) => (p === prop ? { ...p, value: replaced } : p)) };
}
