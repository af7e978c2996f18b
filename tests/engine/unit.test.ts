import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compareFindings, impliedDecision, scoreBand } from '../../src/engine/index.js';
import {
  canonicalHash,
  createEngine,
  DECISIONS,
  decisionRank,
  defaultRuleset,
  type Finding,
  HrddError,
  loadRuleset,
  parseTransaction,
} from '../../src/index.js';
import { DEFAULT_DECISION_POLICY } from '../../src/rules/index.js';
import { baseTransaction, example, exampleTransactions } from '../helpers.js';

const finding = (level: number, likelihood: number, ruleId = 'r', subject = 's'): Finding => ({
  ruleId,
  title: ruleId,
  category: 'item',
  subject: { kind: 'item', id: subject },
  severity: { scale: level, scope: 1, irremediability: 1, level },
  likelihood,
  risk: level * likelihood,
  refs: ['UNGP-14'],
  rationale: '',
  facts: {},
});

describe('decision floors', () => {
  it('severity 4 is never below conditions, and escalates at likelihood ≥ 3', () => {
    const lenient = {
      ...DEFAULT_DECISION_POLICY,
      table: DEFAULT_DECISION_POLICY.table.map((row) => row.map(() => 'proceed')),
    } as typeof DEFAULT_DECISION_POLICY;
    expect(impliedDecision(finding(4, 1), undefined, lenient)).toBe('proceed-with-conditions');
    expect(impliedDecision(finding(4, 2), undefined, lenient)).toBe('proceed-with-conditions');
    expect(impliedDecision(finding(4, 3), undefined, lenient)).toBe('escalate');
    expect(impliedDecision(finding(3, 4), undefined, lenient)).toBe('proceed');
    expect(impliedDecision(finding(1, 1), 'decline', lenient)).toBe('decline');
  });

  it('score bands', () => {
    expect([0, 1, 4, 5, 8, 9, 12, 13, 16].map(scoreBand)).toEqual([
      'none',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('ranks by severity, then likelihood, then rule id and subject', () => {
    const list = [
      finding(2, 4, 'b'),
      finding(3, 1, 'z'),
      finding(3, 2, 'y'),
      finding(2, 4, 'a', 't'),
      finding(2, 4, 'a', 's'),
    ];
    expect(list.sort(compareFindings).map((f) => `${f.ruleId}${f.subject!.id}`)).toEqual([
      'ys',
      'zs',
      'as',
      'at',
      'bs',
    ]);
  });
});

describe('assurances on file', () => {
  const engine = createEngine({ questionnaire: false });
  const tx = (obtainedOn: string, validUntil?: string) => ({
    ...example('03-'),
    assurances: [{ type: 'human-rights-clause', from: 'eu-1', obtainedOn, ...(validUntil ? { validUntil } : {}) }],
  });
  const status = (t: Record<string, unknown>, asOf: string) =>
    engine.assess(t, { asOf }).requiredAssurances.find((r) => r.type === 'human-rights-clause')!.status;

  it('are valid on their expiry day and outstanding the day after', () => {
    expect(status(tx('2026-01-01', '2026-06-30'), '2026-06-30')).toBe('satisfied');
    expect(status(tx('2026-01-01', '2026-06-30'), '2026-07-01')).toBe('outstanding');
  });

  it('without validUntil, last for the definition’s validity period (365 days)', () => {
    expect(status(tx('2026-01-01'), '2027-01-01')).toBe('satisfied');
    expect(status(tx('2026-01-01'), '2027-01-02')).toBe('outstanding');
  });

  it('do not count before they were obtained, nor from another party', () => {
    expect(status(tx('2026-12-01'), '2026-11-01')).toBe('outstanding');
    const other = {
      ...example('03-'),
      assurances: [{ type: 'human-rights-clause', from: 'exp-1', obtainedOn: '2026-01-01' }],
    };
    expect(status(other, '2026-06-01')).toBe('outstanding');
  });

  it('reviewBy is the earlier of the band interval and the first expiry relied on', () => {
    const a = engine.assess(tx('2026-01-01', '2026-12-01'), { asOf: '2026-11-01' });
    expect(a.reviewBy).toBe('2026-12-01');
  });
});

describe('rule sets', () => {
  it('reject bad rules with the rule id and JSON path', () => {
    const bad = structuredClone(defaultRuleset);
    bad.rules![2]!.when = { and: [true, { constructor: [1] }] };
    bad.rules![5]!.assurances = ['end-use-statement', 'no-reexport'];
    bad.assurances = bad.assurances!.filter((a) => a.type !== 'no-reexport');
    try {
      loadRuleset(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HrddError);
      const issues = (error as HrddError).issues;
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: 'rules[2].when.and[1].constructor',
            message: expect.stringContaining(bad.rules![2]!.id),
          }),
          expect.objectContaining({
            path: 'rules[5].assurances[1]',
            message: expect.stringContaining('no definition'),
          }),
        ]),
      );
    }
    const dup = structuredClone(defaultRuleset);
    dup.rules![3]!.id = dup.rules![4]!.id;
    expect(() => loadRuleset(dup)).toThrow(/duplicate rule id/);
  });

  it('overlays change parameters, disable, replace and add rules, keeping origins', () => {
    const overlay = {
      id: 'acme-strict',
      version: '1',
      title: 'ACME',
      extends: 'hrdd-default',
      parameters: { civilLibertiesThreshold: 0.95 },
      disable: ['tx-payment'],
      rules: [
        { ...defaultRuleset.rules!.find((r) => r.id === 'item-bulk')!, title: 'Bulk (ACME)' },
        {
          id: 'acme-no-drones',
          title: 'No drones',
          description: 'ACME policy.',
          category: 'item',
          when: { some: [{ var: 'transaction.items' }, { in: ['drone', { var: 'description' }] }] },
          severity: { scale: 2, scope: 2, irremediability: 2 },
          likelihood: 2,
          refs: ['UNGP-18'],
          rationale: 'Drones are off our list.',
          minDecision: 'escalate',
        },
      ],
    };
    const rs = loadRuleset(overlay, { base: defaultRuleset });
    expect(rs.base?.id).toBe('hrdd-default');
    expect(rs.parameters.civilLibertiesThreshold).toBe(0.95);
    expect(rs.rules.find((r) => r.id === 'tx-payment')!.enabled).toBe(false);
    expect(rs.rules.find((r) => r.id === 'item-bulk')!.origin.kind).toBe('replaced');
    expect(rs.rules.find((r) => r.id === 'acme-no-drones')!.origin).toEqual({
      ruleset: 'acme-strict',
      version: '1',
      kind: 'overlay',
    });
    expect(rs.rules.find((r) => r.id === 'item-covert')!.origin.kind).toBe('base');
    expect(rs.hash).not.toBe(loadRuleset(defaultRuleset).hash);
    const engine = createEngine({ ruleset: overlay });
    const cash = engine.assess(example('06-'), { asOf: '2026-11-01' });
    expect(cash.findings.map((f) => f.ruleId)).not.toContain('tx-payment');
    expect(cash.findings.map((f) => f.ruleId)).toContain('cty-not-free'); // 0.95 threshold: KZ now counts as not free
    expect(() => loadRuleset({ ...overlay, disable: ['no-such-rule'] })).toThrow(/no rule "no-such-rule"/);
  });
});

