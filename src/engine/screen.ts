import type { ScreeningIndexPort } from './ports.js';
import type { PartyFact, ScreeningHitFact } from './types.js';

interface ScreeningParams {
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
 * Screens a party's name, aliases and named parent against the index; each hit becomes a fact with the list's
 * effect from the rule set's `screening.listEffects` parameter (by list source), default `review`.
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
    for (const name of names) {
      const hits = index.screen(name, {
        country: party.country,
        ...(p.threshold !== undefined ? { threshold: p.threshold } : {}),
      });
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
        const prev = best.get(hit.entry.id);
        if (!prev || fact.score > prev.score) best.set(hit.entry.id, fact);
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : 1));
  };
}
