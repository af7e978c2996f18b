import type { ListEntry, ListIdentifier } from '../types.js';
import { arr, bad, countryCode, isoDate, joinAddress, makeEntry, type Raw, str, strs } from './common.js';
import { parseXml } from './xml.js';

const FORMAT = 'uk';
export const UK_SOURCE = 'UK Sanctions List';
const ARRAYS = new Set([
  'Designation',
  'Name',
  'NonLatinName',
  'Address',
  'DOB',
  'Nationality',
  'PassportDetail',
  'NationalIdentifierDetail',
  'BusinessRegistrationNumber',
  'IMONumber',
  'Individual',
  'Entity',
  'Ship',
]);

const KIND: Record<string, string> = { Individual: 'Individual', Entity: 'Entity', Ship: 'Vessel' };

/** A name from its parts: Name1–Name5 given names, Name6 the family name or the whole name of an entity. */
function fullName(n: Raw): string {
  return [n.Name1, n.Name2, n.Name3, n.Name4, n.Name5, n.Name6].map(str).filter(Boolean).join(' ');
}

/**
 * The UK Sanctions List XML published by the FCDO (`<Designations><Designation>…`), the UK's one list since OFSI's
 * Consolidated List closed: `UniqueID` as id, names from `Names/Name` (primary name first), non-Latin names,
 * `RegimeName` as programme, `DateDesignated`, addresses, nationalities, dates of birth (`dd/mm/yyyy`), passport and
 * national identifier numbers, business registration and IMO numbers.
 */
export function parseUkSanctionsList(text: string, source = UK_SOURCE): ListEntry[] {
  const doc = parseXml(FORMAT, text, ARRAYS);
  const root = doc.Designations as Raw | undefined;
  if (!root || typeof root !== 'object') bad(FORMAT, 'Designations', 'expected a <Designations> root element');
  return arr(root.Designation).map((raw, i) => {
    const d = raw as Raw;
    const names = (arr((d.Names as Raw | undefined)?.Name) as Raw[]).sort(
      (a, b) => Number(str(b.NameType) === 'Primary Name') - Number(str(a.NameType) === 'Primary Name'),
    );
    const nonLatin = (arr((d.NonLatinNames as Raw | undefined)?.NonLatinName) as Raw[]).map((n) =>
      str(n.NameNonLatinScript),
    );
    const addresses = arr((d.Addresses as Raw | undefined)?.Address) as Raw[];
    const people = arr((d.IndividualDetails as Raw | undefined)?.Individual) as Raw[];
    const entities = arr((d.EntityDetails as Raw | undefined)?.Entity) as Raw[];
    const ships = arr((d.ShipDetails as Raw | undefined)?.Ship) as Raw[];
    const identifiers: ListIdentifier[] = [
      ...people.flatMap((p) =>
        (arr((p.PassportDetails as Raw | undefined)?.PassportDetail) as Raw[]).map((x) => ({
          type: 'passport',
          value: str(x.PassportNumber) ?? '',
        })),
      ),
      ...people.flatMap((p) =>
        (arr((p.NationalIdentifierDetails as Raw | undefined)?.NationalIdentifierDetail) as Raw[]).map((x) => ({
          type: 'national identifier',
          value: str(x.NationalIdentifierNumber) ?? '',
        })),
      ),
      ...entities.flatMap((e) =>
        strs((e.BusinessRegistrationNumbers as Raw | undefined)?.BusinessRegistrationNumber).map((v) => ({
          type: 'business registration',
          value: v,
        })),
      ),
      ...ships.flatMap((s) =>
        strs((s.IMONumbers as Raw | undefined)?.IMONumber).map((v) => ({ type: 'IMO', value: v })),
      ),
    ];
    const kind = str(d.IndividualEntityShip);
    return makeEntry(FORMAT, `Designation[${i}]`, {
      id: str(d.UniqueID),
      source,
      names: [...names.map(fullName), ...nonLatin],
      type: (kind && KIND[kind]) ?? kind ?? 'Entity',
      countries: [
        ...addresses.map((a) => countryCode(str(a.AddressCountry))),
        ...people.flatMap((p) => strs((p.Nationalities as Raw | undefined)?.Nationality).map(countryCode)),
      ],
      programs: [str(d.RegimeName)],
      startDate: isoDate(str(d.DateDesignated)),
      addresses: addresses.map((a) =>
        joinAddress([
          str(a.AddressLine1),
          str(a.AddressLine2),
          str(a.AddressLine3),
          str(a.AddressLine4),
          str(a.AddressLine5),
          str(a.AddressLine6),
          str(a.AddressPostalCode),
          str(a.AddressCountry),
        ]),
      ),
      birthDates: people.flatMap((p) => strs((p.DOBs as Raw | undefined)?.DOB).map(isoDate)),
      identifiers,
      remarks: str(d.OtherInformation),
      extra: {
        ...(str(d.OFSIGroupID) ? { ofsiGroupId: str(d.OFSIGroupID) } : {}),
        ...(str(d.UNReferenceNumber) ? { unReferenceNumber: str(d.UNReferenceNumber) } : {}),
        ...(str(d.DesignationSource) ? { designationSource: str(d.DesignationSource) } : {}),
        ...(str(d.SanctionsImposed) ? { sanctionsImposed: str(d.SanctionsImposed) } : {}),
      },
    });
  });
}
