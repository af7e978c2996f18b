import { LEGAL_FORM_TOKENS, type NormalizedName, normalizeName } from './normalize.js';
import { explain, scoreNames, tokenWeight, type Weigh } from './score.js';
import type { ListEntry, ScreeningHit } from './types.js';

/** Default threshold: hits scoring below it are not reported (see docs/screening.md for how it was chosen). */
export const DEFAULT_SCREENING_THRESHOLD = 0.82;
/** A country that contradicts the entry's countries lowers the score by this factor. */
export const COUNTRY_MISMATCH_FACTOR = 0.9;

export interface ScreenOptions {
  country?: string;
  threshold?: number;
}

export interface ScreeningIndex {
  screen(name: string, options?: ScreenOptions): ScreeningHit[];
  /** The same scorer over every name, without the index (a baseline for benchmarks and tests). */
  screenLinear(name: string, options?: ScreenOptions): ScreeningHit[];
  readonly size: number;
  readonly entries: readonly ListEntry[];
}

interface IndexedName {
  entry: number;
  name: string;
  norm: NormalizedName;
}

const MAX_CANDIDATES = 200;

function grams(token: string): string[] {
  const padded = ` ${token} `;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/**
 * Builds an inverted index over every name and alias of a list — whole tokens and character trigrams — so
 * screening scores a few candidates instead of scanning the list.
 */
export function buildScreeningIndex(entries: readonly ListEntry[]): ScreeningIndex {
  const names: IndexedName[] = [];
  entries.forEach((entry, e) => {
    for (const name of [entry.name, ...entry.altNames]) {
      const norm = normalizeName(name);
      if (norm.tokens.length > 0) names.push({ entry: e, name, norm });
    }
  });
  const tokens = new Map<string, number[]>();
  const trigrams = new Map<string, number[]>();
  names.forEach((n, i) => {
    const content = n.norm.tokens.filter((t) => !LEGAL_FORM_TOKENS.has(t));
    for (const t of content) {
      push(tokens, t, i);
      for (const g of grams(t)) push(trigrams, g, i);
    }
    if (content.length > 1) for (const g of grams(content.join(''))) push(trigrams, g, i);
  });
  const total = names.length;
  const idfCache = new Map<string, number>();
  const weigh: Weigh = (token) => {
    let w = idfCache.get(token);
    if (w === undefined) {
      const df = tokens.get(token)?.length ?? 0;
      w = tokenWeight(token, Math.log((total + 1) / (df + 1)) + 1);
      idfCache.set(token, w);
    }
    return w;
  };
  const gramLimit = Math.max(50, total * 0.05);

  function hitFor(query: string, qn: NormalizedName, candidate: IndexedName, options: ScreenOptions): ScreeningHit {
    const entry = entries[candidate.entry]!;
    const s = scoreNames(qn, candidate.norm, weigh);
    let qualifier: 'match' | 'mismatch' | 'none' = 'none';
    if (options.country && entry.countries.length > 0)
      qualifier = entry.countries.includes(options.country) ? 'match' : 'mismatch';
    const score = Math.round(s.score * (qualifier === 'mismatch' ? COUNTRY_MISMATCH_FACTOR : 1) * 10_000) / 10_000;
    return {
      entry,
      score,
      certain: qn.key !== '' && qn.key === candidate.norm.key && qualifier !== 'mismatch',
      matchedName: candidate.name,
      query,
      explanation: explain(s, qualifier),
    };
  }

  function rank(
    query: string,
    qn: NormalizedName,
    candidates: Iterable<number>,
    options: ScreenOptions,
  ): ScreeningHit[] {
    const threshold = options.threshold ?? DEFAULT_SCREENING_THRESHOLD;
    const best = new Map<number, ScreeningHit>();
    for (const i of candidates) {
      const candidate = names[i]!;
      const hit = hitFor(query, qn, candidate, options);
      if (hit.score < threshold) continue;
      const prev = best.get(candidate.entry);
      if (!prev || hit.score > prev.score) best.set(candidate.entry, hit);
    }
    return [...best.values()].sort(
      (a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    );
  }

  function candidatesFor(qn: NormalizedName): number[] {
    const counts = new Map<number, number>();
    const add = (list: number[] | undefined, by: number) => {
      if (!list || list.length > gramLimit) return;
      for (const i of list) counts.set(i, (counts.get(i) ?? 0) + by);
    };
    const content = qn.tokens.filter((t) => !LEGAL_FORM_TOKENS.has(t));
    for (const t of content) {
      const exact = tokens.get(t);
      if (exact) for (const i of exact) counts.set(i, (counts.get(i) ?? 0) + 3 * Math.min(1, weigh(t)));
      for (const g of grams(t)) add(trigrams.get(g), 1);
    }
    if (content.length > 1) for (const g of grams(content.join(''))) add(trigrams.get(g), 1);
    return [...counts]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_CANDIDATES)
      .map(([i]) => i);
  }

  return {
    size: entries.length,
    entries,
    screen(name, options = {}) {
      const qn = normalizeName(name);
      return qn.tokens.length === 0 ? [] : rank(name, qn, candidatesFor(qn), options);
    },
    screenLinear(name, options = {}) {
      const qn = normalizeName(name);
      return qn.tokens.length === 0 ? [] : rank(name, qn, names.keys(), options);
    },
  };
}
