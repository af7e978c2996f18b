import { describe, expect, it } from 'vitest';
import { copyForPath, nextCopy } from './copies.js';

describe('nextCopy', () => {
  it('hands out the copies in turn and starts over after the last', () => {
    const copies = ['a', 'b', 'c'];
    expect(Array.from({ length: 7 }, () => nextCopy(copies))).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });
});

describe('copyForPath', () => {
  it('gives one path always the same copy and spreads paths over the copies', () => {
    const copies = Array.from({ length: 32 }, (_, i) => i);
    expect(copyForPath(copies, 'transaction.destination')).toBe(copyForPath(copies, 'transaction.destination'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => copyForPath(copies, `derived.parties.${i}.country`)));
    expect(used.size).toBeGreaterThan(24);
  });
});
