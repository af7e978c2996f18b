import type { HrddIssue } from '../errors.js';
import type { Question, QuestionnaireDefinition } from './schema.js';

/** Where a question of a merged questionnaire came from: the overlay's own list (by index) or the base. */
export type QuestionSource = { from: 'overlay'; index: number } | { from: 'base'; id: string };

/**
 * Layers an overlay on a base questionnaire, as rule-set overlays do: base questions kept in their order, a question
 * with the same id replaced in place, ids in `disable` removed, new questions appended; sections replaced by id and
 * locales joined. Unknown ids in `disable` are issues.
 */
export function applyQuestionnaireOverlay(
  base: QuestionnaireDefinition,
  overlay: QuestionnaireDefinition,
  issues: HrddIssue[],
): { definition: QuestionnaireDefinition; sources: QuestionSource[] } {
  const questions = new Map<string, { question: Question; source: QuestionSource }>(
    base.questions.map((question) => [question.id, { question, source: { from: 'base', id: question.id } }]),
  );
  for (const [i, id] of (overlay.disable ?? []).entries()) {
    if (!questions.delete(id))
      issues.push({ path: `disable[${i}]`, message: `no question "${id}" in base questionnaire ${base.id}` });
  }
  overlay.questions.forEach((question, index) => {
    questions.set(question.id, { question, source: { from: 'overlay', index } });
  });
  const sections = new Map((base.sections ?? []).map((s) => [s.id, s]));
  for (const s of overlay.sections ?? []) sections.set(s.id, s);
  const locales = [...new Set([...(base.locales ?? []), ...(overlay.locales ?? [])])];
  const { extends: _extends, disable: _disable, ...own } = overlay;
  const definition: QuestionnaireDefinition = {
    ...own,
    ...(locales.length > 0 ? { locales } : {}),
    ...(sections.size > 0 ? { sections: [...sections.values()] } : {}),
    questions: [...questions.values()].map((q) => q.question),
  };
  return { definition, sources: [...questions.values()].map((q) => q.source) };
}
