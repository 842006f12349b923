import { describe, expect, it } from 'vitest';
import { pieceHolding } from '../../src/policy/value';

describe('pieceHolding', () => {
  it('finds the part of a built string that wrote a text, case-insensitively', () => {
    const template = { kind: 'template' as const, parts: [{ kind: 'unknown' as const, node: 'url' }, '?sslmode=no-verify'], node: 'whole', pieces: [{ from: 1, to: 19, node: 'flags' }] };
    expect(pieceHolding(template, 'SSLMODE=no-verify')).toBe('flags');
    expect(pieceHolding(template, 'sslmode=require')).toBeUndefined();
    expect(pieceHolding({ kind: 'literal', value: 'x', node: 'n' }, 'x')).toBeUndefined();
  });
});
