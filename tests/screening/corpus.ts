import type { ListEntry } from '../../src/screening/index.js';
import { LEGAL_FORM_TOKENS, normalizeName } from '../../src/screening/normalize.js';

/**
 * A generated restricted-party list with realistic word frequencies, and a labelled evaluation set over it.
 *
 * Names follow a Zipf law, as words in real company and person names do: a few words ("Trading", "International",
 * "Technology", legal forms) are everywhere, most distinctive words are rare. Companies are one to three
 * distinctive words, often a sector word and a legal form; persons are a given name (few, frequent), sometimes a
 * patronymic, and a family name (many, Zipf). Some entries are Russian (with a Cyrillic alias) or Chinese (with the
 * name in characters). The evaluation set holds true variants (typos, transliterations, word order, legal-form
 * changes, aliases, look-alike letters, case and punctuation), true non-matches that share only generic words,
 * and hard near-misses (one distinctive word of the listed name kept, another replaced; same family name, other
 * given name). Words of non-matches come from a held-out vocabulary the list never uses, and every non-match is
 * checked against the whole list: a name that is a true variant of some listed name (the same distinctive words in
 * any order, or all but one the same and that one a single typo from a listed word of six letters or more, as the
 * typo variants are made, as written or as transliterations fold it) is
 * not labelled a non-match, since a careful screener must be alerted to it.
 */

/** A small deterministic PRNG (mulberry32). */
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

type R = () => number;
const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

const ONSETS = [
  'b',
  'br',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  'st',
  't',
  'tr',
  'v',
  'z',
  'ch',
  'sh',
  'y',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 'x', 'm', 'k', 'nt', 'rd', 'sk'];

/** Every pseudo-word of two or three syllables, shuffled deterministically: a vocabulary of ~200,000 words. */
function vocabulary(seed: number): string[] {
  const syllables: string[] = [];
  for (const o of ONSETS) for (const v of VOWELS) for (const c of CODAS) syllables.push(o + v + c);
  const unique = [...new Set(syllables)];
  const r = rng(seed);
  const words = new Set<string>();
  while (words.size < 240_000) {
    const n = r() < 0.55 ? 2 : 3;
    let w = '';
    for (let i = 0; i < n; i++) w += pick(r, unique);
    if (w.length >= 5 && w.length <= 12) words.add(w);
  }
  return [...words];
}

