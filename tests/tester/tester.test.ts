import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRuleset, rulesetImpact, runRulesetTests } from '../../src/index.js';
import { hrdd } from '../cli/run-cli.js';
import { exampleTransactions } from '../helpers.js';

describe('rule-set tests and impact', () => {
  it('the default rule set passes its own tests', () => {
    const report = runRulesetTests(defaultRuleset);
    expect(report.results.length).toBeGreaterThanOrEqual(12);
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    // Every rule fires in at least one case (cases may bring indicators and a restricted-party list).
    expect(report.neverFired).toEqual([]);
  });

  it('a failing test exits non-zero and names the failing expectation', () => {
    const rs = structuredClone(defaultRuleset);
    rs.tests = [{ ...rs.tests![2]!, expect: { decision: 'proceed', fired: ['item-covert'] } }];
    const report = runRulesetTests(rs);
    expect(report.ok).toBe(false);
    expect(report.results[0]!.failures).toEqual([
      'decision: expected proceed, got decline',
      'fired: expected rule item-covert to fire',
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'hrdd-rules-')), 'rs.json');
    writeFileSync(file, JSON.stringify(rs));
    const out = hrdd(['rules', 'test', file]);
    expect(out.code).toBe(3);
    expect(out.stdout).toContain('decision: expected proceed, got decline');
  });

  it('the impact diff lists rule changes and decision changes over a corpus', () => {
    const stricter = {
      id: 'strict',
      version: '1',
      title: 'Stricter',
      extends: 'hrdd-default',
      parameters: { civilLibertiesThreshold: 0.95 },
      disable: ['tx-payment'],
    };
    const corpus = exampleTransactions().map(([, transaction]) => ({ transaction, asOf: '2026-11-01' }));
    const report = rulesetImpact(defaultRuleset, stricter, corpus);
    expect(report.removed).toEqual([]);
    expect(report.changed).toEqual([{ id: 'tx-payment', fields: ['enabled'] }]);
    expect(report.corpus!.total).toBe(corpus.length);
    expect(report.corpus!.decisionChanged.length).toBeGreaterThan(0);
    expect(Object.values(report.corpus!.counts).reduce((a, b) => a + b, 0)).toBe(report.corpus!.decisionChanged.length);
  });
});
