/**
 * The standard JsonLogic operators of json-logic-js 2.0.5 that hrdd supports, with the arities accepted at
 * validation. `log` and `method` are deliberately absent.
 */
export const STANDARD_ARITY: ReadonlyMap<string, readonly [number, number]> = new Map<
  string,
  readonly [number, number]
>([
  ['var', [0, 2]],
  ['missing', [0, Infinity]],
  ['missing_some', [2, 2]],
  ['if', [0, Infinity]],
  ['?:', [0, Infinity]],
  ['and', [0, Infinity]],
  ['or', [0, Infinity]],
  ['!', [0, 1]],
  ['!!', [0, 1]],
  ['==', [0, 2]],
  ['===', [0, 2]],
  ['!=', [0, 2]],
  ['!==', [0, 2]],
  ['>', [0, 2]],
  ['>=', [0, 2]],
  ['<', [0, 3]],
  ['<=', [0, 3]],
  ['+', [0, Infinity]],
  ['*', [1, Infinity]],
  ['-', [1, 2]],
  ['/', [2, 2]],
  ['%', [2, 2]],
  ['min', [0, Infinity]],
  ['max', [0, Infinity]],
  ['in', [2, 2]],
  ['cat', [0, Infinity]],
  ['substr', [1, 3]],
  ['merge', [0, Infinity]],
  ['map', [2, 2]],
  ['filter', [2, 2]],
  ['reduce', [2, 3]],
  ['all', [2, 2]],
  ['none', [2, 2]],
  ['some', [2, 2]],
]);

/** Operators whose second argument runs once per array element, with the element as its data. */
export const SCOPED_OPERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/** Names that must never act as operators, whatever table is given: every Object.prototype key, plus log and method. */
export const FORBIDDEN_OPERATORS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  '__proto__',
  'log',
  'method',
]);

/** Custom operation names: lower-case words with underscores, so they can never collide with JavaScript internals. */
export const CUSTOM_NAME = /^[a-z][a-z0-9_]{0,63}$/;
