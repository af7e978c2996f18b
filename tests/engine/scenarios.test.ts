import { describe, expect, it } from 'vitest';
import { AssessmentSchema, createEngine, decisionRank } from '../../src/index.js';
import { baseTransaction, example, exampleTransactions } from '../helpers.js';
import { cleanAnswers, withAssurances } from './fixtures.js';

const engine = createEngine();
const AS_OF = '2026-11-01';
const fired = (a: { findings: { ruleId: string }[] }) => a.findings.map((f) => f.ruleId);

describe('decisions a compliance officer would defend', () => {
  it('facial recognition for police in a low civil-liberties country: at least escalate', () => {
    const a = engine.assess(example('02-'), { asOf: AS_OF });
    expect(decisionRank(a.decision)).toBeGreaterThanOrEqual(decisionRank('escalate'));
    expect(fired(a)).toEqual(expect.arrayContaining(['highest-risk-combination', 'cty-not-free']));
    expect(a.hardStops).toBeUndefined();
  });

  it('the same platform stated to classify people by ethnicity: a hard stop (targeting of groups)', () => {
    const tx = example('02-') as { items: { features: Record<string, boolean> }[] };
    tx.items[0]!.features.demographicClassification = true;
    const a = engine.assess(tx, { asOf: AS_OF });
    expect(a.decision).toBe('decline');
    expect(fired(a)).toEqual(
      expect.arrayContaining(['hard-stop-targeting', 'item-demographic', 'highest-risk-combination']),
    );
    expect(a.hardStops?.map((h) => h.ruleId)).toEqual(['hard-stop-targeting']);
    expect(a.requiredAssurances).toEqual([]);
  });

  it('the same platform with the classification left unstated: a decline that stating the feature can cure, not a hard stop', () => {
    const tx = example('02-') as { items: { features: Record<string, boolean> }[] };
    delete tx.items[0]!.features.demographicClassification;
    const a = engine.assess(tx, { asOf: AS_OF });
    expect(a.decision).toBe('decline');
    expect(a.hardStops).toBeUndefined();
    expect(a.findings.find((f) => f.ruleId === 'hard-stop-targeting')?.assumed).toEqual([
      'items.it-1.features.demographicClassification',
    ]);
    expect(a.missingInformation).toContainEqual(
      expect.objectContaining({ path: 'items.it-1.features.demographicClassification', blocking: true }),
    );
  });

  it('the same for police in a high civil-liberties country: conditions, then proceed once assurances and answers are on file', () => {
    const tx = example('03-');
    const first = engine.assess(tx, { asOf: AS_OF });
    expect(first.decision).toBe('proceed-with-conditions');
    expect(first.missingInformation.every((m) => !m.blocking)).toBe(true);
    const outstanding = first.requiredAssurances
      .filter((r) => r.status === 'outstanding')
      .map((r) => [r.type, r.from!] as [string, string]);
    expect(outstanding.length).toBeGreaterThan(0);
    const complete = engine.assess(withAssurances(tx, outstanding), { asOf: AS_OF, answers: cleanAnswers });
    expect(complete.missingInformation).toEqual([]);
    expect(complete.requiredAssurances.every((r) => r.status === 'satisfied')).toBe(true);
    expect(complete.decision).toBe('proceed');
  });

  it('office laptops to a private company: proceed', () => {
    expect(engine.assess(baseTransaction(), { asOf: AS_OF }).decision).toBe('proceed');
    expect(engine.assess(example('01-'), { asOf: AS_OF }).decision).toBe('proceed');
  });

  it('any torture-execution item: decline', () => {
    const tx = baseTransaction();
    (tx.items as Record<string, unknown>[])[0]!.capabilities = ['torture-execution'];
    const a = engine.assess(tx, { asOf: AS_OF });
    expect(a.decision).toBe('decline');
    expect(fired(a)).toContain('item-torture-execution');
  });

  it('any country under comprehensive sanctions: decline, even as an intermediary', () => {
    const tx = baseTransaction();
    tx.intermediaries = [{ id: 'im', name: 'Bandar Abbas Logistics', country: 'IR', type: 'freight-forwarder' }];
    expect(engine.assess(tx, { asOf: AS_OF }).decision).toBe('decline');
    expect(engine.assess(example('11-'), { asOf: AS_OF }).decision).toBe('decline');
  });

  it('a reseller with no named end user for interception equipment: at least escalate', () => {
    const a = engine.assess(example('12-'), { asOf: AS_OF });
    expect(decisionRank(a.decision)).toBeGreaterThanOrEqual(decisionRank('escalate'));
    expect(fired(a)).toContain('eu-no-named-end-user');
  });

  it('cash payment for costly surveillance items raises RF-TX-PAYMENT', () => {
    const a = engine.assess(example('06-'), { asOf: AS_OF });
    const payment = a.findings.find((f) => f.ruleId === 'tx-payment');
    expect(payment?.refs).toContain('RF-TX-PAYMENT');
    expect(payment?.facts['transaction.payment.method']).toBe('cash');
    const bank = example('06-');
    bank.payment = { method: 'bank-transfer' };
    expect(fired(engine.assess(bank, { asOf: AS_OF }))).not.toContain('tx-payment');
  });

  it('targeting customisation for a security end user in a high-risk country: decline', () => {
    const answers = { ...cleanAnswers, customization_requested: true, customization_targeting: true };
    expect(engine.assess(example('02-'), { asOf: AS_OF, answers }).decision).toBe('decline');
    expect(engine.assess(example('03-'), { asOf: AS_OF, answers }).decision).toBe('escalate');
  });

  it('awareness of intended repression: escalate with the authority consultation required', () => {
    const a = engine.assess(example('03-'), { asOf: AS_OF, answers: { ...cleanAnswers, aware_of_repression: true } });
    expect(a.decision).toBe('escalate');
    expect(a.requiredAssurances.find((r) => r.type === 'authority-consultation')?.status).toBe('outstanding');
  });

  it('operation, hosting or analysis services move involvement to contribute', () => {
    const a = engine.assess(example('05-'), { asOf: AS_OF });
    expect(a.findings.find((f) => f.ruleId === 'dep-operational-support')?.involvement).toBe('contribute');
  });
});

describe('every example', () => {
  const reference = createEngine({ evaluator: 'reference' });
  it.each(exampleTransactions())('%s: valid Assessment, same in both evaluators, byte-identical on re-run', (_, tx) => {
    const a = engine.assess(tx, { asOf: AS_OF, trace: true });
    expect(() => AssessmentSchema.parse(a)).not.toThrow();
    expect(JSON.stringify(engine.assess(tx, { asOf: AS_OF, trace: true }))).toBe(JSON.stringify(a));
    expect(JSON.stringify(reference.assess(tx, { asOf: AS_OF, trace: true }))).toBe(JSON.stringify(a));
  });
});
