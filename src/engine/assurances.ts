import { ASSURANCE_TYPES, type RequiredAssurance, type Transaction } from '../model/index.js';
import type { AssuranceDef, GivingRole } from '../rules/index.js';
import type { RuleMatch } from './evaluate.js';
import type { ObtainedAssuranceFact } from './types.js';

function givers(role: GivingRole, tx: Transaction): string[] {
  switch (role) {
    case 'end-user':
      return tx.endUsers.map((p) => p.id);
    case 'consignee':
      return tx.consignee ? [tx.consignee.id] : [];
    case 'intermediary':
      return (tx.intermediaries ?? []).map((p) => p.id);
    default:
      return [tx.exporter.id];
  }
}

/**
 * The assurances the matched rules require, once per type and giving party, each satisfied by an obtained one of
 * that type from that party that is valid on `asOf` (obtainedOn ≤ asOf ≤ validUntil: valid on its expiry day).
 */
export function requiredAssurances(
  matches: readonly RuleMatch[],
  tx: Transaction,
  definitions: ReadonlyMap<string, AssuranceDef>,
  obtained: readonly ObtainedAssuranceFact[],
): RequiredAssurance[] {
  const byKey = new Map<string, { type: string; from?: string; because: Set<string> }>();
  for (const { rule } of matches) {
    for (const type of rule.rule.assurances ?? []) {
      const def = definitions.get(type);
      if (!def) continue;
      const parties = [...new Set(def.givenBy.flatMap((role) => givers(role, tx)))];
      for (const from of parties.length > 0 ? parties : [undefined]) {
        const key = `${type}\u0000${from ?? ''}`;
        const entry = byKey.get(key) ?? { type, ...(from !== undefined ? { from } : {}), because: new Set<string>() };
        entry.because.add(rule.rule.id);
        byKey.set(key, entry);
      }
    }
  }
  const order = (type: string) => (ASSURANCE_TYPES as readonly string[]).indexOf(type);
  return [...byKey.values()]
    .sort(
      (a, b) =>
        order(a.type) - order(b.type) ||
        ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0),
    )
    .map((entry) => {
      const valid = obtained.filter(
        (o) => o.type === entry.type && o.valid && (entry.from === undefined || o.from === entry.from),
      );
      const validUntil = valid
        .map((o) => o.validUntil)
        .sort()
        .at(-1);
      return {
        type: entry.type as RequiredAssurance['type'],
        title: definitions.get(entry.type)!.title,
        ...(entry.from !== undefined ? { from: entry.from } : {}),
        status: valid.length > 0 ? 'satisfied' : 'outstanding',
        ...(validUntil ? { validUntil } : {}),
        because: [...entry.because].sort(),
      };
    });
}
