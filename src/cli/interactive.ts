import { checkbox, confirm, input, select } from '@inquirer/prompts';
import type { Question, Questionnaire, QuestionnaireFacts } from '../questionnaire/index.js';
import { isAnswered } from '../questionnaire/index.js';

/** Asks one question and returns the raw answer (undefined to skip an optional question). */
export type Ask = (question: Question, error?: string) => Promise<unknown>;

/**
 * Asks the visible questions one by one, re-evaluating visibility after each answer and validating each answer
 * as it is given (an invalid one is asked again with the reason).
 */
export async function runQuestionnaire(
  q: Questionnaire,
  facts: QuestionnaireFacts | undefined,
  ask: Ask,
): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const asked = new Set<string>();
  for (;;) {
    const next = q.visibleQuestions(answers, facts).find((question) => !asked.has(question.id));
    if (!next) break;
    asked.add(next.id);
    let error: string | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const value = await ask(next, error);
      if (!isAnswered(value)) {
        delete answers[next.id];
        const required = q
          .validate(answers, facts)
          .issues.some((i) => i.questionId === next.id && i.code === 'required');
        if (!required) break;
        error = 'an answer is required';
        continue;
      }
      answers[next.id] = value;
      const issue = q.validate(answers, facts).issues.find((i) => i.questionId === next.id && i.code !== 'required');
      if (!issue) break;
      delete answers[next.id];
      error = issue.message;
    }
  }
  return answers;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Terminal prompts for each question type (@inquirer/prompts). */
export const terminalAsk: Ask = async (question, error) => {
  const message = `${text(question.prompt)}${error ? ` (${error})` : ''}`;
  const options = (question.options ?? []).map((o) => ({ value: o.value, name: text(o.label) }));
  switch (question.type) {
    case 'boolean':
      return confirm({ message });
    case 'single':
      return select({ message, choices: options });
    case 'multi':
      return checkbox({ message, choices: options });
    case 'number': {
      const raw = await input({ message });
      return raw.trim() === '' ? undefined : Number(raw);
    }
    default: {
      const raw = await input({ message });
      return raw.trim() === '' ? undefined : question.type === 'country' ? raw.trim().toUpperCase() : raw;
    }
  }
};
