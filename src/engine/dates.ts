import { addDays, format } from 'date-fns';

const cache = new Map<string, Map<number, string>>();

/** Adds calendar days to an ISO date (`YYYY-MM-DD`), with date-fns; the result is an ISO date. Memoised. */
export function addDaysIso(date: string, days: number): string {
  let byDays = cache.get(date);
  if (byDays === undefined) {
    if (cache.size > 10_000) cache.clear();
    byDays = new Map();
    cache.set(date, byDays);
  }
  let result = byDays.get(days);
  if (result === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    result = format(addDays(new Date(y, m - 1, d), days), 'yyyy-MM-dd');
    byDays.set(days, result);
  }
  return result;
}
