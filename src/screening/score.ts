import { distance } from 'fastest-levenshtein';
import { COMMON_TOKENS, LEGAL_FORM_TOKENS, type NormalizedName } from './normalize.js';
import type { Explanation, TokenMatch } from './types.js';

/** Levenshtein similarity of two tokens, 0–1. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** Token pairs below this similarity do not count as a match. */
export const MIN_TOKEN_SIMILARITY = 0.75;

/** Weight of a token: inverse document frequency over the list; legal forms and sector words weigh little. */
export type Weigh = (token: string) => number;

export function tokenWeight(token: string, idf: number): number {
  if (LEGAL_FORM_TOKENS.has(token)) return 0.1;
  if (COMMON_TOKENS.has(token)) return Math.min(idf, 0.5);
  return idf;
}

export interface NameScore {
  score: number;
  pairs: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedEntry: string[];
}

/**
 * Order-insensitive, weighted token pairing: each query token pairs with at most one entry token (best pairs
 * first); score = 2 × Σ weight × similarity / (Σ query weights + Σ entry weights), a weighted Dice coefficient.
 * Names written as one word in one place and several in another ("Huawei", "Hua Wei") are also compared joined.
 */
export function scoreNames(query: NormalizedName, entry: NormalizedName, weigh: Weigh): NameScore {
  const q = query.tokens;
  const e = entry.tokens;
  const candidates: { i: number; j: number; sim: number }[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < e.length; j++) {
      const sim = tokenSimilarity(q[i]!, e[j]!);
      if (sim >= MIN_TOKEN_SIMILARITY) candidates.push({ i, j, sim });
    }
  }
  candidates.sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  const usedQ = new Set<number>();
  const usedE = new Set<number>();
  const pairs: TokenMatch[] = [];
  let matched = 0;
  for (const c of candidates) {
    if (usedQ.has(c.i) || usedE.has(c.j)) continue;
    usedQ.add(c.i);
    usedE.add(c.j);
    const w = (weigh(q[c.i]!) + weigh(e[c.j]!)) / 2;
    matched += 2 * w * c.sim;
    pairs.push({ query: q[c.i]!, entry: e[c.j]!, similarity: Math.round(c.sim * 1000) / 1000 });
  }
  const total = q.reduce((s, t) => s + weigh(t), 0) + e.reduce((s, t) => s + weigh(t), 0);
  let score = total === 0 ? 0 : matched / total;
  const joinedQ = q.filter((t) => !LEGAL_FORM_TOKENS.has(t)).join('');
  const joinedE = e.filter((t) => !LEGAL_FORM_TOKENS.has(t)).join('');
  if (joinedQ.length >= 4 && (q.length !== e.length || score < 0.9)) {
    const joined = tokenSimilarity(joinedQ, joinedE) * 0.97;
    if (joined > score) {
      score = joined;
      pairs.length = 0;
      pairs.push({
        query: joinedQ,
        entry: joinedE,
        similarity: Math.round(tokenSimilarity(joinedQ, joinedE) * 1000) / 1000,
      });
      usedQ.clear();
      usedE.clear();
      for (const [i, t] of q.entries()) if (!LEGAL_FORM_TOKENS.has(t)) usedQ.add(i);
      for (const [j, t] of e.entries()) if (!LEGAL_FORM_TOKENS.has(t)) usedE.add(j);
    }
  }
  return {
    score: Math.min(1, score),
    pairs,
    unmatchedQuery: q.filter((_, i) => !usedQ.has(i)),
    unmatchedEntry: e.filter((_, j) => !usedE.has(j)),
  };
}

export function explain(s: NameScore, countryQualifier: Explanation['countryQualifier']): Explanation {
  const parts = s.pairs.map((p) => `${p.query}~${p.entry} ${p.similarity.toFixed(2)}`);
  const text = [
    parts.join(', '),
    s.unmatchedQuery.length ? `unmatched in query: ${s.unmatchedQuery.join(' ')}` : '',
    s.unmatchedEntry.length ? `unmatched in entry: ${s.unmatchedEntry.join(' ')}` : '',
    countryQualifier === 'none' ? '' : `country ${countryQualifier}`,
  ]
    .filter(Boolean)
    .join('; ');
  return { pairs: s.pairs, unmatchedQuery: s.unmatchedQuery, unmatchedEntry: s.unmatchedEntry, countryQualifier, text };
}
