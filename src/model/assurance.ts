import { z } from 'zod';
import { canonicalObject, IdSchema, IsoDateSchema, NonEmptyText } from './primitives.js';

export const ASSURANCE_TYPES = [
  'end-use-statement',
  'no-reexport',
  'human-rights-clause',
  'use-limitation',
  'no-targeting-customization',
  'audit-right',
  'suspension-right',
  'technical-safeguards',
  'human-rights-training',
  'grievance-mechanism',
  'authority-consultation',
  'enhanced-monitoring',
] as const;

export const AssuranceTypeSchema = z.enum(ASSURANCE_TYPES).meta({
  id: 'AssuranceType',
  description: 'A kind of undertaking obtained before shipment (Code of Conduct commitment 4).',
});
export type AssuranceType = z.infer<typeof AssuranceTypeSchema>;

export const ObtainedAssuranceSchema = canonicalObject({
  type: AssuranceTypeSchema,
  from: IdSchema.describe('Id of the party that gave it (must be a party of the transaction).'),
  obtainedOn: IsoDateSchema,
  validUntil: IsoDateSchema.optional().describe('Last day it is valid; default: obtainedOn + the validity period.'),
  reference: NonEmptyText(300).optional().describe('Contract clause, certificate number or file reference.'),
}).meta({ id: 'ObtainedAssurance', description: 'An assurance already on file.' });
export type ObtainedAssurance = z.infer<typeof ObtainedAssuranceSchema>;
