import { HrddError } from '../errors.js';
import { latinSkeleton } from './confusables.js';
import { LEGAL_FORM_TOKENS, type NormalizedName, normalizeName } from './normalize.js';
import { applyQualifiers } from './qualifiers.js';
import { explain, MIN_TOKEN_SIMILARITY, scoreNames, tokenWeight, type Weigh, wordSimilarity } from './score.js';
import { DEFAULT_SCREENING_THRESHOLD, MAX_QUERY_LENGTH, MAX_QUERY_TOKENS } from './threshold.js';
import type { ListEntry, ScreeningHit, ScreenOptions } from './types.js';

export interface ScreeningIndex {
  screen(name: string, options?: ScreenOptions): ScreeningHit[];
  /** The same scorer over every name, without the index: a naive linear fuzzy scan (a baseline for benchmarks and tests). */
  screenLinear(name: string, options?: ScreenOptions): ScreeningHit[];
  /** Number of entries. */
  readonly size: number;
  /** Number of names and aliases indexed. */
  readonly names: number;
  /** The entry at a position (0 … size − 1). */
  entry(i: number): ListEntry;
}

/** The compact, typed-array form of an index: what `serializeScreeningIndex` writes and `loadScreeningIndex` reads. */
export interface IndexData {
  /** Terms (tokens, and joined token pairs of names without a distinctive word), sorted, concatenated. */
  termText: string;
  termOffsets: Uint32Array;
  /** Number of names holding each term. */
  df: Uint32Array;
  postOffsets: Uint32Array;
  postNames: Uint32Array;
  /** Character trigrams of terms (≥ 4 characters) → terms, for fuzzy look-up of a query token. */
  gramOffsets: Uint32Array;
  gramTerms: Uint32Array;
  nameEntry: Uint32Array;
  /** 0 = the entry's name, k = its k-th alias. */
  nameAlt: Uint32Array;
  nameTokOffsets: Uint32Array;
  nameToks: Uint32Array;
  entryCount: number;
  entryAt: (i: number) => ListEntry;
}

// Terms are [a-z0-9]+ after normalisation: trigram codes index an array directly (37³ slots).
const ALPHABET = 37;
const GRAM_SLOTS = ALPHABET ** 3;
function charCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return 0;
}
function forEachGram(term: string, fn: (code: number) => void): void {
  const padded = ` ${term} `;
  for (let i = 0; i + 3 <= padded.length; i++)
    fn(
      charCode(padded.charCodeAt(i)) * ALPHABET * ALPHABET +
        charCode(padded.charCodeAt(i + 1)) * ALPHABET +
        charCode(padded.charCodeAt(i + 2)),
    );
}

const MIN_FUZZY_LENGTH = 4;
/** Fuzzy look-up verifies at most this many vocabulary terms per query word. */
const MAX_FUZZY_VERIFY = 400;
/** A term held by more names than this is generic: it does not make candidates on its own. */
function genericDf(names: number): number {
  return Math.max(50, Math.ceil(names * 0.002));
}
/** Names scored per query, best candidates first. */
const MAX_CANDIDATES = 300;
/** Names tied with the last of those candidates scored beyond it, at most. */
const MAX_TIED = 5_000;
/** The scorer's joined reading ("Huawei" = "Hua Wei") scores at most this. */
const JOINED_RANK = 0.97;

/** A streaming builder: entries are added one at a time, and `finish` freezes the index. */
export interface ScreeningIndexBuilder {
  add(entry: ListEntry): void;
  finish(): ScreeningIndex;
}

export function createScreeningIndexBuilder(): ScreeningIndexBuilder {
  const entries: ListEntry[] = [];
  const vocab = new Map<string, number>();
  const terms: string[] = [];
  const nameEntry: number[] = [];
  const nameAlt: number[] = [];
  const nameTokOffsets: number[] = [0];
  const nameToks: number[] = [];
  const termId = (t: string) => {
    let id = vocab.get(t);
    if (id === undefined) {
      id = terms.length;
      vocab.set(t, id);
      terms.push(t);
    }
    return id;
  };
  return {
    add(entry) {
      const e = entries.length;
      entries.push(entry);
      const names = [entry.name, ...entry.altNames];
      const seen = new Set<string>();
      names.forEach((name, alt) => {
        const norm = normalizeName(name);
        if (norm.tokens.length === 0 || seen.has(norm.tokens.join(' '))) return;
        seen.add(norm.tokens.join(' '));
        nameEntry.push(e);
        nameAlt.push(alt);
        for (const t of norm.tokens) nameToks.push(termId(t));
        nameTokOffsets.push(nameToks.length);
      });
    },
    finish() {
      return indexFromData(freeze(entries, terms, nameEntry, nameAlt, nameTokOffsets, nameToks));
    },
  };
}

