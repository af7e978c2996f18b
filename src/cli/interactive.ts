import { checkbox, input, select } from '@inquirer/prompts';
import type { Question, Questionnaire, QuestionnaireFacts } from '../questionnaire/index.js';
import { isAnswered } from '../questionnaire/index.js';

/** Asks one question and returns the raw answer (undefined to skip an optional question). */
export type Ask = (question: Question, error?: string) => Promise<unknown>;

/** The person stopped the questionnaire (Ctrl-C); `answers` holds those given so far. */
export class QuestionnaireInterrupted extends Error {
  override readonly name = 'QuestionnaireInterrupted';
  constructor(readonly answers: Record<string, unknown>) {
    super('questionnaire interrupted');
  }
}

/** Thrown by an `Ask` when the person stops (Ctrl-C). */
export class AskInterrupted extends Error {
  override readonly name = 'AskInterrupted';
}

/**
 * Asks the visible questions one by one, re-evaluating visibility after each answer and validating each answer
 * as it is given (an invalid one is asked again with the reason). Only what the person chose is recorded: a
 * question left without an answer stays unanswered (and, if required, becomes missing information). Throws
 * `QuestionnaireInterrupted` with the answers given so far when the person stops.
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
      let value: unknown;
      try {
        value = await ask(next, error);
      } catch (stop) {
        if (stop instanceof AskInterrupted) throw new QuestionnaireInterrupted({ ...answers });
        throw stop;
      }
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

/** The choice that stands first in a single-choice list, so Enter alone records nothing. */
const NO_ANSWER = '\u0000no-answer';

const YES = /^(y|yes)$/i;
const NO = /^(n|no)$/i;

/**
 * Terminal prompts for each question type (@inquirer/prompts). Enter alone is no answer for every type: a yes/no
 * question has no default, a single choice starts on "(no answer)". Ctrl-C throws `AskInterrupted`.
 */
export const terminalAsk: Ask = async (question, error) => {
  const message = `${text(question.prompt)}${error ? ` (${error})` : ''}`;
  const options = (question.options ?? []).map((o) => ({ value: o.value, name: text(o.label) }));
  try {
    switch (question.type) {
      case 'boolean': {
        const raw = (
          await input({
            message: `${message} (y/n)`,
            validate: (v) =>
              v.trim() === '' || YES.test(v.trim()) || NO.test(v.trim()) || 'answer y or n (Enter: no answer)',
          })
        ).trim();
        return raw === '' ? undefined : YES.test(raw);
      }
      case 'single': {
        const chosen = await select({ message, choices: [{ value: NO_ANSWER, name: '(no answer)' }, ...options] });
        return chosen === NO_ANSWER ? undefined : chosen;
      }
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
  } catch (stop) {
    if (stop instanceof Error && (stop.name === 'ExitPromptError' || stop.name === 'AbortPromptError'))
      throw new AskInterrupted('interrupted');
    throw stop;
  }
};
