import { z } from 'zod';

/** Text in one language, or by locale (`{ "en": "…", "de": "…" }`). */
export const TextSchema = z.union([
  z.string().min(1),
  z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().min(1)),
]);
export type Text = z.infer<typeof TextSchema>;

export const QUESTION_TYPES = ['boolean', 'single', 'multi', 'text', 'number', 'date', 'country'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const Logic = z
  .record(z.string(), z.unknown())
  .describe('JsonLogic over answers.<id>, transaction.…, derived.…, params.…, asOf');

export const OptionSchema = z.strictObject({
  value: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'option values are lower-case words'),
  label: TextSchema,
  score: z.number().finite().optional().describe('Score of this option, for weighted scoring.'),
});

export const QuestionSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'question ids are lower-case words with underscores'),
    type: z.enum(QUESTION_TYPES),
    prompt: TextSchema,
    help: TextSchema.optional(),
    section: z.string().optional(),
    options: z.array(OptionSchema).min(1).optional().describe('Required for single and multi questions.'),
    required: z.boolean().optional(),
    visibleIf: Logic.optional(),
    requiredIf: Logic.optional(),
    blocking: z
      .union([z.boolean(), Logic])
      .optional()
      .describe('Whether leaving it unanswered blocks the assessment (escalate) or is a condition.'),
    validation: z
      .strictObject({
        min: z.number().finite().optional(),
        max: z.number().finite().optional(),
        pattern: z.string().max(200).optional(),
        maxLength: z.number().int().positive().optional(),
        minItems: z.number().int().nonnegative().optional(),
        maxItems: z.number().int().positive().optional(),
      })
      .optional(),
    refs: z.array(z.string()).optional(),
    weight: z.number().finite().nonnegative().optional(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionnaireSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    version: z.string().min(1),
    title: TextSchema,
    defaultLocale: z
      .string()
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/)
      .default('en'),
    locales: z.array(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/)).optional(),
    extends: z
      .string()
      .optional()
      .describe('Id of the questionnaire this one adds to; without it and without `replaces`, the bundled default.'),
    replaces: z
      .literal(true)
      .optional()
      .describe('Stands alone: replaces the default questionnaire instead of adding to it.'),
    disable: z.array(z.string()).optional().describe('Overlays: ids of base questions to remove.'),
    sections: z.array(z.strictObject({ id: z.string().min(1), title: TextSchema })).optional(),
    questions: z.array(QuestionSchema).describe('An overlay adds these, replacing base questions of the same id.'),
  })
  .meta({
    id: 'Questionnaire',
    title: 'hrdd questionnaire',
    description: 'Due-diligence questions with conditions, validation and references.',
  });
export type QuestionnaireDefinition = z.infer<typeof QuestionnaireSchema>;
/** A questionnaire definition as written (before defaults are applied): what `loadQuestionnaire` takes. */
export type QuestionnaireInput = z.input<typeof QuestionnaireSchema>;
