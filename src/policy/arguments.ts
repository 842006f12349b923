import type { ArgSlot, Factory, NamedArgShape } from '../catalog/types';
import type { ObjectValue, PropertyValue, Value } from './value';
import { hasUrlScheme } from './url';

/**
 * Folds a client call's arguments into one options object, so that every catalog path
 * (`ssl.rejectUnauthorized`, `connectionString`, `socket.tls`) is read the same way whatever
 * the call shape. Positional values become synthetic properties whose node is the argument.
 */
export function normalizeArguments<N>(factory: Factory, args: readonly Value<N>[], callNode: N): ObjectValue<N> {
  const options: ObjectValue<N> = { kind: 'object', props: [], open: false, node: callNode };
  const slots = typeof factory.args === 'string' ? namedSlots(factory.args, args) : factory.args;
  slots.forEach((slot, i) => {
    const arg = args[i];
    if (arg && slot !== null) place(options, slot, arg);
  });
  return options;
}

function place<N>(options: ObjectValue<N>, slot: string, arg: Value<N>): void {
  const [key, spread] = slot.split('|') as [string, string | undefined];
  if (key === '$spread' || (spread === '$spread' && !isStringLike(arg))) {
    spreadInto(options, arg);
    return;
  }
  if (arg.kind === 'literal' && arg.value === undefined) return;
  // A dotted slot places the argument below (`credentials.username`), in objects made for it.
  const keys = key.split('.');
  let target = options;
  for (const outer of keys.slice(0, -1)) {
    let inner = target.props.find((p) => p.key === outer)?.value;
    if (inner?.kind !== 'object') {
      inner = { kind: 'object', props: [], open: false, node: arg.node };
      target.props.push({ key: outer, value: inner, node: arg.node });
    }
    target = inner;
  }
  const prop: PropertyValue<N> = { key: keys[keys.length - 1]!, value: arg, node: arg.node };
  target.props.push(prop);
}

function spreadInto<N>(options: ObjectValue<N>, arg: Value<N>): void {
  if (arg.kind === 'object') {
    options.props.push(...arg.props);
    options.open ||= arg.open;
  } else if (!(arg.kind === 'literal' && (arg.value === undefined || arg.value === null))) {
    options.open = true;
  }
}

/** A string, or a choice of strings and unknowns (`cfg.url || 'redis://cache:6379'`). */
function isStringLike<N>(value: Value<N>): boolean {
  if (value.kind === 'conditional') return value.branches.some(isStringLike) && value.branches.every((b) => b.kind === 'unknown' || isStringLike(b));
  return (value.kind === 'literal' && typeof value.value === 'string') || value.kind === 'template' || value.kind === 'env';
}

/** The literal strings a string-like value may be. */
function literalTexts<N>(value: Value<N>): string[] {
  if (value.kind === 'conditional') return value.branches.flatMap(literalTexts);
  return value.kind === 'literal' && typeof value.value === 'string' ? [value.value] : [];
}

/** Slots for call shapes that depend on the argument types. */
function namedSlots<N>(shape: NamedArgShape, args: readonly Value<N>[]): ArgSlot[] {
  switch (shape) {
    case 'ioredis':
      return ioredisSlots(args);
    case 'sequelize':
      // (url, opts?) | (opts) | (database, username, password?, opts?)
      if (args.length >= 3) return ['database', 'username', 'password', '$spread'];
      if (args.length === 2 && args[1]?.kind !== 'object' && !isUndefined(args[1])) return ['database', 'username'];
      return ['url|$spread', '$spread'];
    case 'pool-cluster-add':
      // add(config) | add(id, config)
      return args.length >= 2 ? [null, 'url|$spread'] : ['url|$spread'];
    case 'ws':
      // new WebSocket(url, protocols?, options?)
      return args[1]?.kind === 'object' ? ['url', '$spread'] : ['url', null, '$spread'];
  }
}

/**
 * ioredis accepts any mix of port (number), URL or host (string) and options (object);
 * a string after a port is the host, a string first is a URL (or a socket path).
 */
function ioredisSlots<N>(args: readonly Value<N>[]): ArgSlot[] {
  let sawPort = false;
  return args.map((arg) => {
    if (arg.kind === 'object') return '$spread';
    if (arg.kind === 'literal' && typeof arg.value === 'number') {
      sawPort = true;
      return 'port';
    }
    if (isStringLike(arg)) {
      if (sawPort) return 'host';
      const texts = literalTexts(arg);
      if (texts.length === 0) return 'url';
      if (texts.every((t) => t.startsWith('/'))) return 'path';
      if (texts.every((t) => !hasUrlScheme(t) && !t.startsWith('/'))) return 'host';
      // A choice of URLs, or of a URL and something else: only the URLs are judged as URLs.
      return texts.every((t) => hasUrlScheme(t)) ? 'url' : null;
    }
    return null;
  });
}

function isUndefined<N>(value: Value<N> | undefined): boolean {
  return value?.kind === 'literal' && value.value === undefined;
}
