import { describe, expect, it } from 'vitest';
import {
  createEngine,
  defaultCountryData,
  defaultQuestionnaire,
  HrddError,
  loadQuestionnaire,
  type Questionnaire,
  replayAssessment,
  toRecord,
} from '../../src/index.js';
import { example } from '../helpers.js';

// The company questionnaire of docs/questionnaire.md: two questions of its own, no `extends`, no `replaces`.
const acme = {
  id: 'acme-extra',
  version: '1',
  title: 'ACME questions',
  questions: [
    { id: 'uses_cloud', type: 'boolean', prompt: 'Hosted in the cloud?', required: true },
    {
      id: 'cloud_region',
      type: 'single',
      prompt: 'Which region?',
      options: [
        { value: 'eu', label: 'EU' },
        { value: 'other', label: 'Elsewhere' },
      ],
      visibleIf: { '==': [{ var: 'answers.uses_cloud' }, true] },
      required: true,
    },
  ],
};
const defaultIds = defaultQuestionnaire.questions.map((q) => q.id);
const ids = (q: Questionnaire) => q.definition.questions.map((x) => x.id);

describe('questionnaire overlays add to the default', () => {
  it('a company questionnaire keeps every default question and adds its own', () => {
    const q = loadQuestionnaire(acme);
    expect(ids(q)).toEqual([...defaultIds, 'uses_cloud', 'cloud_region']);
    const base = loadQuestionnaire(defaultQuestionnaire);
    expect(q.base).toEqual({ id: base.id, version: base.version, hash: base.hash });
    expect(q.replaces).toBeUndefined();
  });

  it('an assessment with it keeps the missing information the default questions give', () => {
    const tx = example('03-');
    const asOf = '2026-11-01';
    const plain = createEngine().assess(tx, { asOf });
    const withAcme = createEngine({ questionnaire: acme }).assess(tx, { asOf });
    const paths = withAcme.missingInformation.map((m) => m.path);
    for (const m of plain.missingInformation) expect(paths).toContain(m.path);
    expect(paths).toContain('answers.uses_cloud');
    expect(withAcme.provenance.questionnaire).toMatchObject({
      id: 'acme-extra',
      base: { id: defaultQuestionnaire.id },
    });
  });

  it('same-id questions are replaced in place, `disable` removes, unknown ids are named', () => {
    const q = loadQuestionnaire({
      ...acme,
      extends: defaultQuestionnaire.id,
      disable: ['routing_unusual'],
      questions: [{ id: 'delivery_vague', type: 'boolean', prompt: 'Vague about delivery?' }],
    });
    expect(ids(q)).toEqual(defaultIds.filter((id) => id !== 'routing_unusual'));
    expect(q.definition.questions.find((x) => x.id === 'delivery_vague')!.prompt).toBe('Vague about delivery?');
    expect(() => loadQuestionnaire({ ...acme, disable: ['no_such'] })).toThrow(/disable\[0\]: no question "no_such"/);
  });

  it('`replaces: true` is the explicit way to stand alone, and provenance says so', () => {
    const q = loadQuestionnaire({ ...acme, replaces: true });
    expect(ids(q)).toEqual(['uses_cloud', 'cloud_region']);
    // The default rules read answers this questionnaire cannot give, so they are rejected with it (principle 7) …
    expect(() => createEngine({ questionnaire: { ...acme, replaces: true } })).toThrow(
      /reads "answers\.misuse_reports": no "misuse_reports" in answers/,
    );
    // … and a rule set written for it runs.
    const own = { id: 'acme-rules', version: '1', title: 'ACME rules', rules: [] };
    const a = createEngine({ ruleset: own, questionnaire: { ...acme, replaces: true } }).assess(example('03-'), {
      asOf: '2026-11-01',
    });
    expect(a.provenance.questionnaire).toMatchObject({ id: 'acme-extra', replaces: true });
    expect(a.provenance.questionnaire?.base).toBeUndefined();
    expect(a.missingInformation.map((m) => m.path)).not.toContain('answers.misuse_reports');
  });

  it('problems in an overlay are named by the path in the file written', () => {
    const bad = { ...acme, questions: [acme.questions[0], { id: 'x', type: 'single', prompt: 'x' }] };
    try {
      loadQuestionnaire(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HrddError);
      expect((error as HrddError).issues.map((i) => i.path)).toEqual(['questions[1].options']);
    }
    expect(() => loadQuestionnaire({ ...acme, replaces: true, extends: 'x' })).toThrow(/not both/);
    expect(() => loadQuestionnaire({ ...acme, extends: 'nope' })).toThrow(/unknown base questionnaire "nope"/);
  });
});

describe('country data overlays add to the bundle', () => {
  const overlay = {
    id: 'acme-indicators',
    version: '2026-10',
    title: 'ACME internet freedom scores',
    source: { name: 'ACME research', licence: 'proprietary' },
    indicators: { internetFreedom: { description: 'Internet freedom', scale: '0–1' } },
    countries: { NO: { internetFreedom: { value: 0.9, year: 2025 } } },
  };

  it('merges by country and indicator: the bundled values stay, provenance names both', () => {
    const engine = createEngine({ countryData: overlay });
    const facts = engine.facts(example('03-'), { asOf: '2026-11-01' });
    const no = facts.derived.countries.NO!;
    expect(no.indicators.internetFreedom).toBe(0.9);
    expect(no.indicators.civilLiberties).toBe(defaultCountryData.countries.NO!.civilLiberties!.value);
    const a = engine.assess(example('03-'), { asOf: '2026-11-01' });
    expect(a.provenance.data[0]).toMatchObject({ id: 'acme-indicators', base: { id: defaultCountryData.id } });
  });

  it('`replaces: true` replaces the bundle', () => {
    const engine = createEngine({ countryData: { ...overlay, replaces: true } });
    const no = engine.facts(example('03-'), { asOf: '2026-11-01' }).derived.countries.NO!;
    expect(no.indicators.civilLiberties).toBeUndefined();
    const a = engine.assess(example('03-'), { asOf: '2026-11-01' });
    expect(a.provenance.data[0]).toMatchObject({ id: 'acme-indicators', replaces: true });
  });
});

describe('records of overlays replay', () => {
  it('a record made with a questionnaire overlay and country data over the bundle reproduces', () => {
    const countryData = {
      id: 'acme-indicators',
      version: '1',
      title: 'ACME',
      source: { name: 'ACME', licence: 'proprietary' },
      indicators: { internetFreedom: { description: 'Internet freedom', scale: '0–1' } },
      countries: { NO: { internetFreedom: { value: 0.9, year: 2025 } } },
    };
    const engine = createEngine({ questionnaire: acme, countryData });
    const transaction = example('03-');
    const answers = { uses_cloud: false };
    const record = JSON.parse(
      JSON.stringify(
        toRecord(engine.assess(transaction, { asOf: '2026-11-01', answers }), { transaction, answers }, engine),
      ),
    );
    expect(record.options.questionnaire.base.id).toBe(defaultQuestionnaire.id);
    const result = replayAssessment(record, { questionnaire: acme, countryData });
    expect(result.differences).toEqual([]);
    expect(result.reproduced).toBe(true);
  });
});
