import { describe, expect, it } from 'vitest';
import { AskInterrupted, QuestionnaireInterrupted, runQuestionnaire } from '../../src/cli/interactive.js';
import { loadQuestionnaire } from '../../src/index.js';

const q = loadQuestionnaire({
  id: 'flow',
  replaces: true,
  version: '1',
  title: 'Flow',
  questions: [
    { id: 'cloud', type: 'boolean', prompt: 'Cloud?', required: true },
    {
      id: 'region',
      type: 'single',
      prompt: 'Region?',
      options: [
        { value: 'eu', label: 'EU' },
        { value: 'other', label: 'Other' },
      ],
      visibleIf: { var: 'answers.cloud' },
      required: true,
    },
    { id: 'seats', type: 'number', prompt: 'Seats?', validation: { min: 1 } },
  ],
});

describe('interactive questionnaire', () => {
  it('re-evaluates visibility after each answer and re-asks invalid ones', async () => {
    const script: Record<string, unknown[]> = { cloud: [true], region: ['mars', 'eu'], seats: [0, 5] };
    const asked: string[] = [];
    const answers = await runQuestionnaire(q, undefined, async (question, error) => {
      asked.push(`${question.id}${error ? `!${error}` : ''}`);
      return script[question.id]!.shift();
    });
    expect(answers).toEqual({ cloud: true, region: 'eu', seats: 5 });
    expect(asked).toEqual([
      'cloud',
      'region',
      expect.stringMatching(/^region!.*not an option/),
      'seats',
      expect.stringMatching(/^seats!/),
    ]);
  });

  it('does not ask questions that become hidden', async () => {
    const asked: string[] = [];
    const answers = await runQuestionnaire(q, undefined, async (question) => {
      asked.push(question.id);
      return question.id === 'cloud' ? false : undefined;
    });
    expect(asked).toEqual(['cloud', 'seats']);
    expect(answers).toEqual({ cloud: false });
  });

  it('records nothing the person did not choose: a skipped question stays unanswered', async () => {
    const asked: string[] = [];
    const answers = await runQuestionnaire(q, undefined, async (question, error) => {
      asked.push(`${question.id}${error ? `!${error}` : ''}`);
      return question.id === 'cloud' && error ? false : undefined; // Enter, then "n" once told an answer is required
    });
    expect(answers).toEqual({ cloud: false });
    expect(asked).toEqual(['cloud', 'cloud!an answer is required', 'seats']);
  });

  it('on interruption hands back the answers given so far', async () => {
    const run = runQuestionnaire(q, undefined, async (question) => {
      if (question.id === 'region') throw new AskInterrupted('interrupted');
      return true;
    });
    await expect(run).rejects.toBeInstanceOf(QuestionnaireInterrupted);
    await expect(run).rejects.toMatchObject({ answers: { cloud: true } });
  });
});
