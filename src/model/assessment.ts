import { z } from 'zod';
import { AssuranceTypeSchema } from './assurance.js';
import { IsoDateSchema } from './primitives.js';

export const DECISIONS = ['proceed', 'proceed-with-conditions', 'escalate', 'decline'] as const;
export const DecisionSchema = z.enum(DECISIONS).meta({
  id: 'Decision',
  description: 'Ordered proceed < proceed-with-conditions < escalate < decline.',
});
export type Decision = z.infer<typeof DecisionSchema>;

export const SCORE_BANDS = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const ScoreBandSchema = z.enum(SCORE_BANDS);
export type ScoreBand = z.infer<typeof ScoreBandSchema>;

export const INVOLVEMENTS = ['cause', 'contribute', 'directly-linked'] as const;
export const InvolvementSchema = z.enum(INVOLVEMENTS).meta({ id: 'Involvement', description: 'UNGP 13 and 19.' });
export type Involvement = z.infer<typeof InvolvementSchema>;

const Level = z.number().int().min(1).max(4);

export const SeveritySchema = z
  .strictObject({ scale: Level, scope: Level, irremediability: Level, level: Level })
  .meta({
    id: 'Severity',
    description: 'UNGP 14: scale, scope and irremediable character, each 1–4; level is the maximum.',
  });
export type Severity = z.infer<typeof SeveritySchema>;

export const SubjectSchema = z
  .strictObject({ kind: z.enum(['party', 'item', 'transaction']), id: z.string() })
  .meta({ id: 'Subject' });
export type Subject = z.infer<typeof SubjectSchema>;

export const FindingSchema = z
  .strictObject({
    ruleId: z.string(),
    title: z.string(),
    category: z.string(),
    subject: SubjectSchema.optional(),
    severity: SeveritySchema,
    likelihood: Level,
    risk: z.number().int().min(1).max(16).describe('severity level × likelihood'),
    involvement: InvolvementSchema.optional(),
    refs: z.array(z.string()),
    rationale: z.string(),
    facts: z.record(z.string(), z.unknown()).describe('Values of the fact paths the rule read.'),
    assumed: z
      .array(z.string())
      .optional()
      .describe(
        'Paths of unknown facts (e.g. items.it-1.features.covert) taken at their worst plausible value: the finding stands until they are answered.',
      ),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof FindingSchema>;

export const RequiredAssuranceSchema = z
  .strictObject({
    type: AssuranceTypeSchema,
    title: z.string(),
    from: z.string().optional().describe('Id of the party that must give it.'),
    status: z.enum(['outstanding', 'satisfied']),
    validUntil: IsoDateSchema.optional(),
    because: z.array(z.string()).describe('Ids of the rules that require it.'),
  })
  .meta({ id: 'RequiredAssurance' });
export type RequiredAssurance = z.infer<typeof RequiredAssuranceSchema>;

export const MissingInformationSchema = z
  .strictObject({ path: z.string(), reason: z.string(), blocking: z.boolean() })
  .meta({ id: 'MissingInformation' });
export type MissingInformation = z.infer<typeof MissingInformationSchema>;

export const DataReviewSchema = z
  .strictObject({
    what: z.string().describe('The data set, group or parameter to re-check.'),
    reviewDate: IsoDateSchema.describe('The date it was due to be re-checked; the assessment’s asOf is past it.'),
    reason: z.string(),
  })
  .meta({
    id: 'DataReview',
    description: 'A data set the assessment relied on whose review date has passed: re-check before relying on it.',
  });
export type DataReview = z.infer<typeof DataReviewSchema>;

export const RuleTraceSchema = z
  .strictObject({
    ruleId: z.string(),
    subject: SubjectSchema.optional(),
    matched: z.boolean(),
    facts: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'RuleTrace' });
export type RuleTrace = z.infer<typeof RuleTraceSchema>;

export const HardStopSchema = z
  .strictObject({ ruleId: z.string(), subject: SubjectSchema.optional(), reason: z.string() })
  .meta({
    id: 'HardStop',
    description: 'A rule whose decline no assurance, answer or reviewer can cure (its minDecision is decline).',
  });
export type HardStop = z.infer<typeof HardStopSchema>;

export const NotEvaluatedSchema = z
  .strictObject({ ruleId: z.string(), subject: SubjectSchema.optional(), reason: z.string() })
  .meta({
    id: 'NotEvaluated',
    description:
      'A rule that could not be evaluated for lack of data (e.g. a country indicator the data does not have): it did not match, but it might have.',
  });
export type NotEvaluated = z.infer<typeof NotEvaluatedSchema>;

const Versioned = z.strictObject({ id: z.string(), version: z.string(), hash: z.string() });
/** An overlay records what it was layered on (`base`), or that it said `replaces: true`. */
const Layered = Versioned.extend({
  base: Versioned.optional().describe('The questionnaire or data set this one adds to.'),
  replaces: z.literal(true).optional().describe('Set when it replaced the bundled default instead of adding to it.'),
});

export const ProvenanceSchema = z
  .strictObject({
    engine: z.strictObject({ name: z.string(), version: z.string() }),
    ruleset: Versioned,
    questionnaire: Layered.optional(),
    data: z.array(Layered),
    inputHash: z.string(),
    asOf: IsoDateSchema,
  })
  .meta({ id: 'Provenance', description: 'What produced the assessment, by canonical hash.' });
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const AssessmentSchema = z
  .strictObject({
    transactionId: z.string(),
    asOf: IsoDateSchema,
    decision: DecisionSchema,
    score: z.strictObject({ value: z.number().int().min(0).max(16), band: ScoreBandSchema }),
    reviewBy: IsoDateSchema.optional(),
    findings: z.array(FindingSchema),
    requiredAssurances: z.array(RequiredAssuranceSchema),
    missingInformation: z.array(MissingInformationSchema),
    hardStops: z
      .array(HardStopSchema)
      .optional()
      .describe('Present on a hard-stop decline: then no assurance is required and no question asked.'),
    notEvaluated: z
      .array(NotEvaluatedSchema)
      .optional()
      .describe('Rules not evaluated for lack of data, listed rather than skipped in silence.'),
    dataReview: z
      .array(DataReviewSchema)
      .optional()
      .describe('Data past its review date (old indicators, embargo renewals, exchange rates); absent when none.'),
    notes: z.array(z.string()).optional().describe('Remarks such as answers ignored because their question is hidden.'),
    trace: z.array(RuleTraceSchema).optional(),
    provenance: ProvenanceSchema,
  })
  .meta({ id: 'Assessment', title: 'hrdd assessment', description: 'The result of assessing one transaction.' });
export type Assessment = z.infer<typeof AssessmentSchema>;

/** Decisions in ascending order of restriction. */
export function decisionRank(decision: Decision): number {
  return DECISIONS.indexOf(decision);
}

/** The more restrictive of two decisions. */
export function maxDecision(a: Decision, b: Decision): Decision {
  return decisionRank(a) >= decisionRank(b) ? a : b;
}