describe('properties', () => {
  const transactions = exampleTransactions().map(([, tx]) => tx);
  const extraRule = fc.record({
    severity: fc.record({
      scale: fc.integer({ min: 1, max: 4 }),
      scope: fc.integer({ min: 1, max: 4 }),
      irremediability: fc.integer({ min: 1, max: 4 }),
    }),
    likelihood: fc.integer({ min: 1, max: 4 }),
    minDecision: fc.option(fc.constantFrom(...DECISIONS), { nil: undefined }),
  });

  it('adding a matching rule never lowers the decision', () => {
    const base = createEngine({ questionnaire: false });
    fc.assert(
      fc.property(fc.constantFrom(...transactions), extraRule, (tx, extra) => {
        const ruleset = structuredClone(defaultRuleset);
        ruleset.rules!.push({
          id: 'extra',
          title: 'Extra',
          description: 'Always matches.',
          category: 'transaction',
          when: true,
          refs: ['UNGP-18'],
          rationale: 'extra',
          ...extra,
          ...(extra.minDecision ? {} : { minDecision: undefined }),
        });
        const before = base.assess(tx, { asOf: '2026-11-01' }).decision;
        const after = createEngine({ ruleset, questionnaire: false }).assess(tx, { asOf: '2026-11-01' }).decision;
        expect(decisionRank(after)).toBeGreaterThanOrEqual(decisionRank(before));
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('the process clock, time zone and locale change nothing', () => {
    const engine = createEngine();
    const run = () =>
      JSON.stringify(exampleTransactions().map(([, tx]) => engine.assess(tx, { asOf: '2026-11-01', trace: true })));
    const reference = run();
    const saved = { TZ: process.env.TZ, LANG: process.env.LANG };
    try {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('1999-12-31T23:59:59Z'));
      process.env.TZ = 'Pacific/Kiritimati';
      process.env.LANG = 'tr_TR.UTF-8';
      expect(run()).toBe(reference);
      process.env.TZ = 'America/St_Johns';
      expect(run()).toBe(reference);
    } finally {
      vi.useRealTimers();
      process.env.TZ = saved.TZ;
      process.env.LANG = saved.LANG;
    }
  });

  it('rejects bad input with paths, never a bare error', () => {
    const engine = createEngine();
    expect(() => engine.assess({ ...baseTransaction(), destination: 'XX' }, { asOf: '2026-11-01' })).toThrow(HrddError);
    expect(() => engine.assess(baseTransaction(), { asOf: '2026-13-01' })).toThrow(HrddError);
    expect(() => engine.assess(example('03-'), { asOf: '2026-11-01', answers: { misuse_reports: 'maybe' } })).toThrow(
      /answers.misuse_reports/,
    );
  });

  it('ignores answers to hidden questions with a note', () => {
    const a = createEngine().assess(baseTransaction(), { asOf: '2026-11-01', answers: { government_links: true } });
    expect(a.notes?.[0]).toContain('government_links');
    expect(a.findings).toEqual([]);
  });
});

describe('provenance.inputHash', () => {
  const reversed = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(reversed)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([k, v]) => [k, reversed(v)]),
          )
        : value;

  it('is the canonical hash of the parsed transaction and the answers, whatever the key order of the input', () => {
    const engine = createEngine({ questionnaire: false });
    const answers = { 'end-use': { statement: true, signedBy: 'eu-1' }, audits: 'accepted' };
    for (const [, tx] of exampleTransactions()) {
      const a = engine.assess(tx, { asOf: '2026-11-01', answers });
      const b = engine.assess(reversed(tx), {
        asOf: '2026-11-01',
        answers: reversed(answers) as Record<string, unknown>,
      });
      expect(a.provenance.inputHash).toBe(canonicalHash({ transaction: parseTransaction(tx), answers }));
      expect(b.provenance.inputHash).toBe(a.provenance.inputHash);
    }
  });
});
