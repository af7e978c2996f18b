import { COUNTRY_CODES } from '../model/index.js';
import type { Question, QuestionnaireDefinition } from './schema.js';

function questionSchema(q: Question): Record<string, unknown> {
  const v = q.validation ?? {};
  const values = (q.options ?? []).map((o) => o.value);
  switch (q.type) {
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return {
        type: 'number',
        ...(v.min !== undefined ? { minimum: v.min } : {}),
        ...(v.max !== undefined ? { maximum: v.max } : {}),
      };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'country':
      return { type: 'string', enum: [...COUNTRY_CODES] };
    case 'text':
      return {
        type: 'string',
        ...(v.maxLength !== undefined ? { maxLength: v.maxLength } : {}),
        ...(v.pattern !== undefined ? { pattern: v.pattern } : {}),
      };
    case 'single':
      return { type: 'string', enum: values };
    case 'multi':
      return {
        type: 'array',
        items: { type: 'string', enum: values },
        uniqueItems: true,
        ...(v.minItems !== undefined ? { minItems: v.minItems } : {}),
        ...(v.maxItems !== undefined ? { maxItems: v.maxItems } : {}),
      };
  }
}

/**
 * JSON Schema (draft 2020-12) of the answers object for a definition: types, options and ranges. Visibility and
 * `requiredIf` depend on other answers and the transaction, so `required` lists only unconditional questions
 * without a `visibleIf`; the server's `validate` checks the rest.
 */
export function answersJsonSchema(def: QuestionnaireDefinition): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const q of def.questions)
    properties[q.id] = {
      ...questionSchema(q),
      description: typeof q.prompt === 'string' ? q.prompt : (q.prompt[def.defaultLocale] ?? ''),
    };
  const required = def.questions.filter((q) => q.required && !q.visibleIf).map((q) => q.id);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `Answers to ${def.id} ${def.version}`,
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}
