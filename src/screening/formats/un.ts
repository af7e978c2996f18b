import type { ListEntry, ListIdentifier } from '../types.js';
import { arr, bad, countryCode, isoDate, joinAddress, makeEntry, type Raw, str, strs } from './common.js';
import { parseXml } from './xml.js';

const FORMAT = 'un-sc';
export const UN_SOURCE = 'UN Security Council Consolidated List';
const ARRAYS = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'NATIONALITY',
  'VALUE',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
]);

function address(a: Raw): string | undefined {
  return joinAddress([str(a.STREET), str(a.CITY), str(a.STATE_PROVINCE), str(a.ZIP_CODE), str(a.COUNTRY), str(a.NOTE)]);
}

/**
 * The UN Security Council Consolidated List XML (`<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>…` and
 * `<ENTITIES><ENTITY>…`): the permanent reference number as id (`QDi.001`), the name parts joined, aliases and the
 * name in original script, the list type as programme, `LISTED_ON`, nationalities, dates of birth, documents and
 * addresses.
 */
export function parseUnConsolidated(text: string, source = UN_SOURCE): ListEntry[] {
  const doc = parseXml(FORMAT, text, ARRAYS);
  const root = doc.CONSOLIDATED_LIST as Raw | undefined;
  if (!root || typeof root !== 'object')
    bad(FORMAT, 'CONSOLIDATED_LIST', 'expected a <CONSOLIDATED_LIST> root element');
  const read = (raw: unknown, where: string, person: boolean): ListEntry => {
    const e = raw as Raw;
    const prefix = person ? 'INDIVIDUAL' : 'ENTITY';
    const addresses = arr(e[`${prefix}_ADDRESS`]) as Raw[];
    const documents = arr(e.INDIVIDUAL_DOCUMENT) as Raw[];
    const identifiers: ListIdentifier[] = documents.map((d) => ({
      type: str(d.TYPE_OF_DOCUMENT) ?? 'document',
      value: str(d.NUMBER) ?? '',
      ...(countryCode(str(d.ISSUING_COUNTRY)) ? { country: countryCode(str(d.ISSUING_COUNTRY))! } : {}),
    }));
    const nationalities = (arr(e.NATIONALITY) as Raw[]).flatMap((n) => strs(n.VALUE));
    return makeEntry(FORMAT, where, {
      id: str(e.REFERENCE_NUMBER) ?? str(e.DATAID),
      source,
      names: [
        [str(e.FIRST_NAME), str(e.SECOND_NAME), str(e.THIRD_NAME), str(e.FOURTH_NAME)].filter(Boolean).join(' '),
        ...(arr(e[`${prefix}_ALIAS`]) as Raw[]).map((a) => str(a.ALIAS_NAME)),
        str(e.NAME_ORIGINAL_SCRIPT),
      ],
      type: person ? 'Individual' : 'Entity',
      countries: [...nationalities.map(countryCode), ...addresses.map((a) => countryCode(str(a.COUNTRY)))],
      programs: [str(e.UN_LIST_TYPE)],
      startDate: isoDate(str(e.LISTED_ON)),
      addresses: addresses.map(address),
      birthDates: (arr(e.INDIVIDUAL_DATE_OF_BIRTH) as Raw[]).map(
        (b) => isoDate(str(b.DATE)) ?? str(b.YEAR) ?? str(b.FROM_YEAR),
      ),
      identifiers,
      remarks: str(e.COMMENTS1),
      extra: { dataId: str(e.DATAID), ...(str(e.VERSIONNUM) ? { version: str(e.VERSIONNUM) } : {}) },
    });
  };
  return [
    ...arr((root.INDIVIDUALS as Raw | undefined)?.INDIVIDUAL).map((r, i) => read(r, `INDIVIDUAL[${i}]`, true)),
    ...arr((root.ENTITIES as Raw | undefined)?.ENTITY).map((r, i) => read(r, `ENTITY[${i}]`, false)),
  ];
}
