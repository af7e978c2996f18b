import { z } from 'zod';
import { AssessmentSchema } from './assessment.js';
import { ItemSchema } from './item.js';
import { PartySchema } from './party.js';
import { TransactionSchema } from './transaction.js';

/** JSON Schema (draft 2020-12) of a zod schema, as `hrdd schema` prints and `schemas/` stores it. */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as Record<
    string,
    unknown
  >;
}

/** The model schemas by the name `hrdd schema <name>` takes. Other folders add theirs in `schemas/`. */
export const modelSchemas = {
  transaction: () => toJsonSchema(TransactionSchema),
  party: () => toJsonSchema(PartySchema),
  item: () => toJsonSchema(ItemSchema),
  assessment: () => toJsonSchema(AssessmentSchema, 'output'),
} as const;
