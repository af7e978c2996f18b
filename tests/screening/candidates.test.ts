import { describe, expect, it } from 'vitest';
import { HrddError } from '../../src/index.js';
import {
  buildScreeningIndex,
  type ListEntry,
  loadScreeningIndex,
  normalizeName,
  serializeScreeningIndex,
} from '../../src/screening/index.js';
import { editDistance, MIN_TOKEN_SIMILARITY, tokenSimilarity, wordSimilarity } from '../../src/screening/score.js';
import { generateCorpus, generateQueries } from './corpus.js';

const entity = (id: string, name: string, country = 'RU'): ListEntry => ({
  id,
  source: 'Test list',
  name,
  altNames: [],
  type: 'Entity',
  countries: [country],
  programs: ['TEST'],
});

/** Distinct pseudo-words that share no letters pattern with the names under test. */
const filler = (i: number) => `Q${i.toString(36)}zum${(i * 7919).toString(36)}`;

describe('candidates of a name made only of frequent words', () => {
  it('a name holding the query words and little else is found among hundreds that add a distinctive word', () => {
    // 400 names share both words (so both are frequent), each adding a distinctive word; the one to find comes last.
    const entries = Array.from({ length: 400 }, (_, i) => entity(`d${i}`, `Cheskvoun Global ${filler(i)}`));
    entries.push(entity('target', 'Cheskvoun Global Ltd'));
    const index = buildScreeningIndex(entries);
    const hits = index.screen('Global Cheskvoun', { country: 'RU' });
    expect(hits[0]?.entry.id).toBe('target');
  });

  it('rare fuzzy neighbours of a frequent word do not crowd out the names that spell it exactly', () => {
    // "Besyunfal" is frequent (on 100 names); 64 rare words one letter from it are on 5 names each.
    const entries: ListEntry[] = [];
    for (let i = 0; i < 100; i++) entries.push(entity(`b${i}`, `Besyunfal ${filler(i)}`));
    let k = 0;
    for (let at = 1; at < 9; at++)
      for (const letter of 'bdgkmprt') {
        const neighbour = `Besyunfal`.slice(0, at) + letter + `Besyunfal`.slice(at + 1);
        for (let j = 0; j < 5; j++) entries.push(entity(`n${k++}`, `${neighbour} ${filler(1000 + k)}`));
      }
    entries.push(entity('target', 'Besyunfal Trading'));
    const hits = buildScreeningIndex(entries).screen('Trading Besyunfal');
    expect(hits[0]?.entry.id).toBe('target');
  });

  it('every entity listed under the same name is scored, so the qualifiers can pick the right one', () => {
    const entries = Array.from({ length: 400 }, (_, i) => entity(`same${i}`, 'Cheskvoun Lurdnousk', 'CN'));
    entries.push(entity('target', 'Cheskvoun Lurdnousk', 'PK'));
    const hits = buildScreeningIndex(entries).screen('Lurdnousk Cheskvoun', { country: 'PK' });
    expect(hits[0]?.entry.id).toBe('target');
  });

  it('a name met through a joined key still competes with names sharing the same split words', () => {
    // 400 names "<word> Buszesklein Trading" carry the joined key "buszeskleintrading"; the full name must win.
    const entries = Array.from({ length: 400 }, (_, i) => entity(`j${i}`, `${filler(i)} Buszesklein Trading`));
    entries.push(entity('target', 'Lalshin Hikchousteil Buszesklein Trading GmbH'));
    const hits = buildScreeningIndex(entries).screen('Lalhin Hikchousteil Buszesklein Trading GmbH');
    expect(hits[0]?.entry.id).toBe('target');
  });
});

describe('near-misses of one word', () => {
  it('a second edit within one word costs more than the first', () => {
    expect(tokenSimilarity('viskstux', 'triskstux')).toBeGreaterThanOrEqual(MIN_TOKEN_SIMILARITY);
    expect(wordSimilarity('viskstux', 'triskstux')).toBeLessThan(MIN_TOKEN_SIMILARITY);
    expect(wordSimilarity('viskstux', 'viskstuk')).toBe(tokenSimilarity('viskstux', 'viskstuk'));
  });

  it('a listed name two edits away in its distinctive word is not a hit; one typo away still is', () => {
    const index = buildScreeningIndex([
      entity('a', 'Lurdnousk Triskstux Co., Ltd.'),
      ...Array.from({ length: 60 }, (_, i) => entity(`l${i}`, `Lurdnousk ${filler(i)}`)),
    ]);
    expect(index.screen('Lurdnousk Viskstux Engineering LLC')).toEqual([]);
    expect(index.screen('Lurdnousk Triskstix Co., Ltd.').map((h) => h.entry.id)).toEqual(['a']);
  });

  it('a typo on an x stays one edit: spellings fold ks to x', () => {
    const [hoxding] = normalizeName('Hoxding').tokens;
    expect(hoxding).toBe('hoxding');
    // "Holding" is a legal form, so compare with the word it would be as a name word.
    expect(wordSimilarity(hoxding!, 'holding')).toBeGreaterThan(0.85);
    expect(normalizeName('Yountsouxi').tokens).toEqual(normalizeName('Yountsouksi').tokens);
  });

  it('Cyrillic х and ц compare equal to the kh and ts lists write', () => {
    expect(normalizeName('Mikhail Tsoi').tokens).toEqual(normalizeName('Михаил Цой').tokens);
    expect(normalizeName('Kintshan').tokens).toEqual(normalizeName('кинцхан').tokens);
  });
});

