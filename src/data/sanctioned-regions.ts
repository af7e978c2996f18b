import { z } from 'zod';
import { parseWith, SubdivisionSchema } from '../model/index.js';
import regionsJson from './sanctioned-regions.json' with { type: 'json' };

export const SanctionedRegionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  /** `occupied`: a hard stop. `partly-occupied`: the site must be verified (escalate). */
  status: z.enum(['occupied', 'partly-occupied']),
  /** Ref ids of the instrument each jurisdiction applies to the region. */
  instruments: z.record(z.string(), z.string()),
  subdivisions: z.array(SubdivisionSchema),
  /** Names and spellings; `*` at the end of a word matches any ending (Cyrillic declension). */
  names: z.array(z.string().regex(/^\S{3,}/, 'a name starts with a word of at least three letters')),
});
export type SanctionedRegion = z.infer<typeof SanctionedRegionSchema>;

export const SanctionedRegionsSchema = z
  .looseObject({
    id: z.string().min(1),
    version: z.string().min(1),
    title: z.string().optional(),
    source: z.looseObject({ name: z.string(), url: z.string().optional(), asOf: z.string(), reviewBy: z.string() }),
    regions: z.array(SanctionedRegionSchema),
  })
  .meta({
    id: 'SanctionedRegions',
    description: 'Gazetteer of comprehensively sanctioned regions: ISO 3166-2 codes and names.',
  });
export type SanctionedRegions = z.infer<typeof SanctionedRegionsSchema>;

/** Validates a user-supplied gazetteer; throws `HrddError` naming each bad field. */
export function parseSanctionedRegions(json: unknown): SanctionedRegions {
  return parseWith(SanctionedRegionsSchema, json, 'sanctioned regions');
}

/** The bundled gazetteer: Crimea and Sevastopol, and the occupied areas of four oblasts of Ukraine. */
export const defaultSanctionedRegions: SanctionedRegions = regionsJson as SanctionedRegions;
