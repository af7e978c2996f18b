/**
 * The closures of the busiest operators, written once here and copied into `sites.ts` by
 * `scripts/generate-sites.ts` (`npm run generate`); the compiler takes its closures from those copies.
 *
 * Why copies: V8 keeps its inline caches per position in the source, so every closure made from one function
 * literal shares the feedback of its property reads, comparisons and calls. Across a rule set a single `var`
 * closure would read dozens of keys on dozens of object shapes, and a single `and` closure would call dozens of
 * different children: the feedback turns megamorphic, reads go through a global lookup and no child is inlined.
 * A closure taken from its own copy keeps the feedback of the few rules that share the copy, so its reads stay
 * inline and the optimising compiler inlines its children — what code generation with `new Function` gets,
 * without `eval` (the evaluator still runs under a strict Content Security Policy).
 *
 * Each template must behave exactly as the operator it stands for (json-logic-js 2.0.5, own properties only);
 * the compile-differential and conformance tests run over the copies.
 */
import { overBudget, type Work } from './budget.js';
import type { Node } from './compare.js';
import { contains } from './contains.js';
import { num } from './num.js';
import { truthy } from './truthy.js';
import type { Key, Reader } from './var.js';

type Fields = Record<Key, unknown>;
type Operation = (...args: unknown[]) => unknown;

/** The data a `reduce` body sees. */
export interface ReduceScope {
  current: unknown;
  accumulator: unknown;
}

// `var` of a fixed path of plain keys (see `isPlainKey`), one to four segments; a missing step gives null.

export const read1 =
  (k0: Key): Reader =>
  (data) => {
    if (data === null || data === undefined) return null;
    const value = (data as Fields)[k0];
    return value === undefined ? null : value;
  };

export const read2 =
  (k0: Key, k1: Key): Reader =>
  (data) => {
    if (data === null || data === undefined) return null;
    const a = (data as Fields)[k0];
    if (a === undefined || a === null) return null;
    const b = (a as Fields)[k1];
    return b === undefined ? null : b;
  };

export const read3 =
  (k0: Key, k1: Key, k2: Key): Reader =>
  (data) => {
    if (data === null || data === undefined) return null;
    const a = (data as Fields)[k0];
    if (a === undefined || a === null) return null;
    const b = (a as Fields)[k1];
    if (b === undefined || b === null) return null;
    const c = (b as Fields)[k2];
    return c === undefined ? null : c;
  };

export const read4 =
  (k0: Key, k1: Key, k2: Key, k3: Key): Reader =>
  (data) => {
    if (data === null || data === undefined) return null;
    const a = (data as Fields)[k0];
    if (a === undefined || a === null) return null;
    const b = (a as Fields)[k1];
    if (b === undefined || b === null) return null;
    const c = (b as Fields)[k2];
    if (c === undefined || c === null) return null;
    const d = (c as Fields)[k3];
    return d === undefined ? null : d;
  };

// In a `reduce` body the data always has the same two fields: read by name, one object shape per copy.

export const readCurrent =
  (rest: Reader): Reader =>
  (data) => {
    const value = (data as ReduceScope).current;
    return value === undefined ? null : rest(value);
  };

export const readAccumulator = (): Reader => (data) => {
  const value = (data as ReduceScope).accumulator;
  return value === undefined ? null : value;
};

// Logic.

export const and2 =
  (a: Node, b: Node): Node =>
  (data, work) => {
    const first = a(data, work);
    return truthy(first) ? b(data, work) : first;
  };

export const or2 =
  (a: Node, b: Node): Node =>
  (data, work) => {
    const first = a(data, work);
    return truthy(first) ? first : b(data, work);
  };

export const and3 =
  (a: Node, b: Node, c: Node): Node =>
  (data, work) => {
    const first = a(data, work);
    if (!truthy(first)) return first;
    const second = b(data, work);
    return truthy(second) ? c(data, work) : second;
  };

export const or3 =
  (a: Node, b: Node, c: Node): Node =>
  (data, work) => {
    const first = a(data, work);
    if (truthy(first)) return first;
    const second = b(data, work);
    return truthy(second) ? second : c(data, work);
  };

export const if3 =
  (test: Node, then: Node, otherwise: Node): Node =>
  (data, work) =>
    truthy(test(data, work)) ? then(data, work) : otherwise(data, work);

export const not =
  (a: Node): Node =>
  (data, work) =>
    !truthy(a(data, work));

// Comparisons with a literal on the right (`{"==": [{"var": "x"}, "cash"]}`): JavaScript's loose semantics.

export const eqLiteral =
  (a: Node, y: unknown): Node =>
  (data, work) =>
    // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js's == is JavaScript's loose equality
    a(data, work) == y;

