import { describe, expect, it } from 'vitest';
import { AssessmentSchema, createEngine, defaultCountryData } from '../../src/index.js';
import { baseTransaction, example } from '../helpers.js';

const engine = createEngine();
const AS_OF = '2026-11-01';

describe('hard-stop declines', () => {
  it('an item with no use but torture: nothing to obtain, nothing to answer, the rule named', () => {
    const a = engine.assess(example('10-'), { asOf: AS_OF });
    expect(a.decision).toBe('decline');
    expect(a.requiredAssurances).toEqual([]);
    expect(a.missingInformation).toEqual([]);
    expect(a.hardStops).toEqual([
      {
        ruleId: 'item-torture-execution',
        subject: { kind: 'item', id: 'it-1' },
        reason: expect.stringMatching(/^no assurance can cure this: .*\(item-torture-execution\)/),
      },
    ]);
    expect(AssessmentSchema.parse(a)).toEqual(a);
  });

  it('wording fits the item: a shock belt is not called a surveillance-capable item', () => {
    const a = engine.assess(example('10-'), { asOf: AS_OF });
    for (const f of a.findings) expect(f.rationale).not.toMatch(/surveillance-capable|surveillance capabilit/i);
    expect(a.findings.find((f) => f.ruleId === 'eu-security-agency')?.rationale).toMatch(/security body/);
  });

  it('a comprehensively sanctioned destination is a hard stop too; a decline by policy is not', () => {
    const sanctioned = engine.assess(example('11-'), { asOf: AS_OF });
    expect(sanctioned.hardStops?.map((h) => h.ruleId)).toContain('cty-comprehensive-sanctions');
    expect(sanctioned.requiredAssurances).toEqual([]);
    const ordinary = engine.assess(example('02-'), { asOf: AS_OF });
    expect(ordinary.hardStops).toBeUndefined();
    expect(ordinary.requiredAssurances.length).toBeGreaterThan(0);
  });
});

describe('rules not evaluated for lack of data are listed', () => {
  it('an indicator the bundle lacks: listed with the rule, the indicator and the country', () => {
    const a = engine.assess(example('02-'), { asOf: AS_OF });
    expect(a.notEvaluated).toEqual(
      expect.arrayContaining([
        { ruleId: 'cty-repression', reason: 'not evaluated: the country data has no physicalIntegrity for CN' },
        { ruleId: 'cty-net-not-free', reason: 'not evaluated: the country data has no internetFreedom for CN' },
      ]),
    );
  });

  it('a rule that could not match whatever the value is not listed', () => {
    // Laptops: the country rules require a surveillance item, so the absent indicators change nothing.
    expect(engine.assess(example('01-'), { asOf: AS_OF }).notEvaluated).toBeUndefined();
    // Facial recognition has no network capability: cty-net-not-free could not match.
    const shock = engine.assess(example('10-'), { asOf: AS_OF });
    expect(shock.notEvaluated?.map((n) => n.ruleId)).not.toContain('cty-net-not-free');
  });

  it('a country without any indicator: cty-not-free is listed; supplied data makes it evaluated', () => {
    const tx = baseTransaction();
    (tx.items as Record<string, unknown>[])[0]!.capabilities = ['biometric-identification'];
    // Country data overlays add to the bundle: this one replaces it, so NO has no indicator at all.
    const data = { ...structuredClone(defaultCountryData), replaces: true as const };
    delete (data.countries as Record<string, unknown>).NO;
    const without = createEngine({ countryData: data }).assess(tx, { asOf: AS_OF });
    expect(without.notEvaluated).toEqual(
      expect.arrayContaining([
        { ruleId: 'cty-not-free', reason: 'not evaluated: the country data has no civilLiberties for NO' },
      ]),
    );
    const full = structuredClone(defaultCountryData);
    const no = (full.countries as Record<string, Record<string, unknown>>).NO!;
    for (const k of ['physicalIntegrity', 'internetFreedom', 'surveillanceSafeguards', 'civilDisorder'])
      no[k] = { value: 0.9, year: 2024 };
    const withAll = createEngine({ countryData: full }).assess(tx, { asOf: AS_OF });
    expect(withAll.notEvaluated).toBeUndefined();
  });
});
