import { describe, expect, it } from 'vitest';
import { memoizeByName } from '../../src/policy/memo';

describe('memoizeByName', () => {
  it('computes each name once, undefined answers included, and forgets everything past its limit', () => {
    const calls: string[] = [];
    const lookup = memoizeByName((name: string) => {
      calls.push(name);
      return name === 'none' ? undefined : name.toUpperCase();
    }, 2);
    expect([lookup('a'), lookup('a'), lookup('none'), lookup('none')]).toEqual(['A', 'A', undefined, undefined]);
    expect(calls).toEqual(['a', 'none']);
    // A third name clears the cache: `a` is computed again.
    expect(lookup('b')).toBe('B');
    expect(lookup('a')).toBe('A');
    expect(calls).toEqual(['a', 'none', 'b', 'a']);
  });
});
