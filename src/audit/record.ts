import { z } from 'zod';
import type { Engine } from '../engine/index.js';
import { type Assessment, AssessmentSchema } from '../model/index.js';

const Identity = z.strictObject({ id: z.string(), version: z.string(), hash: z.string() });
/** A questionnaire or data set laid over a base names it (`base`), or says it replaced the default. */
const Layered = Identity.extend({ base: Identity.optional(), replaces: z.literal(true).optional() });

export const RecordOptionsSchema = z
  .strictObject({
    evaluator: z.enum(['compiled', 'reference']),
    ruleset: Identity,
    questionnaire: Layered.optional(),
    lists: z.array(Identity),
    data: z.array(Layered),
    trace: z.boolean().optional(),
  })
  .meta({ id: 'RecordOptions', description: 'What the assessment ran with, by canonical hash.' });
export type RecordOptions = z.infer<typeof RecordOptionsSchema>;

export const RecordInputSchema = z
  .strictObject({ transaction: z.unknown(), answers: z.record(z.string(), z.unknown()).optional() })
  .meta({ id: 'RecordInput' });

/** A self-contained assessment record: the Assessment (fields at the top level) plus its input and options. */
export const AssessmentRecordSchema = AssessmentSchema.extend({
  input: RecordInputSchema,
  options: RecordOptionsSchema,
}).meta({
  id: 'AssessmentRecord',
  title: 'hrdd assessment record',
  description: 'An assessment with the input and options needed to replay it: the answer and the evidence in one file.',
});
export type AssessmentRecord = z.infer<typeof AssessmentRecordSchema>;

/** Builds the self-contained record of an assessment made by `engine`. */
export function toRecord(
  assessment: Assessment,
  input: { transaction: unknown; answers?: Record<string, unknown> },
  engine: Engine,
  lists: RecordOptions['lists'] = [],
): AssessmentRecord {
  const { provenance } = assessment;
  const listHashes = new Set(lists.map((l) => l.hash));
  return {
    ...assessment,
    input: {
      transaction: input.transaction,
      ...(input.answers && Object.keys(input.answers).length > 0 ? { answers: input.answers } : {}),
    },
    options: {
      evaluator: engine.evaluator,
      ruleset: provenance.ruleset,
      ...(provenance.questionnaire ? { questionnaire: provenance.questionnaire } : {}),
      lists,
      data: provenance.data.filter((d) => !listHashes.has(d.hash)),
      ...(assessment.trace ? { trace: true } : {}),
    },
  };
}
