import { ASSURANCE_TYPES, type RequiredAssurance } from '../model/index.js';
import type { AssuranceDef } from '../rules/index.js';
import type { RuleMatch } from './evaluate.js';
import type { ObtainedAssuranceFact, PartyFact } from './types.js';

const TYPE_ORDER = new Map<string, number>(ASSURANCE_TYPES.map((type, i) => [type, i]));

interface Needed {
  type: string;
  from: string | undefined;
  because: string[];
}

function compareNeeded(a: Needed, b: Needed): number {
  const from = (a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0;
  return (TYPE_ORDER.get(a.type) ?? -1) - (TYPE_ORDER.get(b.type) ?? -1) || from;
}

/**
 * The assurances the matched rules require, once per type and giving party, each satisfied by an obtained one of
 * that type from that party that is valid on `asOf` (obtainedOn ≤ asOf ≤ validUntil: valid on its expiry day).
 */
export function requiredAssurances(
  matches: readonly RuleMatch[],
  parties: readonly PartyFact[],
  definitions: ReadonlyMap<string, AssuranceDef>,
  obtained: readonly ObtainedAssuranceFact[],
): RequiredAssurance[] {
  const needed: Needed[] = [];
  // By type, then a short scan by party: cheaper than a Map keyed by a concatenated "type|party" string.
  const byType = new Map<string, Needed[]>();
  const partiesOf = new Map<AssuranceDef, (string | undefined)[]>();
  for (const { rule } of matches) {
    for (const type of rule.rule.assurances ?? []) {
      const def = definitions.get(type);
      if (!def) continue;
      let givers = partiesOf.get(def);
      if (!givers) {
        // The derived party facts (one shape for all) rather than the transaction's parties (one shape per
        // combination of optional fields).
        const ids = new Set<string>();
        for (const party of parties) if ((def.givenBy as readonly string[]).includes(party.role)) ids.add(party.id);
        givers = ids.size > 0 ? [...ids] : [undefined];
        partiesOf.set(def, givers);
      }
      let ofType = byType.get(type);
      if (!ofType) byType.set(type, (ofType = []));
      for (const from of givers) {
        const entry = ofType.find((e) => e.from === from);
        if (entry) {
          if (!entry.because.includes(rule.rule.id)) entry.because.push(rule.rule.id);
          continue;
        }
        const created = { type, from, because: [rule.rule.id] };
        ofType.push(created);
        needed.push(created);
      }
    }
  }
  return needed.sort(compareNeeded).map(({ type, from, because }) => {
    let validUntil: string | undefined;
    let satisfied = false;
    for (const o of obtained) {
      if (o.type !== type || !o.valid || (from !== undefined && o.from !== from)) continue;
      satisfied = true;
      if (validUntil === undefined || o.validUntil > validUntil) validUntil = o.validUntil;
    }
    // Assigned in the order of the published shape, optional fields only when present.
    const required = { type, title: definitions.get(type)!.title } as RequiredAssurance;
    if (from !== undefined) required.from = from;
    required.status = satisfied ? 'satisfied' : 'outstanding';
    if (validUntil !== undefined) required.validUntil = validUntil;
    required.because = because.sort();
    return required;
  });
}
