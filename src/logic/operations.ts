import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';
import type { LogicOperations } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REFERENCE_DATE = new Date(2000, 0, 1);

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
        return x && typeof n === 'number' && Number.isInteger(n) ? format(addDays(x, n), 'yyyy-MM-dd') : null;
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

/** Unicode combining marks, removed after NFKD decomposition so "é" compares as "e". */
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Text operations: `lower(text)` folds a name for comparison — Unicode NFKD, combining marks removed, lower-cased
 * without locale (so "HM Prison Service", "PRISON" and "Prisón" all give "prison"); a non-string gives `null`.
 */
export function textOperations(): LogicOperations {
  return {
    lower: {
      arity: 1,
      fn: (text) =>
        typeof text === 'string' ? text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase() : null,
    },
  };
}