/**
 * Builds an index over every name and alias of the entries: an inverted index of words weighted by rarity (generic
 * words do not make candidates), fuzzy word look-up through trigrams of the vocabulary, and the scorer over a few
 * candidates instead of the whole list.
 */
export function buildScreeningIndex(entries: Iterable<ListEntry>): ScreeningIndex {
  const builder = createScreeningIndexBuilder();
  for (const e of entries) builder.add(e);
  return builder.finish();
}

function freeze(
  entries: ListEntry[],
  rawTerms: string[],
  nameEntry: number[],
  nameAlt: number[],
  nameTokOffsets: number[],
  rawNameToks: number[],
): IndexData {
  const names = nameEntry.length;
  // Document frequency of each word, then joined pairs for names with no distinctive word ("Hua Wei Tong").
  const rawDf = new Uint32Array(rawTerms.length);
  for (let n = 0; n < names; n++) {
    const seen = new Set<number>();
    for (let k = nameTokOffsets[n]!; k < nameTokOffsets[n + 1]!; k++) seen.add(rawNameToks[k]!);
    for (const t of seen) rawDf[t]!++;
  }
  const generic = genericDf(names);
  const pairTerms = new Map<string, number[]>();
  for (let n = 0; n < names; n++) {
    const toks: string[] = [];
    let distinctive = false;
    for (let k = nameTokOffsets[n]!; k < nameTokOffsets[n + 1]!; k++) {
      const t = rawTerms[rawNameToks[k]!]!;
      if (LEGAL_FORM_TOKENS.has(t)) continue;
      toks.push(t);
      if (rawDf[rawNameToks[k]!]! <= generic) distinctive = true;
    }
    if (distinctive || toks.length < 2) continue;
    for (let i = 0; i + 1 < toks.length; i++) {
      const pair = toks[i]! + toks[i + 1]!;
      const list = pairTerms.get(pair);
      if (!list) pairTerms.set(pair, [n]);
      else if (list[list.length - 1] !== n) list.push(n);
    }
  }
  // Sorted vocabulary: words and pairs (a pair equal to a word shares its id).
  const all = new Set<string>(rawTerms);
  for (const p of pairTerms.keys()) all.add(p);
  const sorted = [...all].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const idOf = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) idOf.set(sorted[i]!, i);
  const remap = Uint32Array.from(rawTerms, (t) => idOf.get(t)!);
  const termOffsets = new Uint32Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) termOffsets[i + 1] = termOffsets[i]! + sorted[i]!.length;
  const nameToks = Uint32Array.from(rawNameToks, (t) => remap[t]!);

  // Postings: names per term.
  const postLists: number[][] = sorted.map(() => []);
  for (let n = 0; n < names; n++) {
    for (let k = nameTokOffsets[n]!; k < nameTokOffsets[n + 1]!; k++) {
      const list = postLists[nameToks[k]!]!;
      if (list[list.length - 1] !== n) list.push(n);
    }
  }
  for (const [pair, ns] of pairTerms) {
    const list = postLists[idOf.get(pair)!]!;
    for (const n of ns) if (!list.includes(n)) list.push(n);
    list.sort((a, b) => a - b);
  }
  const df = Uint32Array.from(postLists, (l) => l.length);
  const postOffsets = new Uint32Array(sorted.length + 1);
  for (let i = 0; i < sorted.length; i++) postOffsets[i + 1] = postOffsets[i]! + postLists[i]!.length;
  const postNames = new Uint32Array(postOffsets[sorted.length]!);
  for (let i = 0; i < postLists.length; i++) postNames.set(postLists[i]!, postOffsets[i]!);

  // Trigrams of the vocabulary, for fuzzy look-up.
  const gramCounts = new Uint32Array(GRAM_SLOTS + 1);
  for (const t of sorted) if (t.length >= MIN_FUZZY_LENGTH) forEachGram(t, (g) => gramCounts[g + 1]!++);
  for (let g = 0; g < GRAM_SLOTS; g++) gramCounts[g + 1]! += gramCounts[g]!;
  const gramOffsets = gramCounts;
  const fill = gramOffsets.slice(0, GRAM_SLOTS);
  const gramTerms = new Uint32Array(gramOffsets[GRAM_SLOTS]!);
  sorted.forEach((t, i) => {
    if (t.length < MIN_FUZZY_LENGTH) return;
    let last = -1;
    forEachGram(t, (g) => {
      if (g === last) return;
      last = g;
      const at = fill[g]!;
      if (at > gramOffsets[g]! && gramTerms[at - 1] === i) return;
      gramTerms[at] = i;
      fill[g] = at + 1;
    });
  });
  return {
    termText: sorted.join(''),
    termOffsets,
    df,
    postOffsets,
    postNames,
    gramOffsets,
    gramTerms: gramTerms.subarray(0, gramTerms.length),
    nameEntry: Uint32Array.from(nameEntry),
    nameAlt: Uint32Array.from(nameAlt),
    nameTokOffsets: Uint32Array.from(nameTokOffsets),
    nameToks,
    entryCount: entries.length,
    entryAt: (i) => entries[i]!,
  };
}

