import { HrddError } from '../errors.js';
import type { Party } from '../model/index.js';
import { scriptProfile } from '../screening/index.js';
import type { ScreeningIndexPort } from './ports.js';
import type { NameScriptFact, PartyFact, ScreeningHitFact } from './types.js';

interface ScreeningParams {
  /** Overrides the one default, `DEFAULT_SCREENING_THRESHOLD` (absent from the default rule set). */
  threshold?: number;
  listEffects?: Record<string, 'bars-export' | 'review'>;
  defaultListEffect?: 'bars-export' | 'review';
}

function explain(explanation: unknown): string {
  if (typeof explanation === 'string') return explanation;
  if (explanation && typeof explanation === 'object' && typeof (explanation as { text?: unknown }).text === 'string')
    return (explanation as { text: string }).text;
  return '';
}

/**
 * A name whose letters are all Latin can neither mix scripts nor be a whole-script look-alike of Latin: one regular
 * expression test instead of a per-letter script profile (most names on orders are written this way).
 */
const LATIN_LETTERS_ONLY = /^[\p{Script=Latin}\P{L}]*$/u;

/** Names of a party that mix scripts within a word or imitate Latin with look-alike letters of another script. */
export function nameScriptFact(party: Pick<Party, 'name' | 'aliases'>): NameScriptFact {
  const fact: NameScriptFact = { suspicious: false, names: [], scripts: [], skeleton: [] };
  const scripts = new Set<string>();
  for (const name of [party.name, ...(party.aliases ?? [])]) {
    if (LATIN_LETTERS_ONLY.test(name)) continue;
    const profile = scriptProfile(name);
    if (!profile.mixed && !profile.wholeScriptConfusable) continue;
    fact.suspicious = true;
    fact.names.push(name);
    fact.skeleton.push(profile.skeleton);
    for (const s of profile.scripts) scripts.add(s);
  }
  fact.scripts = [...scripts].sort();
  return fact;
}

/**
 * Screens a party's name, aliases and named parent against the index; each hit becomes a fact with the list's
 * effect from the rule set's `screening.listEffects` parameter (by list source), default `review`. The threshold is
 * the index's default unless the rule set sets `screening.threshold`.
 */
export function screenParties(
  index: ScreeningIndexPort,
  params: Record<string, unknown>,
): (party: PartyFact) => ScreeningHitFact[] {
  const p = (params.screening ?? {}) as ScreeningParams;
  return (party) => {
    const names = [
      party.name,
      ...(party.aliases ?? []),
      ...(party.ownership?.parentName ? [party.ownership.parentName] : []),
    ];
    const best = new Map<string, ScreeningHitFact>();
    names.forEach((name, i) => {
      let hits: ReturnType<ScreeningIndexPort['screen']>;
      try {
        hits = index.screen(name, {
          country: party.country,
          ...(p.threshold !== undefined ? { threshold: p.threshold } : {}),
        });
      } catch (error) {
        if (!(error instanceof HrddError)) throw error;
        const field =
          i === 0 ? 'name' : i <= (party.aliases?.length ?? 0) ? `aliases[${i - 1}]` : 'ownership.parentName';
        throw new HrddError(
          error.message.split('\n')[0]!,
          error.issues.map((x) => ({ path: `parties.${party.id}.${field}`, message: x.message })),
        );
      }
      for (const hit of hits) {
        const fact: ScreeningHitFact = {
          partyId: party.id,
          role: party.role,
          queryName: name,
          matchedName: hit.matchedName,
          score: Math.round(hit.score * 1000) / 1000,
          certain: hit.certain,
          effect: p.listEffects?.[hit.entry.source] ?? p.defaultListEffect ?? 'review',
          list: hit.entry.source,
          entryId: hit.entry.id,
          entryName: hit.entry.name,
          programs: [...hit.entry.programs],
          explanation: explain(hit.explanation),
        };
        const prev = best.get(`${hit.entry.source}\u0000${hit.entry.id}`);
        if (!prev || fact.score > prev.score) best.set(`${hit.entry.source}\u0000${hit.entry.id}`, fact);
      }
    });
    return [...best.values()].sort(
      (a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
    );
  };
}
