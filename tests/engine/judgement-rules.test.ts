import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  compileLogic,
  createEngine,
  decisionRank,
  defaultQuestionnaire,
  defaultRuleset,
  loadQuestionnaire,
} from '../../src/index.js';
import { compileReference, ruleOperations } from '../../src/logic/index.js';
import { cleanAnswers } from './fixtures.js';

const AS_OF = '2026-11-01';
const engine = createEngine();
const fired = (a: { findings: { ruleId: string }[] }) => a.findings.map((f) => f.ruleId);

type Tx = Record<string, unknown> & { items: Record<string, unknown>[] };
function order(over: Partial<Tx> = {}): Tx {
  return {
    id: 'J-1',
    date: '2026-10-10',
    exporter: { id: 'x', name: 'Exporter AB', country: 'SE', type: 'private-company' },
    endUsers: [{ id: 'e', name: 'End User', country: 'VN', type: 'government-security' }],
    destination: 'VN',
    items: [{ id: 'i', description: 'Phone implant', quantity: 1, capabilities: ['intrusion-spyware'] }],
    endUse: { description: 'Investigations' },
    ...over,
  };
}

describe('lower: names compared folded (case, accents, compatibility forms)', () => {
  const ops = ruleOperations();
  const cases: [unknown, unknown][] = [
    ['HM Prison Service', 'hm prison service'],
    ['Prisión Centrál', 'prision central'],
    ['ÅRHUS Kommune', 'arhus kommune'],
    ['ﬁle Ｐｒｉｓｏｎ', 'file prison'],
    [42, null],
    [null, null],
    [['a'], null],
  ];
  it.each(cases)('lower(%j) = %j in both evaluators', (input, out) => {
    const rule = { lower: { var: 'x' } };
    expect(compileLogic(rule, { operations: ops })({ x: input })).toBe(out);
    expect(compileReference(rule, { operations: ops })({ x: input })).toBe(out);
  });
});

