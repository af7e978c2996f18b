import { z } from 'zod';

/** A calendar date `YYYY-MM-DD`; impossible dates such as `2026-02-30` are rejected. */
export const IsoDateSchema = z.iso
  .date({ error: 'expected a real calendar date in the form YYYY-MM-DD' })
  .meta({ id: 'IsoDate', description: 'Calendar date, ISO 8601 YYYY-MM-DD.' });
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** ISO 4217 currency code, three upper-case letters. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as "EUR"')
  .meta({ id: 'Currency', description: 'ISO 4217 alphabetic currency code.' });

/**
 * A strict object whose parsed value has its keys in RFC 8785 order (zod writes them in the order of the shape), so
 * the JSON text of a parsed transaction is already canonical and its hash needs no re-sorting. Every object of the
 * transaction model is one (a test walks the schema).
 */
export function canonicalObject<S extends z.ZodRawShape>(shape: S) {
  const keys = Object.keys(shape).sort();
  return z.strictObject(Object.fromEntries(keys.map((key) => [key, shape[key]])) as S);
}

export const MoneySchema = canonicalObject({
  amount: z.number().finite().nonnegative(),
  currency: CurrencySchema,
}).meta({ id: 'Money', description: 'An amount in a currency.' });
export type Money = z.infer<typeof MoneySchema>;

/** Identifiers: printable, no surrounding whitespace, at most 128 characters. */
export const IdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/,
    'expected an id of letters, digits and . _ : / - (starting with a letter or digit)',
  );

/** A character that shows: not white space, not a format character (zero-width space, joiners, BOM), not control. */
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Cc}]/u;

/** Text with at least one visible character: a name of only zero-width characters would screen as nothing at all. */
export const NonEmptyText = (max = 2000) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => VISIBLE.test(text), 'expected visible text, not only invisible or zero-width characters');

/**
 * An ISO 3166-2 subdivision code: the country's alpha-2 code, a hyphen and one to three letters or digits
 * (`UA-43`, `RU-SEV`, `DE-BY`). The form is checked; whether the code is assigned is not (the list changes).
 */
export const SubdivisionSchema = z
  .string()
  .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'expected an ISO 3166-2 subdivision code such as "UA-43"')
  .meta({ id: 'Subdivision', description: 'ISO 3166-2 subdivision code, e.g. UA-43 (Crimea).' });