/** Inverse-CDF sampler of a Zipf law over `n` ranks. */
function zipf(n: number, s: number): (r: R) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cdf[k] = sum;
  }
  return (r) => {
    const x = r() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const GENERIC = [
  'Trading',
  'International',
  'Technology',
  'Technologies',
  'Group',
  'Holding',
  'Industrial',
  'Global',
  'Systems',
  'Engineering',
  'Electronics',
  'Logistics',
  'Import',
  'Export',
  'Investment',
  'Services',
  'Solutions',
  'General',
  'Development',
  'Security',
  'Energy',
  'Shipping',
  'Construction',
  'Machinery',
  'Telecom',
  'Defence',
  'Optics',
  'Network',
  'Industries',
  'Resources',
  'Scientific',
  'Research',
  'Production',
  'Manufacturing',
  'Consulting',
];
const FORMS = [
  'LLC',
  'Ltd',
  'Co., Ltd.',
  'JSC',
  'GmbH',
  'Corp.',
  'Inc.',
  'S.A.',
  'FZE',
  'Limited',
  'OOO',
  'PJSC',
  'Pte Ltd',
  'Sdn Bhd',
  'AG',
];
const FORM_SWAP: Record<string, string> = {
  LLC: 'Limited Liability Company',
  Ltd: 'Limited',
  'Co., Ltd.': 'Company Limited',
  JSC: 'Joint Stock Company',
  'Corp.': 'Corporation',
  'Inc.': 'Incorporated',
  'S.A.': 'SA',
  Limited: 'Ltd',
  PJSC: 'Public Joint Stock Company',
};
const GIVEN = [
  'Ivan',
  'Sergei',
  'Alexei',
  'Dmitri',
  'Mohammad',
  'Ali',
  'Hassan',
  'Reza',
  'Wei',
  'Jun',
  'Li',
  'Kim',
  'Viktor',
  'Oleg',
  'Nikolai',
  'Ahmad',
  'Omar',
  'Yusuf',
  'Igor',
  'Pavel',
  'Andrei',
  'Mikhail',
  'Yuri',
  'Farhad',
  'Hossein',
  'Mehdi',
  'Abdul',
  'Karim',
  'Tariq',
  'Chen',
  'Hao',
  'Lei',
  'Anatoly',
  'Boris',
  'Vladimir',
  'Gennady',
  'Roman',
  'Maria',
  'Elena',
  'Olga',
  'Natalia',
  'Fatima',
  'Leila',
  'Zahra',
  'Min',
  'Sung',
  'Jae',
  'Arkady',
  'Ruslan',
  'Timur',
];
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
  ['龙', 'Long'],
  ['明', 'Ming'],
  ['金', 'Jin'],
  ['盛', 'Sheng'],
  ['达', 'Da'],
  ['远', 'Yuan'],
  ['光', 'Guang'],
  ['电', 'Dian'],
];
const TO_CYRILLIC: [string, string][] = [
  ['shch', 'щ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['y', 'й'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['x', 'кс'],
];
/** Latin capitals and their Cyrillic look-alikes (UTS #39 confusables). */
const LOOKALIKE: Record<string, string> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
const COUNTRIES = ['RU', 'CN', 'IR', 'AE', 'TR', 'BY', 'HK', 'MY', 'KP', 'SY', 'VE', 'MM', 'PK', 'IN', 'DE', 'GB'];

export function toCyrillic(latin: string): string {
  let out = '';
  const s = latin.toLowerCase();
  for (let i = 0; i < s.length; ) {
    const hit = TO_CYRILLIC.find(([l]) => s.startsWith(l, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else out += s[i++];
  }
  return out;
}

export interface Corpus {
  entries: ListEntry[];
  /** Words the list never uses, for non-matches. */
  heldOut: string[];
}

/** A list of `n` entities with Zipf-distributed words. */
export function generateCorpus(n: number, seed = 1): Corpus {
  const r = rng(seed);
  const vocab = vocabulary(seed + 1000);
  const heldOut = vocab.slice(200_000);
  const words = vocab.slice(0, 200_000);
  const word = zipf(words.length, 1.05);
  const surnames = vocab.slice(0, 60_000).map((w) => cap(w) + pick(r, ['ov', 'ev', 'in', 'i', 'zadeh', 'ani', '', '']));
  const surname = zipf(surnames.length, 0.9);
  const generic = zipf(GENERIC.length, 0.8);
  const entries: ListEntry[] = [];
  for (let i = 0; i < n; i++) {
    const country = pick(r, COUNTRIES);
    const kind = r();
    let name: string;
    const altNames: string[] = [];
    let type = 'Entity';
    let birthDates: string[] | undefined;
    if (kind < 0.3) {
      type = 'Individual';
      const given = pick(r, GIVEN);
      const family = surnames[surname(r)]!;
      name = r() < 0.3 ? `${given} ${cap(words[word(r)]!)}ovich ${family}` : `${given} ${family}`;
      if (country === 'RU' || country === 'BY')
        altNames.push(toCyrillic(name).replace(/(^|\s)(\S)/g, (m) => m.toUpperCase()));
      birthDates = [
        `${1940 + Math.floor(r() * 60)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      ];
    } else if (kind < 0.36) {
      const syl = [pick(r, PINYIN), pick(r, PINYIN), pick(r, PINYIN), pick(r, PINYIN)];
      name = `${syl.map((s) => s[1]).join(' ')} ${GENERIC[generic(r)]} ${pick(r, ['Co., Ltd.', 'Limited', 'Group'])}`;
      altNames.push(`${syl.map((s) => s[0]).join('')}${pick(r, ['科技有限公司', '贸易有限公司', '集团'])}`);
    } else {
      const count = r() < 0.15 ? 1 : r() < 0.75 ? 2 : 3;
      const parts: string[] = [];
      while (parts.length < count) {
        const w = cap(words[word(r)]!);
        if (!parts.includes(w)) parts.push(w);
      }
      if (r() < 0.7) parts.push(GENERIC[generic(r)]!);
      if (r() < 0.3) parts.push(GENERIC[generic(r)]!);
      if (r() < 0.85) parts.push(pick(r, FORMS));
      name = parts.join(' ');
      if (r() < 0.15) altNames.push(`${cap(words[word(r)]!)} ${cap(words[word(r)]!)} ${pick(r, FORMS)}`);
      if (country === 'RU' && r() < 0.5) altNames.push(toCyrillic(name));
    }
    entries.push({
      id: `gen-${i}`,
      source: r() < 0.5 ? 'Entity List (EL) - Bureau of Industry and Security' : 'EU Financial Sanctions Files (FSF)',
      name,
      altNames,
      type,
      countries: [country],
      programs: ['GEN'],
      ...(birthDates ? { birthDates } : {}),
    });
  }
  return { entries, heldOut };
}

export interface LabelledQuery {
  query: string;
  country?: string;
  birthDate?: string;
  /** The entry id it should find, or null for a name that must not match. */
  expected: string | null;
  variant: string;
}

function typo(r: R, name: string): string | null {
  const words = name.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 6 && /^[A-Za-z]+$/.test(w));
  if (candidates.length === 0) return null;
  const [w, i] = pick(r, candidates);
  const k = 1 + Math.floor(r() * (w.length - 2));
  const kind = r();
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 26)]!;
  words[i] =
    kind < 0.35
      ? w.slice(0, k) + letter + w.slice(k + 1)
      : kind < 0.6
        ? w.slice(0, k) + w.slice(k + 1)
        : kind < 0.8
          ? w.slice(0, k) + letter + w.slice(k)
          : w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  return words.join(' ');
}

const stripForm = (name: string) => {
  for (const f of [...FORMS].sort((a, b) => b.length - a.length))
    if (name.endsWith(` ${f}`)) return name.slice(0, -f.length - 1);
  return name;
};
const formOf = (name: string) => [...FORMS].sort((a, b) => b.length - a.length).find((f) => name.endsWith(` ${f}`));

const GENERIC_LOWER = new Set(GENERIC.map((g) => g.toLowerCase()));
const FORM_WORDS = new Set(
  [...FORMS, ...Object.values(FORM_SWAP)].flatMap((f) => f.toLowerCase().split(/[^a-z]+/)).filter(Boolean),
);
const GENERIC_FOLDED = new Set(GENERIC.flatMap((g) => normalizeName(g).tokens));

/** The distinctive words of a Latin-script name, as written (lower case) and as the matcher folds spellings. */
function distinctive(name: string): [raw: string[], folded: string[]] | null {
  if (!/^[\x20-\x7e]+$/.test(name)) return null;
  const raw = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !GENERIC_LOWER.has(w) && !FORM_WORDS.has(w));
  const folded = normalizeName(name).tokens.filter((t) => !LEGAL_FORM_TOKENS.has(t) && !GENERIC_FOLDED.has(t));
  return [raw, folded];
}
const keyOf = (words: readonly string[]) => [...new Set(words)].sort().join(' ');

/** Every string one edit (substitution, insertion, deletion, adjacent transposition) from a word. */
function oneEdit(w: string): string[] {
  const out: string[] = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= w.length; i++) {
    if (i < w.length) out.push(w.slice(0, i) + w.slice(i + 1));
    if (i + 1 < w.length) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (const c of letters) {
      out.push(w.slice(0, i) + c + w.slice(i));
      if (i < w.length) out.push(w.slice(0, i) + c + w.slice(i + 1));
    }
  }
  return out;
}

/**
 * Whether a name is a true variant of some listed name: the same distinctive words in any order (sector words and
 * legal forms aside), or one of them a single typo away, as written or as spellings fold. Such a name must alert.
 */
function variantOfListed(name: string, listed: { raw: Set<string>; folded: Set<string> }): boolean {
  const words = distinctive(name);
  if (!words) return false;
  return words.some((ws, k) => {
    const keys = k === 0 ? listed.raw : listed.folded;
    if (ws.length === 0) return false;
    if (keys.has(keyOf(ws))) return true;
    // A typo as the typo variants make them: in a listed word of six letters or more.
    return ws.some((w, i) =>
      oneEdit(w).some((v) => v.length >= 6 && keys.has(keyOf(ws.map((x, j) => (j === i ? v : x))))),
    );
  });
}

/** Labelled queries over a corpus: about 75 % true variants, 25 % non-matches. */
export function generateQueries(
  corpus: Corpus,
  count: number,
  seed = 2,
  stats: { rejectedNonMatches: number } = { rejectedNonMatches: 0 },
): LabelledQuery[] {
  const r = rng(seed);
  const { entries, heldOut } = corpus;
  const out: LabelledQuery[] = [];
  const genericPick = () => pick(r, GENERIC);
  const listed = new Set<string>();
  const keys = { raw: new Set<string>(), folded: new Set<string>() };
  for (const e of entries) {
    const names = [e.name, ...e.altNames];
    // A person is also known by given and family name without the patronymic.
    if (e.type === 'Individual') {
      const w = e.name.split(' ');
      names.push(`${w[0]} ${w[w.length - 1]}`);
    }
    for (const n of names) {
      listed.add(n.toLowerCase());
      const words = distinctive(n);
      if (!words) continue;
      keys.raw.add(keyOf(words[0]));
      keys.folded.add(keyOf(words[1]));
    }
  }
  /** A non-match enters the set only if no listed name is a true variant of it. */
  const pushNonMatch = (q: LabelledQuery) => {
    if (variantOfListed(q.query, keys)) stats.rejectedNonMatches++;
    else out.push(q);
  };
  while (out.length < count) {
    const entry = pick(r, entries);
    const person = entry.type === 'Individual';
    const chinese = entry.altNames.some((a) => /\p{Script=Han}/u.test(a));
    const roll = r();
    if (roll < 0.12) {
      pushNonMatch({
        query: `${cap(pick(r, heldOut))} ${genericPick()} ${genericPick()} ${pick(r, FORMS)}`,
        expected: null,
        variant: 'shares only generic words',
      });
      continue;
    }
    if (roll < 0.25) {
      const words = stripForm(entry.name)
        .split(' ')
        .filter((w) => !GENERIC.includes(w));
      if (chinese || words.length < 2) continue;
      if (person) {
        const given = pick(
          r,
          GIVEN.filter((g) => !entry.name.includes(g)),
        );
        const query = `${given} ${words[words.length - 1]}`;
        // Only names nobody on the list bears, in either order.
        if (listed.has(query.toLowerCase()) || listed.has(`${words[words.length - 1]} ${given}`.toLowerCase()))
          continue;
        pushNonMatch({ query, expected: null, variant: 'near miss: same family name' });
      } else {
        const keep = words[0]!;
        pushNonMatch({
          query: `${keep} ${cap(pick(r, heldOut))} ${genericPick()} ${pick(r, FORMS)}`,
          expected: null,
          variant: 'near miss: one distinctive word replaced',
        });
      }
      continue;
    }
    const variants: [string, () => string | null][] = [
      ['typo', () => typo(r, entry.name)],
      ['case and punctuation', () => entry.name.toUpperCase().replace(/[.,]/g, '')],
      [
        'word order',
        () => {
          const w = stripForm(entry.name).split(' ');
          return w.length < 2 ? null : [w[w.length - 1], ...w.slice(0, -1)].join(' ');
        },
      ],
      [
        'legal-form change',
        () => {
          const f = formOf(entry.name);
          if (!f) return person ? null : `${entry.name} ${pick(r, ['LLC', 'Ltd', 'JSC'])}`;
          return r() < 0.5 || !FORM_SWAP[f] ? stripForm(entry.name) : `${stripForm(entry.name)} ${FORM_SWAP[f]}`;
        },
      ],
      [
        'transliteration',
        () =>
          chinese
            ? entry.altNames[0]!
            : /[\u0400-\u04ff]/.test(entry.altNames.at(-1) ?? '')
              ? null
              : toCyrillic(stripForm(entry.name)),
      ],
      ['alias', () => entry.altNames.find((a) => /^[\x20-\x7e]+$/.test(a)) ?? entry.altNames[0] ?? null],
      [
        'look-alike letters',
        () => entry.name.toUpperCase().replace(/[ABCEHKMOPTXY]/g, (c) => (r() < 0.6 ? LOOKALIKE[c]! : c)),
      ],
    ];
    const [variant, make] = pick(r, variants);
    const query = make();
    if (query === null || query.trim() === '') continue;
    out.push({
      query,
      country: entry.countries[0]!,
      ...(person && entry.birthDates && r() < 0.3 ? { birthDate: entry.birthDates[0]!.slice(0, 4) } : {}),
      expected: entry.id,
      variant,
    });
  }
  return out;
}

export interface Quality {
  recall: number;
  falsePositiveRate: number;
  /** Alerts that are right: queries whose expected entry was among the hits, over all queries with any hit. */
  precision: number;
  /** Mean number of hits when a query gives any (duplicates and look-alike names on the list included). */
  hitsPerAlert: number;
  positives: number;
  negatives: number;
  byVariant: Record<string, { total: number; correct: number }>;
}

/**
 * Recall over the queries that should match (the expected entry among the hits), false-positive rate over those
 * that should not (any hit), and precision over alerts (queries with any hit).
 */
export function measureQuality(
  screen: (name: string, options: { country?: string; birthDate?: string }) => { entry: { id: string } }[],
  queries: readonly LabelledQuery[],
): Quality {
  let found = 0;
  let positives = 0;
  let falsePositives = 0;
  let negatives = 0;
  let hitsTotal = 0;
  const byVariant: Quality['byVariant'] = {};
  for (const q of queries) {
    const hits = screen(q.query, {
      ...(q.country ? { country: q.country } : {}),
      ...(q.birthDate ? { birthDate: q.birthDate } : {}),
    });
    const v = byVariant[q.variant] ?? { total: 0, correct: 0 };
    byVariant[q.variant] = v;
    v.total++;
    hitsTotal += hits.length;
    if (q.expected) {
      positives++;
      const ok = hits.some((h) => h.entry.id === q.expected);
      if (ok) {
        found++;
        v.correct++;
      }
    } else {
      negatives++;
      if (hits.length > 0) falsePositives++;
      else v.correct++;
    }
  }
  return {
    recall: found / positives,
    falsePositiveRate: falsePositives / negatives,
    precision: found + falsePositives === 0 ? 1 : found / (found + falsePositives),
    hitsPerAlert: hitsTotal / Math.max(1, found + falsePositives),
    positives,
    negatives,
    byVariant,
  };
}