describe('legal forms', () => {
  it('a spelt-out legal form with one typo is still the legal form; a family name one letter from one is not', () => {
    expect(normalizeName('Doulkun Global Limitked').tokens).toEqual(normalizeName('Doulkun Global Limited').tokens);
    expect(normalizeName('Acme Compnay').tokens).toEqual(normalizeName('Acme Co.').tokens);
    expect(normalizeName('Golding').tokens).toEqual(['golding']);
    expect(normalizeName('Limits').tokens).not.toEqual(['ltd']);
  });

  it('"Public Joint Stock Company" is a PJSC', () => {
    expect(normalizeName('Brenrir Public Joint Stock Company').tokens).toEqual(normalizeName('Brenrir PJSC').tokens);
  });
});

describe('saved index format', () => {
  it('a file of an older format is refused with a clear message', () => {
    const bytes = serializeScreeningIndex(buildScreeningIndex([entity('a', 'Cheskvoun Trading')]));
    const text = new TextDecoder().decode(bytes.subarray(0, 200));
    const at = text.indexOf('"version":') + '"version":'.length;
    const old = bytes.slice();
    old[at] = '1'.charCodeAt(0);
    expect(() => loadScreeningIndex(old)).toThrow(HrddError);
    expect(() => loadScreeningIndex(old)).toThrow(/rebuild|format/);
    try {
      loadScreeningIndex(old);
    } catch (e) {
      expect((e as HrddError).issues[0]!.message).toMatch(/index format 1 is not 2: rebuild it/);
    }
    expect(loadScreeningIndex(bytes).index.screen('Cheskvoun Trading')[0]?.entry.id).toBe('a');
  });
});

describe('the labelled evaluation set', () => {
  it('labels no name a non-match that a listed name is a true variant of (same words, or one typo in a long one)', () => {
    // 20,000 entities: enough for the generator to draw a few such names, which it must leave out.
    const corpus = generateCorpus(20_000, 3);
    const stats = { rejectedNonMatches: 0 };
    const queries = generateQueries(corpus, 1000, 4, stats);
    expect(stats.rejectedNonMatches).toBeGreaterThan(0);
    const generic = new Set(
      'trading international technology technologies group holding industrial global systems engineering electronics logistics import export investment services solutions general development security energy shipping construction machinery telecom defence optics network industries resources scientific research production manufacturing consulting llc ltd co jsc gmbh corp inc s a sa fze limited ooo pjsc pte sdn bhd ag company liability joint stock public corporation incorporated'.split(
        ' ',
      ),
    );
    const words = (name: string) =>
      [...new Set(name.toLowerCase().split(/[^a-z0-9]+/))].filter((w) => w && !generic.has(w)).sort();
    // Every listed name's distinctive words, and with each word left out (to find one-typo variants).
    const exact = new Set<string>();
    const allBut = new Map<string, string[]>();
    for (const e of corpus.entries) {
      const names = [e.name, ...e.altNames].filter((n) => /^[\x20-\x7e]+$/.test(n));
      if (e.type === 'Individual') names.push(`${e.name.split(' ')[0]} ${e.name.split(' ').at(-1)}`);
      for (const ws of names.map(words)) {
        exact.add(ws.join(' '));
        ws.forEach((w, i) => {
          const rest = ws.filter((_, j) => j !== i).join(' ');
          allBut.set(rest, [...(allBut.get(rest) ?? []), w]);
        });
      }
    }
    const nonMatches = queries.filter((q) => q.expected === null);
    expect(nonMatches.length).toBeGreaterThan(200);
    for (const q of nonMatches) {
      const ws = words(q.query);
      expect(exact.has(ws.join(' ')), q.query).toBe(false);
      ws.forEach((w, i) => {
        const rest = ws.filter((_, j) => j !== i).join(' ');
        const near = (allBut.get(rest) ?? []).find((l) => l.length >= 6 && editDistance(w, l, 1) <= 1);
        expect(near, `${q.query}: ${near} for ${w}`).toBeUndefined();
      });
    }
  });
});
