/**
 * `fn` remembered by its string argument. Names repeat across a file and across files (`host`,
 * `port`, `password` in every config object) and judging one means a few regular expressions,
 * so the answers are kept, up to `limit` names, then forgotten all at once: a bounded cache that
 * costs one `Map` lookup per call.
 */
export function memoizeByName<R>(fn: (name: string) => R, limit = 4096): (name: string) => R {
  const cache = new Map<string, R>();
  return (name) => {
    const cached = cache.get(name);
    if (cached !== undefined || cache.has(name)) return cached as R;
    if (cache.size >= limit) cache.clear();
    const result = fn(name);
    cache.set(name, result);
    return result;
  };
}
