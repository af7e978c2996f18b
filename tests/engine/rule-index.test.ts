import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgementOrders } from '../../scripts/judgement-orders.js';
import { compileRules } from '../../src/engine/compile-rules.js';
import { evaluateRules } from '../../src/engine/evaluate.js';
import { CAPABILITIES, createEngine, defaultQuestionnaire, defaultRuleset, PARTY_TYPES } from '../../src/index.js';
import { LOGIC_LIMITS, parseLogic, ruleOperations, worstCase } from '../../src/logic/index.js';
import { loadRuleset, ruleGuards } from '../../src/rules/index.js';
import { exampleTransactions } from '../helpers.js';

// The compiled evaluator skips a rule whose guard is false and evaluates a field that reads no element once per
// assessment. The reference evaluator does neither (every rule and field as written), and a trace makes the compiled
// evaluator run every rule: all three must give byte-identical assessments.
const compiled = createEngine();
const reference = createEngine({ evaluator: 'reference' });
const ops = ruleOperations();

function expectSame(transaction: unknown, options: { asOf: string; answers?: Record<string, unknown> }): void {
  const fast = compiled.assess(transaction, options);
  expect(JSON.stringify(reference.assess(transaction, options))).toBe(JSON.stringify(fast));
  const traced = compiled.assess(transaction, { ...options, trace: true });
  expect(traced.trace?.length).toBeGreaterThan(0);
  delete traced.trace;
  expect(JSON.stringify(traced)).toBe(JSON.stringify(fast));
}

describe('ruleGuards: the preconditions a rule is indexed by', () => {
  it('takes conjuncts of the top-level and, up to the first one that may charge work', () => {
    const when = {
      and: [
        { var: 'derived.surveillance' },
        { '==': [{ var: 'answers.x' }, true] },
        { intersects: [{ var: 'derived.partyTypes' }, ['military']] },
        { var: 'derived.highRiskCapability' },
      ],
    };
    expect(ruleGuards(when, ops).map((g) => g.logic)).toEqual([
      { var: 'derived.surveillance' },
      { '==': [{ var: 'answers.x' }, true] },
      { intersects: [{ var: 'derived.partyTypes' }, ['military']] },
    ]);
  });

  it('leaves out the element, probed indicators and computed paths, but keeps looking past them', () => {
    const when = {
      and: [
        { '==': [{ var: 'it.role' }, 'end-user'] },
        { '<': [{ var: 'derived.destination.indicators.civilLiberties' }, 0.5] },
        { var: 'derived.destination.known' },
        { '!': { var: 'derived.countries.RU.indicators.civilLiberties' } },
      ],
    };
    expect(ruleGuards(when, ops).map((g) => g.logic)).toEqual([{ var: 'derived.destination.known' }]);
    expect(ruleGuards({ var: { cat: ['answers.', 'x'] } }, ops)).toEqual([]);
    expect(ruleGuards({ some: [{ var: 'it.capabilities' }, { var: '' }] }, ops)).toEqual([]);
    expect(ruleGuards(true, ops)).toEqual([]);
  });

  it('a condition that is not an and is its own guard, with the full budget', () => {
    expect(ruleGuards({ '==': [{ var: 'answers.x' }, true] }, ops)).toEqual([
      { logic: { '==': [{ var: 'answers.x' }, true] }, budget: LOGIC_LIMITS.budget },
    ]);
  });

  it("a guard's budget is the rule's less the most the other conjuncts could charge", () => {
    const when = {
      and: [
        { some: [{ var: 'transaction.items' }, { var: 'customized' }] },
        { in: ['x', { var: 'derived.capabilities' }] },
      ],
    };
    const tree = parseLogic(when, { operations: ops }).parsed!.tree;
    const first = parseLogic(when.and[0], { operations: ops }).parsed!.tree;
    const [guard] = ruleGuards(when, ops);
    expect(guard!.budget).toBe(LOGIC_LIMITS.budget - (worstCase(tree) - worstCase(first)));
    expect(guard!.budget).toBeLessThan(LOGIC_LIMITS.budget);
  });

  it('indexes most rules of the default rule set', () => {
    const rules = defaultRuleset.rules ?? [];
    const guarded = rules.filter((r) => ruleGuards(r.when, ruleOperations()).length > 0);
    expect(guarded.length).toBeGreaterThan(rules.length / 2);
  });
});

