import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortShort } from './sort-short.js';

describe('sortShort', () => {
  it('orders short and long lists as a stable Array.prototype.sort does', () => {
    const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 40 }), (pairs) => {
        expect(sortShort([...pairs], byKey)).toEqual([...pairs].sort(byKey));
      }),
      { numRuns: 300, seed: 3 },
    );
  });
});
