import { describe, expect, it } from 'vitest';
import { createEngine, factsRuleCheck, factsShape } from '../../src/engine/index.js';
import { checkPaths, parseLogic, resolvePath, ruleOperations } from '../../src/logic/index.js';
import { defaultQuestionnaire, loadQuestionnaire } from '../../src/questionnaire/index.js';
import { defaultRuleset, loadRuleset } from '../../src/rules/index.js';
import { issuesOf } from '../helpers.js';

const rule = (extra: Record<string, unknown>) => ({
  id: 'acme-rule',
  title: 'Acme rule',
  description: 'A rule of an overlay.',
  category: 'transaction',
  when: true,
  severity: { scale: 2, scope: 2, irremediability: 2 },
  likelihood: 2,
  refs: ['UNGP-19'],
  rationale: 'Because.',
  ...extra,
});
const overlay = (...rules: unknown[]) => ({ id: 'acme', version: '1', title: 'Acme', extends: 'hrdd-default', rules });

describe('static checks of the paths rules read', () => {
  const questionIds = (defaultQuestionnaire as { questions: { id: string }[] }).questions.map((q) => q.id);
  const load = (json: unknown) => loadRuleset(json, { checkRule: factsRuleCheck({ questionIds }) });

  it('the default rule set and questionnaire pass', () => {
    expect(() => load(defaultRuleset)).not.toThrow();
    expect(() => createEngine()).not.toThrow();
  });

  it('rejects a misspelt transaction path, naming rule, path and the path meant', () => {
    const issues = issuesOf(() =>
      load(overlay(rule({ when: { '==': [{ var: 'transaction.paymnet.method' }, 'cash'] } }))),
    );
    expect(issues).toEqual([
      {
        path: 'rules[0].when["=="][0].var',
        message:
          'rule "acme-rule": reads "transaction.paymnet.method": no "paymnet" in transaction; did you mean "transaction.payment.method"?',
      },
    ]);
    // The engine runs the same check.
    expect(issuesOf(() => createEngine({ ruleset: overlay(rule({ when: { var: 'transaction.paymnet' } })) }))).toEqual([
      expect.objectContaining({ path: 'rules[0].when.var' }),
    ]);
  });

  it('checks answers against the questionnaire in use, params, derived facts and forEach elements', () => {
    const issues = issuesOf(() =>
      load(
        overlay(
          rule({ id: 'a-1', when: { var: 'answers.noSuchQuestion' } }),
          rule({ id: 'a-2', when: { var: 'params.noSuchParameter' } }),
          rule({ id: 'a-3', when: { var: 'derived.surveilance' } }),
          rule({ id: 'a-4', forEach: 'transaction.items', when: { var: 'it.capabilites' } }),
          rule({ id: 'a-5', when: { some: [{ var: 'transaction.items' }, { var: 'featurs.covert' }] } }),
          rule({ id: 'a-6', forEach: 'transaction.itemz', rationale: 'About {{it.description}}' }),
          rule({ id: 'a-7', rationale: 'Value {{derived.totalValu}}', refs: ['UNGP-91'] }),
        ),
      ),
    );
    const text = issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(text).toContain('rules[0].when.var: rule "a-1": reads "answers.noSuchQuestion"');
    expect(text).toContain('rules[1].when.var: rule "a-2": reads "params.noSuchParameter"');
    expect(text).toContain('did you mean "derived.surveillance"?');
    expect(text).toContain('did you mean "it.capabilities"?');
    expect(text).toContain('rules[4].when.some[1].var: rule "a-5": reads "featurs.covert"');
    expect(text).toContain('did you mean "features.covert"?');
    expect(text).toContain('rules[5].forEach: rule "a-6": "transaction.itemz"');
    expect(text).toContain('rules[6].rationale: rule "a-7": placeholder {{derived.totalValu}}');
    expect(text).toContain('rules[6].refs[0]: rule "a-7": unknown reference "UNGP-91"');
  });

  it('accepts optional facts, list indices, lengths, country codes and indicator names', () => {
    const when = {
      and: [
        { var: 'transaction.consignee.ownership.stateOwned' },
        { var: 'transaction.items.0.features.covert' },
        { '>': [{ var: 'transaction.endUsers.length' }, 1] },
        { var: 'derived.countries.CN.indicators.civilLiberties' },
        { missing: ['transaction.payment.amount', 'answers.end_use_statement'] },
        { reduce: [{ var: 'transaction.items' }, { '+': [{ var: 'accumulator' }, { var: 'current.quantity' }] }, 0] },
      ],
    };
    expect(() => load(overlay(rule({ when })))).not.toThrow();
  });

  it('questionnaire conditions are checked against the same facts', () => {
    const def = structuredClone(defaultQuestionnaire) as { questions: Record<string, unknown>[] };
    def.questions[0]!.visibleIf = { '==': [{ var: 'transaction.destinaton' }, 'CN'] };
    const issues = issuesOf(() => loadQuestionnaire(def, { facts: factsShape({ parameters: {} }) }));
    expect(issues[0]!.message).toContain('did you mean "transaction.destination"?');
    expect(issues[0]!.path).toMatch(/^questions\[0\]\.visibleIf/);
  });

  it('resolves shapes from the zod model: a field added there is known without another declaration', () => {
    const shape = factsShape({ parameters: { highRiskCapabilities: ['x'] } });
    expect(resolvePath(shape, 'transaction.route.transitCountries.0').shape).toBeDefined();
    expect(resolvePath(shape, 'params.highRiskCapabilities.length').shape).toBeDefined();
    expect(resolvePath(shape, 'transaction.destination.code').problem).toContain('value with no field');
    const parsed = parseLogic({ var: 'asOf.year' }, { operations: ruleOperations() }).parsed!;
    expect(checkPaths(parsed, shape)).toHaveLength(1);
  });
});

describe('a rule that fails is named', () => {
  it('a rule over its work budget is reported with its id', async () => {
    const { baseTransaction } = await import('../helpers.js');
    const heavy = rule({
      id: 'acme-heavy',
      when: {
        some: [
          { var: 'transaction.items' },
          { some: [{ var: 'capabilities' }, { '==': [{ '+': new Array(5000).fill(1) }, 0] }] },
        ],
      },
    });
    const engine = createEngine({ ruleset: overlay(heavy) });
    const tx = structuredClone(baseTransaction()) as { items: Record<string, unknown>[] };
    tx.items = Array.from({ length: 300 }, (_, i) => ({
      ...tx.items[0],
      id: `I-${i}`,
      capabilities: ['data-analytics'],
    }));
    const issues = issuesOf(() => engine.assess(tx, { asOf: '2026-11-01' }));
    expect(issues[0]!.path).toBe('rules["acme-heavy"]');
    expect(issues[0]!.message).toContain('work budget');
  });

  it('an infinite total value is bad input, not an unknown', async () => {
    const { baseTransaction } = await import('../helpers.js');
    const tx = structuredClone(baseTransaction()) as { items: Record<string, unknown>[] };
    tx.items = [{ ...tx.items[0], quantity: 1e308, unitPrice: { amount: 1e308, currency: 'EUR' } }];
    const issues = issuesOf(() => createEngine().assess(tx, { asOf: '2026-11-01' }));
    expect(issues[0]!.path).toBe('items');
  });
});

describe('a rule set loaded before the engine sees it', () => {
  it('is still checked against the facts', () => {
    const loaded = loadRuleset(overlay(rule({ when: { var: 'transaction.paymnet' } })));
    expect(issuesOf(() => createEngine({ ruleset: loaded }))[0]!.message).toContain('did you mean');
  });
});
