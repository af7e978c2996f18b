import type { ListEntry, ListIdentifier } from '../types.js';
import { arr, bad, countryCode, earliest, isoDate, joinAddress, makeEntry, type Raw, str } from './common.js';
import { parseXml } from './xml.js';

const FORMAT = 'eu-fsf';
export const EU_SOURCE = 'EU Financial Sanctions Files (FSF)';
const ARRAYS = new Set([
  'sanctionEntity',
  'regulation',
  'nameAlias',
  'citizenship',
  'birthdate',
  'identification',
  'address',
]);

/**
 * The EU Financial Sanctions Files XML (`<export><sanctionEntity …>`, namespace
 * `http://eu.europa.ec/fpi/fsd/export`): names and aliases from `nameAlias`, programmes from `regulation@programme`,
 * the listing date from `@designationDate` or the earliest regulation, citizenships, birth dates, identity documents
 * and addresses.
 */
export function parseEuFsf(text: string, source = EU_SOURCE): ListEntry[] {
  const doc = parseXml(FORMAT, text, ARRAYS);
  const root = doc.export as Raw | undefined;
  if (!root || typeof root !== 'object') bad(FORMAT, 'export', 'expected an <export> root element');
  return arr(root.sanctionEntity).map((raw, i) => {
    const e = raw as Raw;
    const where = `sanctionEntity[${i}]`;
    const regulations = arr(e.regulation) as Raw[];
    const identifiers: ListIdentifier[] = (arr(e.identification) as Raw[]).map((d) => ({
      type: str(d.identificationTypeDescription) ?? str(d.identificationTypeCode) ?? 'identification',
      value: str(d.number) ?? str(d.documentNumber) ?? str(d.latinNumber) ?? '',
      ...(countryCode(str(d.countryIso2Code) ?? str(d.countryDescription))
        ? { country: countryCode(str(d.countryIso2Code) ?? str(d.countryDescription))! }
        : {}),
    }));
    const addresses = arr(e.address) as Raw[];
    const births = arr(e.birthdate) as Raw[];
    const subject = str((e.subjectType as Raw | undefined)?.code);
    return makeEntry(FORMAT, where, {
      id: str(e.euReferenceNumber) ?? str(e.logicalId),
      source,
      names: (arr(e.nameAlias) as Raw[]).map(
        (n) => str(n.wholeName) ?? [str(n.firstName), str(n.middleName), str(n.lastName)].filter(Boolean).join(' '),
      ),
      type: subject === 'person' ? 'Individual' : subject === 'enterprise' ? 'Entity' : (subject ?? 'Entity'),
      countries: [
        ...(arr(e.citizenship) as Raw[]).map((c) => countryCode(str(c.countryIso2Code) ?? str(c.countryDescription))),
        ...addresses.map((a) => countryCode(str(a.countryIso2Code) ?? str(a.countryDescription))),
      ],
      programs: regulations.map((r) => str(r.programme)),
      startDate: isoDate(str(e.designationDate)) ?? earliest(regulations.map((r) => isoDate(str(r.publicationDate)))),
      addresses: addresses.map((a) =>
        joinAddress([
          str(a.street),
          str(a.poBox),
          str(a.zipCode),
          str(a.city),
          str(a.region),
          str(a.countryDescription),
        ]),
      ),
      birthDates: births.map(
        (b) =>
          isoDate(str(b.birthdate)) ??
          (str(b.year)
            ? [str(b.year), str(b.monthOfYear)?.padStart(2, '0'), str(b.dayOfMonth)?.padStart(2, '0')]
                .filter(Boolean)
                .join('-')
            : undefined),
      ),
      identifiers,
      remarks: str(e.remark),
      sourceListUrl: str(regulations[0]?.publicationUrl),
      extra: {
        logicalId: str(e.logicalId),
        ...(str(e.unitedNationId) ? { unitedNationId: str(e.unitedNationId) } : {}),
        ...(str(e.designationDetails) ? { designationDetails: str(e.designationDetails) } : {}),
      },
    });
  });
}
