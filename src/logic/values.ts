// Value semantics shared by the compiler and hrdd's own operations: json-logic-js 2.0.5's, own properties only.

/** JsonLogic truthiness (jsonlogic.com/truthy): JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  if (value === true) return true;
  if (value === false) return false;
  if (typeof value === 'object' && value !== null && Array.isArray(value)) return value.length !== 0;
  return !!value;
}

/** A JsonLogic operation node: a plain object with exactly one key. */
export function isLogicNode(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  let count = 0;
  for (const key in value) {
    if (Object.hasOwn(value, key) && ++count > 1) return false;
  }
  return count === 1;
}

/** json-logic-js's `parseFloat` coercion, skipping the string round trip for ordinary numbers (-0 becomes 0 as there). */
export function num(value: unknown): number {
  return typeof value === 'number' && value !== 0 ? value : Number.parseFloat(value as string);
}

/**
 * Walks pre-split path segments the way json-logic-js does (a `null` met on the last step is returned as `null`),
 * reading own properties only: anything inherited, such as `constructor` or `__proto__`, reads nothing. A string
 * has its `length` and its characters by index.
 */
function walkPath(data: unknown, parts: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (const key of parts) {
    if (typeof current === 'object' && current !== null)
      current = Object.hasOwn(current, key) ? (current as Record<string, unknown>)[key] : undefined;
    else if (typeof current === 'string')
      current = key === 'length' ? current.length : /^(?:0|[1-9]\d*)$/.test(key) ? current[Number(key)] : undefined;
    else current = undefined;
    if (current === undefined) return notFound;
  }
  return current;
}

/**
 * json-logic-js's `var`, reading own properties only: an empty or null path gives the data itself, a missing
 * step gives the default (or null). A prototype key such as `constructor` is missing.
 */
export function lookupVar(data: unknown, path: unknown, fallback?: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === '' || path === null) return data;
  return walkPath(data, String(path).split('.'), notFound);
}

const PROTOTYPES = [Object, Array, String, Number, Boolean, Function].map((type) => type.prototype as object);

/** A key no built-in prototype has, so a plain property read can only find an own property. */
function isPlainKey(key: string): boolean {
  return key !== '__proto__' && PROTOTYPES.every((proto) => !(key in proto));
}

type Key = string | number;
/** Data read by plain keys: every value may be a container again (or a string, or nothing). */
type Fields = { readonly [key: Key]: Fields | undefined };
/** A compiled read of a fixed path. */
type Reader = (data: unknown) => unknown;

/** A path segment that is an array index (`"0"`, `"12"`) as a number (the same property, read without a string). */
function indexOrKey(segment: string): Key {
  return /^(?:0|[1-9]\d{0,8})$/.test(segment) ? Number(segment) : segment;
}

/** Plain keys read without own-property checks: the same result as `walkPath` (see `isPlainKey`). */
function plainReader(parts: readonly string[]): Reader {
  const k = parts.map(indexOrKey);
  const [k0, k1, k2, k3] = k as [Key, Key, Key, Key];
  // Unrolled for the usual depths (4: `derived.destination.indicators.<name>`, the indicators rules compare): the
  // segments live in the closure, no loop over them and no split per read.
  switch (k.length) {
    case 1:
      return (data) => (data as Fields | undefined)?.[k0] ?? null;
    case 2:
      return (data) => (data as Fields | undefined)?.[k0]?.[k1] ?? null;
    case 3:
      return (data) => (data as Fields | undefined)?.[k0]?.[k1]?.[k2] ?? null;
    case 4:
      return (data) => (data as Fields | undefined)?.[k0]?.[k1]?.[k2]?.[k3] ?? null;
    default:
      return (data) => k.reduce<Fields | undefined>((x, key) => x?.[key], data as Fields) ?? null;
  }
}

/** `(data) => lookupVar(data, path)` for a fixed path, split and checked once instead of on every read. */
export function pathReader(path: string): Reader {
  if (path === '') return (data) => data;
  const parts = path.split('.');
  return parts.every(isPlainKey) ? plainReader(parts) : (data) => walkPath(data, parts, null);
}

/**
 * `missing`: its keys are the first argument when that is an array, else all its arguments. An array or object key
 * names no path and is missing (json-logic-js would run it as logic; hrdd never runs data as logic).
 */
export function missingOf(data: unknown, args: readonly unknown[]): unknown[] {
  const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return keys.filter((key) => {
    const value = typeof key === 'object' && key !== null ? null : lookupVar(data, key);
    return value === null || value === '';
  });
}

/** `missing_some`: nothing when at least `need` of the keys are present, else the missing keys (json-logic-js's counts). */
export function missingSomeOf(data: unknown, need: unknown, options: unknown): unknown[] {
  const missing = missingOf(data, Array.isArray(options) ? options : [options]);
  return (options as { length: number }).length - missing.length >= (need as number) ? [] : missing;
}

/** `in`: substring or array membership, as json-logic-js (an empty or non-string, non-array haystack gives false). */
export function contains(needle: unknown, haystack: unknown): boolean {
  if (typeof haystack === 'string') return haystack !== '' && haystack.indexOf(needle as string) !== -1;
  return Array.isArray(haystack) && haystack.indexOf(needle) !== -1;
}

/** json-logic-js's `substr`. */
export function substr(source: unknown, start: unknown, end: unknown): string {
  const text = String(source);
  if ((end as number) < 0) {
    const temp = text.substr(start as number);
    return temp.substr(0, temp.length + (end as number));
  }
  return text.substr(start as number, end as number);
}
