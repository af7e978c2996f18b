import { AssessmentRecordSchema } from '../audit/index.js';
import { CountryDataSchema } from '../data/index.js';
import { modelSchemas, toJsonSchema } from '../model/index.js';
import { QuestionnaireSchema } from '../questionnaire/index.js';
import { RulesetSchema } from '../rules/index.js';

/**
 * Every JSON Schema hrdd publishes, by name: what `hrdd schema <name>` prints, `schemas/<name>.schema.json` stores
 * and the package exports as `hrdd/schemas/<name>.json`. Each folder that owns a format adds its entry here.
 */
const registry = new Map<string, () => Record<string, unknown>>([
  ...Object.entries(modelSchemas),
  ['ruleset', () => toJsonSchema(RulesetSchema)],
  ['questionnaire', () => toJsonSchema(QuestionnaireSchema)],
  ['record', () => toJsonSchema(AssessmentRecordSchema, 'output')],
  ['country-data', () => toJsonSchema(CountryDataSchema)],
]);

/** The names of the published JSON Schemas, sorted. */
export function schemaNames(): string[] {
  return [...registry.keys()].sort();
}

/** Whether `name` is a published schema's name (own names only: `constructor` or `__proto__` are not). */
export function isSchemaName(name: string): boolean {
  return registry.has(name);
}

/** The JSON Schema (draft 2020-12) published under `name`, or undefined for a name that is not one. */
export function jsonSchema(name: string): Record<string, unknown> | undefined {
  return registry.get(name)?.();
}
