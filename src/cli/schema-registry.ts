import { AssessmentRecordSchema } from '../audit/index.js';
import { CountryDataSchema } from '../data/index.js';
import { modelSchemas, toJsonSchema } from '../model/index.js';
import { QuestionnaireSchema } from '../questionnaire/index.js';
import { RulesetSchema } from '../rules/index.js';

/**
 * Every JSON Schema `hrdd schema <name>` can print and `schemas/` stores, by name.
 * Each folder that owns a format adds its entry here.
 */
export const schemaRegistry: Record<string, () => Record<string, unknown>> = {
  ...modelSchemas,
  ruleset: () => toJsonSchema(RulesetSchema),
  questionnaire: () => toJsonSchema(QuestionnaireSchema),
  record: () => toJsonSchema(AssessmentRecordSchema, 'output'),
  'country-data': () => toJsonSchema(CountryDataSchema),
};

export function schemaNames(): string[] {
  return Object.keys(schemaRegistry).sort();
}
