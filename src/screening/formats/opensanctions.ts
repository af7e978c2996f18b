import Papa from 'papaparse';
import type { ListEntry, ListIdentifier } from '../types.js';
import { bad, countryCode, earliest, isoDate, makeEntry, type Raw, str } from './common.js';

export const OPENSANCTIONS_SOURCE = 'OpenSanctions';

/** FollowTheMoney schemata that name a party someone could trade with (not sanctions, addresses, relations). */
const PARTIES = new Set([
  'Person',
  'Organization',
  'Company',
  'LegalEntity',
  'PublicBody',
  'Vessel',
  'Airplane',
  'Thing',
]);
/** FollowTheMoney properties holding identifying numbers. */
const ID_PROPS = [
  'idNumber',
  'passportNumber',
  'registrationNumber',
  'innCode',
  'ogrnCode',
  'taxNumber',
  'vatCode',
  'leiCode',
  'swiftBic',
  'imoNumber',
  'mmsi',
  'okpoCode',
  'uniqueEntityId',
];

type Props = Record<string, unknown[]>;
interface FtmEntity {
  id: string;
  schema: string;
  properties: Props;
  datasets?: string[];
  target?: boolean;
  first_seen?: string;
  caption?: string;
}

const values = (props: Props | undefined, key: string): string[] =>
  (props?.[key] ?? []).map((v) => (typeof v === 'string' ? v.trim() : '')).filter((v) => v !== '');
/** Nested entities (`targets.nested.json`) sit inside properties as objects. */
const nested = (props: Props | undefined, key: string): FtmEntity[] =>
  (props?.[key] ?? []).filter((v): v is FtmEntity => !!v && typeof v === 'object' && 'schema' in (v as object));

function readLine(line: string, n: number): FtmEntity {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    bad('ftm', `line ${n}`, `not valid JSON: ${(error as Error).message}`);
  }
  const e = json as Raw;
  if (!e || typeof e !== 'object' || Array.isArray(e))
    bad('ftm', `line ${n}`, 'expected a FollowTheMoney entity object');
  if (typeof e.id !== 'string' || e.id === '') bad('ftm', `line ${n}.id`, 'expected a string id');
  if (typeof e.schema !== 'string') bad('ftm', `line ${n}.schema`, 'expected a schema name');
  if (!e.properties || typeof e.properties !== 'object' || Array.isArray(e.properties))
    bad('ftm', `line ${n}.properties`, 'expected an object of property lists');
  for (const [k, v] of Object.entries(e.properties as Raw))
    if (!Array.isArray(v)) bad('ftm', `line ${n}.properties.${k}`, 'expected a list of values');
  return e as unknown as FtmEntity;
}

/**
 * OpenSanctions FollowTheMoney entities, one JSON object a line (`entities.ftm.json`, `targets.nested.json`). Party
 * entities (Person, Company, Organization, LegalEntity, Vessel…) become entries — only targets when the export marks
 * them — joined with the Sanction entities that point at them (`entity`: programme, listing date, authority),
 * their Address entities (`addressEntity`) and Identification/Passport entities (`holder`).
 */
