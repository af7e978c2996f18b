import { addDays, format } from 'date-fns';

const cache = new Map<string, string>();

/** Adds calendar days to an ISO date (`YYYY-MM-DD`), with date-fns; the result is an ISO date. Memoised. */
export function addDaysIso(date: string, days: number): string {
  const key = `${date}+${days}`;
  let result = cache.get(key);
  if (result === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    result = format(addDays(new Date(y, m - 1, d), days), 'yyyy-MM-dd');
    if (cache.size > 10_000) cache.clear();
    cache.set(key, result);
  }
  return result;
}
