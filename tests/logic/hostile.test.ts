import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { HrddError } from '../../src/errors.js';
import {
  compileLogic,
  compileReference,
  dateOperations,
  inGroupOperation,
  setOperations,
  validateLogic,
} from '../../src/logic/index.js';

const PROTOTYPE_KEYS = [...Object.getOwnPropertyNames(Object.prototype), '__proto__'];

function thrown(fn: () => unknown): HrddError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HrddError);
    return error as HrddError;
  }
  throw new Error('expected an HrddError');
}

describe('hostile rules', () => {
  it.each(PROTOTYPE_KEYS)('var "%s" reads nothing from the prototype', (key) => {
    for (const compile of [compileLogic, compileReference]) {
      expect(compile({ var: key })({ a: 1 })).toBeNull();
      expect(compile({ var: `a.${key}` })({ a: {} })).toBeNull();
      expect(compile({ var: [key, 'fallback'] })({})).toBe('fallback');
    }
  });

  it('var still reads own properties, array indices and length', () => {
    const data = { a: { b: [10, 20] }, s: 'text', constructor: 'own' };
    expect(compileLogic({ var: 'a.b.1' })(data)).toBe(20);
    expect(compileLogic({ var: 'a.b.length' })(data)).toBe(2);
    expect(compileLogic({ var: 's.length' })(data)).toBe(4);
    expect(compileLogic({ var: 'constructor' })(data)).toBe('own');
  });

  it.each([...PROTOTYPE_KEYS, 'log', 'method'])('operator "%s" is rejected with its path', (name) => {
    const rule = { and: [true, { [name]: [1] }] };
    const issues = validateLogic(rule);
    expect(issues).toEqual([
      expect.objectContaining({
        path: expect.stringContaining('and[1]'),
        message: expect.stringContaining('not allowed'),
      }),
    ]);
    const error = thrown(() => compileLogic(rule));
    expect(error.issues[0]!.path).toContain('and[1]');
    expect(() => compileReference(rule)).toThrow(HrddError);
  });

  it('rejects unknown operators and wrong arity with paths', () => {
    expect(validateLogic({ if: [{ frobnicate: [1] }, 1, 2] })).toEqual([
      { path: 'if[0].frobnicate', message: '"frobnicate" is not a known operator' },
    ]);
    expect(validateLogic({ or: [{ '/': [1] }] })[0]).toMatchObject({ path: 'or[0]["/"]' });
    expect(validateLogic({ missing_some: [1] })[0]!.message).toContain('takes 2 argument');
  });

  it('rejects a 20,000-deep rule without a stack overflow', () => {
    let rule: unknown = true;
    for (let i = 0; i < 20_000; i++) rule = { '!': [rule] };
    const issues = validateLogic(rule);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('nested too deeply');
    const error = thrown(() => compileLogic(rule));
    expect(error.code).toBe('logic-invalid');
    // Arrays nest too.
    let nested: unknown = 1;
    for (let i = 0; i < 20_000; i++) nested = [nested];
    expect(validateLogic(nested)[0]!.message).toContain('nested too deeply');
  });

  it('rejects oversized rules', () => {
    const rule = { and: Array.from({ length: 30_000 }, () => true) };
    expect(validateLogic(rule)[0]!.message).toContain('too large');
  });

  it('stops a map over 2,000,000 elements with the work budget', () => {
    const data = { xs: new Array(2_000_000).fill(1) };
    const rule = { map: [{ var: 'xs' }, { '+': [{ var: '' }, 1] }] };
    const error = thrown(() => compileLogic(rule)(data));
    expect(error.code).toBe('logic-budget');
    expect(error.message).toContain('1000000 steps');
    expect(thrown(() => compileReference(rule)(data)).code).toBe('logic-budget');
  });

  it('stops exponential string growth through reduce', () => {
    const rule = { reduce: [{ var: 'xs' }, { cat: [{ var: 'accumulator' }, { var: 'accumulator' }] }, 'ab'] };
    const error = thrown(() => compileLogic(rule)({ xs: new Array(64).fill(0) }));
    expect(error.code).toBe('logic-budget');
  });

  it('a smaller budget is honoured, counted in steps', () => {
    const rule = { some: [{ var: 'xs' }, { '==': [{ var: '' }, -1] }] };
    expect(compileLogic(rule, { budget: 1_000 })({ xs: new Array(500).fill(0) })).toBe(false);
    expect(thrown(() => compileLogic(rule, { budget: 1_000 })({ xs: new Array(2_000).fill(0) })).code).toBe(
      'logic-budget',
    );
  });
});

