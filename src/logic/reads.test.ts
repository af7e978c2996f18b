import { describe, expect, it } from 'vitest';
import { collectReads, completeReads } from './reads.js';

describe('completeReads', () => {
  it('lists the literal paths a rule reads when it can read nothing else', () => {
    const rule = { and: [{ var: 'derived.surveillance' }, { missing: ['answers.a', 'answers.b'] }] };
    expect(completeReads(rule)).toEqual(['answers.a', 'answers.b', 'derived.surveillance']);
    expect(completeReads(rule)).toEqual(collectReads(rule));
  });

  it('leaves out element paths inside a scoped body, which read elements, not the data', () => {
    expect(completeReads({ some: [{ var: 'transaction.items' }, { var: '' }] })).toEqual(['transaction.items']);
  });

  it('is undefined when a rule may read more than it names: a computed path or the whole data', () => {
    expect(completeReads({ var: { cat: ['ans', 'wers.x'] } })).toBeUndefined();
    expect(completeReads({ '!!': { var: '' } })).toBeUndefined();
    expect(completeReads({ missing: { merge: [['a'], ['b']] } })).toBeUndefined();
    expect(collectReads({ var: { cat: ['a', 'b'] } })).toEqual([]);
  });
});
