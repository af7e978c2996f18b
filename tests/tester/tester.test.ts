import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultQuestionnaire,
  defaultRuleset,
  renderImpactMarkdown,
  rulesetImpact,
  runRulesetTests,
} from '../../src/index.js';
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
    const report = rulesetImpact(defaultRuleset, stricter, { corpus });
    expect(report.removed).toEqual([]);
    expect(report.changed).toEqual([{ id: 'tx-payment', fields: ['enabled'] }]);
    expect(report.corpus!.total).toBe(corpus.length);
    expect(report.corpus!.decisionChanged.length).toBeGreaterThan(0);
    expect(Object.values(report.corpus!.counts).reduce((a, b) => a + b, 0)).toBe(report.corpus!.decisionChanged.length);
  });
});

describe('rules diff covers more than rules', () => {
  const threshold = defaultRuleset.parameters!.civilLibertiesThreshold;
  const moved = {
    id: 'acme',
    version: '2',
    title: 'ACME',
    extends: 'hrdd-default',
    parameters: { civilLibertiesThreshold: 0.8 },
  };

  it('shows a moved parameter, a decision-policy change and an assurance definition change', () => {
    const policy = structuredClone(defaultRuleset);
    policy.decision = { reviewIntervalDays: { none: 365, low: 365, medium: 180, high: 90, critical: 14 } };
    policy.assurances![0]!.validityDays = 30;
    const report = rulesetImpact(defaultRuleset, moved);
    expect(threshold).toBe(0.5);
    expect(report.parameters).toEqual([{ path: 'civilLibertiesThreshold', before: 0.5, after: 0.8 }]);
    expect(report.added).toEqual([]);
    const other = rulesetImpact(defaultRuleset, policy);
    expect(other.decision).toEqual([{ path: 'reviewIntervalDays.critical', before: 30, after: 14 }]);
    expect(other.assurances.changed).toEqual([{ id: policy.assurances![0]!.type, fields: ['validityDays'] }]);
  });

  it('shows questionnaire changes', () => {
    const overlay = {
      id: 'acme-q',
      version: '1',
      title: 'ACME',
      disable: ['routing_unusual'],
      questions: [{ id: 'uses_cloud', type: 'boolean', prompt: 'Cloud?' }],
    };
    const report = rulesetImpact(defaultRuleset, defaultRuleset, { questionnaire: { after: overlay } });
    expect(report.questionnaire).toMatchObject({
      before: { id: defaultQuestionnaire.id },
      after: { id: 'acme-q' },
      added: ['uses_cloud'],
      removed: ['routing_unusual'],
      changed: [],
    });
  });

  it('over a corpus counts every decision that changes, and renders Markdown for a change request', () => {
    const corpus = exampleTransactions().map(([, transaction]) => ({ transaction }));
    // Between 0.5 and 0.75 the partly-free band already escalates, so the examples change once the bar passes 0.9.
    const stricter = { ...moved, parameters: { civilLibertiesThreshold: 0.95 } };
    const report = rulesetImpact(defaultRuleset, stricter, { corpus, asOf: '2026-11-01' });
    const c = report.corpus!;
    expect(c.total).toBe(corpus.length);
    expect(c.decisionChanged.length).toBeGreaterThan(0);
    expect(Object.values(c.counts).reduce((a, b) => a + b, 0)).toBe(c.decisionChanged.length);
    const sum = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
    expect(sum(c.decisions.before)).toBe(c.total - c.errors);
    expect(sum(c.decisions.after)).toBe(c.total - c.errors);
    const md = renderImpactMarkdown(report);
    expect(md).toContain('# Rule-set change: hrdd-default');
    expect(md).toContain('| `civilLibertiesThreshold` | `0.5` | `0.95` |');
    expect(md).toContain(`${c.decisionChanged.length} change decision`);
  });

  it('the CLI diff shows the parameter in json and md, and exports the bundled rule set and questionnaire', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hrdd-diff-'));
    const file = join(dir, 'acme.json');
    writeFileSync(file, JSON.stringify(moved));
    const exported = join(dir, 'default.json');
    expect(hrdd(['rules', 'export', '--out', exported]).code).toBe(0);
    const json = hrdd(['rules', 'diff', exported, file]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).parameters).toEqual([{ path: 'civilLibertiesThreshold', before: 0.5, after: 0.8 }]);
    const md = hrdd(['rules', 'diff', exported, file, '--format', 'md']);
    expect(md.stdout).toContain('## Parameters');
    const q = hrdd(['questionnaire', 'export']);
    expect(JSON.parse(q.stdout)).toEqual(defaultQuestionnaire);
  });
});

describe('rules test on an overlay', () => {
  it("runs the base set's tests too, and an overlay case of the same name replaces the base one", () => {
    const overlay = {
      id: 'acme',
      version: '1',
      title: 'ACME',
      extends: 'hrdd-default',
      parameters: { civilLibertiesThreshold: 0.8 },
      tests: [] as unknown[],
    };
    const report = runRulesetTests(overlay);
    const baseCases = defaultRuleset.tests!.length;
    expect(report.results.length).toBe(baseCases);
    expect(new Set(report.results.map((r) => r.from))).toEqual(new Set(['hrdd-default']));
    const first = defaultRuleset.tests![0]!;
    const own = { ...first, expect: { ...first.expect } };
    const replaced = runRulesetTests({ ...overlay, tests: [own] });
    expect(replaced.results.length).toBe(baseCases);
    expect(replaced.results.find((r) => r.name === first.name)!.from).toBe('acme');
  });
});
