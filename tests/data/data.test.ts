import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ASSURANCE_TYPES,
  assuranceCatalogue,
  createEngine,
  defaultCountryData,
  defaultCountryGroups,
  defaultQuestionnaire,
  defaultRuleset,
  HrddError,
  loadQuestionnaire,
  loadRuleset,
  parseCountryData,
  refsRegistry,
} from '../../src/index.js';
import { example, ROOT } from '../helpers.js';

describe('bundled content', () => {
  it('every reference a rule, assurance or question cites resolves', () => {
    const cited = [
      ...defaultRuleset.rules!.flatMap((r) => r.refs),
      ...assuranceCatalogue.flatMap((a) => a.refs ?? []),
      ...loadQuestionnaire(defaultQuestionnaire).definition.questions.flatMap((q) => q.refs ?? []),
    ];
    expect(cited.filter((id) => !refsRegistry[id])).toEqual([]);
  });

  it('the assurance catalogue covers the 12 types, each with text, givers and validity', () => {
    expect(assuranceCatalogue.map((a) => a.type).sort()).toEqual([...ASSURANCE_TYPES].sort());
    for (const a of assuranceCatalogue) expect(a.text.length).toBeGreaterThan(60);
  });

  it('every rule explains its severity and likelihood and names its assurances', () => {
    for (const r of defaultRuleset.rules!) {
      expect(r.description.length, r.id).toBeGreaterThan(40);
      // Notes (severity 1, likelihood 1: a regime that does not bind) inform without requiring anything.
      const note = r.id.startsWith('note-') && r.likelihood === 1;
      if (r.category !== 'information' && r.minDecision !== 'decline' && !note)
        expect(r.assurances?.length, r.id).toBeGreaterThan(0);
    }
  });

  it('the questionnaire has at least 20 questions in English and German', () => {
    const q = loadQuestionnaire(defaultQuestionnaire);
    expect(q.definition.questions.length).toBeGreaterThanOrEqual(20);
    for (const question of q.definition.questions) expect(question.prompt, question.id).toHaveProperty('de');
  });

  it('country data: latest V-Dem year per country, with source, licence and attribution', () => {
    expect(Object.keys(defaultCountryData.countries).length).toBeGreaterThan(170);
    expect(defaultCountryData.countries.NO?.civilLiberties?.year).toBe(2022);
    expect(defaultCountryData.source.licence).toContain('CC BY');
    expect(defaultCountryGroups.groups.find((g) => g.id === 'comprehensive-sanctions')?.countries).toEqual(
      expect.arrayContaining(['IR', 'KP']),
    );
    expect(defaultCountryGroups.groups.find((g) => g.id === 'us-comprehensive-sanctions')?.countries).toEqual(
      expect.arrayContaining(['CU', 'IR', 'KP']),
    );
    expect(() => parseCountryData({ ...defaultCountryData, countries: { XX: {} } })).toThrow(HrddError);
  });

  it('provenance records the rule set, questionnaire and data hashes', () => {
    const a = createEngine().assess(example('01-'), { asOf: '2026-11-01' });
    expect(a.provenance.data.map((d) => d.id)).toEqual([
      'vdem-civil-liberties-owid',
      'hrdd-country-groups',
      'hrdd-sanctioned-regions',
    ]);
    for (const d of a.provenance.data) expect(d.hash).toMatch(/^sha256:/);
  });
});

describe('company overlay example', () => {
  const overlay = JSON.parse(readFileSync(join(ROOT, 'examples/company-overlay.json'), 'utf8'));
  const engine = createEngine({ ruleset: overlay });

  it('loads on the default, with a stricter threshold, one rule disabled and one added', () => {
    expect(engine.ruleset.parameters.civilLibertiesThreshold).toBe(0.7);
    expect(engine.ruleset.rules.find((r) => r.id === 'eu-no-history')?.enabled).toBe(false);
    expect(engine.ruleset.rules.find((r) => r.id === 'acme-no-biometrics-for-prisons')?.origin.kind).toBe('overlay');
  });

  it('changes decisions the way the company intends', () => {
    const prison = example('03-');
    (prison.endUsers as Record<string, unknown>[])[0]!.name = 'Fjordvik prison service';
    expect(engine.assess(prison, { asOf: '2026-11-01' }).decision).toBe('decline');
    // Names are compared folded (lower): case and accents do not hide a prison service.
    for (const name of ['HM Prison Service', 'PRISÓN CENTRAL DE FJORDVIK']) {
      (prison.endUsers as Record<string, unknown>[])[0]!.name = name;
      expect(engine.assess(prison, { asOf: '2026-11-01' }).decision, name).toBe('decline');
    }
    (prison.endUsers as Record<string, unknown>[])[0]!.name = 'Fjordvik prison service';
    expect(createEngine().assess(prison, { asOf: '2026-11-01' }).decision).toBe('proceed-with-conditions');
    const young = engine.assess(example('03-'), { asOf: '2026-11-01', answers: { business_history_years: 0 } });
    expect(young.findings.map((f) => f.ruleId)).not.toContain('eu-no-history');
    expect(loadRuleset(overlay).hash).toBe(engine.ruleset.hash);
  });
});
