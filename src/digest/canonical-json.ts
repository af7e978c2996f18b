import { configure } from 'safe-stable-stringify';
import { HrddError } from '../errors.js';

// Sorted keys (UTF-16 code-unit order, as RFC 8785 requires), ECMAScript number and string serialisation; strict:
// NaN, Infinity, functions, symbols and bigints throw instead of becoming `null` or vanishing.
const stringify = configure({ deterministic: true, strict: true, circularValue: Error, bigint: false });

// JSON.stringify writes a lone surrogate as a lowercase `\udXXX` escape (paired ones stay raw), so an escape that
// is not itself escaped (an even run of backslashes before it) marks one.
const LONE_SURROGATE = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

function notJson(message: string): HrddError {
  return new HrddError('Value cannot be canonicalised as JSON', [{ path: '', message }]);
}

/** RFC 8785 (JSON Canonicalization Scheme) text of a JSON value; anything that is not I-JSON is an `HrddError`. */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = stringify(value);
  } catch (error) {
    throw notJson(error instanceof Error ? error.message : String(error));
  }
  if (text === undefined) throw notJson('not JSON');
  if (text.includes('\\ud') && LONE_SURROGATE.test(text)) throw notJson('a string holds a lone surrogate');
  return text;
}

/**
 * `canonicalJson` of a value whose object keys are already in RFC 8785 order at every level and whose numbers are
 * finite — a transaction as `parseTransaction` returns it (see `canonicalObject`): the runtime's own JSON text,
 * several times faster than re-sorting, with the same lone-surrogate check.
 */
export function orderedJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw notJson('not JSON');
  if (text.includes('\\ud') && LONE_SURROGATE.test(text)) throw notJson('a string holds a lone surrogate');
  return text;
}

const INTEGER_KEY = /^(?:0|[1-9][0-9]*)$/;

/** A copy with every object's keys in sorted order, or undefined for what only `canonicalJson` handles. */
function sortedCopy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const copy = sortedCopy(item);
      if (copy === undefined) return undefined;
      out.push(copy);
    }
    return out;
  }
  const proto = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null) return undefined;
  // A plain object literal, not a prototype-less one: the runtime serialises those several times faster.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value as object).sort()) {
    // Objects list integer-like keys first, in numeric order: not the sorted order. A `__proto__` key would set
    // the copy's prototype instead of adding a key.
    if (INTEGER_KEY.test(key) || key === '__proto__') return undefined;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    const copy = sortedCopy(item);
    if (copy === undefined) return undefined;
    out[key] = copy;
  }
  return out;
}

/**
 * `canonicalJson(value)`, about twice as fast on a whole assessment record (the register's chain entries): keys sorted into a copy, then the
 * runtime's own JSON text. Values only the general path handles (integer-like keys, non-finite numbers, class
 * instances) take it.
 */
export function canonicalText(value: unknown): string {
  const sorted = sortedCopy(value);
  return sorted === undefined ? canonicalJson(value) : orderedJson(sorted);
}
