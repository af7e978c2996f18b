import { transliterate } from 'transliteration';

/** Legal forms and their canonical token; multi-word forms are joined first. */
const LEGAL_FORM_TABLE: Record<string, string> = {
  limited: 'ltd',
  ltd: 'ltd',
  company: 'co',
  co: 'co',
  corporation: 'corp',
  corp: 'corp',
  incorporated: 'inc',
  inc: 'inc',
  llc: 'llc',
  llp: 'llp',
  lp: 'lp',
  plc: 'plc',
  gmbh: 'gmbh',
  ag: 'ag',
  kg: 'kg',
  sa: 'sa',
  sarl: 'sarl',
  sas: 'sas',
  srl: 'srl',
  spa: 'spa',
  bv: 'bv',
  nv: 'nv',
  ab: 'ab',
  as: 'as',
  oy: 'oy',
  jsc: 'jsc',
  ojsc: 'jsc',
  cjsc: 'jsc',
  pjsc: 'pjsc',
  ooo: 'ooo',
  oao: 'jsc',
  zao: 'jsc',
  pao: 'pjsc',
  pte: 'pte',
  pty: 'pty',
  bhd: 'bhd',
  sdn: 'sdn',
  fze: 'fze',
  fzco: 'fzco',
  fzc: 'fzc',
  kk: 'kk',
  tbk: 'tbk',
  group: 'group',
  holding: 'holding',
  holdings: 'holding',
  sl: 'sl',
};
const MULTI_WORD: [RegExp, string][] = [
  [/\bl l c\b/g, 'llc'],
  [/\bs a r l\b/g, 'sarl'],
  [/\bs a s\b/g, 'sas'],
  [/\bs r l\b/g, 'srl'],
  [/\bs p a\b/g, 'spa'],
  [/\bs a\b/g, 'sa'],
  [/\bb v\b/g, 'bv'],
  [/\bn v\b/g, 'nv'],
  [/\bp l c\b/g, 'plc'],
  [/\bj s c\b/g, 'jsc'],
  [/\bsdn bhd\b/g, 'sdn bhd'],
  // The longer form first: "public joint stock company" is a PJSC, not "public" + JSC.
  [/\bpublic joint stock company\b/g, 'pjsc'],
  [/\bjoint stock company\b/g, 'jsc'],
  [/\blimited liability company\b/g, 'llc'],
];

/**
 * Legal forms spelt out in full, recognised with one typo ("Limietd", "Compnay"): long enough that no name word
 * sits one edit away by chance. ("Holding" is not among them: "Golding" is a family name.)
 */
const SPELT_OUT_FORMS: readonly [string, string][] = [
  ['limited', 'ltd'],
  ['company', 'co'],
  ['corporation', 'corp'],
  ['incorporated', 'inc'],
];

/** At most one substitution, insertion, deletion or swap of adjacent letters apart. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function misspeltForm(token: string): string | undefined {
  if (token.length < 6) return undefined;
  return SPELT_OUT_FORMS.find(([form]) => oneEditApart(token, form))?.[1];
}

/** Canonical legal-form tokens: they weigh little in scoring and are ignored for the `certain` comparison. */
const LEGAL_FORMS: ReadonlyMap<string, string> = new Map(Object.entries(LEGAL_FORM_TABLE));
export const LEGAL_FORM_TOKENS: ReadonlySet<string> = new Set(LEGAL_FORMS.values());

/**
 * Folds spellings that transliteration systems disagree on, on both sides of every comparison: `ks`/`x`, `kh`/`h`,
 * `ts`/`c`, `y`/`i`, `w`/`v`, `ph`/`f`, `ck`/`k`, `q`/`k`, doubled letters. "Yountsouxi" and "Йоунцоукси" (read back
 * as "youncouksi") become one spelling ("iouncouxi"); explanations show the folded words.
 */
export function foldToken(token: string): string {
  if (LEGAL_FORM_TOKENS.has(token)) return token;
  return (
    token
      .replace(/ph/g, 'f')
      .replace(/ck/g, 'k')
      .replace(/q/g, 'k')
      // `ks` to `x`, not the other way: a typo on an `x` stays one edit ("Hoxding" / "Holding").
      .replace(/ks/g, 'x')
      // Cyrillic х and ц read back as `h` and `c`; lists romanise them `kh` and `ts` ("Mikhail Tsoi" / "Михаил Цой").
      .replace(/kh/g, 'h')
      .replace(/ts/g, 'c')
      .replace(/w/g, 'v')
      .replace(/y/g, 'i')
      .replace(/([a-z])\1+/g, '$1')
  );
}

/** Sector words common in company names: they weigh little, so a shared "Trading" does not make a match. */
const COMMON_WORDS = [
  'trading',
  'technology',
  'technologies',
  'tech',
  'systems',
  'system',
  'solutions',
  'international',
  'industries',
  'industrial',
  'electronics',
  'electronic',
  'security',
  'services',
  'service',
  'import',
  'export',
  'logistics',
  'engineering',
  'global',
  'the',
  'and',
  'of',
  'for',
  'de',
  'la',
  'al',
  'el',
  'enterprises',
  'enterprise',
  'development',
  'investment',
  'science',
  'scientific',
];
export const COMMON_TOKENS: ReadonlySet<string> = new Set(COMMON_WORDS.map(foldToken));

export interface NormalizedName {
  /** Tokens in order, legal forms canonical. */
  tokens: string[];
  /** Tokens other than legal forms, sorted: equal for the same name in any word order. */
  key: string;
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * Normalises a name for matching: Unicode NFKD without diacritics, non-Latin scripts transliterated, case folded,
 * punctuation and hyphens to spaces, legal forms canonical ("Co., Ltd." = "Company Limited").
 */
export function normalizeName(name: string): NormalizedName {
  let text = ASCII.test(name) ? name : transliterate(name.normalize('NFKD').replace(/\p{M}+/gu, '')).normalize('NFKD');
  text = text
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\b[a-z])\.(?=[a-z]\.)/g, '$1 ') // "s.a." → "s a"
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, replacement] of MULTI_WORD) if (text.includes(' ')) text = text.replace(pattern, replacement);
  const tokens = text === '' ? [] : text.split(' ').map((t) => LEGAL_FORMS.get(t) ?? misspeltForm(t) ?? foldToken(t));
  const key = tokens
    .filter((t) => !LEGAL_FORM_TOKENS.has(t))
    .sort()
    .join(' ');
  return { tokens, key };
}
