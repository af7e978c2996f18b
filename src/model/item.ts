import { z } from 'zod';
import { CountrySchema } from './country.js';
import { canonicalObject, IdSchema, MoneySchema, NonEmptyText } from './primitives.js';

export const CAPABILITIES = [
  'intrusion-spyware',
  'network-interception',
  'mobile-interception',
  'forensic-extraction',
  'biometric-identification',
  'location-tracking',
  'data-analytics',
  'sensors-recording',
  'censorship-filtering',
  'cryptanalysis',
  'crime-control',
  'torture-execution',
  'general-ict',
] as const;

export const CapabilitySchema = z.enum(CAPABILITIES).meta({
  id: 'Capability',
  description:
    'What an item can do that matters for human rights. Any capability other than `general-ict` is a surveillance (or crime-control) capability.',
});
export type Capability = z.infer<typeof CapabilitySchema>;

export const CLASSIFICATION_REGIMES = ['EAR', 'EU', 'WASSENAAR', 'UK', 'OTHER'] as const;

export const ClassificationSchema = canonicalObject({
  regime: z.enum(CLASSIFICATION_REGIMES),
  code: NonEmptyText(40).describe('Control-list entry, e.g. 5A001.j (EU) or 3A981 (EAR).'),
}).meta({ id: 'Classification' });
export type Classification = z.infer<typeof ClassificationSchema>;

export const ItemFeaturesSchema = canonicalObject({
  covert: z.boolean().optional().describe('Designed to work without the knowledge of the people monitored.'),
  bulk: z.boolean().optional().describe('Works at population scale rather than on named targets.'),
  identifiesPersons: z.boolean().optional().describe('Identifies individual people (face, voice, device).'),
  demographicClassification: z
    .boolean()
    .optional()
    .describe(
      'Classifies people by ethnicity, religion, political opinion, gender or similar characteristics (special categories of personal data).',
    ),
  remoteAccess: z.boolean().optional().describe('Gives remote access to devices or systems.'),
}).meta({ id: 'ItemFeatures', description: 'Features that raise severity. Absent means unknown, not false.' });
export type ItemFeatures = z.infer<typeof ItemFeaturesSchema>;

export const ItemSchema = canonicalObject({
  id: IdSchema,
  description: NonEmptyText(1000),
  quantity: z.number().finite().positive('quantity must be greater than 0'),
  unitPrice: MoneySchema.optional(),
  classifications: z.array(ClassificationSchema).max(20).optional(),
  capabilities: z
    .array(CapabilitySchema)
    .max(CAPABILITIES.length)
    .describe('Empty means no known surveillance capability.'),
  features: ItemFeaturesSchema.optional(),
  customized: z.boolean().optional().describe('Customised for this buyer.'),
  origin: CountrySchema.optional().describe(
    'Country of origin of the item (where it was made or developed). US-origin items carry US export rules with them.',
  ),
}).meta({ id: 'Item', description: 'A good, software or technology in the transaction.' });
export type Item = z.infer<typeof ItemSchema>;
