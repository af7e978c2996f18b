/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`, years 0000–9999) as whole day numbers, without `Date`: a
 * JavaScript `Date` built from parts reads years 0–99 as 1900–1999, and local midnight depends on the time zone
 * (Pacific/Apia skipped 30 December 2011), so neither may decide a date in a record that must replay anywhere.
 * The proleptic Gregorian calendar, as ISO 8601 and date-fns use (days from civil: H. Hinnant's algorithm).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The first and last day an ISO date can name. */
export const MIN_DAY = daysFromCivil(0, 1, 1);
export const MAX_DAY = daysFromCivil(9999, 12, 31);

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** The day number of a real calendar date `YYYY-MM-DD` (days since 1970-01-01), or null. */
export function isoToDay(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const length = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d > length ? null : daysFromCivil(y, m, d);
}

/** The ISO date of a day number, or null outside years 0000–9999. */
export function dayToIso(day: number): string | null {
  if (!Number.isInteger(day) || day < MIN_DAY || day > MAX_DAY) return null;
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
