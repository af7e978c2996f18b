import { z } from 'zod';
import { ObtainedAssuranceSchema } from './assurance.js';
import { CountrySchema } from './country.js';
import { ItemSchema } from './item.js';
import { PartySchema } from './party.js';
import {
  CurrencySchema,
  canonicalObject,
  IdSchema,
  IsoDateSchema,
  NonEmptyText,
  SubdivisionSchema,
} from './primitives.js';

export const SERVICES = [
  'installation',
  'training',
  'maintenance',
  'remote-operation',
  'hosting',
  'customization',
  'data-analysis',
] as const;
export const ServiceSchema = z.enum(SERVICES).meta({
  id: 'Service',
  description:
    'Services the exporter provides with the items. Operation, hosting, customisation and analysis mean involvement moves to "contribute".',
});
export type Service = z.infer<typeof ServiceSchema>;

export const PAYMENT_METHODS = [
  'bank-transfer',
  'letter-of-credit',
  'cash',
  'cryptocurrency',
  'third-party',
  'other',
] as const;

export const PaymentSchema = canonicalObject({
  method: z.enum(PAYMENT_METHODS),
  amount: z.number().finite().nonnegative().optional(),
  currency: CurrencySchema.optional(),
}).meta({ id: 'Payment' });
export type Payment = z.infer<typeof PaymentSchema>;

export const EndUseSchema = canonicalObject({
  description: NonEmptyText(2000).optional().describe('The stated end use, in the end user’s words.'),
  purposes: z.array(NonEmptyText(200)).max(20).optional(),
  deploymentRegion: NonEmptyText(300)
    .optional()
    .describe('Where the items will be deployed (region, city, site), as text or an ISO 3166-2 code.'),
  deploymentSubdivision: SubdivisionSchema.optional().describe(
    'ISO 3166-2 code of the region where the items will be deployed, e.g. UA-40.',
  ),
}).meta({ id: 'EndUse' });
export type EndUse = z.infer<typeof EndUseSchema>;

export const RouteSchema = canonicalObject({
  transitCountries: z.array(CountrySchema).max(30).optional(),
  deliveryDate: IsoDateSchema.optional(),
}).meta({ id: 'Route' });
export type Route = z.infer<typeof RouteSchema>;

/** Legal orders whose export and sanctions rules can bind a transaction. UN measures bind everyone and need no entry. */
export const JURISDICTIONS = ['EU', 'US', 'UK'] as const;
export const JurisdictionSchema = z.enum(JURISDICTIONS).meta({
  id: 'Jurisdiction',
  description:
    'EU: exporter established in the EU. US: US person or US-origin items (re-export). UK: exporter in the UK.',
});
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

const TransactionShape = canonicalObject({
  id: IdSchema.describe('The order or transaction number in the exporter’s system.'),
  date: IsoDateSchema.describe('Order date.'),
  exporter: PartySchema,
  consignee: PartySchema.optional(),
  endUsers: z.array(PartySchema).min(1, 'at least one end user is required').max(50),
  intermediaries: z.array(PartySchema).max(50).optional(),
  destination: CountrySchema,
  items: z.array(ItemSchema).min(1, 'at least one item is required').max(500),
  endUse: EndUseSchema.optional(),
  services: z.array(ServiceSchema).max(SERVICES.length).optional(),
  payment: PaymentSchema.optional(),
  route: RouteSchema.optional(),
  jurisdictions: z
    .array(JurisdictionSchema)
    .max(JURISDICTIONS.length)
    .optional()
    .describe(
      "Regimes that bind this transaction. Absent: derived from the exporter's country and the items' origin; given: used as stated (e.g. a US person working for an EU exporter adds US).",
    ),
  assurances: z.array(ObtainedAssuranceSchema).max(200).optional(),
});

/**
 * Cross-field rules that JSON Schema cannot express: party ids unique, assurances from a known party,
 * `validUntil` not before `obtainedOn`, item ids unique.
 */
function checkTransaction(tx: z.infer<typeof TransactionShape>, ctx: z.RefinementCtx): void {
  const parties: [z.infer<typeof PartySchema>, (string | number)[]][] = [[tx.exporter, ['exporter']]];
  if (tx.consignee) parties.push([tx.consignee, ['consignee']]);
  for (const [i, p] of tx.endUsers.entries()) parties.push([p, ['endUsers', i]]);
  for (const [i, p] of (tx.intermediaries ?? []).entries()) parties.push([p, ['intermediaries', i]]);
  const seen = new Map<string, string>();
  for (const [party, path] of parties) {
    const first = seen.get(party.id);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'id'],
        message: `duplicate party id "${party.id}" (also used by ${first})`,
      });
    } else seen.set(party.id, path.join('.'));
  }
  const itemIds = new Set<string>();
  tx.items.forEach((item, i) => {
    if (itemIds.has(item.id))
      ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id "${item.id}"` });
    itemIds.add(item.id);
  });
  (tx.assurances ?? []).forEach((a, i) => {
    if (!seen.has(a.from)) {
      ctx.addIssue({
        code: 'custom',
        path: ['assurances', i, 'from'],
        message: `"${a.from}" is not the id of a party in this transaction`,
      });
    }
    if (a.validUntil !== undefined && a.validUntil < a.obtainedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['assurances', i, 'validUntil'],
        message: `validUntil ${a.validUntil} is before obtainedOn ${a.obtainedOn}`,
      });
    }
  });
}

export const TransactionSchema = TransactionShape.superRefine(checkTransaction).meta({
  id: 'Transaction',
  title: 'hrdd transaction',
  description:
    'One export transaction to assess: parties, items, end use, services, payment, route and assurances on file.',
});
export type Transaction = z.infer<typeof TransactionSchema>;
/** Input accepted by `parseTransaction` before validation (same shape; JSON in practice). */
export type TransactionInput = z.input<typeof TransactionSchema>;