describe('custom operations', () => {
  const operations = { ...dateOperations(), ...setOperations(), ...inGroupOperation({ eu: ['DE', 'FR'] }) };

  it('are available only where registered', () => {
    expect(validateLogic({ days_between: ['2026-01-01', '2026-03-01'] })[0]!.message).toContain('not a known operator');
    for (const compile of [compileLogic, compileReference]) {
      const f = compile({ days_between: ['2026-01-01', { var: 'd' }] }, { operations });
      expect(f({ d: '2026-03-01' })).toBe(59);
      expect(f({ d: '2026-02-30' })).toBeNull();
    }
  });

  it('dates, sets and groups', () => {
    const run = (rule: unknown, data: unknown = {}) => compileLogic(rule, { operations })(data);
    expect(run({ before: ['2026-01-01', '2026-01-02'] })).toBe(true);
    expect(run({ after: ['2026-01-01', '2026-01-02'] })).toBe(false);
    expect(run({ add_days: ['2024-02-28', 2] })).toBe('2024-03-01');
    expect(
      run({
        intersects: [
          ['a', 'b'],
          ['c', 'b'],
        ],
      }),
    ).toBe(true);
    expect(run({ subset: [['a', 'b'], ['b']] })).toBe(false);
    expect(run({ count: [{ var: 'xs' }] }, { xs: [1, 2, 3] })).toBe(3);
    expect(run({ in_group: ['DE', 'eu'] })).toBe(true);
    expect(run({ in_group: ['DE', 'constructor'] })).toBe(false);
  });

  it('reject unsafe names and declared arity is enforced', () => {
    expect(validateLogic(true, { operations: { constructor: { arity: 1, fn: () => 1 } } })[0]!.message).toContain(
      'not allowed',
    );
    expect(validateLogic(true, { operations: { and: { arity: 1, fn: () => 1 } } })[0]!.message).toContain(
      'standard operator',
    );
    expect(validateLogic({ count: [1, 2] }, { operations })[0]!.message).toContain('takes 1 argument');
  });

  it('never stay registered on json-logic-js, whose own operators are untouched', () => {
    compileReference({ count: [{ var: 'xs' }] }, { operations })({ xs: [1] });
    expect(() => jsonLogic.apply({ 'hrdd:count': [[1]] } as never, {})).toThrow(/Unrecognized operation/);
    expect(() => jsonLogic.apply({ count: [[1]] } as never, {})).toThrow(/Unrecognized operation/);
    expect(jsonLogic.apply({ '+': [1, 2] }, {})).toBe(3);
  });
});

describe('reads', () => {
  it('lists static var paths outside per-element bodies', () => {
    const f = compileLogic({
      and: [
        { '==': [{ var: 'transaction.destination' }, 'DE'] },
        { some: [{ var: 'transaction.items' }, { var: 'covert' }] },
        { missing: ['answers.a', 'answers.b'] },
      ],
    });
    expect(f.reads).toEqual(['answers.a', 'answers.b', 'transaction.destination', 'transaction.items']);
  });
});

describe('work counts every operator evaluated', () => {
  // Two nested loops over ~990 elements with a ~17,000-operand body: under a million elements visited, but about
  // 1.6e10 operands evaluated. Counting elements only let it run for half an hour.
  const list = Array.from({ length: 990 }, (_, i) => i);
  const body = { '+': new Array(17_000).fill(1) };

  it('rejects at load a rule whose worst case is huge though its loops look small', () => {
    const rule = { some: [list, { some: [list, { '==': [body, -1] }] }] };
    const issues = validateLogic(rule);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/worst case of \d+ steps exceeds the work budget of 1000000/);
    expect(thrown(() => compileLogic(rule)).code).toBe('logic-invalid');
    expect(thrown(() => compileReference(rule)).code).toBe('logic-invalid');
  });

  it('stops the same rule over lists from the data with the budget, before the first inner loop ends', () => {
    const rule = { some: [{ var: 'xs' }, { some: [{ var: 'ys' }, { '==': [body, -1] }] }] };
    expect(validateLogic(rule)).toEqual([]);
    const data = { xs: list.map(() => ({ ys: list })) };
    expect(thrown(() => compileLogic(rule)(data)).code).toBe('logic-budget');
    expect(thrown(() => compileReference(rule)(data)).code).toBe('logic-budget');
  });

  it('charges a loop its body size per element, so a large body over a short list stays cheap enough', () => {
    const rule = { map: [{ var: 'xs' }, body] };
    expect(compileLogic(rule)({ xs: [{}, {}] })).toEqual([17_000, 17_000]);
    expect(thrown(() => compileLogic(rule)({ xs: new Array(60).fill({}) })).code).toBe('logic-budget');
  });
});

describe('derived numbers stay finite', () => {
  const operations = dateOperations();
  it('add_days past the calendar gives null, never a crash', () => {
    for (const compile of [compileLogic, compileReference]) {
      const f = compile({ add_days: ['2026-01-01', { var: 'n' }] }, { operations });
      expect(f({ n: 1e11 })).toBeNull();
      expect(f({ n: -1e11 })).toBeNull();
      expect(f({ n: 3_000_000 })).toBeNull();
      expect(f({ n: 30 })).toBe('2026-01-31');
    }
  });
});
