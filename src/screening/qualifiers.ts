import type { ListEntry, Qualifier, ScreenOptions } from './types.js';

/** A party country that contradicts every country of the entry multiplies the score by this factor. */
export const COUNTRY_MISMATCH_FACTOR = 0.9;
/** A date of birth that fits none of the entry's multiplies the score by this factor. */
export const BIRTH_DATE_MISMATCH_FACTOR = 0.8;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const raise = (score: number, share: number) => score + (1 - score) * share;
const idKey = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Two dates agree when one is a prefix of the other (`1970` fits `1970-05-01`; `1970-05` fits `1970-05-01`). */
function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Country, date of birth and identifiers beside the name: each raises or lowers the name score, and each is listed
 * in the explanation with the score before and after. Absent on either side, a qualifier says nothing.
 */
export function applyQualifiers(
  nameScore: number,
  entry: ListEntry,
  options: ScreenOptions,
): { score: number; qualifiers: Qualifier[] } {
  let score = nameScore;
  const qualifiers: Qualifier[] = [];
  const step = (kind: Qualifier['kind'], result: Qualifier['result'], detail: string, after: number) => {
    qualifiers.push({ kind, result, detail, before: round4(score), after: round4(after) });
    score = after;
  };
  if (options.country && entry.countries.length > 0) {
    const listed = entry.countries.join(', ');
    if (entry.countries.includes(options.country))
      step('country', 'match', `${options.country} in ${listed}`, raise(score, 0.1));
    else step('country', 'mismatch', `${options.country} not in ${listed}`, score * COUNTRY_MISMATCH_FACTOR);
  }
  const births = entry.birthDates ?? [];
  if (options.birthDate && births.length > 0) {
    const fit = births.find((d) => datesAgree(d, options.birthDate!));
    if (fit)
      step(
        'birth-date',
        'match',
        `${options.birthDate} fits ${fit}`,
        raise(score, fit.length >= 10 && options.birthDate.length >= 10 ? 0.4 : 0.2),
      );
    else
      step(
        'birth-date',
        'mismatch',
        `${options.birthDate} fits none of ${births.join(', ')}`,
        score * BIRTH_DATE_MISMATCH_FACTOR,
      );
  }
  const ids = entry.identifiers ?? [];
  if (options.identifiers?.length && ids.length > 0) {
    const wanted = new Set(options.identifiers.map(idKey).filter(Boolean));
    const same = ids.find((i) => wanted.has(idKey(i.value)));
    if (same) step('identifier', 'match', `${same.type} ${same.value}`, raise(score, 0.6));
  }
  return { score: round4(score), qualifiers };
}