export const neLiteral =
  (a: Node, y: unknown): Node =>
  (data, work) =>
    // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js's != is JavaScript's loose inequality
    a(data, work) != y;

export const gtLiteral =
  (a: Node, y: unknown): Node =>
  (data, work) =>
    (a(data, work) as number) > (y as number);

export const geLiteral =
  (a: Node, y: unknown): Node =>
  (data, work) =>
    (a(data, work) as number) >= (y as number);

export const ltLiteral =
  (a: Node, y: unknown): Node =>
  (data, work) =>
    (a(data, work) as number) < (y as number);

export const leLiteral =
  (a: Node, y: unknown): Node =>
  (data, work) =>
    (a(data, work) as number) <= (y as number);

// `in` with a literal needle or haystack: `contains` written out, so the copy's own `indexOf` site sees one kind of
// haystack.

export const inLiteralNeedle =
  (needle: unknown, b: Node): Node =>
  (data, work) => {
    const haystack = b(data, work);
    if (Array.isArray(haystack)) {
      work.steps += 1 + haystack.length;
      if (work.steps > work.limit) overBudget(work);
      return haystack.indexOf(needle) !== -1;
    }
    return contains(needle, haystack, work);
  };

export const inLiteralArray =
  (a: Node, haystack: readonly unknown[]): Node =>
  (data, work) => {
    const needle = a(data, work);
    work.steps += 1 + haystack.length;
    if (work.steps > work.limit) overBudget(work);
    return haystack.indexOf(needle) !== -1;
  };

export const inLiteralHaystack =
  (a: Node, haystack: unknown): Node =>
  (data, work) =>
    contains(a(data, work), haystack, work);

// Arithmetic with two arguments, json-logic-js's parseFloat coercion.

export const add2 =
  (a: Node, b: Node): Node =>
  (data, work) =>
    0 + num(a(data, work)) + num(b(data, work));

export const multiply2 =
  (a: Node, b: Node): Node =>
  (data, work) =>
    num(a(data, work)) * num(b(data, work));

// Array operations: one step plus one per element.

export const some =
  (list: Node, body: Node): Node =>
  (data, work) => {
    const items = list(data, work);
    if (!Array.isArray(items)) return false;
    work.steps += 1 + items.length;
    if (work.steps > work.limit) overBudget(work);
    for (let i = 0; i < items.length; i++) if (truthy(body(items[i], work))) return true;
    return false;
  };

export const all =
  (list: Node, body: Node): Node =>
  (data, work) => {
    const items = list(data, work);
    if (!Array.isArray(items) || items.length === 0) return false;
    work.steps += 1 + items.length;
    if (work.steps > work.limit) overBudget(work);
    for (let i = 0; i < items.length; i++) if (!truthy(body(items[i], work))) return false;
    return true;
  };

export const none =
  (list: Node, body: Node): Node =>
  (data, work) => {
    const items = list(data, work);
    if (!Array.isArray(items)) return true;
    work.steps += 1 + items.length;
    if (work.steps > work.limit) overBudget(work);
    for (let i = 0; i < items.length; i++) if (truthy(body(items[i], work))) return false;
    return true;
  };

/** `reduce` whose body cannot see its scope object (see `exposesData`): one object serves every step. */
export const reduceReusingScope =
  (list: Node, body: Node, initial: Node): Node =>
  (data, work) => {
    const items = list(data, work);
    const start = initial(data, work);
    if (!Array.isArray(items)) return start;
    work.steps += items.length;
    if (work.steps > work.limit) overBudget(work);
    let accumulator = start;
    const scope: ReduceScope = { current: undefined, accumulator };
    for (let i = 0; i < items.length; i++) {
      scope.current = items[i];
      scope.accumulator = accumulator;
      accumulator = body(scope, work);
    }
    return accumulator;
  };

// Custom operations with one or two arguments (every operation the engine supplies): one step plus the length of
// every array argument.

export const custom1 =
  (fn: Operation, a: Node): Node =>
  (data, work) => {
    const x = a(data, work);
    work.steps += 1 + (Array.isArray(x) ? x.length : 0);
    if (work.steps > work.limit) overBudget(work);
    return fn(x);
  };

export const custom2 =
  (fn: Operation, a: Node, b: Node): Node =>
  (data, work) => {
    const x = a(data, work);
    const y = b(data, work);
    work.steps += 1 + (Array.isArray(x) ? x.length : 0) + (Array.isArray(y) ? y.length : 0);
    if (work.steps > work.limit) overBudget(work);
    return fn(x, y);
  };

/** A compiled rule's entry point: resets the work counter (one per rule; evaluation is never re-entrant). */
export const entry =
  (root: Node, work: Work): Reader =>
  (data) => {
    work.steps = 0;
    return root(data, work);
  };
