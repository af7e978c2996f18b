import { z } from 'zod';
import { AssuranceTypeSchema, DecisionSchema, InvolvementSchema } from '../model/index.js';

/** A JsonLogic expression (validated and compiled when the rule set loads). */
export const LogicSchema = z
  .unknown()
  .meta({ id: 'JsonLogic', description: 'A JsonLogic expression over the facts object (see docs/engine.md).' });

const LevelOrLogic = z
  .union([z.number().int().min(1).max(4), z.record(z.string(), z.unknown())])
  .describe('1–4, or JsonLogic that evaluates to 1–4 (for example raised by item features).');

/** Reference ids: RF-ITEM-COVERT, UNGP-19, CoC-4, STATE-2020, EU-2024/2659, EAR-744.11, EAR-732-Supp3. */
export const REF_ID = /^[A-Z][A-Za-z]*(-[A-Za-z0-9./]+)+$/;
export const RefIdSchema = z
  .string()
  .regex(REF_ID, 'expected a reference id such as "UNGP-19", "CoC-4" or "RF-ITEM-COVERT"');

export const RULE_ID = /^[a-z0-9][a-z0-9.-]{1,79}$/;
export const RuleIdSchema = z.string().regex(RULE_ID, 'expected a rule id of lower-case letters, digits, "." and "-"');

export const GIVING_ROLES = ['end-user', 'consignee', 'intermediary', 'exporter'] as const;
export type GivingRole = (typeof GIVING_ROLES)[number];

export const AssuranceDefSchema = z
  .strictObject({
    type: AssuranceTypeSchema,
    title: z.string().min(1),
    text: z.string().min(1).describe('The undertaking as a contract or end-use certificate would carry it.'),
    givenBy: z
      .array(z.enum(GIVING_ROLES))
      .min(1)
      .describe('Which parties must give it: one required assurance per such party.'),
    validityDays: z
      .number()
      .int()
      .positive()
      .describe('Validity from obtainedOn when the obtained assurance has no validUntil.'),
    refs: z.array(RefIdSchema).optional(),
  })
  .meta({ id: 'AssuranceDef' });
export type AssuranceDef = z.infer<typeof AssuranceDefSchema>;

export const RULE_CATEGORIES = ['item', 'end-user', 'country', 'deployment', 'transaction', 'information'] as const;

export const RuleSchema = z
  .strictObject({
    id: RuleIdSchema,
    title: z.string().min(1),
    description: z
      .string()
      .min(1)
      .describe('Why the rule exists and why its severity and likelihood are what they are.'),
    category: z
      .enum(RULE_CATEGORIES)
      .describe('`information` rules yield missingInformation entries instead of findings.'),
    when: LogicSchema.describe('Condition: the rule matches when this is truthy.'),
    forEach: z
      .string()
      .regex(/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)*$/)
      .optional()
      .describe('Path to an array in the facts; the condition runs once per element, visible as `it`.'),
    severity: z
      .strictObject({ scale: LevelOrLogic, scope: LevelOrLogic, irremediability: LevelOrLogic })
      .optional()
      .describe('UNGP 14. Required except for information rules.'),
    likelihood: LevelOrLogic.optional().describe('1–4. Required except for information rules.'),
    involvement: z.union([InvolvementSchema, z.record(z.string(), z.unknown())]).optional(),
    assumed: LogicSchema.optional().describe(
      'JsonLogic giving the paths of unknown facts this match took at their worst plausible value (a list of strings); shown on the finding as `assumed`.',
    ),
    refs: z.array(RefIdSchema).min(1).describe('Red-flag ids and sources, e.g. RF-ITEM-COVERT, UNGP-19, CoC-4.'),
    assurances: z.array(AssuranceTypeSchema).optional().describe('Assurances a match requires.'),
    minDecision: DecisionSchema.optional().describe(
      'Decision floor of this rule’s findings; `decline` makes it a hard stop.',
    ),
    rationale: z.string().min(1).describe('Template rendered with {{path}} values from the facts (and {{it.…}}).'),
    path: z.string().optional().describe('Information rules: the missing path (a template).'),
    blocking: z
      .union([z.boolean(), z.record(z.string(), z.unknown())])
      .optional()
      .describe('Information rules: whether the gap blocks (≥ escalate) or is a condition.'),
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'Rule' });
export type RuleDefinition = z.infer<typeof RuleSchema>;