const DATA = new WeakMap<ScreeningIndex, IndexData>();

/** The compact data behind an index (for `serializeScreeningIndex`). */
export function indexData(index: ScreeningIndex): IndexData | undefined {
  return DATA.get(index);
}

/** Screening over the compact index data (built here or loaded from a file). */
export function indexFromData(data: IndexData): ScreeningIndex {
  const { termText, termOffsets, df, postOffsets, postNames, gramOffsets, gramTerms } = data;
  const { nameEntry, nameAlt, nameTokOffsets, nameToks } = data;
  const termCount = termOffsets.length - 1;
  const names = nameEntry.length;
  const generic = genericDf(names);
  const term = (i: number) => termText.slice(termOffsets[i]!, termOffsets[i + 1]!);
  const lookup = (t: string): number => {
    let lo = 0;
    let hi = termCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = term(mid);
      if (m === t) return mid;
      if (m < t) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const idf = (d: number) => Math.log((names + 1) / (d + 1)) + 1;
  const weights = new Map<string, number>();
  const weigh: Weigh = (t) => {
    let w = weights.get(t);
    if (w === undefined) {
      const id = lookup(t);
      w = tokenWeight(t, idf(id < 0 ? 0 : df[id]!));
      if (weights.size > 100_000) weights.clear();
      weights.set(t, w);
    }
    return w;
  };
  const informative = idf(Math.max(2, Math.floor(names / 10_000)));
  const nameNorms = new Map<number, NormalizedName>();
  const normOf = (n: number): NormalizedName => {
    let norm = nameNorms.get(n);
    if (!norm) {
      const tokens: string[] = [];
      for (let k = nameTokOffsets[n]!; k < nameTokOffsets[n + 1]!; k++) tokens.push(term(nameToks[k]!));
      norm = {
        tokens,
        key: tokens
          .filter((t) => !LEGAL_FORM_TOKENS.has(t))
          .sort()
          .join(' '),
      };
      if (nameNorms.size > 50_000) nameNorms.clear();
      nameNorms.set(n, norm);
    }
    return norm;
  };
  const entryCache = new Map<number, ListEntry>();
  const entryOf = (e: number): ListEntry => {
    let entry = entryCache.get(e);
    if (!entry) {
      entry = data.entryAt(e);
      if (entryCache.size > 10_000) entryCache.clear();
      entryCache.set(e, entry);
    }
    return entry;
  };

  // Each term's weight and each name's total weight (distinct words), for ranking candidates by the weighted Dice
  // coefficient the scorer computes: a name holding the query's words and little else ranks above one that adds a
  // heavy word, however frequent the shared words are.
  const termWeight = new Float32Array(termCount);
  // Legal forms weigh nothing here: names differing only in legal form rank equal, so all of them reach the scorer.
  for (let i = 0; i < termCount; i++) {
    const t = term(i);
    termWeight[i] = LEGAL_FORM_TOKENS.has(t) ? 0 : tokenWeight(t, idf(df[i]!));
  }
  const nameWeight = new Float32Array(names);
  for (let n = 0; n < names; n++) {
    let w = 0;
    const from = nameTokOffsets[n]!;
    const to = nameTokOffsets[n + 1]!;
    for (let k = from; k < to; k++) {
      const id = nameToks[k]!;
      let repeated = false;
      for (let j = from; j < k && !repeated; j++) repeated = nameToks[j] === id;
      if (!repeated) w += termWeight[id]!;
    }
    nameWeight[n] = w;
  }

  // Scratch state reused by every query (the core is single-threaded; nothing awaits inside a query).
  const gramHits = new Uint16Array(termCount);
  const touchedTerms: number[] = [];
  /** Bits: 1 = a candidate; 2 = reached through a query word spelt exactly; 4 = through the query's words joined. */
  const mark = new Uint8Array(names);
  /** Bits per term: 2 = a query word spelt exactly; 4 = the query's words joined (as in `mark`). */
  const keyKind = new Uint8Array(termCount);
  const keyTerms: number[] = [];
  const touchedNames: number[] = [];
  /** Per vocabulary term matched by the query: which query word (1-based) and the weight the pair would add. */
  const termQuery = new Uint8Array(termCount);
  const termGain = new Float32Array(termCount);
  const markedTerms: number[] = [];

  /** Vocabulary terms within the similarity floor of a query token: exact, or fuzzy through shared trigrams. */
  function similarTerms(t: string): [number, number][] {
    const out: [number, number][] = [];
    const exact = lookup(t);
    if (exact >= 0) out.push([exact, 1]);
    if (t.length < MIN_FUZZY_LENGTH) return out;
    forEachGram(t, (g) => {
      for (let k = gramOffsets[g]!; k < gramOffsets[g + 1]!; k++) {
        const id = gramTerms[k]!;
        if (gramHits[id] === 0) touchedTerms.push(id);
        gramHits[id]!++;
      }
    });
    // Verify the terms sharing most trigrams first (a typo breaks at most four), at most MAX_FUZZY_VERIFY of them.
    const buckets: number[][] = [];
    for (const id of touchedTerms) {
      const c = gramHits[id]!;
      gramHits[id] = 0;
      if (id === exact) continue;
      const bucket = buckets[c];
      if (bucket) bucket.push(id);
      else buckets[c] = [id];
    }
    let verified = 0;
    for (let c = buckets.length - 1; c >= 1 && verified < MAX_FUZZY_VERIFY; c--) {
      for (const id of buckets[c] ?? []) {
        const len = termOffsets[id + 1]! - termOffsets[id]!;
        const longest = Math.max(len, t.length);
        const edits = Math.floor(longest * (1 - MIN_TOKEN_SIMILARITY) + 1e-9);
        if (Math.abs(len - t.length) > edits || c < longest - 4 * edits) continue;
        verified++;
        const sim = wordSimilarity(t, term(id), MIN_TOKEN_SIMILARITY);
        if (sim >= MIN_TOKEN_SIMILARITY) out.push([id, sim]);
      }
    }
    touchedTerms.length = 0;
    return out;
  }

  function addPostings(id: number, flag: number): void {
    for (let k = postOffsets[id]!; k < postOffsets[id + 1]!; k++) {
      const n = postNames[k]!;
      if (mark[n] === 0) touchedNames.push(n);
      mark[n]! |= flag;
    }
  }

  function candidatesFor(qn: NormalizedName): number[] {
    const content = [...new Set(qn.tokens)].filter((t) => !LEGAL_FORM_TOKENS.has(t));
    // Each query word's matches in the vocabulary, with the weight a pair would add to the weighted Dice numerator.
    let queryWeight = 0;
    const matched: [id: number, gain: number, exact: boolean][] = [];
    content.forEach((t, qi) => {
      const wq = weigh(t);
      queryWeight += wq;
      for (const [id, sim] of similarTerms(t)) {
        const gain = ((wq + termWeight[id]!) / 2) * sim;
        if (termQuery[id] === 0) markedTerms.push(id);
        if (termQuery[id] === 0 || termGain[id]! < gain) {
          termQuery[id] = qi + 1;
          termGain[id] = gain;
        }
        matched.push([id, gain, sim === 1]);
      }
    });
    const isGeneric = (id: number) => df[id]! > generic || LEGAL_FORM_TOKENS.has(term(id));
    // Distinctive words make candidates.
    // A word spelt exactly may be a listed name's words joined ("Huawei" for "Hua Wei"): those names are marked too.
    const used = new Set<number>();
    const key = (id: number, kind: number) => {
      if (keyKind[id] === 0) keyTerms.push(id);
      keyKind[id]! |= kind;
    };
    for (const [id, , exact] of matched)
      if (!isGeneric(id) && !used.has(id)) {
        used.add(id);
        if (exact) key(id, 2);
        addPostings(id, exact ? 3 : 1);
      }
    // Word pairs and the whole name joined, exactly: "Huawei" finds "Hua Wei".
    const joined: string[] = [];
    for (let i = 0; i + 1 < content.length; i++) joined.push(content[i]! + content[i + 1]!);
    if (content.length > 2) joined.push(content.join(''));
    for (const t of joined) {
      const id = lookup(t);
      if (id >= 0 && df[id]! <= generic) {
        key(id, 4);
        addPostings(id, 5);
      }
    }
    // The rarest word the query spells exactly always makes candidates, even a frequent one ("Fatima Ivanova"): all
    // of its names, ranked below, so a name built only of frequent words is not crowded out by others sharing one.
    const open = matched.filter(([id]) => !used.has(id) && !LEGAL_FORM_TOKENS.has(term(id)));
    const rarest =
      open.filter(([, , exact]) => exact).sort((a, b) => df[a[0]]! - df[b[0]]! || a[0] - b[0])[0] ??
      // No word spelt exactly ("Geikodlerd Group"): the closest frequent word stands in.
      open.sort(
        (a, b) => b[1] / termWeight[b[0]]! - a[1] / termWeight[a[0]]! || df[a[0]]! - df[b[0]]! || a[0] - b[0],
      )[0];
    if (rarest) addPostings(rarest[0], 1);

    // Rank every candidate by the weighted Dice coefficient over its words (each query word counted once, at its
    // best pair); the best MAX_CANDIDATES, and every name tied with the last of them, go to the scorer.
    const best = new Float64Array(content.length);
    const joinedLength = content.reduce((s, t) => s + t.length, 0);
    const rankOf = new Float64Array(touchedNames.length);
    for (let c = 0; c < touchedNames.length; c++) {
      const n = touchedNames[c]!;
      best.fill(0);
      for (let k = nameTokOffsets[n]!; k < nameTokOffsets[n + 1]!; k++) {
        const id = nameToks[k]!;
        const qi = termQuery[id]!;
        if (qi !== 0 && termGain[id]! > best[qi - 1]!) best[qi - 1] = termGain[id]!;
      }
      let sum = 0;
      for (const g of best) sum += g;
      const total = queryWeight + nameWeight[n]!;
      let r = total === 0 ? 0 : (2 * sum) / total;
      const m = mark[n]!;
      if (m > 1 && r < JOINED_RANK) {
        // Split differently from the query: a name reached by the query's words joined that holds them as one word,
        // or reached by a query word that it does not hold (so holds it split). Its joined reading scores at most
        // 0.97 × (1 − the difference in length of the joined names / the longer).
        let length = 0;
        let kinds = 0;
        for (let k = nameTokOffsets[n]!; k < nameTokOffsets[n + 1]!; k++) {
          const id = nameToks[k]!;
          kinds |= keyKind[id]!;
          if (termWeight[id]! > 0) length += termOffsets[id + 1]! - termOffsets[id]!;
        }
        if ((m & 4 && kinds & 4) || (m & 2 && !(kinds & 2))) {
          const bound = JOINED_RANK * (1 - Math.abs(length - joinedLength) / Math.max(length, joinedLength, 1));
          if (bound > r) r = bound;
        }
      }
      rankOf[c] = r;
      mark[n] = 0;
    }
    for (const id of markedTerms) termQuery[id] = 0;
    markedTerms.length = 0;
    for (const id of keyTerms) keyKind[id] = 0;
    keyTerms.length = 0;

    const heapN: number[] = [];
    const heapS: number[] = [];
    const better = (s1: number, n1: number, s2: number, n2: number) => s1 > s2 || (s1 === s2 && n1 < n2);
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heapN.length && better(heapS[m]!, heapN[m]!, heapS[l]!, heapN[l]!)) m = l;
        if (r < heapN.length && better(heapS[m]!, heapN[m]!, heapS[r]!, heapN[r]!)) m = r;
        if (m === i) return;
        [heapN[i], heapN[m]] = [heapN[m]!, heapN[i]!];
        [heapS[i], heapS[m]] = [heapS[m]!, heapS[i]!];
        i = m;
      }
    };
    for (let c = 0; c < touchedNames.length; c++) {
      const n = touchedNames[c]!;
      const s = rankOf[c]!;
      if (heapN.length < MAX_CANDIDATES) {
        heapN.push(n);
        heapS.push(s);
        for (let i = heapN.length - 1; i > 0; ) {
          const p = (i - 1) >> 1;
          if (!better(heapS[p]!, heapN[p]!, heapS[i]!, heapN[i]!)) break;
          [heapN[i], heapN[p]] = [heapN[p]!, heapN[i]!];
          [heapS[i], heapS[p]] = [heapS[p]!, heapS[i]!];
          i = p;
        }
      } else if (better(s, n, heapS[0]!, heapN[0]!)) {
        heapN[0] = n;
        heapS[0] = s;
        siftDown(0);
      }
    }
    // Names tied with the last candidate kept (the same name listed for many entities) are all scored: which of
    // them is the party is for the qualifiers to say, not for the order in which the list was read.
    if (heapN.length === MAX_CANDIDATES) {
      const last = heapS[0]!;
      const kept = new Set(heapN);
      for (let c = 0; c < touchedNames.length && heapN.length < MAX_CANDIDATES + MAX_TIED; c++)
        if (rankOf[c]! >= last - 1e-9 && !kept.has(touchedNames[c]!)) heapN.push(touchedNames[c]!);
    }
    touchedNames.length = 0;
    return heapN;
  }

  function readQuery(name: string): { qn: NormalizedName; skeleton?: NormalizedName } {
    if (name.length > MAX_QUERY_LENGTH)
      throw new HrddError('Name too long to screen', [
        { path: 'name', message: `${name.length} characters; names of at most ${MAX_QUERY_LENGTH} are screened` },
      ]);
    const qn = normalizeName(name);
    if (new Set(qn.tokens).size > MAX_QUERY_TOKENS)
      throw new HrddError('Name too long to screen', [
        { path: 'name', message: `${qn.tokens.length} words; names of at most ${MAX_QUERY_TOKENS} are screened` },
      ]);
    const skeletonText = latinSkeleton(name);
    if (skeletonText === name) return { qn };
    const skeleton = normalizeName(skeletonText);
    return skeleton.tokens.join(' ') === qn.tokens.join(' ') ? { qn } : { qn, skeleton };
  }

  function rank(name: string, candidates: Iterable<number>, options: ScreenOptions, linear: boolean): ScreeningHit[] {
    const { qn, skeleton } = readQuery(name);
    if (qn.tokens.length === 0) return [];
    const threshold = options.threshold ?? DEFAULT_SCREENING_THRESHOLD;
    const readings: [NormalizedName, boolean][] = [[qn, false]];
    if (skeleton && skeleton.tokens.length > 0) readings.push([skeleton, true]);
    const pool = new Set<number>();
    if (linear) for (const n of candidates) pool.add(n);
    else for (const [reading] of readings) for (const n of candidatesFor(reading)) pool.add(n);
    const best = new Map<number, ScreeningHit>();
    for (const n of pool) {
      const target = normOf(n);
      let top: { s: ReturnType<typeof scoreNames>; skeleton: boolean } | undefined;
      for (const [reading, isSkeleton] of readings) {
        const s = scoreNames(reading, target, weigh, informative);
        if (!top || s.score > top.s.score) top = { s, skeleton: isSkeleton };
      }
      // Qualifiers can raise a score by at most 0.6 of the gap: skip what cannot reach the threshold.
      if (top!.s.score + (1 - top!.s.score) * 0.9 < threshold) continue;
      const e = nameEntry[n]!;
      const entry = entryOf(e);
      const { score, qualifiers } = applyQualifiers(top!.s.score, entry, options);
      if (score < threshold) continue;
      const prev = best.get(e);
      if (prev && prev.score >= score) continue;
      const reading = top!.skeleton ? skeleton! : qn;
      const alt = nameAlt[n]!;
      best.set(e, {
        entry,
        score,
        certain: reading.key !== '' && reading.key === target.key && !qualifiers.some((x) => x.result === 'mismatch'),
        matchedName: alt === 0 ? entry.name : (entry.altNames[alt - 1] ?? entry.name),
        query: name,
        explanation: explain(top!.s, qualifiers, top!.skeleton),
      });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0))
      .slice(0, options.limit ?? 100);
  }

  function* allNames(): Generator<number> {
    for (let n = 0; n < names; n++) yield n;
  }

  const index: ScreeningIndex = {
    size: data.entryCount,
    names,
    entry: entryOf,
    screen: (name, options = {}) => rank(name, [], options, false),
    screenLinear: (name, options = {}) => rank(name, allNames(), options, true),
  };
  DATA.set(index, data);
  return index;
}
