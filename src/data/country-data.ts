import { z } from 'zod';
import { canonicalHash } from '../digest/index.js';
import { CountrySchema, parseWith } from '../model/index.js';
import groupsJson from './country-groups.json' with { type: 'json' };
import indicatorsJson from './country-indicators.json' with { type: 'json' };

const Observation = z.strictObject({ value: z.number().finite(), year: z.number().int() });

/** Country indicators (the bundled V-Dem snapshot, or your own: Freedom House, commercial indices…). */
export const CountryDataSchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    title: z.string().min(1),
    replaces: z
      .literal(true)
      .optional()
      .describe('Stands alone: replaces the bundled country data instead of adding to it by country and indicator.'),
    source: z.looseObject({
      name: z.string(),
      url: z.string().optional(),
      licence: z.string(),
      attribution: z.string().optional(),
    }),
    indicators: z.record(z.string(), z.strictObject({ description: z.string(), scale: z.string() })),
    countries: z.partialRecord(CountrySchema, z.record(z.string(), Observation)),
  })
  .meta({ id: 'CountryData', description: 'Indicators by ISO 3166-1 alpha-2 code, each value with its year.' });
export type CountryData = z.infer<typeof CountryDataSchema>;

export const CountryGroupSchema = z.looseObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string(),
  description: z.string().optional(),
  countries: z.array(CountrySchema),
  scope: z.string().optional(),
  source: z.looseObject({ name: z.string(), url: z.string().optional(), asOf: z.string().optional() }),
  confidence: z.string().optional(),
  notes: z.string().optional(),
});
export const CountryGroupsSchema = z
  .looseObject({ id: z.string().optional(), version: z.string().optional(), groups: z.array(CountryGroupSchema) })
  .meta({ id: 'CountryGroups' });
export type CountryGroups = z.infer<typeof CountryGroupsSchema>;

/** Validates user-supplied country data; throws `HrddError` naming each bad field. */
export function parseCountryData(json: unknown): CountryData {
  return parseWith(CountryDataSchema, json, 'country data');
}

export function parseCountryGroups(json: unknown): CountryGroups {
  return parseWith(CountryGroupsSchema, json, 'country groups');
}

/**
 * Country data laid over a base by country and indicator: the overlay's values win, every other value of the base
 * stays (a company adds Freedom House scores without losing the bundled V-Dem ones). Identity is the overlay's.
 */
export function overlayCountryData(base: CountryData, overlay: CountryData): CountryData {
  const countries: Record<string, Record<string, { value: number; year: number }>> = {};
  for (const [code, values] of Object.entries(base.countries)) countries[code] = { ...values };
  for (const [code, values] of Object.entries(overlay.countries)) countries[code] = { ...countries[code], ...values };
  return {
    ...overlay,
    indicators: { ...base.indicators, ...overlay.indicators },
    countries: countries as CountryData['countries'],
  };
}

/** id, version and canonical hash of a data set, as recorded in provenance. */
export function dataIdentity(
  id: string,
  version: string,
  value: unknown,
): { id: string; version: string; hash: string } {
  return { id, version, hash: canonicalHash(value) };
}

/** The bundled V-Dem civil liberties snapshot (V-Dem v13 via Our World in Data; CC BY-SA 4.0 / CC BY 4.0). */
export const defaultCountryData: CountryData = indicatorsJson as CountryData;

/** The bundled reference country groups, each with its source and date. */
export const defaultCountryGroups: CountryGroups = {
  id: 'hrdd-country-groups',
  version: '2026-11-22',
  ...(groupsJson as { groups: CountryGroups['groups'] }),
};