const Row = z.tuple([DecisionSchema, DecisionSchema, DecisionSchema, DecisionSchema]);
export const DecisionPolicySchema = z
  .strictObject({
    table: z
      .tuple([Row, Row, Row, Row])
      .describe('Decision implied by a finding: rows severity level 1–4, columns likelihood 1–4.'),
    reviewIntervalDays: z
      .strictObject({
        none: z.number().int().positive(),
        low: z.number().int().positive(),
        medium: z.number().int().positive(),
        high: z.number().int().positive(),
        critical: z.number().int().positive(),
      })
      .describe('Days until the next review, by score band (UNGP 20).'),
  })
  .meta({ id: 'DecisionPolicy' });
export type DecisionPolicy = z.infer<typeof DecisionPolicySchema>;

export const RulesetTestSchema = z
  .strictObject({
    name: z.string().min(1),
    transaction: z.unknown(),
    answers: z.record(z.string(), z.unknown()).optional(),
    asOf: z.iso.date(),
    countryIndicators: z
      .record(z.string().regex(/^[A-Z]{2}$/), z.record(z.string(), z.number().finite()))
      .optional()
      .describe(
        'Indicator values laid over the country data for this case, e.g. { "NO": { "internetFreedom": 0.2 } }.',
      ),
    screeningList: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          source: z.string().min(1),
          name: z.string().min(1),
          altNames: z.array(z.string()).optional(),
          countries: z.array(z.string()).optional(),
          programs: z.array(z.string()).optional(),
        }),
      )
      .optional()
      .describe('Restricted-party entries to screen against in this case.'),
    expect: z.strictObject({
      decision: DecisionSchema.optional(),
      fired: z.array(RuleIdSchema).optional(),
      notFired: z.array(RuleIdSchema).optional(),
      assurances: z.array(AssuranceTypeSchema).optional(),
    }),
  })
  .meta({ id: 'RulesetTest' });
export type RulesetTest = z.infer<typeof RulesetTestSchema>;

/**
 * `parameters.responses`: what findings of a kind call for beyond their own rule — the UNGP 19 response to
 * involvement (a `contribute` finding of severity ≥ 3 is at least `escalate`; leverage assurances) and the UNGP 22
 * and 29 grievance channel at severity ≥ 3. A finding matches an entry when its involvement is the entry's (if
 * given) and its severity level is at least `minSeverity`.
 */
export const FindingResponseSchema = z
  .strictObject({
    involvement: InvolvementSchema.optional(),
    minSeverity: z.number().int().min(1).max(4).default(1),
    minDecision: DecisionSchema.optional().describe('Decision floor of the matching findings.'),
    assurances: z.array(AssuranceTypeSchema).default([]).describe('Assurances the matching findings require.'),
    because: z.string().min(1).describe('Why, shown in docs (e.g. "UNGP 19: leverage over a contribution").'),
  })
  .meta({ id: 'FindingResponse' });
export type FindingResponse = z.infer<typeof FindingResponseSchema>;
export const FindingResponsesSchema = z.array(FindingResponseSchema).max(50);

const Parameters = z.record(z.string(), z.unknown()).describe('Named parameters, read by rules as params.<name>.');

export const RulesetSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    version: z.string().min(1),
    title: z.string().min(1),
    description: z.string().optional(),
    extends: z.string().optional().describe('Id of the base rule set this one overlays (e.g. "hrdd-default").'),
    parameters: Parameters.optional(),
    assurances: z.array(AssuranceDefSchema).optional(),
    rules: z.array(RuleSchema).optional(),
    disable: z.array(RuleIdSchema).optional().describe('Overlays: ids of base rules to switch off.'),
    decision: DecisionPolicySchema.partial().optional(),
    tests: z.array(RulesetTestSchema).optional(),
  })
  .meta({
    id: 'Ruleset',
    title: 'hrdd rule set',
    description: 'Rules, parameters, assurances and decision policy; or an overlay on a base rule set.',
  });
export type RulesetDefinition = z.infer<typeof RulesetSchema>;

export interface RuleOrigin {
  ruleset: string;
  version: string;
  kind: 'base' | 'overlay' | 'replaced';
}

/** A rule of a loaded rule set: its definition and where it came from. */
export type Rule = RuleDefinition & { origin: RuleOrigin };

/** A rule set after `extends` is applied: complete, validated and hashed. */
export interface MergedRuleset {
  id: string;
  version: string;
  title: string;
  description?: string;
  base?: { id: string; version: string; hash: string };
  parameters: Record<string, unknown>;
  assurances: AssuranceDef[];
  rules: Rule[];
  decision: DecisionPolicy;
  tests: RulesetTest[];
}
