import { ASSURANCE_TYPES, type RequiredAssurance } from '../model/index.js';
import type { AssuranceDef } from '../rules/index.js';
import { compareText, sortShort } from './sort-short.js';
import type { ObtainedAssuranceFact, PartyFact } from './types.js';

const TYPE_ORDER = new Map<string, number>(ASSURANCE_TYPES.map((type, i) => [type, i]));

/** An assurance type a rule requires, resolved when the rule set is compiled. */
export interface AssuranceSlot {
  def: AssuranceDef;
  /** Position of the definition in the rule set: an array index per assessment instead of a map lookup. */
  slot: number;
  /** Rank of the type in the published order of assurance types (the order of `requiredAssurances`). */
  order: number;
  /** The party roles that give it (`def.givenBy`). */
  givers: ReadonlySet<string>;
}

/** The slots of a rule set's assurance definitions, by type. */
export function assuranceSlots(definitions: readonly AssuranceDef[]): Map<string, AssuranceSlot> {
  return new Map(
    definitions.map((def, slot) => [
      def.type,
      { def, slot, order: TYPE_ORDER.get(def.type) ?? -1, givers: new Set<string>(def.givenBy) },
    ]),
  );
}

interface Needed {
  required: AssuranceSlot;
  from: string | undefined;
  because: string[];
}

function compareNeeded(a: Needed, b: Needed): number {
  const from = (a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0;
  return a.required.order - b.required.order || from;
}

/**
 * The assurances the matched rules require, once per type and giving party, each satisfied by an obtained one of
 * that type from that party that is valid on `asOf` (obtainedOn ≤ asOf ≤ validUntil: valid on its expiry day).
 * Givers are found among the derived party facts (one object shape for all parties).
 */
export function requiredAssurances(
  matches: readonly {
    rule: { id: string; assurances: readonly AssuranceSlot[] };
    extra?: readonly AssuranceSlot[] | undefined;
  }[],
  parties: readonly PartyFact[],
  obtained: readonly ObtainedAssuranceFact[],
): RequiredAssurance[] {
  const needed: Needed[] = [];
  // Per slot, one entry per giving party (or one with no party): the givers depend on the parties only, so they
  // are found the first time a rule requires the slot; later rules add themselves to `because`.
  const bySlot: Needed[][] = [];
  for (const { rule, extra } of matches) {
    const ruleId = rule.id;
    const slots = extra && extra.length > 0 ? [...rule.assurances, ...extra] : rule.assurances;
    for (const required of slots) {
      let entries = bySlot[required.slot];
      if (!entries) {
        entries = [];
        for (const party of parties)
          if (required.givers.has(party.role)) entries.push({ required, from: party.id, because: [] });
        if (entries.length === 0) entries.push({ required, from: undefined, because: [] });
        bySlot[required.slot] = entries;
        for (const entry of entries) needed.push(entry);
      }
      for (const entry of entries) if (!entry.because.includes(ruleId)) entry.because.push(ruleId);
    }
  }
  return sortShort(needed, compareNeeded).map(({ required: { def }, from, because }) => {
    let validUntil: string | undefined;
    let satisfied = false;
    for (const o of obtained) {
      if (o.type !== def.type || !o.valid || (from !== undefined && o.from !== from)) continue;
      satisfied = true;
      if (validUntil === undefined || o.validUntil > validUntil) validUntil = o.validUntil;
    }
    // Assigned in the order of the published shape, optional fields only when present.
    const result = { type: def.type, title: def.title } as RequiredAssurance;
    if (from !== undefined) result.from = from;
    result.status = satisfied ? 'satisfied' : 'outstanding';
    if (validUntil !== undefined) result.validUntil = validUntil;
    result.because = sortShort(because, compareText);
    return result;
  });
}
