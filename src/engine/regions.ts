import type { SanctionedRegions } from '../data/sanctioned-regions.js';

/** One place of the transaction recognised as (part of) a sanctioned region (`derived.sanctionedRegions[]`). */
export interface RegionMatchFact {
  region: string;
  status: 'occupied' | 'partly-occupied';
  /** The fact path the place was read from, e.g. `transaction.endUsers.0.address`. */
  path: string;
  /** The code or the name as the gazetteer spells it. */
  matched: string;
  /** The party whose address matched, when it is a party's. */
  partyId?: string;
}

/**
 * A place to look at: a subdivision code, or free text. Text with a `country` is read only when that country may
 * hold a region (a party's address); text without one (the end use) is always read.
 */
export interface Place {
  path: string;
  country?: string;
  subdivision?: string;
  text?: string;
  partyId?: string;
}

interface Pattern {
  region: string;
  status: RegionMatchFact['status'];
  name: string;
  words: { stem: string; prefix: boolean }[];
}

export interface Gazetteer {
  byCode: ReadonlyMap<string, { region: string; status: RegionMatchFact['status'] }>;
  /** Names by the first letters of their first word, longest names first, so "Donetsk oblast" is tried before "Donetsk". */
  patterns: ReadonlyMap<string, readonly Pattern[]>;
  /** Countries whose free text is read (where the regions lie or are claimed). */
  countries: ReadonlySet<string>;
}

/**
 * Text as words: case, accents and apostrophes folded, everything else that is not a letter or digit a space:
 * `Sevastopol'`, `SÉVASTOPOL` and `sevastopol` are one word; `Слов'янськ` keeps its letters. Deterministic (no
 * locale). Places and item descriptions are matched on these words.
 */
export function foldText(text: string): string[] {
  // ASCII text (most orders) has no accents to fold: skip the Unicode normalisation.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/['`]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const ASCII = /^[\t\n\r -~]*$/;

export function buildGazetteer(data: SanctionedRegions): Gazetteer {
  const byCode = new Map<string, { region: string; status: RegionMatchFact['status'] }>();
  const patterns: Pattern[] = [];
  for (const region of data.regions) {
    for (const code of region.subdivisions) byCode.set(code, { region: region.id, status: region.status });
    for (const name of region.names) {
      const words = name
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .map((w) => {
          const prefix = w.endsWith('*');
          return { stem: foldText(prefix ? w.slice(0, -1) : w).join(''), prefix };
        });
      patterns.push({ region: region.id, status: region.status, name, words });
    }
  }
  patterns.sort((a, b) => b.words.length - a.words.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const index = new Map<string, Pattern[]>();
  for (const pattern of patterns) {
    const key = pattern.words[0]!.stem.slice(0, KEY);
    const list = index.get(key) ?? [];
    list.push(pattern);
    index.set(key, list);
  }
  return { byCode, patterns: index, countries: new Set(['UA', 'RU']) };
}

/** Names are indexed by this many first letters (every stem in the gazetteer is at least this long). */
const KEY = 3;

function wordMatches(word: string, pattern: { stem: string; prefix: boolean }): boolean {
  return pattern.prefix ? word.startsWith(pattern.stem) : word === pattern.stem;
}

/** Names of the gazetteer in a text, longest first; a word is used by one name only. */
export function matchPlaceText(
  text: string,
  gazetteer: Gazetteer,
): { region: string; status: Pattern['status']; name: string }[] {
  const words = foldText(text);
  const found: { region: string; status: Pattern['status']; name: string }[] = [];
  // Left to right, the longest name that starts at each word; its words are not read again.
  let i = 0;
  while (i < words.length) {
    let taken = 1;
    for (const pattern of gazetteer.patterns.get(words[i]!.slice(0, KEY)) ?? []) {
      const n = pattern.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = wordMatches(words[i + k]!, pattern.words[k]!);
      if (!ok) continue;
      found.push({ region: pattern.region, status: pattern.status, name: pattern.name });
      taken = n;
      break;
    }
    i += taken;
  }
  return found;
}

const SUBDIVISION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

function regionFact(
  place: Place,
  m: { region: string; status: RegionMatchFact['status'] },
  matched: string,
): RegionMatchFact {
  const fact: RegionMatchFact = { region: m.region, status: m.status, path: place.path, matched };
  if (place.partyId !== undefined) fact.partyId = place.partyId;
  return fact;
}

/** Every match of the transaction's places, in the order of the places given. */
export function matchPlaces(places: readonly Place[], gazetteer: Gazetteer): RegionMatchFact[] {
  const out: RegionMatchFact[] = [];
  for (const place of places) {
    const code =
      place.subdivision ?? (place.text && SUBDIVISION.test(place.text.trim()) ? place.text.trim() : undefined);
    if (code !== undefined) {
      const hit = gazetteer.byCode.get(code);
      if (hit) out.push(regionFact(place, hit, code));
      if (place.subdivision === undefined) continue;
    }
    if (place.text === undefined) continue;
    if (place.country !== undefined && !gazetteer.countries.has(place.country)) continue;
    for (const m of matchPlaceText(place.text, gazetteer)) out.push(regionFact(place, m, m.name));
  }
  return out;
}
