import { HrddError } from '../../errors.js';
import { isCountryCode } from '../../model/index.js';
import type { ListEntry, ListIdentifier } from '../types.js';
import { COUNTRY_NAMES } from './country-names.js';

export type Raw = Record<string, unknown>;

/** Throws the one error of a malformed list, naming where (line, record or element) and what. */
export function bad(format: string, path: string, message: string): never {
  throw new HrddError(`Invalid screening list (${format})`, [{ path, message }]);
}

/** An XML or JSON value that may be one item or several, as an array. */
export function arr(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Text of a scalar (string, number, boolean; `#text` of an element with attributes); undefined when empty. */
export function str(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value) && '#text' in value)
    return str((value as Raw)['#text']);
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? undefined : s;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Texts of a value that may be one or several, empty ones dropped. */
export function strs(value: unknown): string[] {
  return arr(value)
    .map(str)
    .filter((s): s is string => s !== undefined);
}

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** An ISO alpha-2 code from a code (any case) or an English country name as lists spell them; undefined if unknown. */
export function countryCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const upper = value.trim().toUpperCase();
  if (upper.length === 2 && isCountryCode(upper)) return upper;
  return COUNTRY_NAMES.get(norm(value));
}

/** ISO date from `YYYY-MM-DD`, `YYYY-MM-DDThh…`, `DD/MM/YYYY`, `dd/mm/YYYY` (unknown day and month) or `YYYY`. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(v);
  if (m) return m[0];
  m = /^(\d{2}|dd)\/(\d{2}|mm)\/(\d{4})$/i.exec(v);
  if (m) {
    if (/\d{2}/.test(m[2]!) && /\d{2}/.test(m[1]!)) return `${m[3]}-${m[2]}-${m[1]}`;
    if (/\d{2}/.test(m[2]!)) return `${m[3]}-${m[2]}`;
    return m[3];
  }
  return undefined;
}

const sortedUnique = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** Assembles an entry: required fields checked (with the path named), lists de-duplicated, empty optionals left out. */
export function makeEntry(
  format: string,
  where: string,
  fields: {
    id: string | undefined;
    source: string;
    names: (string | undefined)[];
    type: string;
    countries?: (string | undefined)[];
    programs?: (string | undefined)[];
    startDate?: string | undefined;
    addresses?: (string | undefined)[];
    birthDates?: (string | undefined)[];
    identifiers?: ListIdentifier[];
    remarks?: string | undefined;
    sourceListUrl?: string | undefined;
    extra?: Raw;
  },
): ListEntry {
  if (!fields.id) bad(format, `${where}.id`, 'required identifier is empty or missing');
  const names = [...new Set(fields.names.filter((n): n is string => !!n && n.trim() !== '').map((n) => n.trim()))];
  if (names.length === 0) bad(format, `${where}.name`, 'the entry has no name');
  const entry: ListEntry = {
    id: fields.id,
    source: fields.source,
    name: names[0]!,
    altNames: names.slice(1),
    type: fields.type,
    countries: sortedUnique((fields.countries ?? []).filter((c): c is string => !!c)),
    programs: [...new Set((fields.programs ?? []).filter((p): p is string => !!p))],
  };
  if (fields.startDate) entry.startDate = fields.startDate;
  const addresses = [...new Set((fields.addresses ?? []).filter((a): a is string => !!a))];
  if (addresses.length) entry.addresses = addresses;
  const births = sortedUnique((fields.birthDates ?? []).filter((b): b is string => !!b));
  if (births.length) entry.birthDates = births;
  const seen = new Set<string>();
  const ids = (fields.identifiers ?? []).filter((i) => {
    const key = `${i.type}\u0000${i.value}`;
    if (!i.value || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (ids.length) entry.identifiers = ids;
  if (fields.remarks) entry.remarks = fields.remarks;
  if (fields.sourceListUrl) entry.sourceListUrl = fields.sourceListUrl;
  if (fields.extra && Object.keys(fields.extra).length) entry.extra = fields.extra;
  return entry;
}

/** The earliest of some ISO dates. */
export function earliest(dates: (string | undefined)[]): string | undefined {
  return dates.filter((d): d is string => !!d).sort()[0];
}

/** Joins the non-empty parts of an address. */
export function joinAddress(parts: (string | undefined)[]): string | undefined {
  const s = parts.filter(Boolean).join(', ');
  return s === '' ? undefined : s;
}
