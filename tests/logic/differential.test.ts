import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLogic, compileReference, validateLogic } from '../../src/logic/index.js';

// Random rules over the standard operators, random data: both evaluators must give the same result
// (or both throw). Var paths come from the data's own keys, so the documented prototype difference is excluded.
const scalar = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('', '0', '1', 'a', 'abc', 'DE', 'x.y'),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
const data = fc.record({
  a: value,
  b: value,
  c: fc.array(value, { maxLength: 4 }),
  n: fc.integer({ min: -3, max: 3 }),
});
const path = fc.constantFrom('a', 'b', 'c', 'n', 'c.0', 'c.1', 'missing', 'a.0', '');

const { rule } = fc.letrec<{ rule: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    scalar,
    path.map((p) => ({ var: p })),
    fc.tuple(path, scalar).map(([p, d]) => ({ var: [p, d] })),
  ),
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc
      .tuple(
        fc.constantFrom(
          '==',
          '===',
          '!=',
          '!==',
          '>',
          '>=',
          '<',
          '<=',
          '+',
          '-',
          '*',
          '/',
          '%',
          'in',
          'cat',
          'min',
          'max',
          'merge',
        ),
        tie('rule'),
        tie('rule'),
      )
      .map(([op, x, y]) => ({ [op]: [x, y] })),
    fc
      .tuple(fc.constantFrom('<', '<='), tie('rule'), tie('rule'), tie('rule'))
      .map(([op, x, y, z]) => ({ [op]: [x, y, z] })),
    fc.tuple(fc.constantFrom('!', '!!', '-'), tie('rule')).map(([op, x]) => ({ [op]: [x] })),
    fc
      .tuple(
        fc.constantFrom('and', 'or', 'if', '+', 'cat', 'merge'),
        fc.array(tie('rule'), { minLength: 1, maxLength: 4 }),
      )
      .map(([op, xs]) => ({ [op]: xs })),
    fc
      .tuple(
        tie('rule'),
        fc.integer({ min: -3, max: 3 }),
        fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
      )
      .map(([s, a, b]) => ({
        substr: b === undefined ? [s, a] : [s, a, b],
      })),
    fc
      .tuple(fc.constantFrom('map', 'filter', 'all', 'none', 'some'), tie('rule'), tie('rule'))
      .map(([op, xs, body]) => ({ [op]: [xs, body] })),
    fc.tuple(tie('rule'), tie('rule'), tie('rule')).map(([xs, body, init]) => ({ reduce: [xs, body, init] })),
    fc
      .array(
        path.filter((p) => p !== ''),
        { maxLength: 3 },
      )
      .map((keys) => ({ missing: keys })),
    fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.array(
          path.filter((p) => p !== ''),
          { maxLength: 3 },
        ),
      )
      .map(([n, keys]) => ({ missing_some: [n, keys] })),
  ),
}));

function outcome(f: () => unknown): unknown {
  try {
    const v = f();
    return { ok: Number.isNaN(v) ? 'NaN' : v };
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}

describe('compiled and reference evaluators agree', () => {
  it('on random rules and data', () => {
    fc.assert(
      fc.property(rule, data, (r, d) => {
        expect(validateLogic(r)).toEqual([]);
        const compiled = outcome(() => compileLogic(r)(d));
        const reference = outcome(() => compileReference(r)(d));
        expect(compiled).toEqual(reference);
      }),
      { numRuns: 1500, seed: 20261122 },
    );
  });
});

// Where json-logic-js itself would run data as logic or call a method found in the data, hrdd deliberately differs
// (docs/jsonlogic.md, "Deliberate differences"); both of hrdd's evaluators give hrdd's answer.
describe('edge cases both evaluators settle the same way', () => {
  const cases: [rule: unknown, data: unknown, expected: unknown][] = [
    [{ in: ['', ''] }, {}, false],
    [{ in: ['a', ''] }, {}, false],
    [{ in: [{ var: 'x' }, { var: 'o' }] }, { x: 'a', o: { indexOf: 1 } }, false],
    [{ in: [{ var: 'x' }, { var: 'o' }] }, { x: 'a', o: { indexOf: { var: 'x' } } }, false],
    [{ missing: [{ var: 'keys' }] }, { keys: [['a', 'b']], a: 1 }, [['a', 'b']]],
    [{ missing: { var: 'keys' } }, { keys: [{ var: 'a' }, 'a'], a: 'a' }, [{ var: 'a' }]],
    [{ missing: [{ var: 'k' }] }, { k: { cat: ['a', 'b'] }, ab: 1 }, [{ cat: ['a', 'b'] }]],
    [{ missing_some: [1, { var: 'keys' }] }, { keys: [{ var: 'a' }, 'b'], a: 'b' }, [{ var: 'a' }, 'b']],
    [{ missing_some: [1, { var: 'keys' }] }, { keys: [['a'], 'b'], b: 1 }, []],
  ];
  it.each(cases)('%j on %j', (r, d, expected) => {
    expect(compileLogic(r)(d)).toEqual(expected);
    expect(compileReference(r)(d)).toEqual(expected);
  });

  it('on random rules over data with look-alike keys and objects with their own indexOf', () => {
    const tricky = fc.oneof(
      scalar,
      fc.constant({ indexOf: 1 }),
      fc.constant({ indexOf: { var: 'a' } }),
      fc.constant(['a', 'b']),
      fc.constant({ var: 'a' }),
      fc.constant([{ var: 'b' }, 'n']),
    );
    const trickyData = fc.record({ a: tricky, b: tricky, c: fc.array(tricky, { maxLength: 3 }), n: scalar });
    const keyed = fc.oneof(
      rule,
      fc.tuple(rule, fc.constantFrom('a', 'b', 'c')).map(([x, k]) => ({ in: [x, { var: k }] })),
      fc.constantFrom('a', 'b', 'c').map((k) => ({ missing: [{ var: k }] })),
      fc
        .tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom('a', 'b', 'c'))
        .map(([n, k]) => ({ missing_some: [n, { var: k }] })),
    );
    fc.assert(
      fc.property(keyed, trickyData, (r, d) => {
        expect(outcome(() => compileLogic(r)(d))).toEqual(outcome(() => compileReference(r)(d)));
      }),
      { numRuns: 800, seed: 20261203 },
    );
  });
});
