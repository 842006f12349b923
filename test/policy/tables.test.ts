import { describe, expect, it } from 'vitest';
import { isTable, TABLE_SIZE } from '../../src/policy/tables';

describe('isTable', () => {
  it('holds when TABLE_SIZE children share a label, each child counted once', () => {
    expect(isTable(Array.from({ length: TABLE_SIZE }, () => ['host', 'port']))).toBe(true);
    expect(isTable(Array.from({ length: TABLE_SIZE - 1 }, () => ['host', 'host']))).toBe(false);
    expect(isTable(Array.from({ length: TABLE_SIZE * 2 }, (_, i) => [`key${i % TABLE_SIZE}`]))).toBe(false);
    expect(isTable([])).toBe(false);
  });
});
