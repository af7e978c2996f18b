import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileLogic, compileWithIdeas } from './compile.js';
import { readFacts } from './reads.js';
import { truthy } from './values.js';

const reference = (rule: unknown, data: unknown) => jsonLogic.apply(rule as jsonLogic.RulesLogic, data);

describe('compileLogic', () => {
  it.each([
    [[], false],
    [[0], true],
    [0, false],
    ['', false],
    ['0', true],
    [null, false],
    [{}, true],
    [Number.NaN, false],
  ])('truthy(%j) is %s, as json-logic-js', (value, expected) => {
    expect(truthy(value)).toBe(expected);
    expect(jsonLogic.truthy(value)).toBe(expected);
  });

  // The scope object is reused across reduce steps only when the body cannot see it.
  it.each([
    { reduce: [{ var: 'xs' }, { var: '' }, 0] },
    { reduce: [{ var: 'xs' }, { merge: [{ var: 'accumulator' }, [{ var: '' }]] }, []] },
    { reduce: [{ var: 'xs' }, { var: [{ cat: ['curr', 'ent'] }] }, 0] },
    { reduce: [{ var: 'xs' }, { '+': [{ var: 'accumulator' }, { var: 'current' }] }, 0] },
    {
      reduce: [
        { var: 'xs' },
        {
          reduce: [
            { var: 'current.ys' },
            { '+': [{ var: 'accumulator' }, { var: 'current' }] },
            { var: 'accumulator' },
          ],
        },
        0,
      ],
    },
    { reduce: [{ var: 'xs' }, { map: [[1, 2], { var: '' }] }, null] },
  ])('reduce %j gives json-logic-js’s result', (rule) => {
    const data = {
      xs: [{ ys: [1, 2] }, { ys: [3] }],
    };
    const flat = { xs: [1, 2, 3] };
    for (const d of [data, flat]) expect(compileLogic(rule)(d)).toEqual(reference(rule, d));
  });

  // Inside a reduce body `current` and `accumulator` are read from the step's scope by name; inside an element-wise
  // operation nested in that body they are the element's own properties again.
  it.each([
    {
      reduce: [
        { var: 'xs' },
        { '+': [{ var: 'accumulator' }, { '*': [{ var: 'current.q' }, { var: 'current.p' }] }] },
        0,
      ],
    },
    { reduce: [{ var: 'xs' }, { cat: [{ var: 'accumulator' }, { var: 'current' }] }, ''] },
    { reduce: [{ var: 'xs' }, { some: [{ var: 'current.tags' }, { '==': [{ var: 'current' }, 'x'] }] }, null] },
    { reduce: [{ var: 'xs' }, { map: [{ var: 'current.tags' }, { var: 'accumulator' }] }, 7] },
    { reduce: [{ var: 'xs' }, { var: 'current.q.r' }, 0] },
    { map: [{ var: 'xs' }, { var: 'current' }] },
  ])('reduce scope reads: %j gives json-logic-js’s result', (rule) => {
    const data = {
      xs: [
        { q: 2, p: 3, tags: [null, { current: 'x' }], current: 'own' },
        null,
        { q: '4', p: 1, tags: [{ current: 'y' }, { accumulator: 1 }] },
        { q: { r: 0 }, tags: [] },
        0,
      ],
    };
    expect(compileLogic(rule)(data)).toEqual(reference(rule, data));
  });

  it.each([
    [{ '<': [1, { var: 'n' }] }, { n: 2 }],
    // Literal operands on either side, for every comparison and for `in`.
    [{ '==': [1, { var: 'n' }] }, { n: '1' }],
    [{ '!=': [{ var: 'n' }, null] }, { n: 0 }],
    [{ '===': [{ var: 'n' }, '1'] }, { n: 1 }],
    [{ '!==': ['1', { var: 'n' }] }, { n: '1' }],
    [{ '>': ['2', { var: 'n' }] }, { n: 10 }],
    [{ '>=': [{ var: 'n' }, '10'] }, { n: 9 }],
    [{ '<=': [{ var: 'n' }, 3] }, { n: '3' }],
    [{ '==': [1, '1'] }, {}],
    [{ '==': [{ var: 'a' }, { var: 'b' }] }, { a: 0, b: '' }],
    [{ in: [{ var: 's' }, 'abc'] }, { s: 'bc' }],
    [{ in: ['b', { var: 's' }] }, { s: ['a', 'b'] }],
    [{ in: [{ var: 'x' }, [1, 2]] }, { x: '1' }],
    [{ in: [{ var: 'x' }, { var: 'xs' }] }, { x: 2, xs: [1, 2] }],
    [{ in: ['a', { var: 'missing' }] }, {}],
    [{ '<=': [1, { var: 'n' }, 3] }, { n: 3 }],
    [{ '<': ['1', { var: 'n' }] }, { n: '10' }],
    [{ var: 'a.b.c' }, { a: { b: { c: 0 } } }],
    [{ var: 'a.b.c' }, { a: { b: null } }],
    [{ var: 'a.b.c' }, { a: null }],
    [{ var: 'a.1.c' }, { a: [{}, { c: 'x' }] }],
    // Index segments are read as numbers: the same property on arrays, objects and strings.
    [{ var: 'a.0' }, { a: { '0': 'x' } }],
    [{ var: 'a.1' }, { a: 'xy' }],
    [{ var: 'a.01' }, { a: { '01': 'y', '1': 'z' } }],
    [{ var: 'a.b.0.c' }, { a: { b: [{ c: 0 }] } }],
    [{ and: [1, { var: 'x' }, 'z'] }, { x: [] }],
    [{ or: [0, { var: 'x' }, ''] }, { x: [] }],
    [{ all: [{ var: 'xs' }, { var: '' }] }, { xs: [] }],
    [{ none: [{ var: 'xs' }, { var: '' }] }, { xs: [0, ''] }],
    [{ filter: [{ var: 'xs' }, { '%': [{ var: '' }, 2] }] }, { xs: [1, 2, 3] }],
  ])('%j on %j gives json-logic-js’s result', (rule, data) => {
    expect(compileLogic(rule)(data)).toEqual(reference(rule, data));
  });

  // An operation written more than once is evaluated once per evaluation: the same results, the same work counted.
  describe('shared subexpressions', () => {
    const compiledLike = (rule: unknown, options = {}) => [
      compileLogic(rule, options),
      compileWithIdeas(rule, options, { presplit: true, arities: true, shared: false }),
    ];
    const text = { cat: [{ var: 'a' }, ' ', { var: 'b' }] };
    it.each([
      [{ or: [{ in: ['x', text] }, { in: ['y', text] }, { in: ['z', text] }] }, { a: 'pz', b: 'q' }],
      [{ or: [{ in: ['x', text] }, { in: ['y', text] }] }, { a: 'p', b: 'q' }],
      // Inside a loop's body the data is each element: written alike, not the same value.
      [{ and: [{ some: [{ var: 'xs' }, { '==': [{ var: '' }, 2] }] }, { '==': [{ var: '' }, 2] }] }, { xs: [1, 2] }],
      [{ map: [{ var: 'xs' }, { '+': [{ var: '' }, { '+': [{ var: '' }, 1] }] }] }, { xs: [1, 2] }],
      // -0 and 0 read alike as JSON text but divide differently.
      [{ cat: [{ '/': [1, 0] }, { '/': [1, -0] }] }, {}],
    ])('%j on %j gives json-logic-js’s result', (rule, data) => {
      for (const fn of compiledLike(rule)) expect(fn(data)).toEqual(reference(rule, data));
    });

    it('charges a reused value the work of computing it, so the budget stops the same rules', () => {
      const long = { cat: [{ var: 'a' }, { var: 'a' }] };
      const rule = { or: [{ in: ['x', long] }, { in: ['y', long] }, { in: ['z', long] }] };
      const seen = new Set<unknown>();
      for (let size = 100; size <= 170; size += 2) {
        const data = { a: 'a'.repeat(size) };
        const outcomes = compiledLike(rule, { budget: 1_000 }).map((fn) => {
          try {
            return fn(data);
          } catch (error) {
            return (error as { code?: string }).code;
          }
        });
        expect(outcomes[0]).toEqual(outcomes[1]);
        seen.add(outcomes[0]);
      }
      expect(seen).toEqual(new Set([false, 'logic-budget']));
    });
  });

  it('readFacts keeps a __proto__ path as an ordinary key', () => {
    const facts = readFacts(['__proto__', 'a'], { a: 1 });
    expect(Object.getPrototypeOf(facts)).toBe(Object.prototype);
    expect(Object.keys(facts)).toEqual(['__proto__', 'a']);
    expect(facts.a).toBe(1);
  });
});
