import { z } from 'zod';
import { CountrySchema } from './country.js';
import { canonicalObject, IdSchema, NonEmptyText, SubdivisionSchema } from './primitives.js';

export const PARTY_TYPES = [
  'government-security',
  'military',
  'law-enforcement',
  'government-civil',
  'state-linked-company',
  'telecom-operator',
  'reseller',
  'freight-forwarder',
  'private-company',
  'academic',
  'ngo-media',
  'individual',
  'unknown',
] as const;

export const PartyTypeSchema = z.enum(PARTY_TYPES).meta({
  id: 'PartyType',
  description:
    'What kind of organisation a party is. A reseller or freight forwarder named as end user means the real end user is not named; `unknown` is treated as missing information.',
});
export type PartyType = z.infer<typeof PartyTypeSchema>;

export const OwnershipSchema = canonicalObject({
  stateOwned: z.boolean().optional().describe('Owned or controlled by a state.'),
  parentName: NonEmptyText(300).optional().describe('Name of the parent company, screened like the party.'),
  parentCountry: CountrySchema.optional(),
  beneficialOwnersKnown: z.boolean().optional().describe('Whether the ultimate beneficial owners are identified.'),
}).meta({ id: 'Ownership' });
export type Ownership = z.infer<typeof OwnershipSchema>;

export const PartySchema = canonicalObject({
  id: IdSchema.describe('Unique within the transaction; assurances refer to it.'),
  name: NonEmptyText(300).describe('Legal name, screened against restricted-party lists.'),
  aliases: z.array(NonEmptyText(300)).max(50).optional().describe('Other names, screened too.'),
  country: CountrySchema,
  type: PartyTypeSchema,
  address: NonEmptyText(500).optional().describe('Postal address as text; read for sanctioned regions too.'),
  city: NonEmptyText(200).optional().describe('City or locality of the address.'),
  subdivision: SubdivisionSchema.optional().describe('ISO 3166-2 code of the region of the address, e.g. UA-43.'),
  ownership: OwnershipSchema.optional(),
}).meta({ id: 'Party', description: 'An organisation or person involved in the transaction.' });
export type Party = z.infer<typeof PartySchema>;
