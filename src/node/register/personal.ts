import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../digest/index.js';

/**
 * Personal data (GDPR). A value about an identifiable person — the name, aliases and address of a party of type
 * `individual`, the summary of a misuse report or grievance — is kept in `register_personal`, and the chain holds
 * only a token naming its salted digest. Erasing the value leaves the token, so the chain still verifies; the
 * per-value salt keeps the digest from confirming a guessed name.
 */
export interface PersonalValue {
  ref: string;
  subject: string;
  salt: string;
  value: string;
}

const TOKEN = /⟦personal:(sha256:[0-9a-f]{64})⟧/g;
export const ERASED = '[erased]';

export function personalRef(salt: string, value: string): string {
  return `sha256:${sha256Hex(`${salt}\u0000${value}`)}`;
}

export function tokenFor(ref: string): string {
  return `⟦personal:${ref}⟧`;
}

/** Every personal-data ref a text names. */
export function refsIn(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1]!);
}

/** Collects personal values for one write and hands out their tokens. */
export class Pseudonymiser {
  readonly values: PersonalValue[] = [];
  private readonly bySubjectValue = new Map<string, string>();

  token(subject: string, value: string): string {
    const key = `${subject}\u0000${value}`;
    let ref = this.bySubjectValue.get(key);
    if (!ref) {
      const salt = randomBytes(16).toString('hex');
      ref = personalRef(salt, value);
      this.values.push({ ref, subject, salt, value });
      this.bySubjectValue.set(key, ref);
    }
    return tokenFor(ref);
  }
}

interface PartyLike {
  id?: unknown;
  type?: unknown;
  name?: unknown;
  aliases?: unknown;
  address?: unknown;
}

function partiesOf(transaction: unknown): PartyLike[] {
  if (typeof transaction !== 'object' || transaction === null) return [];
  const t = transaction as Record<string, unknown>;
  const out: PartyLike[] = [];
  for (const key of ['exporter', 'consignee']) if (t[key] && typeof t[key] === 'object') out.push(t[key] as PartyLike);
  for (const key of ['endUsers', 'intermediaries'])
    if (Array.isArray(t[key])) for (const p of t[key] as unknown[]) if (p && typeof p === 'object') out.push(p);
  return out;
}

/** Replaces every occurrence of `pairs` (value → token) in the strings of `value`, longest value first. */
function replaceDeep(value: unknown, pairs: [string, string][]): unknown {
  if (typeof value === 'string') {
    let s = value;
    for (const [from, to] of pairs) if (s.includes(from)) s = s.split(from).join(to);
    return s;
  }
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, pairs));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = replaceDeep(v, pairs);
    return out;
  }
  return value;
}

/**
 * An assessment record with the personal fields of individuals replaced by tokens — wherever they appear, so a
 * finding's facts or rationale that quote a name are covered too. Records without individuals come back as they are.
 */
export function pseudonymiseRecord<T>(record: T & { input: { transaction: unknown } }, p: Pseudonymiser): T {
  const pairs: [string, string][] = [];
  for (const party of partiesOf(record.input.transaction)) {
    if (party.type !== 'individual' || typeof party.id !== 'string') continue;
    const subject = `party:${party.id}`;
    const texts = [party.name, ...(Array.isArray(party.aliases) ? party.aliases : []), party.address];
    for (const t of texts) if (typeof t === 'string' && t.length > 0) pairs.push([t, p.token(subject, t)]);
  }
  if (pairs.length === 0) return record;
  pairs.sort((a, b) => b[0].length - a[0].length);
  return replaceDeep(record, pairs) as T;
}

/** Puts personal values back into a JSON text (or `[erased]` where they were erased). */
export function hydrateText(text: string, lookup: ReadonlyMap<string, string>): string {
  return text.replace(TOKEN, (_, ref: string) => {
    const value = lookup.get(ref);
    return value === undefined ? ERASED : JSON.stringify(value).slice(1, -1);
  });
}
