import { copyForPath } from './copies.js';
import * as sites from './sites.js';
import { ownGet } from './truthy.js';

/** A path segment: a property name, or an array index as a number. */
export type Key = string | number;

/** A compiled `var` read. */
export type Reader = (data: unknown) => unknown;

/**
 * json-logic-js's `var`, reading own properties only: an empty or null path gives the data itself, a missing
 * step gives the default (or null). A prototype key such as `constructor` is missing.
 */
export function lookupVar(data: unknown, path: unknown, fallback?: unknown): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (path === undefined || path === '' || path === null) return data;
  const parts = typeof path === 'string' ? path.split('.') : String(path).split('.');
  return walkPath(data, parts, notFound);
}

/** Walks pre-split path segments the way json-logic-js does (a `null` met on the last step is returned as `null`). */
export function walkPath(data: unknown, parts: readonly string[], notFound: unknown): unknown {
  let current = data;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || current === undefined) return notFound;
    current = ownGet(current, parts[i]!);
    if (current === undefined) return notFound;
  }
  return current;
}

const PROTOTYPES = [
  Object.prototype,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Function.prototype,
];

/**
 * A key that no built-in prototype has, so a plain property read can only find an own property. Keys such as
 * `constructor` or `map` take the slower checked path.
 */
export function isPlainKey(key: string): boolean {
  return key !== '__proto__' && PROTOTYPES.every((proto) => !(key in proto));
}

/** `walkPath` for segments that are all plain keys (see `isPlainKey`): the same result, without own-property checks. */
export function walkPlainPath(data: unknown, parts: readonly string[]): unknown {
  let current = data;
  for (let i = 0; i < parts.length; i++) {
    if (current === null || current === undefined) return null;
    current = (current as Record<string, unknown>)[parts[i]!];
    if (current === undefined) return null;
  }
  return current;
}

/** A path segment that is an array index (`"0"`, `"12"`) as a number; any other segment as it is. */
export function indexOrKey(segment: string): Key {
  return /^(?:0|[1-9]\d{0,8})$/.test(segment) ? Number(segment) : segment;
}

/**
 * `walkPlainPath` for fixed segments (all plain keys), as a closure from the copies in sites.ts: a path always gets
 * the same copy, so its reads keep their own inline caches. Index segments are read as numbers (the same property).
 */
export function plainReader(parts: readonly string[]): Reader {
  const path = parts.join('.');
  const k = parts.map(indexOrKey);
  switch (k.length) {
    case 1:
      return copyForPath(sites.read1, path)(k[0]!);
    case 2:
      return copyForPath(sites.read2, path)(k[0]!, k[1]!);
    case 3:
      return copyForPath(sites.read3, path)(k[0]!, k[1]!, k[2]!);
    case 4:
      return copyForPath(sites.read4, path)(k[0]!, k[1]!, k[2]!, k[3]!);
    default:
      return (data) => walkPlainPath(data, parts);
  }
}

/** `(data) => lookupVar(data, path)` for a fixed path, split and checked once instead of on every read. */
export function pathReader(path: string): Reader {
  if (path === '') return (data) => data;
  const parts = path.split('.');
  return parts.every(isPlainKey) ? plainReader(parts) : (data) => walkPath(data, parts, null);
}
