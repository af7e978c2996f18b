import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildScreeningIndex,
  detectListFormat,
  HrddError,
  type ListFormat,
  parseScreeningList,
} from '../../src/index.js';
import { ROOT } from '../helpers.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/lists', name), 'utf8');

function issueOf(fn: () => unknown): { path: string; message: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HrddError);
    return (error as HrddError).issues[0]!;
  }
  throw new Error('expected an error');
}

describe('format detection', () => {
  it.each([
    ['eu-fsf.xml', 'eu-fsf'],
    ['un-consolidated.xml', 'un-sc'],
    ['uk-sanctions-list.xml', 'uk'],
    ['opensanctions.ftm.ndjson', 'ftm'],
    ['opensanctions-targets.simple.csv', 'opensanctions-csv'],
  ] as [string, ListFormat][])('%s is %s', (file, format) => {
    expect(detectListFormat(fixture(file))).toBe(format);
  });
  it('CSL exports stay CSL; an unknown XML root is named', () => {
    expect(detectListFormat(readFileSync(join(ROOT, 'tests/fixtures/csl-sample.csv'), 'utf8'))).toBe('csl');
    expect(detectListFormat(readFileSync(join(ROOT, 'tests/fixtures/csl-sample.json'), 'utf8'))).toBe('csl');
    expect(issueOf(() => parseScreeningList('<sdnList></sdnList>')).message).toContain('<sdnList>');
  });
});

describe('EU Financial Sanctions Files', () => {
  const entries = parseScreeningList(fixture('eu-fsf.xml'));
  it('keeps source, programme, listing date, identifiers, addresses, births and aliases', () => {
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      id: 'EU.9001.01',
      source: 'EU Financial Sanctions Files (FSF)',
      name: 'Volgarion Optronics JSC',
      altNames: ['АО Волгарион Оптроника'],
      type: 'Entity',
      countries: ['RU'],
      programs: ['RUS'],
      startDate: '2022-03-15',
      identifiers: [{ type: 'Registration Number', value: '1027700000001', country: 'RU' }],
      addresses: ['ul. Fiktivnaya 12, 420000, Kazan, RUSSIAN FEDERATION'],
    });
    expect(entries[1]).toMatchObject({
      type: 'Individual',
      countries: ['BY'],
      programs: ['BLR'],
      startDate: '2023-06-23',
      birthDates: ['1971-04-09'],
      identifiers: [{ type: 'National passport', value: 'MP1234567', country: 'BY' }],
    });
  });
  it('is screened: the Cyrillic alias, and the person in another word order with a date of birth', () => {
    const index = buildScreeningIndex(entries);
    expect(index.screen('Volgarion Optronika')[0]?.entry.id).toBe('EU.9001.01');
    const [hit] = index.screen('Zemlyansky Arkadi', { birthDate: '1971-04-09' });
    expect(hit?.entry.id).toBe('EU.9002.02');
    expect(hit!.explanation.qualifiers).toContainEqual(
      expect.objectContaining({ kind: 'birth-date', result: 'match' }),
    );
  });
  it('a malformed file names the line; an entity without a name names the element', () => {
    expect(
      issueOf(() => parseScreeningList(fixture('eu-fsf.xml').replace('<remark>', '<remark><unclosed>'))).path,
    ).toMatch(/^line 1[0-9], column \d+$/);
    expect(issueOf(() => parseScreeningList('<export><sanctionEntity logicalId="1"/></export>'))).toEqual({
      path: 'sanctionEntity[0].name',
      message: 'the entry has no name',
    });
  });
});

describe('UN Security Council Consolidated List', () => {
  const entries = parseScreeningList(fixture('un-consolidated.xml'));
  it('keeps reference number, list type, listing date, nationality, documents and the original script', () => {
    expect(entries.map((e) => e.id)).toEqual(['KPi.901', 'KPe.902']);
    expect(entries[0]).toMatchObject({
      source: 'UN Security Council Consolidated List',
      name: 'KIM SOL HWAN',
      altNames: ['Kim Sol-hwan', '김설환'],
      type: 'Individual',
      countries: ['KP'],
      programs: ['DPRK'],
      startDate: '2017-08-05',
      birthDates: ['1968-11-02'],
      identifiers: [{ type: 'Passport', value: '836410999', country: 'KP' }],
    });
    expect(entries[1]).toMatchObject({ type: 'Entity', countries: ['CN', 'KP'], startDate: '2016-03-02' });
    expect(entries[1]!.addresses).toEqual([
      "Sosong District, Pyongyang, Democratic People's Republic of Korea",
      'Dandong, China',
    ]);
  });
  it('is screened: a legal-form change and an identifier', () => {
    const index = buildScreeningIndex(entries);
    expect(index.screen('Koryong Signal Trading Company Limited')[0]?.entry.id).toBe('KPe.902');
    const [hit] = index.screen('Sol Hwan Kim', { identifiers: ['836 410 999'] });
    expect(hit?.entry.id).toBe('KPi.901');
    expect(hit!.explanation.text).toContain('identifier match');
  });
  it('a malformed file names the line', () => {
    const broken = fixture('un-consolidated.xml').replace('<LISTED_ON>2016-03-02</LISTED_ON>', '<LISTED_ON>2016-03-02');
    expect(issueOf(() => parseScreeningList(broken)).path).toMatch(/^line \d+/);
  });
});

