/**
 * One table of operator facts, read by every phase: the parser (names and arities), the checker (cost and the
 * static work bound), read collection (which operators read paths, which open a scope), the closure compiler and
 * the reference adapter (how json-logic-js is asked to run each one).
 */
export interface OperatorFacts {
  /** Arguments accepted: `[min, max]` (`max` may be `Infinity`). */
  readonly arity: readonly [number, number];
  /**
   * `each`: the second argument runs once per element of the first, with the element as its data (map, filter,
   * all, none, some); `reduce`: likewise, with `{ current, accumulator }` as its data.
   */
  readonly scope?: 'each' | 'reduce';
  /** Paths the operator reads from its data: `var` one path, `missing` its keys, `missing_some` its second argument's. */
  readonly reads?: 'path' | 'keys' | 'some-keys';
  /**
   * How the reference evaluator runs it: `native` json-logic-js's own; `hrdd` hrdd's implementation under a
   * namespaced name (json-logic-js would evaluate data as logic there); `haystack` json-logic-js's own, its second
   * operand passed only when it is a string or an array (an object's `indexOf` is data, never called).
   */
  readonly reference: 'native' | 'hrdd' | 'haystack';
}

const op = (min: number, max: number, more: Partial<OperatorFacts> = {}): OperatorFacts => ({
  arity: [min, max],
  reference: 'native',
  ...more,
});
const ANY = Infinity;

/**
 * The standard operators of json-logic-js 2.0.5 that hrdd supports. All are pure. `log` and `method` are
 * deliberately absent. Cost (see `nodeCost`) is the same rule for all: one step per operator applied, plus one per
 * operand beyond the second.
 */
export const STANDARD_OPERATORS: ReadonlyMap<string, OperatorFacts> = new Map([
  ['var', op(0, 2, { reads: 'path' })],
  ['missing', op(0, ANY, { reads: 'keys', reference: 'hrdd' })],
  ['missing_some', op(2, 2, { reads: 'some-keys', reference: 'hrdd' })],
  ['if', op(0, ANY)],
  ['?:', op(0, ANY)],
  ['and', op(0, ANY)],
  ['or', op(0, ANY)],
  ['!', op(0, 1)],
  ['!!', op(0, 1)],
  ['==', op(0, 2)],
  ['===', op(0, 2)],
  ['!=', op(0, 2)],
  ['!==', op(0, 2)],
  ['>', op(0, 2)],
  ['>=', op(0, 2)],
  ['<', op(0, 3)],
  ['<=', op(0, 3)],
  ['+', op(0, ANY)],
  ['*', op(1, ANY)],
  ['-', op(1, 2)],
  ['/', op(2, 2)],
  ['%', op(2, 2)],
  ['min', op(0, ANY)],
  ['max', op(0, ANY)],
  ['in', op(2, 2, { reference: 'haystack' })],
  ['cat', op(0, ANY)],
  ['substr', op(1, 3)],
  ['merge', op(0, ANY)],
  ['map', op(2, 2, { scope: 'each' })],
  ['filter', op(2, 2, { scope: 'each' })],
  ['reduce', op(2, 3, { scope: 'reduce' })],
  ['all', op(2, 2, { scope: 'each' })],
  ['none', op(2, 2, { scope: 'each' })],
  ['some', op(2, 2, { scope: 'each' })],
]);

/** Facts of a custom operation: its declared arity; pure, eager, run by hrdd in both evaluators. */
export function customFacts(arity: number | readonly [number, number]): OperatorFacts {
  return { arity: typeof arity === 'number' ? [arity, arity] : arity, reference: 'hrdd' };
}

/** Names that must never act as operators, whatever table is given: every Object.prototype key, plus log and method. */
export const FORBIDDEN_OPERATORS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'log',
  'method',
]);

/** Custom operation names: lower-case words with underscores, so they can never collide with JavaScript internals. */
export const CUSTOM_NAME = /^[a-z][a-z0-9_]{0,63}$/;
