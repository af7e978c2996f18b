import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildScreeningIndex,
  createEngine,
  DEFAULT_SCREENING_THRESHOLD,
  HrddError,
  parseScreeningList,
} from '../../src/index.js';
import { listIdentity, normalizeName } from '../../src/screening/index.js';
import { example, ROOT } from '../helpers.js';
import { generateCorpus, generateQueries, measureQuality } from './corpus.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures', name), 'utf8');

describe('parseScreeningList', () => {
  it('reads the CSL CSV export, keeping every field', () => {
    const entries = parseScreeningList(fixture('csl-sample.csv'));
    expect(entries).toHaveLength(4);
    const [zenith, kestrel] = entries;
    expect(zenith).toMatchObject({
      id: 'el-0001',
      programs: ['EAR'],
      countries: ['HK'],
      altNames: ['Zenith Photonics HK', 'ZPT Limited'],
      startDate: '2024-03-01',
      licensePolicy: 'Presumption of denial.',
      sourceListUrl: 'https://example.invalid/el',
    });
    expect(kestrel!.programs).toEqual(['CYBER2', 'IRGC']);
    expect(kestrel!.countries).toEqual(['IR']);
  });

  it('reads the CSL JSON export ({ results } or a bare array)', () => {
    const entries = parseScreeningList(fixture('csl-sample.json'));
    expect(entries.map((e) => e.id)).toEqual(['el-0001', 'sdn-0002']);
    expect(entries[0]!.countries).toEqual(['HK']);
    expect(parseScreeningList(JSON.stringify(JSON.parse(fixture('csl-sample.json')).results))).toEqual(entries);
  });

  it('names the record or line and field of malformed input', () => {
    const err = (text: string) => {
      try {
        parseScreeningList(text);
      } catch (error) {
        expect(error).toBeInstanceOf(HrddError);
        return (error as HrddError).issues[0]!;
      }
      throw new Error('expected an error');
    };
    expect(err('{"results":[{"id":"x","source":"s"}]}')).toMatchObject({ path: 'results[0].name' });
    expect(err('_id,source,name\na,b,c\n,d,e\n')).toMatchObject({ path: 'line 3.id' });
    expect(err('id;name\n1;2')).toMatchObject({ path: 'line 1' });
    expect(err('{"results": 5}')).toMatchObject({ path: 'results' });
    expect(err('[{')).toMatchObject({ path: '' });
  });
});

describe('normalisation', () => {
  it('makes legal forms, case, punctuation and accents irrelevant', () => {
    const a = normalizeName('Zenith Photonics Trading Co., Ltd.');
    const b = normalizeName('ZENITH PHOTONICS TRADING COMPANY LIMITED');
    expect(a.key).toBe(b.key);
    expect(a.tokens).toEqual(b.tokens);
    expect(normalizeName('Société Générale S.A.').tokens).toEqual(['societe', 'generale', 'sa']);
    expect(normalizeName('ООО Ромашка').tokens).toEqual(['ooo', 'romashka']);
    expect(normalizeName('华为通科技').tokens.join(' ')).toBe('hua vei tong ke ji');
    expect(normalizeName('Yountsouxi').tokens).toEqual(normalizeName('Йоунтсоукси').tokens);
    expect(normalizeName('constructor toString').tokens).toEqual(['constructor', 'tostring']);
  });
});

describe('screening', () => {
  const index = buildScreeningIndex(parseScreeningList(fixture('csl-sample.csv')));

  it('explains every hit', () => {
    const [hit] = index.screen('ZENITH PHOTONICS TRADING COMPANY LIMITED', { country: 'HK' });
    expect(hit).toMatchObject({ score: 1, certain: true, matchedName: 'Zenith Photonics Trading Co. Ltd.' });
    expect(hit!.explanation.pairs).toContainEqual(
      expect.objectContaining({ query: 'fotonics', entry: 'fotonics', similarity: 1 }),
    );
    expect(hit!.explanation.text).toContain('country match');
  });

  it('matches aliases, word order, transliterations; a contradicting country lowers the score and certainty', () => {
    expect(index.screen('Vision Kestrel')[0]?.entry.id).toBe('sdn-0002');
    expect(index.screen('Kaestrel Vizion')[0]?.entry.id).toBe('sdn-0002');
    expect(index.screen('Huawei Tong Technology')[0]?.entry.id).toBe('el-0004');
    const other = index.screen('Zenith Photonics Trading Co Ltd', { country: 'DE' })[0]!;
    expect(other.certain).toBe(false);
    expect(other.score).toBeLessThan(1);
    expect(index.screen('Zenith Dairy Farms')).toEqual([]);
  });

  it('at the default threshold: recall ≥ 0.97 and false positives ≤ 2% on the labelled set', () => {
    const corpus = generateCorpus(3000, 3);
    const big = buildScreeningIndex(corpus.entries);
    const queries = generateQueries(corpus, 600, 4);
    const quality = measureQuality((name, options) => big.screen(name, options), queries);
    expect(new Set(queries.map((q) => q.variant)).size).toBe(10);
    expect(quality.recall).toBeGreaterThanOrEqual(0.97);
    expect(quality.falsePositiveRate).toBeLessThanOrEqual(0.02);
    expect(DEFAULT_SCREENING_THRESHOLD).toBeGreaterThan(0.5);
  });

  it('the index finds what a linear scan over every name finds', () => {
    const corpus = generateCorpus(800, 9);
    const big = buildScreeningIndex(corpus.entries);
    for (const q of generateQueries(corpus, 150, 5)) {
      const indexed = big.screen(q.query, q).map((h) => h.entry.id);
      const linear = big.screenLinear(q.query, q).map((h) => h.entry.id);
      if (q.expected && linear.includes(q.expected)) expect(indexed).toContain(q.expected);
      expect(indexed.every((id) => linear.includes(id))).toBe(true);
    }
  });
});

describe('engine integration', () => {
  const entries = parseScreeningList(fixture('csl-sample.csv'));
  const engine = createEngine({
    screening: { index: buildScreeningIndex(entries), lists: [listIdentity('csl-sample', entries)] },
  });

  it('a certain match on a barring list declines, with list, entry, score and explanation in the facts', () => {
    const tx = example('03-');
    (tx.endUsers as Record<string, unknown>[])[0]!.name = 'Zenith Photonics Trading Company Limited';
    (tx.endUsers as Record<string, unknown>[])[0]!.country = 'HK';
    const a = engine.assess(tx, { asOf: '2026-11-01' });
    expect(a.decision).toBe('decline');
    const f = a.findings.find((x) => x.ruleId === 'eu-listed-barring')!;
    expect(f.facts['it.list']).toBe('Entity List (EL) - Bureau of Industry and Security');
    expect(f.facts['it.certain']).toBe(true);
    expect(f.rationale).toContain('Zenith Photonics Trading Co. Ltd.');
    expect(a.provenance.data.map((d) => d.id)).toContain('csl-sample');
  });

  it('a potential match, or a list with another effect, escalates for review; parents are screened too', () => {
    const tx = example('03-');
    (tx.endUsers as Record<string, unknown>[])[0]!.ownership = { parentName: 'Aurora Signal Instruments' };
    const a = engine.assess(tx, { asOf: '2026-11-01' });
    expect(a.findings.map((f) => f.ruleId)).toContain('eu-listed-review');
    expect(a.decision).toBe('escalate');
  });
});
