import type { Work } from './budget.js';
import { contains } from './contains.js';
import { nextCopy } from './copies.js';
import * as sites from './sites.js';

/** A compiled node: evaluates against the data, counting its work. */
export type Node = (data: unknown, work: Work) => unknown;

/** A literal argument: captured by the operator instead of called on every evaluation. */
export interface Literal {
  readonly value: unknown;
}

export type Comparison = '==' | '!=' | '===' | '!==' | '>' | '>=' | '<' | '<=';

const isLiteral = (operand: Node | Literal): operand is Literal => typeof operand !== 'function';

const constantNode =
  (value: unknown): Node =>
  () =>
    value;

/**
 * A two-argument comparison with json-logic-js's (JavaScript's loose) semantics. A literal on either side is read
 * from the closure, so `{"==": [{"var": "x"}, "cash"]}` costs one call for the `var`, not two. Each operator and
 * shape has its own closure: the comparison is inlined, not called through a shared function; the usual forms
 * (a literal on the right) take their closures from the copies in sites.ts.
 */
export function comparison(op: Comparison, a: Node | Literal, b: Node | Literal): Node {
  if (isLiteral(b) && !isLiteral(a)) {
    const y = b.value;
    switch (op) {
      case '==':
        return nextCopy(sites.eqLiteral)(a, y);
      case '!=':
        return nextCopy(sites.neLiteral)(a, y);
      case '===':
        return (data, work) => a(data, work) === y;
      case '!==':
        return (data, work) => a(data, work) !== y;
      case '>':
        return nextCopy(sites.gtLiteral)(a, y);
      case '>=':
        return nextCopy(sites.geLiteral)(a, y);
      case '<':
        return nextCopy(sites.ltLiteral)(a, y);
      default:
        return nextCopy(sites.leLiteral)(a, y);
    }
  }
  if (isLiteral(a) && !isLiteral(b)) {
    const x = a.value;
    switch (op) {
      case '==':
        // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js's == is JavaScript's loose equality
        return (data, work) => x == b(data, work);
      case '!=':
        // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js's != is JavaScript's loose inequality
        return (data, work) => x != b(data, work);
      case '===':
        return (data, work) => x === b(data, work);
      case '!==':
        return (data, work) => x !== b(data, work);
      case '>':
        return (data, work) => (x as number) > (b(data, work) as number);
      case '>=':
        return (data, work) => (x as number) >= (b(data, work) as number);
      case '<':
        return (data, work) => (x as number) < (b(data, work) as number);
      default:
        return (data, work) => (x as number) <= (b(data, work) as number);
    }
  }
  const f = isLiteral(a) ? constantNode(a.value) : a;
  const g = isLiteral(b) ? constantNode(b.value) : b;
  switch (op) {
    case '==':
      // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js's == is JavaScript's loose equality
      return (data, work) => f(data, work) == g(data, work);
    case '!=':
      // biome-ignore lint/suspicious/noDoubleEquals: json-logic-js's != is JavaScript's loose inequality
      return (data, work) => f(data, work) != g(data, work);
    case '===':
      return (data, work) => f(data, work) === g(data, work);
    case '!==':
      return (data, work) => f(data, work) !== g(data, work);
    case '>':
      return (data, work) => (f(data, work) as number) > (g(data, work) as number);
    case '>=':
      return (data, work) => (f(data, work) as number) >= (g(data, work) as number);
    case '<':
      return (data, work) => (f(data, work) as number) < (g(data, work) as number);
    default:
      return (data, work) => (f(data, work) as number) <= (g(data, work) as number);
  }
}

/** `in` with a literal needle or haystack read from the closure (see `comparison`). */
export function membership(a: Node | Literal, b: Node | Literal): Node {
  if (isLiteral(a) && !isLiteral(b)) return nextCopy(sites.inLiteralNeedle)(a.value, b);
  if (isLiteral(b) && !isLiteral(a)) {
    const haystack = b.value;
    return Array.isArray(haystack)
      ? nextCopy(sites.inLiteralArray)(a, haystack)
      : nextCopy(sites.inLiteralHaystack)(a, haystack);
  }
  const f = isLiteral(a) ? constantNode(a.value) : a;
  const g = isLiteral(b) ? constantNode(b.value) : b;
  return (data, work) => contains(f(data, work), g(data, work), work);
}
