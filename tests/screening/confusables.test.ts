import { describe, expect, it } from 'vitest';
import {
  buildScreeningIndex,
  createEngine,
  DEFAULT_SCREENING_THRESHOLD,
  HrddError,
  type ListEntry,
} from '../../src/index.js';
import { latinSkeleton, scriptProfile } from '../../src/screening/index.js';
import { example } from '../helpers.js';

const listed: ListEntry = {
  id: 'x-1',
  source: 'Entity List (EL) - Bureau of Industry and Security',
  name: 'CHEM EXPORT',
  altNames: [],
  type: 'Entity',
  countries: ['IR'],
  programs: ['EAR'],
};
const index = buildScreeningIndex([listed]);

describe('confusable names (UTS #39)', () => {
  it('reads Cyrillic and Greek look-alikes as the Latin letters they imitate', () => {
    expect(latinSkeleton('СНЕМ ЕХРОRТ')).toBe('CHEM EXPORT');
    expect(latinSkeleton('Chem Εxport')).toBe('Chem Export');
    expect(latinSkeleton('Chem Export')).toBe('Chem Export');
  });

  it('a name in look-alike letters matches the listed Latin name, and says it was read through its skeleton', () => {
    const [hit] = index.screen('СНЕМ ЕХРОRТ');
    expect(hit?.entry.id).toBe('x-1');
    expect(hit!.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    expect(hit!.certain).toBe(true);
    expect(hit!.explanation.skeleton).toBe(true);
    expect(index.screen('Chem Ехport')[0]?.entry.id).toBe('x-1');
  });

  it('profiles mixed scripts within a word and whole-script look-alikes, not ordinary names', () => {
    expect(scriptProfile('СНЕМ ЕХРОRТ')).toMatchObject({ mixed: true, scripts: ['Cyrillic', 'Latin'] });
    expect(scriptProfile('СНЕМ')).toMatchObject({ mixed: false, wholeScriptConfusable: true });
    expect(scriptProfile('ООО Ромашка')).toMatchObject({ mixed: false, wholeScriptConfusable: false });
    expect(scriptProfile('東京カメラ株式会社')).toMatchObject({ mixed: false });
    expect(scriptProfile('Chem Export')).toMatchObject({ mixed: false, wholeScriptConfusable: false });
  });

  it('a disguised name is a finding in the assessment, with or without lists; the listed one declines', () => {
    const tx = example('03-');
    const endUser = (tx.endUsers as Record<string, unknown>[])[0]!;
    endUser.name = 'СНЕМ ЕХРОRТ';
    endUser.country = 'IR';
    const bare = createEngine().assess(tx, { asOf: '2026-11-01' });
    const flagged = bare.findings.find((f) => f.ruleId === 'eu-name-mixed-script');
    expect(flagged?.rationale).toContain('CHEM EXPORT');
    expect(['escalate', 'decline']).toContain(bare.decision);
    const screened = createEngine({ screening: index }).assess(tx, { asOf: '2026-11-01' });
    expect(screened.findings.map((f) => f.ruleId)).toContain('eu-listed-barring');
    expect(screened.decision).toBe('decline');
    endUser.name = 'Chem Export Trading';
    expect(
      createEngine()
        .assess(tx, { asOf: '2026-11-01' })
        .findings.map((f) => f.ruleId),
    ).not.toContain('eu-name-mixed-script');
  });
});

describe('hostile queries', () => {
  it('a name of thousands of words is refused with its path, not screened for seconds', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ');
    expect(() => index.screen(long)).toThrow(HrddError);
    const tx = example('03-');
    (tx.endUsers as Record<string, unknown>[])[0]!.aliases = [Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ')];
    try {
      createEngine({ screening: index }).assess(tx, { asOf: '2026-11-01' });
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(HrddError);
      expect((error as HrddError).issues[0]!.path).toMatch(/aliases\[0\]$/);
    }
  });

  it('a repeated word counts once', () => {
    expect(index.screen('Chem Chem Chem Export Export')[0]?.score).toBe(index.screen('Chem Export')[0]?.score);
  });
});
