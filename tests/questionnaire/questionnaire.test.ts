import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  defaultQuestionnaire,
  HrddError,
  loadQuestionnaire,
  type QuestionnaireFacts,
} from '../../src/index.js';
import { example } from '../helpers.js';

const def = {
  id: 'acme-extra',
  version: '1',
  replaces: true as const,
  title: { en: 'ACME questions', de: 'ACME-Fragen' },
  defaultLocale: 'en',
  locales: ['en', 'de', 'fr'],
  questions: [
    {
      id: 'uses_cloud',
      type: 'boolean',
      prompt: { en: 'Hosted in the cloud?', de: 'In der Cloud betrieben?' },
      required: true,
    },
    {
      id: 'cloud_region',
      type: 'single',
      prompt: 'Which region?',
      options: [
        { value: 'eu', label: 'EU', score: 0 },
        { value: 'other', label: { en: 'Elsewhere', de: 'Anderswo' }, score: 2 },
      ],
      visibleIf: { '==': [{ var: 'answers.uses_cloud' }, true] },
      required: true,
      weight: 2,
    },
    {
      id: 'seats',
      type: 'number',
      prompt: 'How many seats?',
      validation: { min: 1, max: 500 },
      requiredIf: { '==': [{ var: 'transaction.destination' }, 'CN'] },
    },
    {
      id: 'contact',
      type: 'text',
      prompt: 'Contact e-mail',
      validation: { pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 100 },
    },
  ],
};

