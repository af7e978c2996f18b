import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';
import type { LogicOperations } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE_DATE = new Date(2000, 0, 1);
/** More days than lie between year 0 and 9999: a larger shift can only give no date. */
const MAX_DAYS = 3_700_000;

/** An ISO `YYYY-MM-DD` string as a calendar date (local midnight; only calendar days are compared), or null. */
function toDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const date = parse(value, 'yyyy-MM-dd', REFERENCE_DATE);
  return isValid(date) && format(date, 'yyyy-MM-dd') === value ? date : null;
}

/**
 * Date operations on ISO date strings, through date-fns: `days_between(a, b)` (calendar days from a to b),
 * `before(a, b)`, `after(a, b)`, `add_days(date, n)` → ISO date. An invalid date gives `null`.
 */
export function dateOperations(): LogicOperations {
  return {
    days_between: {
      arity: 2,
      fn: (a, b) => {
        const [x, y] = [toDate(a), toDate(b)];
        return x && y ? differenceInCalendarDays(y, x) : null;
      },
    },
    before: {
      arity: 2,
      fn: (a, b) => {
        const [x, y] = [toDate(a), toDate(b)];
        return x && y ? differenceInCalendarDays(y, x) > 0 : null;
      },
    },
    after: {
      arity: 2,
      fn: (a, b) => {
        const [x, y] = [toDate(a), toDate(b)];
        return x && y ? differenceInCalendarDays(x, y) > 0 : null;
      },
    },
    add_days: {
      arity: 2,
      fn: (a, n) => {
        const x = toDate(a);
        if (!x || typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > MAX_DAYS) return null;
        const date = addDays(x, n);
        // Only four-digit years are ISO dates here: anything past 9999 (or before year 0) is no date.
        return isValid(date) && date.getFullYear() >= 0 && date.getFullYear() <= 9999
          ? format(date, 'yyyy-MM-dd')
          : null;
      },
    },
  };
}

/** Set operations on arrays: `intersects(a, b)`, `subset(a, b)` (every element of a is in b), `count(a)`. */
export function setOperations(): LogicOperations {
  return {
    intersects: {
      arity: 2,
      fn: (a, b) => Array.isArray(a) && Array.isArray(b) && a.some((x) => b.includes(x)),
    },
    subset: {
      arity: 2,
      fn: (a, b) => Array.isArray(a) && Array.isArray(b) && a.every((x) => b.includes(x)),
    },
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