describe('indexed and unindexed evaluation give byte-identical assessments', () => {
  it.each(exampleTransactions())('example %s, with and without answers', (_, tx) => {
    expectSame(tx, { asOf: '2026-11-01' });
    expectSame(tx, {
      asOf: '2026-11-01',
      answers: { government_links: true, end_use_statement: 'accepted', misuse_reports: true, reexport_plans: 'none' },
    });
  });

  it.each(judgementOrders())('judgement order %s', (_, order) => {
    expectSame(order.transaction, { asOf: order.asOf, answers: order.answers });
  });

  // Generated orders across what the guards test: capabilities, party types, destinations in and out of sanctioned
  // and embargoed groups, jurisdictions, services, payment, transit, and answers that trip the answer rules.
  const booleans = [
    'sensitive_region',
    'capability_exceeds_mandate',
    'government_links',
    'misuse_reports',
    'customization_requested',
    'customization_targeting',
    'safeguard_removal',
    'database_integration',
    'declines_support',
    'familiar_with_product',
    'training_accepted',
    'remote_access',
    'aware_of_repression',
    'config_mismatch',
    'delivery_vague',
    'routing_unusual',
    'country_repression',
  ];
  const questionIds = new Set(defaultQuestionnaire.questions.map((q) => q.id));
  const country = fc.constantFrom('DE', 'US', 'GB', 'RU', 'BY', 'IR', 'KP', 'SY', 'CN', 'AE', 'VN', 'KE', 'NO', 'MM');
  const arbitraryOrder = fc.record({
    exporter: fc.constantFrom('DE', 'US', 'GB', 'SE', 'FR'),
    destination: country,
    transit: fc.subarray(['AE', 'TR', 'KZ', 'AM']),
    types: fc.array(fc.constantFrom(...PARTY_TYPES), { minLength: 1, maxLength: 2 }),
    consignee: fc.option(fc.constantFrom('freight-forwarder', 'reseller', 'private-company'), { nil: undefined }),
    items: fc.array(
      fc.record({
        capabilities: fc.subarray([...CAPABILITIES], { maxLength: 3 }),
        covert: fc.option(fc.boolean(), { nil: undefined }),
        customized: fc.boolean(),
        code: fc.option(fc.constantFrom('5A001.f.1', '5D001', '4A005', '5A002'), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    services: fc.subarray(['installation', 'training', 'maintenance', 'hosting', 'data-analysis', 'customization']),
    payment: fc.constantFrom('bank-transfer', 'cash', 'cryptocurrency', 'third-party'),
    address: fc.constantFrom('Main Street 1', 'Simferopol, Crimea', 'Donetsk'),
    answers: fc.record(Object.fromEntries(booleans.map((id) => [id, fc.boolean()])), { requiredKeys: [] }),
    refusals: fc.subarray(['end_use_statement', 'human_rights_clause', 'audits_accepted', 'suspension_right']),
  });

  it('generated orders', () => {
    fc.assert(
      fc.property(arbitraryOrder, (o) => {
        const tx = {
          id: 'G-1',
          date: '2026-10-01',
          exporter: { id: 'x', name: 'Exporter', country: o.exporter, type: 'private-company' },
          ...(o.consignee
            ? { consignee: { id: 'c', name: 'Consignee', country: o.destination, type: o.consignee } }
            : {}),
          endUsers: o.types.map((type, n) => ({
            id: `e${n}`,
            name: `End User ${n}`,
            country: o.destination,
            type,
            address: o.address,
          })),
          destination: o.destination,
          items: o.items.map((item, n) => ({
            id: `i${n}`,
            description: 'Item',
            quantity: 2,
            unitPrice: { amount: 40_000, currency: 'EUR' },
            capabilities: item.capabilities,
            customized: item.customized,
            ...(item.covert === undefined ? {} : { features: { covert: item.covert } }),
            ...(item.code ? { classifications: [{ regime: 'EU', code: item.code }] } : {}),
          })),
          services: o.services,
          payment: { method: o.payment },
          ...(o.transit.length > 0 ? { route: { transitCountries: o.transit } } : {}),
        };
        const answers: Record<string, unknown> = { ...o.answers };
        for (const id of o.refusals) answers[id] = 'refused';
        for (const id of Object.keys(answers)) expect(questionIds.has(id), id).toBe(true);
        expectSame(tx, { asOf: '2026-11-01', answers });
      }),
      { numRuns: 150 },
    );
  });
});

describe('a guard that cannot be evaluated lets its rule run', () => {
  it('a guard out of budget (or failing) is taken as true: the rule is evaluated as written', () => {
    const ruleset = loadRuleset(defaultRuleset);
    const compiledRules = compileRules(ruleset, 'compiled', ruleOperations());
    const facts = compiled.facts(exampleTransactions()[1]![1], { asOf: '2026-11-01' });
    const normal = evaluateRules(compiledRules, facts, false);
    const failing = {
      ...compiledRules,
      guards: compiledRules.guards.map(() =>
        Object.assign(
          () => {
            throw new Error('over budget');
          },
          { reads: [] },
        ),
      ),
    };
    const all = evaluateRules(failing, facts, false);
    expect(JSON.stringify(all.matches.map((m) => m.finding))).toBe(
      JSON.stringify(normal.matches.map((m) => m.finding)),
    );
    expect(all.notEvaluated).toEqual(normal.notEvaluated);
    expect(all.missing).toEqual(normal.missing);
  });
});
