import questionnaireJson from '../data/default-questionnaire.json' with { type: 'json' };
import type { QuestionnaireInput } from './schema.js';

/** The bundled due-diligence questionnaire (English and German), wired to the default rule set's red flags. */
export const defaultQuestionnaire: QuestionnaireInput = questionnaireJson as unknown as QuestionnaireInput;

/** The questionnaires bundled with hrdd, by id. */
export function bundledQuestionnaire(id: string): unknown {
  return id === defaultQuestionnaire.id ? defaultQuestionnaire : undefined;
}
