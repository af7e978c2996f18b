import { z } from 'zod';
import {
  AssuranceTypeSchema,
  DecisionSchema,
  IdSchema,
  IsoDateSchema,
  NonEmptyText,
  parseWith,
} from '../../model/index.js';

export const CREDIBILITY = ['low', 'medium', 'high'] as const;
export const CredibilitySchema = z.enum(CREDIBILITY).describe('How far the report is corroborated.');
export type Credibility = z.infer<typeof CredibilitySchema>;

/** UNGP 19: what an exporter can do with its leverage, and `resume` when a suspension ends. */
export const LEVERAGE_ACTIONS = [
  'suspend-updates',
  'suspend-support',
  'suspend-licences',
  'resume',
  'terminate',
] as const;
export const LeverageActionSchema = z.enum(LEVERAGE_ACTIONS);
export type LeverageAction = z.infer<typeof LeverageActionSchema>;

export const REMEDIATION_STATUSES = ['planned', 'in-progress', 'completed'] as const;

/** An assurance obtained after the assessment (or outside the order system), with its evidence. */
export const AssuranceInputSchema = z
  .strictObject({
    transactionId: IdSchema.optional().describe('The transaction it was obtained for; absent: every one of the party.'),
    partyId: IdSchema.describe('The party that gave it.'),
    type: AssuranceTypeSchema,
    reference: NonEmptyText(300).describe('Evidence: contract clause, certificate number, file reference.'),
    validFrom: IsoDateSchema,
    validUntil: IsoDateSchema.optional(),
    recordedBy: NonEmptyText(200).optional(),
  })
  .refine((a) => a.validUntil === undefined || a.validUntil >= a.validFrom, {
    path: ['validUntil'],
    message: 'validUntil is before validFrom',
  })
  .meta({ id: 'RegisterAssurance' });
export type AssuranceInput = z.infer<typeof AssuranceInputSchema>;

/** A reviewed decision with its sign-off: four eyes, so the approver is not the preparer. */
export const ReviewInputSchema = z
  .strictObject({
    transactionId: IdSchema,
    decision: DecisionSchema,
    justification: z.string().trim().min(10, 'a justification of at least 10 characters is required'),
    preparer: NonEmptyText(200),
    approver: NonEmptyText(200),
    date: IsoDateSchema,
  })
  .refine((r) => r.preparer.toLowerCase() !== r.approver.toLowerCase(), {
    path: ['approver'],
    message: 'the approver must be someone other than the preparer',
  })
  .meta({ id: 'RegisterReview' });
export type ReviewInput = z.infer<typeof ReviewInputSchema>;

/** A misuse report or grievance about a party, by its id or by a name the screening matcher resolves. */
export const MisuseReportInputSchema = z
  .strictObject({
    kind: z.enum(['misuse', 'grievance']).default('misuse'),
    party: NonEmptyText(300).describe('A party id in the register, or a name to match against its parties.'),
    source: NonEmptyText(2000).describe('URL or description of where the report comes from.'),
    date: IsoDateSchema,
    summary: NonEmptyText(4000),
    credibility: CredibilitySchema.default('medium'),
    threshold: z.number().min(0.5).max(1).optional().describe('Name-match threshold (default: the screening one).'),
  })
  .meta({ id: 'RegisterMisuseReport' });
export type MisuseReportInput = z.input<typeof MisuseReportInputSchema>;

/** UNGP 19: a use of leverage on one transaction, or on every transaction of a party. */
export const LeverageInputSchema = z
  .strictObject({
    transactionId: IdSchema.optional(),
    partyId: IdSchema.optional(),
    action: LeverageActionSchema,
    date: IsoDateSchema,
    note: NonEmptyText(2000).optional(),
  })
  .refine((l) => (l.transactionId === undefined) !== (l.partyId === undefined), {
    path: ['transactionId'],
    message: 'name either a transactionId or a partyId',
  })
  .meta({ id: 'RegisterLeverage' });
export type LeverageInput = z.infer<typeof LeverageInputSchema>;

/** UNGP 22: remediation provided or cooperated in, for a transaction or a report. */
export const RemediationInputSchema = z
  .strictObject({
    transactionId: IdSchema.optional(),
    reportSeq: z.number().int().positive().optional(),
    date: IsoDateSchema,
    status: z.enum(REMEDIATION_STATUSES),
    description: NonEmptyText(4000),
  })
  .refine((r) => r.transactionId !== undefined || r.reportSeq !== undefined, {
    path: ['transactionId'],
    message: 'name the transactionId or the reportSeq remediated',
  })
  .meta({ id: 'RegisterRemediation' });
export type RemediationInput = z.infer<typeof RemediationInputSchema>;

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  return parseWith(schema, input, what);
}

/** How a report's party was found: by id, or by name with the screening matcher's explanation. */
export type PartyMatch =
  | { by: 'id'; partyId: string }
  | { by: 'name'; partyId: string; query: string; matchedName: string; score: number; explanation: string };

/** The records the chain holds, one per write (personal fields replaced by salted digests). */
export type ChainRecord =
  | { kind: 'settings'; retentionDays: number }
  | { kind: 'assessment'; source: 'add' | 'monitor'; reasons?: string[]; record: AssessmentRecordLike }
  | ({ kind: 'assurance' } & AssuranceInput)
  | ({ kind: 'review' } & ReviewInput)
  | {
      kind: 'report';
      reportId: string;
      reportKind: 'misuse' | 'grievance';
      source: string;
      date: string;
      credibility: Credibility;
      summary: string;
      parties: PartyMatch[];
    }
  | ({ kind: 'leverage' } & LeverageInput)
  | ({ kind: 'remediation' } & RemediationInput)
  | { kind: 'erasure'; subject: string; date: string; refs: string[]; reason?: string };

/** The parts of an assessment record the register reads (the record itself is kept whole). */
export interface AssessmentRecordLike {
  transactionId: string;
  asOf: string;
  decision: string;
  score: { value: number; band: string };
  reviewBy?: string;
  findings: { ruleId: string; refs: string[]; title: string }[];
  provenance: {
    ruleset: { hash: string };
    questionnaire?: { hash: string };
    data: { id: string; hash: string }[];
  };
  input: { transaction: unknown; answers?: Record<string, unknown> };
  [key: string]: unknown;
}
