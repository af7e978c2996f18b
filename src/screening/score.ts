import { COMMON_TOKENS, LEGAL_FORM_TOKENS, type NormalizedName } from './normalize.js';
import type { Explanation, Qualifier, TokenMatch } from './types.js';

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance with adjacent transpositions (optimal string alignment): a swapped pair of letters is one typo, as
 * an inserted, dropped or wrong letter is. Stops early once every alignment costs more than `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if (Math.abs(n - m) > max) return max + 1;
  if (rows[0]!.length <= m) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < d) d = del;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prev2[j - 2]! + 1 < d)
        d = prev2[j - 2]! + 1;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Similarity of two tokens, 0–1: one minus the edit distance over the longer length. */
export function tokenSimilarity(a: string, b: string, floor = 0): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const max = Math.floor(longest * (1 - floor) + 1e-9);
  return Math.max(0, 1 - editDistance(a, b, max) / longest);
}

/** Token pairs below this similarity do not count as a match. */
export const MIN_TOKEN_SIMILARITY = 0.75;

/**
 * Each edit beyond the first within one word costs this much more similarity: one typo in a word is common, while
 * two differences in one word ("Viskstux" / "Triskstux") far more often spell another word than misspell this one.
 */
export const EXTRA_EDIT_PENALTY = 0.05;

/** Similarity of two words, 0–1: as `tokenSimilarity`, less `EXTRA_EDIT_PENALTY` for each edit beyond the first. */
export function wordSimilarity(a: string, b: string, floor = 0): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const max = Math.floor(longest * (1 - floor) + 1e-9);
  const edits = editDistance(a, b, max);
  return Math.max(0, 1 - edits / longest - EXTRA_EDIT_PENALTY * Math.max(0, edits - 1));
}

/** Weight of a token: inverse document frequency over the loaded lists; legal forms and sector words weigh little. */
export type Weigh = (token: string) => number;

/** A token's weight from its inverse document frequency; legal forms and curated sector words are capped low. */
export function tokenWeight(token: string, idf: number): number {
  if (LEGAL_FORM_TOKENS.has(token)) return 0.1;
  if (COMMON_TOKENS.has(token)) return Math.min(idf, 0.5);
  return idf;
}

export interface NameScore {
  score: number;
  method: Explanation['method'];
  pairs: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedEntry: string[];
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;
const unique = (xs: readonly string[]) => [...new Set(xs)];

/**
 * Order-insensitive, weighted token pairing: each distinct query token pairs with at most one entry token (best
 * pairs first); score = 2 × Σ weight × similarity / (Σ query weights + Σ entry weights), a weighted Dice
 * coefficient, so a rare word carries the score and a sector word or legal form hardly moves it. Two more readings,
 * the best kept: the names joined ("Huawei" = "Hua Wei"), and a short listed name wholly contained in a longer
 * query ("Sberbank" in "Sberbank of Russia"), which counts when the contained words are themselves distinctive
 * (`informative`: at least that much weight matched).
 */
export function scoreNames(
  query: NormalizedName,
  entry: NormalizedName,
  weigh: Weigh,
  informative = Number.POSITIVE_INFINITY,
): NameScore {
  const q = unique(query.tokens);
  const e = unique(entry.tokens);
  const candidates: { i: number; j: number; sim: number }[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < e.length; j++) {
      const a = q[i]!;
      const b = e[j]!;
      if (a !== b && Math.abs(a.length - b.length) > Math.max(a.length, b.length) * (1 - MIN_TOKEN_SIMILARITY))
        continue;
      const sim = wordSimilarity(a, b, MIN_TOKEN_SIMILARITY);
      if (sim >= MIN_TOKEN_SIMILARITY) candidates.push({ i, j, sim });
    }
  }
  candidates.sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  const usedQ = new Set<number>();
  const usedE = new Set<number>();
  const pairs: TokenMatch[] = [];
  let matched = 0;
  let matchedEntryWeight = 0;
  for (const c of candidates) {
    if (usedQ.has(c.i) || usedE.has(c.j)) continue;
    usedQ.add(c.i);
    usedE.add(c.j);
    const w = (weigh(q[c.i]!) + weigh(e[c.j]!)) / 2;
    matched += 2 * w * c.sim;
    matchedEntryWeight += weigh(e[c.j]!) * c.sim;
    pairs.push({ query: q[c.i]!, entry: e[c.j]!, similarity: round3(c.sim), weight: round3(w) });
  }
  const qWeight = q.reduce((s, t) => s + weigh(t), 0);
  const eWeight = e.reduce((s, t) => s + weigh(t), 0);
  const total = qWeight + eWeight;
  let score = total === 0 ? 0 : matched / total;
  let method: NameScore['method'] = 'tokens';

  // A listed name wholly inside the query: strong when what it shares is distinctive, discounted by what the query adds.
  const matchedQueryWeight = matched / 2;
  // Only when what the query adds is lighter than what it shares: "Sberbank of Russia", not "Shulvos Grikbikfeint Telecom".
  if (
    usedE.size === e.length &&
    e.length > 0 &&
    matchedEntryWeight >= informative &&
    eWeight > 0 &&
    qWeight - matchedQueryWeight < 0.75 * matchedQueryWeight
  ) {
    const contained = 0.9 * (matchedEntryWeight / eWeight) + 0.1 * (matched / 2 / qWeight);
    if (contained > score) {
      score = contained;
      method = 'contained';
    }
  }

  const contentQ = q.filter((t) => !LEGAL_FORM_TOKENS.has(t));
  const contentE = e.filter((t) => !LEGAL_FORM_TOKENS.has(t));
  const joinedQ = contentQ.join('');
  const joinedE = contentE.join('');
  // Joined only when the words are split differently ("Hua Wei" / "Huawei"), never to blur two different words.
  if (joinedQ.length >= 4 && contentQ.length !== contentE.length) {
    const sim = tokenSimilarity(joinedQ, joinedE, Math.min(1, Math.max(0.5, score / 0.97)));
    if (sim * 0.97 > score) {
      score = sim * 0.97;
      method = 'joined';
      pairs.length = 0;
      pairs.push({ query: joinedQ, entry: joinedE, similarity: round3(sim) });
      usedQ.clear();
      usedE.clear();
      for (const [i, t] of q.entries()) if (!LEGAL_FORM_TOKENS.has(t)) usedQ.add(i);
      for (const [j, t] of e.entries()) if (!LEGAL_FORM_TOKENS.has(t)) usedE.add(j);
    }
  }
  return {
    score: Math.min(1, score),
    method,
    pairs,
    unmatchedQuery: q.filter((_, i) => !usedQ.has(i)),
    unmatchedEntry: e.filter((_, j) => !usedE.has(j)),
  };
}

export function explain(s: NameScore, qualifiers: Qualifier[], skeleton: boolean): Explanation {
  const country = qualifiers.find((x) => x.kind === 'country');
  const parts = s.pairs.map((p) => `${p.query}~${p.entry} ${p.similarity.toFixed(2)}`);
  const text = [
    skeleton ? 'read as its Latin look-alike skeleton' : '',
    s.method === 'joined' ? `names joined: ${parts.join(', ')}` : parts.join(', '),
    s.method === 'contained' ? 'listed name contained in the query' : '',
    s.unmatchedQuery.length ? `unmatched in query: ${s.unmatchedQuery.join(' ')}` : '',
    s.unmatchedEntry.length ? `unmatched in entry: ${s.unmatchedEntry.join(' ')}` : '',
    ...qualifiers.map(
      (x) =>
        `${x.kind === 'birth-date' ? 'date of birth' : x.kind} ${x.result} (${x.detail}): ${x.before.toFixed(3)}→${x.after.toFixed(3)}`,
    ),
  ]
    .filter(Boolean)
    .join('; ');
  return {
    pairs: s.pairs,
    unmatchedQuery: s.unmatchedQuery,
    unmatchedEntry: s.unmatchedEntry,
    countryQualifier: country ? country.result : 'none',
    qualifiers,
    method: s.method,
    ...(skeleton ? { skeleton: true } : {}),
    text,
  };
}
