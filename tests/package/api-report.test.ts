import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_REPORT, apiEntries, renderApiReport } from '../../scripts/api-report.js';
import { ROOT } from '../helpers.js';

// Names that only a sibling module needs: none of them may leave the package.
const INTERNAL = [
  'truthy',
  'pathReader',
  'lookupVar',
  'orderedJson',
  'canonicalObject',
  'COMMON_TOKENS',
  'LEGAL_FORM_TOKENS',
  'screenLinear',
  'crashOnLine',
  'factsReader',
  'readFacts',
  'collectReads',
  'completeReads',
  'compileWith',
  'ruleOperations',
  'mergeParameters',
  'applyOverlay',
  'diffValues',
  'escapeHtml',
  'escapeMarkdown',
  'markdownCode',
  'NonEmptyText',
  'IdSchema',
  'textIn',
  'isAnswered',
];

describe('public API', () => {
  const entries = apiEntries();
  const root = entries.find((e) => e.name === 'hrdd')!;

  it('matches the checked-in API report (npm run generate rewrites it)', () => {
    expect(renderApiReport(entries)).toBe(readFileSync(API_REPORT, 'utf8'));
  }, 300_000);

  it('the entries list their exports by name, at most ~80 values at the root, no internal helpers', () => {
    for (const file of ['src/index.ts', 'src/node/index.ts'])
      expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/export \*|export type \*/);
    expect(root.names.filter((n) => n.kind === 'value').length).toBeLessThanOrEqual(80);
    const names = new Set(entries.flatMap((e) => e.names.map((n) => n.name)));
    for (const name of INTERNAL) expect(names.has(name), name).toBe(false);
  });

  it('carries what DESIGN.md names, and HrddError with a closed union of codes', () => {
    const names = new Set(root.names.map((n) => n.name));
    for (const name of [
      'createEngine',
      'parseTransaction',
      'loadRuleset',
      'loadQuestionnaire',
      'compileLogic',
      'parseScreeningList',
      'buildScreeningIndex',
      'replayAssessment',
      'canonicalHash',
      'defaultRuleset',
      'defaultQuestionnaire',
      'HrddError',
      'TransactionSchema',
      'AssessmentSchema',
      'RulesetSchema',
      'QuestionnaireSchema',
    ])
      expect(names.has(name), name).toBe(true);
    const error = root.names.find((n) => n.name === 'HrddError')!;
    expect(error.lines.find((l) => l.startsWith('  code: '))).toMatch(
      /^ {2}code: "invalid-input" \| "invalid-ruleset" \| /,
    );
    const code = root.names.find((n) => n.name === 'HrddErrorCode')!;
    expect(code.lines[0]).toMatch(/^type HrddErrorCode = "invalid-input" \| /);
  });
});
