import { addDays, format, parse } from 'date-fns';

const REFERENCE = new Date(2000, 0, 1);

/** Adds calendar days to an ISO date (`YYYY-MM-DD`), with date-fns; the result is an ISO date. */
export function addDaysIso(date: string, days: number): string {
  return format(addDays(parse(date, 'yyyy-MM-dd', REFERENCE), days), 'yyyy-MM-dd');
}