describe('unknown is not no (plausible features taken at their worst)', () => {
  it('zero-click spyware with no features entered scores 16, marks the assumption and blocks on it', () => {
    const a = engine.assess(order(), { asOf: AS_OF, answers: cleanAnswers });
    expect(a.score.value).toBe(16);
    const covert = a.findings.find((f) => f.ruleId === 'item-covert')!;
    expect(covert.assumed).toEqual(['items.i.features.covert']);
    expect(a.missingInformation).toContainEqual(
      expect.objectContaining({ path: 'items.i.features.covert', blocking: true }),
    );
    expect(decisionRank(a.decision)).toBeGreaterThanOrEqual(decisionRank('escalate'));
  });

  it('answering the feature settles the finding: false removes it, true keeps it without the assumption', () => {
    const no = order();
    no.items[0]!.features = { covert: false, identifiesPersons: false };
    const yes = order();
    yes.items[0]!.features = { covert: true, identifiesPersons: false };
    expect(fired(engine.assess(no, { asOf: AS_OF, answers: cleanAnswers }))).not.toContain('item-covert');
    const a = engine.assess(yes, { asOf: AS_OF, answers: cleanAnswers });
    expect(a.findings.find((f) => f.ruleId === 'item-covert')?.assumed).toBeUndefined();
    expect(a.missingInformation.map((m) => m.path)).not.toContain('items.i.features.covert');
  });

  it('a feature no capability makes plausible is not assumed (plain cameras)', () => {
    const a = engine.assess(
      order({ items: [{ id: 'i', description: 'Cameras', quantity: 1, capabilities: ['sensors-recording'] }] }),
      {
        asOf: AS_OF,
      },
    );
    expect(a.findings.some((f) => f.assumed)).toBe(false);
    expect(fired(a)).not.toContain('item-covert');
  });

  const FEATURES = ['covert', 'bulk', 'identifiesPersons', 'demographicClassification', 'remoteAccess'] as const;
  const plausible = defaultRuleset.parameters!.plausibleFeatures as Record<string, string[]>;
  const feature = fc.constantFrom(true, false, undefined);
  const item = fc.record({
    capabilities: fc.subarray(
      [...CAPABILITIES].filter((c) => c !== 'torture-execution'),
      { minLength: 1, maxLength: 3 },
    ),
    features: fc.tuple(...FEATURES.map(() => feature)),
  });
  const arbitraryOrder = fc.record({
    items: fc.array(item, { minLength: 1, maxLength: 2 }),
    type: fc.constantFrom('government-security', 'law-enforcement', 'private-company', 'telecom-operator', 'academic'),
    country: fc.constantFrom('DE', 'IN', 'KE', 'VN', 'SA', 'BR'),
    services: fc.subarray(['installation', 'training', 'hosting', 'data-analysis', 'customization'] as const),
  });

  it('filling any unknown plausible feature with its worst value never raises the risk or the decision', () => {
    fc.assert(
      fc.property(arbitraryOrder, (o) => {
        const tx = order({
          endUsers: [{ id: 'e', name: 'End User', country: o.country, type: o.type }],
          destination: o.country,
          items: o.items.map((it, n) => ({
            id: `i${n}`,
            description: 'Item',
            quantity: 1,
            capabilities: it.capabilities,
            features: Object.fromEntries(
              FEATURES.flatMap((f, k) => (it.features[k] === undefined ? [] : [[f, it.features[k]]])),
            ),
          })),
          services: o.services,
        });
        const unknown = engine.assess(tx, { asOf: AS_OF, answers: cleanAnswers });
        tx.items.forEach((it, n) => {
          const features = it.features as Record<string, boolean>;
          for (const f of Object.keys(plausible)) {
            if (f in features || !(it.capabilities as string[]).some((c) => plausible[f]!.includes(c))) continue;
            const filled = structuredClone(tx);
            (filled.items[n]!.features as Record<string, boolean>)[f] = true;
            const worst = engine.assess(filled, { asOf: AS_OF, answers: cleanAnswers });
            expect(worst.score.value, `${f} of item ${n}`).toBeLessThanOrEqual(unknown.score.value);
            expect(decisionRank(worst.decision)).toBeLessThanOrEqual(decisionRank(unknown.decision));
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('involvement changes outcomes (UNGP 19, 22, 29)', () => {
  it('a contribution of severity ≥ 3 is at least escalate and requires leverage; severity ≥ 3 requires a grievance channel', () => {
    const tx = order({
      endUsers: [{ id: 'e', name: 'Police', country: 'DE', type: 'law-enforcement' }],
      destination: 'DE',
      items: [
        { id: 'i', description: 'Analytics', quantity: 1, capabilities: ['data-analytics'], features: { bulk: false } },
      ],
      services: ['hosting'],
    });
    const a = engine.assess(tx, { asOf: AS_OF, answers: cleanAnswers });
    const ops = a.findings.find((f) => f.ruleId === 'dep-operational-support')!;
    expect(ops.involvement).toBe('contribute');
    expect(ops.severity.level).toBe(3);
    expect(a.decision).toBe('escalate');
    const types = a.requiredAssurances.map((r) => r.type);
    expect(types).toContain('suspension-right');
    expect(types).toContain('grievance-mechanism');
    expect(a.requiredAssurances.find((r) => r.type === 'suspension-right')!.because).toContain(
      'dep-operational-support',
    );
  });

  it('the same product without exporter services is directly linked and stays at conditions', () => {
    const tx = order({
      endUsers: [{ id: 'e', name: 'Police', country: 'DE', type: 'law-enforcement' }],
      destination: 'DE',
      items: [
        { id: 'i', description: 'Analytics', quantity: 1, capabilities: ['data-analytics'], features: { bulk: false } },
      ],
    });
    const a = engine.assess(tx, { asOf: AS_OF, answers: cleanAnswers });
    expect(a.findings.find((f) => f.ruleId === 'eu-security-agency')!.involvement).toBe('directly-linked');
    expect(a.decision).toBe('proceed-with-conditions');
  });

  it('responses are rule-set data: an overlay without them drops the floor', () => {
    const overlay = {
      id: 'no-responses',
      version: '1',
      title: 'No responses',
      extends: 'hrdd-default',
      parameters: { responses: [] },
    };
    const tx = order({
      endUsers: [{ id: 'e', name: 'Police', country: 'DE', type: 'law-enforcement' }],
      destination: 'DE',
      items: [
        { id: 'i', description: 'Analytics', quantity: 1, capabilities: ['data-analytics'], features: { bulk: false } },
      ],
      services: ['hosting'],
    });
    expect(createEngine({ ruleset: overlay }).assess(tx, { asOf: AS_OF, answers: cleanAnswers }).decision).toBe(
      'proceed-with-conditions',
    );
  });

  it('a malformed response or an undefined assurance type is rejected when the rule set loads', () => {
    const bad = {
      id: 'bad',
      version: '1',
      title: 'Bad',
      extends: 'hrdd-default',
      parameters: {
        responses: [
          { minSeverity: 9, because: 'x' },
          { assurances: ['no-such'], because: 'y' },
        ],
      },
    };
    expect(() => createEngine({ ruleset: bad })).toThrow(/parameters\.responses/);
  });
});

interface QuestionDef {
  id: string;
  type: string;
  blocking?: unknown;
  prompt: { en: string; de: string };
  options?: { value: string; label: { en: string; de: string } }[];
}
const QDEF = defaultQuestionnaire as unknown as { questions: QuestionDef[] };

describe('questionnaire', () => {
  const q = loadQuestionnaire(defaultQuestionnaire);
  const reads = JSON.stringify(defaultRuleset.rules);

  it('every collected answer feeds a rule', () => {
    const fed = (id: string) => reads.includes(`"answers.${id}"`);
    // Free-text answers are read by the person reviewing, and by rules that match text in them.
    const text = QDEF.questions.filter((x) => x.type === 'text').map((x) => x.id);
    const unfed = QDEF.questions.map((x) => x.id).filter((id) => !fed(id) && !text.includes(id));
    expect(unfed).toEqual([]);
  });

  it('blocking conditions read the rule-set parameters, not a hard-coded threshold', () => {
    expect(JSON.stringify(QDEF)).not.toMatch(/"civilLiberties"\}, ?0\.\d/);
    const text = JSON.stringify(QDEF.questions.map((x) => x.blocking ?? null));
    expect(text).toContain('params.civilLibertiesThreshold');
  });

  it('a follow-up shows only after the question it follows is answered', () => {
    const facts = engine.facts(order(), { asOf: AS_OF });
    const ids = (answers: Record<string, unknown>) => q.visibleQuestions(answers, facts).map((x) => x.id);
    expect(ids({})).not.toContain('capability_exceeds_mandate');
    expect(ids({ end_user_mandate: 'Investigations' })).toContain('capability_exceeds_mandate');
    expect(ids({})).not.toContain('customization_targeting');
    expect(ids({ customization_requested: true })).toContain('customization_targeting');
  });

  it('security end users of general ICT the exporter hosts or analyses for see the relevant questions; office laptops see only the misuse question, not required', () => {
    const cloud = order({
      items: [{ id: 'i', description: 'Private cloud', quantity: 1, capabilities: ['general-ict'] }],
      services: ['hosting', 'data-analysis'],
    });
    const laptops = order({ items: [{ id: 'i', description: 'Laptops', quantity: 1, capabilities: ['general-ict'] }] });
    const visible = (tx: Tx) => q.visibleQuestions({}, engine.facts(tx, { asOf: AS_OF })).map((x) => x.id);
    for (const id of [
      'misuse_reports',
      'government_links',
      'judicial_authorisation',
      'suspension_right',
      'grievance_channel',
    ])
      expect(visible(cloud)).toContain(id);
    // A credible record of misuse by the buyer matters for any dual-use sale; the security questions do not apply.
    expect(visible(laptops)).toContain('misuse_reports');
    expect(visible(laptops)).not.toContain('government_links');
    const missing = engine.assess(laptops, { asOf: AS_OF }).missingInformation.map((m) => m.path);
    expect(missing).not.toContain('answers.misuse_reports');
    expect(engine.assess(cloud, { asOf: AS_OF }).missingInformation.map((m) => m.path)).toContain(
      'answers.misuse_reports',
    );
  });

  it('every question speaks English and German', () => {
    for (const x of QDEF.questions) {
      expect(x.prompt.en, x.id).toBeTruthy();
      expect(x.prompt.de, x.id).toBeTruthy();
      for (const o of x.options ?? []) expect(o.label.de, `${x.id}.${o.value}`).toBeTruthy();
    }
  });
});

describe('civil-liberties bands', () => {
  it('the partly-free band moves with the rule-set parameters', () => {
    const tx = order({
      endUsers: [{ id: 'e', name: 'Shop', country: 'DE', type: 'private-company' }],
      destination: 'DE',
      items: [{ id: 'i', description: 'Cameras', quantity: 1, capabilities: ['sensors-recording'] }],
    });
    expect(fired(engine.assess(tx, { asOf: AS_OF }))).not.toContain('cty-partly-free');
    const strict = createEngine({
      ruleset: {
        id: 'strict',
        version: '1',
        title: 'Strict',
        extends: 'hrdd-default',
        parameters: { civilLibertiesWatch: 0.99 },
      },
    });
    expect(fired(strict.assess(tx, { asOf: AS_OF }))).toContain('cty-partly-free');
  });
});