export function parseFtm(text: string, source = OPENSANCTIONS_SOURCE): ListEntry[] {
  const all: FtmEntity[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line !== '') all.push(readLine(line, i + 1));
  }
  const byId = new Map(all.map((e) => [e.id, e]));
  const sanctionsOf = new Map<string, FtmEntity[]>();
  const idsOf = new Map<string, FtmEntity[]>();
  const link = (map: Map<string, FtmEntity[]>, key: string, e: FtmEntity) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of all) {
    if (e.schema === 'Sanction') for (const id of values(e.properties, 'entity')) link(sanctionsOf, id, e);
    if (e.schema === 'Identification' || e.schema === 'Passport')
      for (const id of values(e.properties, 'holder')) link(idsOf, id, e);
  }
  const marked = all.some((e) => e.target !== undefined);
  const out: ListEntry[] = [];
  all.forEach((e, i) => {
    if (!PARTIES.has(e.schema) || (marked && e.target !== true)) return;
    const p = e.properties;
    const sanctions = [...(sanctionsOf.get(e.id) ?? []), ...nested(p, 'sanctions')];
    const addressEntities = [
      ...values(p, 'addressEntity')
        .map((id) => byId.get(id))
        .filter((a): a is FtmEntity => !!a),
      ...nested(p, 'addressEntity'),
    ];
    const documents = [...(idsOf.get(e.id) ?? []), ...nested(p, 'identification'), ...nested(p, 'passport')];
    const identifiers: ListIdentifier[] = [
      ...ID_PROPS.flatMap((k) => values(p, k).map((value) => ({ type: k, value }))),
      ...documents.flatMap((d) =>
        values(d.properties, 'number').map((value) => ({
          type: values(d.properties, 'type')[0] ?? d.schema.toLowerCase(),
          value,
          ...(countryCode(values(d.properties, 'country')[0])
            ? { country: countryCode(values(d.properties, 'country')[0])! }
            : {}),
        })),
      ),
    ];
    out.push(
      makeEntry('ftm', `line ${i + 1}`, {
        id: e.id,
        source,
        names: [
          ...values(p, 'name'),
          ...values(p, 'alias'),
          ...values(p, 'previousName'),
          ...values(p, 'weakAlias'),
          e.caption,
        ],
        type: e.schema,
        countries: ['country', 'nationality', 'citizenship', 'jurisdiction', 'mainCountry', 'flag']
          .flatMap((k) => values(p, k))
          .map(countryCode),
        programs: [
          ...sanctions.flatMap((s) => [...values(s.properties, 'program'), ...values(s.properties, 'programId')]),
          ...values(p, 'program'),
        ],
        startDate: earliest(
          sanctions.flatMap((s) =>
            [...values(s.properties, 'listingDate'), ...values(s.properties, 'startDate')].map(isoDate),
          ),
        ),
        addresses: [...values(p, 'address'), ...addressEntities.flatMap((a) => values(a.properties, 'full'))],
        birthDates: values(p, 'birthDate').map(isoDate),
        identifiers,
        remarks: values(p, 'notes')[0],
        sourceListUrl: sanctions.flatMap((s) => values(s.properties, 'sourceUrl'))[0],
        extra: {
          ...(e.datasets?.length ? { datasets: e.datasets } : {}),
          ...(values(p, 'topics').length ? { topics: values(p, 'topics') } : {}),
          ...(sanctions.length
            ? { authorities: [...new Set(sanctions.flatMap((s) => values(s.properties, 'authority')))] }
            : {}),
          ...(e.first_seen ? { firstSeen: e.first_seen } : {}),
        },
      }),
    );
  });
  return out;
}

const SIMPLE_COLUMNS = [
  'id',
  'schema',
  'name',
  'aliases',
  'birth_date',
  'countries',
  'addresses',
  'identifiers',
  'sanctions',
];
const cell = (row: Raw, key: string): string[] =>
  (str(row[key]) ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * OpenSanctions `targets.simple.csv`: one row a target, multi-valued cells separated by `;` (aliases, countries as
 * lower-case codes, addresses, identifiers, sanctions, `program_ids`, `dataset` titles).
 */
export function parseOpenSanctionsCsv(text: string, source = OPENSANCTIONS_SOURCE): ListEntry[] {
  const parsed = Papa.parse<Raw>(text, { header: true, skipEmptyLines: true });
  const fields = parsed.meta.fields ?? [];
  const missing = SIMPLE_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length) bad('opensanctions-csv', 'line 1', `missing columns: ${missing.join(', ')}`);
  const error = parsed.errors[0];
  if (error) bad('opensanctions-csv', `line ${(error.row ?? 0) + 2}`, error.message);
  return parsed.data.map((row, i) => {
    const sanctions = cell(row, 'sanctions');
    return makeEntry('opensanctions-csv', `line ${i + 2}`, {
      id: str(row.id),
      source,
      names: [str(row.name), ...cell(row, 'aliases')],
      type: str(row.schema) ?? 'LegalEntity',
      countries: cell(row, 'countries').map(countryCode),
      programs: [...cell(row, 'program_ids'), ...sanctions],
      startDate: earliest(sanctions.map((s) => /\b\d{4}-\d{2}-\d{2}\b/.exec(s)?.[0])),
      addresses: cell(row, 'addresses'),
      birthDates: cell(row, 'birth_date').map(isoDate),
      identifiers: cell(row, 'identifiers').map((value) => ({ type: 'identifier', value })),
      extra: {
        ...(cell(row, 'dataset').length ? { datasets: cell(row, 'dataset') } : {}),
        ...(str(row.first_seen) ? { firstSeen: str(row.first_seen) } : {}),
        ...(cell(row, 'phones').length ? { phones: cell(row, 'phones') } : {}),
        ...(cell(row, 'emails').length ? { emails: cell(row, 'emails') } : {}),
      },
    });
  });
}
