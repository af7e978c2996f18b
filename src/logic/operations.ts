import { dayToIso, isoToDay } from './calendar.js';
import type { LogicOperation, LogicOperations } from './types.js';

/** An operation on two ISO dates as day numbers; `null` when either is not a real date. */
const onDays = (f: (x: number, y: number) => unknown): LogicOperation => ({
  arity: 2,
  fn: (a, b) => {
    const [x, y] = [isoToDay(a), isoToDay(b)];
    return x !== null && y !== null ? f(x, y) : null;
  },
});

/**
 * Date operations on ISO date strings, as whole calendar days (no `Date`, so no time zone and no two-digit-year
 * surprises): `days_between(a, b)` (calendar days from a to b), `before(a, b)`, `after(a, b)`,
 * `add_days(date, n)` → ISO date. An invalid date, or a result outside years 0000–9999, gives `null`.
 */
export function dateOperations(): LogicOperations {
  return {
    days_between: onDays((x, y) => y - x),
    before: onDays((x, y) => x < y),
    after: onDays((x, y) => x > y),
    add_days: {
      arity: 2,
      fn: (a, n) => {
        const x = isoToDay(a);
        return x !== null && typeof n === 'number' && Number.isSafeInteger(n) ? dayToIso(x + n) : null;
      },
    },
  };
}

/**
 * Whether some element of `a` is (`inB`) or is not in `b`. A loop, not `some`: rules test short lists many times per
 * assessment, and a callback costs more there. Holes are skipped, as `some` skips them.
 */
function someIn(a: readonly unknown[], b: readonly unknown[], inB: boolean): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if ((x !== undefined || i in a) && b.includes(x) === inB) return true;
  }
  return false;
}

/** Set operations on arrays: `intersects(a, b)`, `subset(a, b)` (every element of a is in b), `count(a)`. */
export function setOperations(): LogicOperations {
  return {
    intersects: { arity: 2, fn: (a, b) => Array.isArray(a) && Array.isArray(b) && someIn(a, b, true) },
    subset: { arity: 2, fn: (a, b) => Array.isArray(a) && Array.isArray(b) && !someIn(a, b, false) },
    count: { arity: 1, fn: (a) => (Array.isArray(a) ? a.length : typeof a === 'string' ? a.length : 0) },
  };
}

/** `in_group(country, groupId)`: whether a country code belongs to a named country group supplied by the caller. */
export function inGroupOperation(groups: Readonly<Record<string, readonly string[]>>): LogicOperations {
  const sets = new Map<string, ReadonlySet<string>>();
  for (const id of Object.keys(groups)) sets.set(id, new Set(groups[id]));
  return {
    in_group: {
      arity: 2,
      fn: (country, group) =>
        typeof country === 'string' && typeof group === 'string' && (sets.get(group)?.has(country) ?? false),
    },
  };
}

/**
 * `lower(text)`: text folded for comparison: Unicode NFKD, combining marks removed, lower case (`"Ürümqi"` →
 * `"urumqi"`); anything that is not a string gives `null`.
 */
export function textOperations(): LogicOperations {
  return {
    lower: {
      arity: 1,
      fn: (text) =>
        typeof text === 'string'
          ? text
              .normalize('NFKD')
              .replace(/\p{M}+/gu, '')
              .toLowerCase()
          : null,
    },
  };
}

/** The custom operations rules and questionnaire conditions may use; `in_group` answers from `groups`. */
export function ruleOperations(groups: Readonly<Record<string, readonly string[]>> = {}): LogicOperations {
  return { ...dateOperations(), ...setOperations(), ...textOperations(), ...inGroupOperation(groups) };
}
