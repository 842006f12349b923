import type { Value } from './value';

/** Deeper than any real config; keeps minified or generated code cheap. */
const MAX_DEPTH = 40;

/**
 * The shell both evaluators share (ESTree for the rules, Babel for the codemods): results are
 * memoised per node, and a cycle (`const a = b; const b = a`) or runaway depth is `unknown`.
 */
export abstract class MemoEvaluator<N> {
  private readonly memo = new Map<N, Value<N>>();
  private readonly inProgress = new Set<N>();
  private depth = 0;

  evaluate(node: N): Value<N> {
    const cached = this.memo.get(node);
    if (cached) return cached;
    if (this.inProgress.has(node) || this.depth > MAX_DEPTH) return { kind: 'unknown', node };
    this.inProgress.add(node);
    this.depth++;
    try {
      const value = this.compute(node);
      this.memo.set(node, value);
      return value;
    } finally {
      this.depth--;
      this.inProgress.delete(node);
    }
  }

  /** The value of `node`, computed once; call `evaluate` for sub-expressions. */
  protected abstract compute(node: N): Value<N>;
}
