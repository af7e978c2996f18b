import { describe, expect, it } from 'vitest';
import { createEngine, defaultQuestionnaire, loadQuestionnaire } from '../../src/index.js';
import { example } from '../helpers.js';

describe('questionnaire and facts', () => {
  const engine = createEngine();
  const q = loadQuestionnaire(defaultQuestionnaire);

  it('takes engine.facts(...) as it is (typed, no cast)', () => {
    const facts = engine.facts(example('02-'), { asOf: '2026-11-01' });
    const shown = q.visibleQuestions({}, facts).map((x) => x.id);
    // Shown because the order is for surveillance technology: the facts decide.
    expect(shown).toContain('deployment_region');
    expect(q.visibleQuestions({}, { transaction: {} }).map((x) => x.id)).not.toContain('deployment_region');
    expect(q.validate({}, facts).issues.map((i) => i.code)).toContain('required');
  });

  it('a definition says whether its conditions read facts', () => {
    expect(q.readsFacts).toBe(true);
    const answersOnly = loadQuestionnaire({
      id: 'a',
      version: '1',
      title: 'A',
      replaces: true,
      questions: [
        { id: 'x', type: 'boolean', prompt: 'X?' },
        { id: 'y', type: 'boolean', prompt: 'Y?', visibleIf: { var: 'answers.x' }, required: true },
      ],
    });
    expect(answersOnly.readsFacts).toBe(false);
    expect(answersOnly.validate({ x: true })).toMatchObject({ ok: false, issues: [{ questionId: 'y' }] });
  });

  it('validate without facts reports "facts required" instead of judging {} valid', () => {
    const result = q.validate({});
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      { questionId: '', code: 'facts-required', message: expect.stringContaining('facts required') },
    ]);
  });
});