describe('loadQuestionnaire', () => {
  it('loads a valid definition and hashes it', () => {
    expect(loadQuestionnaire(def).hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(loadQuestionnaire(defaultQuestionnaire).definition.questions.length).toBeGreaterThanOrEqual(20);
  });

  it('rejects duplicate ids, unknown references, bad operators and cycles with paths', () => {
    const bad = structuredClone(def) as typeof def & { questions: Record<string, unknown>[] };
    bad.questions.push({ id: 'uses_cloud', type: 'boolean', prompt: 'again' });
    bad.questions.push({ id: 'a', type: 'boolean', prompt: 'a', visibleIf: { '==': [{ var: 'answers.b' }, true] } });
    bad.questions.push({ id: 'b', type: 'boolean', prompt: 'b', visibleIf: { '==': [{ var: 'answers.a' }, true] } });
    bad.questions.push({ id: 'c', type: 'boolean', prompt: 'c', visibleIf: { '==': [{ var: 'answers.nope' }, true] } });
    bad.questions.push({ id: 'd', type: 'boolean', prompt: 'd', visibleIf: { method: ['x', 'toString'] } });
    bad.questions.push({ id: 'e', type: 'single', prompt: 'e' });
    try {
      loadQuestionnaire(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HrddError);
      const text = (error as HrddError).issues.map((i) => `${i.path}: ${i.message}`).join('\n');
      expect(text).toContain('questions[4].id: duplicate question id');
      expect(text).toMatch(/visibility depends on itself: (a → b → a|b → a → b)/);
      expect(text).toContain('no question "nope"');
      expect(text).toContain('questions[8].visibleIf.method');
      expect(text).toContain('questions[9].options: a single question needs options');
    }
  });

  it('matches answer patterns in linear time, whatever their nesting (RE2)', () => {
    // With a backtracking matcher each of these takes exponential time on a long run of "a" that then fails.
    const answer = `${'a'.repeat(5000)}!`;
    for (const pattern of ['^(a|a)*$', '^((a+))+$', '^(a+){25}$', '(a+)+$', '^(\\w*)*@', '(x|y{2,})*z']) {
      const hostile = structuredClone(def);
      (hostile.questions[3]!.validation as { pattern: string; maxLength?: number }) = { pattern };
      const q = loadQuestionnaire(hostile);
      const issues = q.validate({ uses_cloud: false, contact: answer }, { transaction: {} }).issues;
      expect(
        issues.map((i) => i.code),
        pattern,
      ).toEqual(['pattern']);
      expect(q.validate({ uses_cloud: false, contact: 'a'.repeat(30) }, { transaction: {} }).ok, pattern).toBe(
        pattern !== '^(\\w*)*@' && pattern !== '(x|y{2,})*z',
      );
    }
    const ok = structuredClone(def);
    (ok.questions[3]!.validation as { pattern: string }).pattern = '^[A-Z]{2}-\\d+$';
    expect(loadQuestionnaire(ok).validate({ uses_cloud: false, contact: 'DE-12' }, { transaction: {} }).ok).toBe(true);
  });

  it('rejects patterns RE2 cannot match in linear time (backreferences, lookaround) when it loads', () => {
    for (const pattern of ['(a)\\1', '(?<=a)b', 'a(?!b)', '[unclosed']) {
      const bad = structuredClone(def);
      (bad.questions[3]!.validation as { pattern: string }).pattern = pattern;
      expect(() => loadQuestionnaire(bad), pattern).toThrow(
        /questions\[3\]\.validation\.pattern: not a valid pattern \(RE2 syntax/,
      );
    }
  });

  it('requires text in the default locale', () => {
    const bad = structuredClone(def);
    bad.questions[0]!.prompt = { de: 'Nur Deutsch' } as never;
    expect(() => loadQuestionnaire(bad)).toThrow(/default locale "en"/);
  });
});

describe('answers', () => {
  const q = loadQuestionnaire(def);
  // `seats` is required by destination: the conditions read the transaction, so validation needs facts.
  const noFacts: QuestionnaireFacts = { transaction: {} };
  const codes = (answers: unknown, facts: QuestionnaireFacts = noFacts) =>
    q.validate(answers, facts).issues.map((i) => `${i.questionId}:${i.code}`);

  it('rejects answers to hidden questions and asks for required ones', () => {
    expect(codes({ uses_cloud: false, cloud_region: 'eu' })).toEqual(['cloud_region:hidden']);
    expect(codes({ uses_cloud: true })).toEqual(['cloud_region:required']);
    expect(codes({ uses_cloud: true, cloud_region: 'eu' })).toEqual([]);
  });

  it('applies requiredIf over transaction facts', () => {
    expect(codes({ uses_cloud: false }, { transaction: { destination: 'CN' } })).toEqual(['seats:required']);
    expect(codes({ uses_cloud: false }, { transaction: { destination: 'NO' } })).toEqual([]);
  });

  it('checks types, options, ranges, patterns and unknown questions', () => {
    expect(codes({ uses_cloud: 'yes' })).toEqual(['uses_cloud:type']);
    expect(codes({ uses_cloud: true, cloud_region: 'mars' })).toEqual(['cloud_region:option']);
    expect(codes({ uses_cloud: false, seats: 0 })).toEqual(['seats:range']);
    expect(codes({ uses_cloud: false, contact: 'not an address' })).toEqual(['contact:pattern']);
    expect(codes({ uses_cloud: false, colour: 'blue' })).toEqual(['colour:unknown-question']);
    expect(codes([1, 2])).toEqual([':type']);
  });

  it('progress and weighted scoring count visible questions only, scored when complete', () => {
    expect(q.progress({ uses_cloud: true })).toMatchObject({
      visible: 4,
      answered: 1,
      required: 2,
      requiredAnswered: 1,
      complete: false,
    });
    expect(q.score({ uses_cloud: true })).toBeNull();
    expect(q.score({ uses_cloud: true, cloud_region: 'other' })).toEqual({ value: 4, max: 4 });
    expect(q.score({ uses_cloud: false })).toEqual({ value: 0, max: 0 });
  });

  it('localises with fallback to the default locale', () => {
    const de = q.localize('de');
    expect(de.definition.questions[0]!.prompt).toBe('In der Cloud betrieben?');
    expect(de.definition.questions[2]!.prompt).toBe('How many seats?');
    expect(q.localize('fr').definition.questions[0]!.prompt).toBe('Hosted in the cloud?');
  });

  it('generates a JSON Schema for the answers object', () => {
    const schema = q.answersJsonSchema() as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(schema.properties.cloud_region!.enum).toEqual(['eu', 'other']);
    expect(schema.required).toEqual(['uses_cloud']);
  });

  it('validate never throws and agrees with visibleQuestions (property)', () => {
    const answerValue = fc.oneof(
      fc.boolean(),
      fc.integer(),
      fc.string(),
      fc.constant(null),
      fc.constantFrom('eu', 'other'),
      fc.array(fc.string(), { maxLength: 2 }),
    );
    const answers = fc.dictionary(
      fc.constantFrom('uses_cloud', 'cloud_region', 'seats', 'contact', 'other', '__proto__', 'constructor'),
      answerValue,
    );
    fc.assert(
      fc.property(fc.oneof(answers, fc.anything()), (input) => {
        const result = q.validate(input, noFacts);
        expect(result.ok).toBe(result.issues.length === 0);
        if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
          const given = input as Record<string, unknown>;
          const visible = new Set(q.visibleQuestions(given, noFacts).map((x) => x.id));
          const hidden = new Set(result.issues.filter((i) => i.code === 'hidden').map((i) => i.questionId));
          for (const id of ['uses_cloud', 'cloud_region', 'seats', 'contact']) {
            const answered =
              Object.hasOwn(given, id) &&
              given[id] !== null &&
              given[id] !== '' &&
              !(Array.isArray(given[id]) && (given[id] as unknown[]).length === 0) &&
              given[id] !== undefined;
            expect(hidden.has(id)).toBe(answered && !visible.has(id));
          }
        }
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});

describe('engine integration', () => {
  it('turns unanswered visible required questions into missing information, and rejects invalid answers', () => {
    const engine = createEngine();
    const a = engine.assess(example('03-'), { asOf: '2026-11-01' });
    expect(a.missingInformation.map((m) => m.path)).toContain('answers.misuse_reports');
    expect(a.provenance.questionnaire?.id).toBe('hrdd-default-questionnaire');
    expect(() =>
      engine.assess(example('03-'), { asOf: '2026-11-01', answers: { end_use_statement: 'perhaps' } }),
    ).toThrow(HrddError);
    const fired = engine.assess(example('03-'), { asOf: '2026-11-01', answers: { end_use_statement: 'refused' } });
    expect(fired.findings.map((f) => f.ruleId)).toContain('eu-info-refusal');
    expect(fired.decision).toBe('escalate');
  });
});
