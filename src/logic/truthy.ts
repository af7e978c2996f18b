/** JsonLogic truthiness (jsonlogic.com/truthy): JavaScript's, except that an empty array is false. */
export function truthy(value: unknown): boolean {
  // Booleans first: most conditions produce them, and they skip the array check.
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

/** Own-property read: `null`/`undefined` for anything inherited, so `constructor` or `__proto__` read nothing. */
export function ownGet(container: unknown, key: string): unknown {
  if (container === null || container === undefined) return undefined;
  if (typeof container === 'object')
    return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
  if (typeof container === 'string') {
    if (key === 'length') return container.length;
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && String(index) === key ? container[index] : undefined;
  }
  return undefined;
}
