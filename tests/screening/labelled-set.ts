import type { ListEntry } from '../../src/screening/index.js';

/** A small deterministic PRNG (mulberry32), so the labelled set is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEMS = [
  'zen',
  'kor',
  'val',
  'tar',
  'mir',
  'bel',
  'dor',
  'fal',
  'gar',
  'hel',
  'jor',
  'kal',
  'lum',
  'mar',
  'nor',
  'ost',
  'pel',
  'quin',
  'ros',
  'sol',
  'tor',
  'ul',
  'ver',
  'wex',
  'yar',
  'zor',
  'bra',
  'cre',
  'dra',
  'fen',
];
const ENDS = [
  'ith',
  'ova',
  'ara',
  'ex',
  'ion',
  'ium',
  'ant',
  'ora',
  'is',
  'ton',
  'wick',
  'dale',
  'mont',
  'vik',
  'grad',
  'stan',
  'ford',
  'berg',
  'heim',
  'dor',
];
const SECTOR = [
  'Photonics',
  'Trading',
  'Systems',
  'Technologies',
  'Security',
  'Electronics',
  'Logistics',
  'Engineering',
  'Optics',
  'Dynamics',
  'Analytics',
  'Telecom',
  'Instruments',
  'Machinery',
  'Networks',
];
const FORMS: [string, string][] = [
  ['Co., Ltd.', 'Company Limited'],
  ['LLC', 'L.L.C.'],
  ['GmbH', 'GmbH'],
  ['Corp.', 'Corporation'],
  ['Inc.', 'Incorporated'],
  ['JSC', 'Joint Stock Company'],
  ['S.A.', 'SA'],
  ['Ltd', 'Limited'],
];
const COUNTRIES = ['CN', 'RU', 'IR', 'AE', 'TR', 'BY', 'HK', 'MY'];
const PINYIN: [string, string][] = [
  ['华', 'Hua'],
  ['为', 'Wei'],
  ['通', 'Tong'],
  ['信', 'Xin'],
  ['中', 'Zhong'],
  ['兴', 'Xing'],
  ['海', 'Hai'],
  ['康', 'Kang'],
  ['天', 'Tian'],
  ['网', 'Wang'],
  ['安', 'An'],
  ['视', 'Shi'],
  ['星', 'Xing'],
  ['龙', 'Long'],
  ['明', 'Ming'],
];
const CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
};

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function word(r: () => number): string {
  return cap(pick(r, STEMS) + pick(r, ENDS));
}

/** A fictitious list of `n` entities in CSL shape. */
export function generateList(n: number, seed = 1): ListEntry[] {
  const r = rng(seed);
  const seen = new Set<string>();
  const out: ListEntry[] = [];
  while (out.length < n) {
    const chinese = r() < 0.06;
    let base: string;
    let chars = '';
    if (chinese) {
      const syllables = [pick(r, PINYIN), pick(r, PINYIN), pick(r, PINYIN)];
      chars = syllables.map((s) => s[0]).join('');
      base = syllables.map((s) => s[1]).join(' ');
    } else base = `${word(r)} ${word(r)}`;
    const name = `${base} ${pick(r, SECTOR)} ${pick(r, FORMS)[0]}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({
      id: `gen-${out.length}`,
      source:
        r() < 0.5
          ? 'Entity List (EL) - Bureau of Industry and Security'
          : 'Specially Designated Nationals (SDN) - Treasury Department',
      name,
      altNames: [],
      type: 'Entity',
      countries: [chinese ? 'CN' : pick(r, COUNTRIES)],
      programs: ['EAR'],
      ...(chinese ? { extra: { chars } } : {}),
    });
  }
  return out;
}

export interface LabelledQuery {
  query: string;
  country?: string;
  /** The entry id it should find, or null for a name that must not match. */
  expected: string | null;
  variant: string;
}

function transpose(r: () => number, s: string): string {
  const words = s.split(' ');
  const i = words.findIndex((w) => w.length >= 6);
  if (i < 0) return s;
  const w = words[i]!;
  const k = 1 + Math.floor(r() * (w.length - 3));
  words[i] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return words.join(' ');
}

function swapForm(name: string): string {
  for (const [a, b] of FORMS) if (name.endsWith(a)) return name.slice(0, -a.length) + b;
  return name;
}

function dropForm(name: string): string {
  for (const [a] of FORMS) if (name.endsWith(a)) return name.slice(0, -a.length).trim();
  return name;
}

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', o: 'ö', u: 'ü', i: 'í' };

/** Variants of listed names (should match) and unrelated names sharing one token (should not). */
export function generateQueries(list: readonly ListEntry[], count: number, seed = 2): LabelledQuery[] {
  const r = rng(seed);
  const out: LabelledQuery[] = [];
  const variants: [string, (e: ListEntry) => string | null][] = [
    ['case', (e) => e.name.toUpperCase()],
    ['punctuation', (e) => e.name.replace(/[.,]/g, '')],
    ['legal-form swap', (e) => swapForm(e.name)],
    [
      'word order',
      (e) => {
        const words = dropForm(e.name).split(' ');
        return [words[1], words[0], ...words.slice(2)].join(' ');
      },
    ],
    ['transposed letter', (e) => transpose(r, e.name)],
    ['hyphenation', (e) => e.name.replace(' ', '-')],
    ['dropped legal form', (e) => dropForm(e.name)],
    ['accents', (e) => e.name.replace(/[aeoui]/, (c) => ACCENTS[c] ?? c)],
    [
      'cyrillic',
      (e) =>
        e.extra
          ? null
          : dropForm(e.name)
              .toLowerCase()
              .split('')
              .map((c) => CYRILLIC[c] ?? c)
              .join(''),
    ],
    [
      'chinese',
      (e) => (e.extra ? `${(e.extra as { chars: string }).chars} ${e.name.split(' ').slice(3).join(' ')}` : null),
    ],
  ];
  while (out.length < count) {
    const entry = pick(r, list);
    if (r() < 0.2) {
      // An unrelated company that shares one distinctive word with a listed name.
      const first = entry.name.split(' ')[0]!;
      out.push({
        query: `${first} ${pick(r, ['Dairy Farms', 'Bakery', 'Dental Clinic', 'Tourism', 'Textiles', 'Football Club'])} ${word(r)} Ltd`,
        expected: null,
        variant: 'shares one token',
      });
      continue;
    }
    const [variant, make] = entry.extra
      ? r() < 0.5
        ? variants[9]!
        : pick(r, variants.slice(0, 8))
      : pick(r, variants.slice(0, 9));
    const query = make(entry);
    if (query === null) continue;
    out.push({ query, country: entry.countries[0]!, expected: entry.id, variant });
  }
  return out;
}

/** Recall over the queries that should match and the false-positive rate over those that should not. */
export function measureQuality(
  screen: (name: string, options: { country?: string }) => { entry: { id: string } }[],
  queries: readonly LabelledQuery[],
): { recall: number; falsePositiveRate: number } {
  let found = 0;
  let positives = 0;
  let falsePositives = 0;
  let negatives = 0;
  for (const q of queries) {
    const hits = screen(q.query, q.country ? { country: q.country } : {});
    if (q.expected) {
      positives++;
      if (hits.some((h) => h.entry.id === q.expected)) found++;
    } else {
      negatives++;
      if (hits.length > 0) falsePositives++;
    }
  }
  return { recall: found / positives, falsePositiveRate: falsePositives / negatives };
}