describe('UK Sanctions List', () => {
  const entries = parseScreeningList(fixture('uk-sanctions-list.xml'));
  it('keeps unique id, regime, designation date, names, non-Latin names, addresses and numbers', () => {
    expect(entries[0]).toMatchObject({
      id: 'RUS9901',
      source: 'UK Sanctions List',
      name: 'STEPNOY RADIOTECHNICAL PLANT',
      altNames: ['SRTP JSC', 'Степной радиотехнический завод'],
      type: 'Entity',
      countries: ['RU'],
      programs: ['The Russia (Sanctions) (EU Exit) Regulations 2019'],
      startDate: '2022-02-24',
      identifiers: [{ type: 'business registration', value: '1025500000007' }],
    });
    expect(entries[1]).toMatchObject({
      id: 'GHR9902',
      name: 'Malik Rashid HADDOURI',
      altNames: ['Malek HADDURI'],
      countries: ['SY'],
      birthDates: ['1966', '1967-07-03'],
      startDate: '2021-12-10',
      identifiers: [{ type: 'passport', value: 'N009123456' }],
    });
  });
  it('is screened, and a missing id is named', () => {
    expect(buildScreeningIndex(entries).screen('Haddouri Malik', { country: 'SY' })[0]?.entry.id).toBe('GHR9902');
    expect(
      issueOf(() =>
        parseScreeningList(
          '<Designations><Designation><Names><Name><Name6>X</Name6></Name></Names></Designation></Designations>',
        ),
      ).path,
    ).toBe('Designation[0].id');
  });
});

describe('OpenSanctions', () => {
  it('FollowTheMoney NDJSON: targets joined with their sanctions, addresses and documents', () => {
    const entries = parseScreeningList(fixture('opensanctions.ftm.ndjson'));
    expect(entries.map((e) => e.id)).toEqual(['os-fict-ghost-photonics', 'os-fict-person-1']);
    expect(entries[0]).toMatchObject({
      source: 'OpenSanctions',
      type: 'Company',
      countries: ['CN', 'HK'],
      programs: ['Entity List', 'US-BIS-EL'],
      startDate: '2024-04-11',
      addresses: ['Unit 9, Fictional Tower, Kowloon, Hong Kong'],
      identifiers: [{ type: 'registrationNumber', value: '91440300MA5FICT01' }],
    });
    expect(entries[1]).toMatchObject({
      programs: ['EU RUS'],
      startDate: '2022-06-03',
      birthDates: ['1979-02-14'],
      identifiers: [
        { type: 'passportNumber', value: '7512345678' },
        { type: 'foreign passport', value: '530000001', country: 'RU' },
      ],
    });
    const index = buildScreeningIndex(entries);
    expect(index.screen('Ghostline Photonic Limited', { country: 'HK' })[0]?.entry.id).toBe('os-fict-ghost-photonics');
    expect(index.screen('Тарханов Илья')[0]?.entry.id).toBe('os-fict-person-1');
  });
  it('FollowTheMoney NDJSON: a bad line is named', () => {
    const text = fixture('opensanctions.ftm.ndjson').split('\n');
    text[2] = '{"id": "x", "schema": "Company", "properties": {"name": "not a list"}}';
    expect(issueOf(() => parseScreeningList(text.join('\n')))).toEqual({
      path: 'line 3.properties.name',
      message: 'expected a list of values',
    });
    expect(
      issueOf(() => parseScreeningList('{"id":"a","schema":"Company","properties":{}}\n{oops', { format: 'ftm' })).path,
    ).toBe('line 2');
  });
  it('targets.simple.csv: multi-valued cells, listing date from the sanctions, identifiers', () => {
    const entries = parseScreeningList(fixture('opensanctions-targets.simple.csv'));
    expect(entries[0]).toMatchObject({
      id: 'os-fict-csv-1',
      name: 'Meridian Vantage Surveillance FZE',
      altNames: ['Meridian Vantage', 'MVS FZE'],
      countries: ['AE', 'IR'],
      startDate: '2023-09-25',
      identifiers: [{ type: 'identifier', value: 'FZE-000777' }],
      addresses: ['Jebel Ali Free Zone, Dubai, United Arab Emirates'],
    });
    expect(entries[0]!.programs).toContain('US-BIS-EL');
    expect(entries[1]).toMatchObject({ type: 'Person', birthDates: ['1975-08-30'] });
    expect(buildScreeningIndex(entries).screen('Sadeghi Farhad Nouri')[0]?.entry.id).toBe('os-fict-csv-2');
    expect(
      issueOf(() =>
        parseScreeningList('"id","schema","name","identifiers"\n"a","Company","X",""\n', {
          format: 'opensanctions-csv',
        }),
      ).path,
    ).toBe('line 1');
  });
});

describe('CSL', () => {
  it('an object where the id belongs is an error naming it, never "[object Object]"', () => {
    expect(issueOf(() => parseScreeningList('[{"id":{"a":1},"name":"X","source":"S"}]'))).toEqual({
      path: 'results[0].id',
      message: 'expected a string or number, not an object or array',
    });
  });
  it('--source renames the list', () => {
    const csv = readFileSync(join(ROOT, 'tests/fixtures/csl-sample.csv'), 'utf8');
    expect(parseScreeningList(csv, { source: 'Mine' }).every((e) => e.source === 'Mine')).toBe(true);
  });
});
