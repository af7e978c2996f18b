import { dayToIso, isoToDay, MAX_DAY, MIN_DAY } from '../logic/index.js';

/**
 * Adds calendar days to an ISO date (`YYYY-MM-DD`) as whole day numbers (see `logic/calendar.ts`: no time zone,
 * years 0000–0099 as written). The result saturates at 9999-12-31 (and 0000-01-01), so an assessment as of the
 * last representable day still has a review date that a record can hold and replay.
 */
export function addDaysIso(date: string, days: number): string {
  const day = isoToDay(date);
  if (day === null) throw new RangeError(`not an ISO date: ${date}`);
  return dayToIso(Math.min(MAX_DAY, Math.max(MIN_DAY, day + days)))!;
}
