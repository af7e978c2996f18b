import Papa from 'papaparse';
import { HrddError } from '../../errors.js';
import { isCountryCode } from '../../model/index.js';
import type { ListEntry } from '../types.js';

type Raw = Record<string, unknown>;

const KNOWN = new Set([
  'id',
  '_id',
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'nationalities',
  'source_information_url',
]);

/** A multi-valued CSL field: a JSON array, or a CSV cell with "; "-separated values. */
function list(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'string'
          ? v
          : typeof v === 'object' && v
            ? Object.values(v).filter(Boolean).join(', ')
            : String(v),
      )
      .filter((v) => v.trim() !== '');
  if (typeof value === 'string')
    return value
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
  return [];
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'object') return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

/** Country codes in addresses (JSON objects with `country`, or CSV text ending in a code), citizenships, nationalities. */
function countriesOf(raw: Raw): string[] {
  const found = new Set<string>();
  const addresses = raw.addresses;
  if (Array.isArray(addresses)) {
    for (const a of addresses)
      if (a && typeof a === 'object' && isCountryCode((a as Raw).country)) found.add((a as Raw).country as string);
  }
  for (const a of list(addresses)) {
    const last = a.split(',').pop()?.trim();
    if (last && isCountryCode(last)) found.add(last);
  }
  for (const c of [...list(raw.citizenships), ...list(raw.nationalities)]) if (isCountryCode(c)) found.add(c);
  return [...found].sort();
}

function toEntry(raw: Raw, where: string): ListEntry {
  const id = text(raw.id) ?? text(raw._id);
  const name = text(raw.name);
  const source = text(raw.source);
  const notText = ['id', '_id', 'name', 'source'].filter(
    (f) => raw[f] !== null && raw[f] !== undefined && typeof raw[f] === 'object',
  );
  if (notText.length > 0)
    throw new HrddError(
      'Invalid screening list',
      notText.map((f) => ({ path: `${where}.${f}`, message: 'expected a string or number, not an object or array' })),
    );
  const missing = [!id && 'id', !name && 'name', !source && 'source'].filter(Boolean);
  if (missing.length > 0)
    throw new HrddError(
      'Invalid screening list',
      missing.map((f) => ({ path: `${where}.${f}`, message: 'required field is empty or missing' })),
    );
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(raw))
    if (!KNOWN.has(key) && raw[key] !== '' && raw[key] !== null) extra[key] = raw[key];
  const optional = {
    entityNumber: text(raw.entity_number),
    title: text(raw.title),
    federalRegisterNotice: text(raw.federal_register_notice),
    startDate: text(raw.start_date),
    endDate: text(raw.end_date),
    standardOrder: text(raw.standard_order),
    licenseRequirement: text(raw.license_requirement),
    licensePolicy: text(raw.license_policy),
    remarks: text(raw.remarks),
    sourceListUrl: text(raw.source_list_url),
    sourceInformationUrl: text(raw.source_information_url),
  };
  const entry: ListEntry = {
    id: id!,
    source: source!,
    name: name!,
    altNames: list(raw.alt_names),
    type: text(raw.type) ?? 'Entity',
    countries: countriesOf(raw),
    programs: list(raw.programs),
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (entry as unknown as Raw)[k] = v;
  const addresses = list(raw.addresses);
  if (addresses.length > 0) entry.addresses = addresses;
  if (Object.keys(extra).length > 0) entry.extra = extra;
  return entry;
}

/**
 * Parses a restricted-party list in the Consolidated Screening List export formats: JSON (`{ results: [...] }` or
 * a bare array) or CSV (header `_id,source,entity_number,type,programs,name,…`). Every field is kept.
 * Malformed input throws `HrddError` naming the record or line and the field.
 */
export function parseCsl(input: string): ListEntry[] {
  const trimmed = input.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      throw new HrddError('Invalid screening list', [
        { path: '', message: `not valid JSON: ${(error as Error).message}` },
      ]);
    }
    const records = Array.isArray(json) ? json : (json as Raw)?.results;
    if (!Array.isArray(records))
      throw new HrddError('Invalid screening list', [{ path: 'results', message: 'expected an array of entries' }]);
    return records.map((r, i) => {
      if (typeof r !== 'object' || r === null || Array.isArray(r))
        throw new HrddError('Invalid screening list', [{ path: `results[${i}]`, message: 'expected an object' }]);
      return toEntry(r as Raw, `results[${i}]`);
    });
  }
  const parsed = Papa.parse<Raw>(trimmed, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('name') || !fields.includes('source') || !(fields.includes('_id') || fields.includes('id'))) {
    throw new HrddError('Invalid screening list', [
      { path: 'line 1', message: 'expected a CSL CSV header with _id, source and name columns' },
    ]);
  }
  const bad = parsed.errors[0];
  if (bad)
    throw new HrddError('Invalid screening list', [{ path: `line ${(bad.row ?? 0) + 2}`, message: bad.message }]);
  return parsed.data.map((row, i) => toEntry(row, `line ${i + 2}`));
}
