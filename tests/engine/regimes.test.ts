import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSanctionedRegions, refsRegistry } from '../../src/data/index.js';
import { buildGazetteer, matchPlaceText } from '../../src/engine/regions.js';
import { createEngine, defaultRuleset } from '../../src/index.js';
import {
  controlCodeCovers,
  controlCodeLineage,
  isDualUseListedCode,
  normaliseControlCode,
} from '../../src/model/index.js';
import { baseTransaction } from '../helpers.js';

const engine = createEngine();
const AS_OF = '2026-12-01';
const fired = (a: { findings: { ruleId: string }[] }) => a.findings.map((f) => f.ruleId);

describe('control codes', () => {
  it('EU, US, Wassenaar and hand-typed forms are one code', () => {
    for (const code of ['5A001.f.1', '5A001f1', '5a001 f 1', '5.A.1.f.1', ' 5A001.F.1 ', '5A001-f-1'])
      expect(normaliseControlCode(code), code).toBe('5A001.f.1');
    expect(normaliseControlCode('4.D.4')).toBe('4D004');
    expect(normaliseControlCode('ML 11.a')).toBe('ML11.a');
    expect(normaliseControlCode('EAR99')).toBe('EAR99');
  });

  it('a listed parent covers its children, not its siblings or longer numbers', () => {
    expect(controlCodeLineage('5A001f1')).toEqual(['5A001', '5A001.f', '5A001.f.1']);
    expect(controlCodeCovers('5A001.f', '5a001 f 1')).toBe(true);
    expect(controlCodeCovers('5A001.f.1', '5A001.f.10')).toBe(false);
    expect(controlCodeCovers('5A001.j', '5A001.f.1')).toBe(false);
    expect(controlCodeCovers('5A00', '5A001')).toBe(false);
  });

  it('Annex I form: 5A002 is a dual-use entry, 3A981 and 5A992 (anti-terrorism only) and EAR99 are not', () => {
    expect(isDualUseListedCode('5A002.a')).toBe(true);
    expect(isDualUseListedCode('3A981')).toBe(false);
    expect(isDualUseListedCode('5A992.c')).toBe(false);
    expect(isDualUseListedCode('EAR99')).toBe(false);
  });

  it('normalising is idempotent and ignores separators (property)', () => {
    const code = fc
      .tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('A', 'B', 'C', 'D', 'E'),
        fc.integer({ min: 1, max: 999 }),
        fc.array(fc.oneof(fc.constantFrom('a', 'b', 'f', 'j', 'ii'), fc.integer({ min: 1, max: 12 }).map(String)), {
          maxLength: 4,
        }),
        fc.constantFrom('.', ' ', '-', ''),
      )
      .map(([c, g, n, path, sep]) => {
        // Alternate letters and digits so the path is unambiguous without separators.
        const alternating = path.filter((p, i) => i === 0 || /\d/.test(p) !== /\d/.test(path[i - 1]!));
        const parts = alternating[0] !== undefined && /\d/.test(alternating[0]) ? alternating.slice(1) : alternating;
        return {
          dotted: [`${c}${g}${String(n).padStart(3, '0')}`, ...parts].join('.'),
          typed: `${c}${g}${n}${sep}${parts.join(sep)}`,
        };
      });
    fc.assert(
      fc.property(code, ({ dotted, typed }) => {
        const normal = normaliseControlCode(typed);
        expect(normal).toBe(dotted);
        expect(normaliseControlCode(normal)).toBe(normal);
      }),
    );
  });

  it('RF-ITEM-LISTED reads the normalised codes: fires on 5a001 f 1, not on 5A991', () => {
    const tx = baseTransaction() as { items: Record<string, unknown>[] };
    tx.items[0] = { id: 'i1', description: 'IMSI catcher', quantity: 1, capabilities: ['mobile-interception'] };
    tx.items[0].classifications = [{ regime: 'EU', code: '5a001 f 1' }];
    expect(fired(engine.assess(tx, { asOf: AS_OF }))).toContain('item-listed');
    const facts = engine.facts(tx, { asOf: AS_OF });
    expect(facts.derived.items[0]?.controlCodes).toEqual(['5A001.f.1']);
    expect(facts.derived.items[0]?.surveillanceEntries).toEqual(['5A001.f']);
    tx.items[0].classifications = [{ regime: 'EAR', code: '5A991.b' }];
    expect(fired(engine.assess(tx, { asOf: AS_OF }))).not.toContain('item-listed');
  });
});

describe('sanctioned regions gazetteer', () => {
  const gazetteer = buildGazetteer(defaultSanctionedRegions);
  const regions = (text: string) => matchPlaceText(text, gazetteer).map((m) => m.region);

  it('recognises English, Ukrainian and Russian spellings, Latin and Cyrillic, with case endings', () => {
    for (const text of ['SEVASTOPOL', 'Sébastopol', 'Севастополь', 'в Севастополе', 'Simferopol', 'Сімферополь'])
      expect(regions(text), text).toContain('crimea');
    for (const text of ['Krym', 'Крим', 'Республика Крым', 'Крымский федеральный округ'])
      expect(regions(text), text).toContain('crimea');
    expect(regions('Lugansk')).toContain('luhansk-ngca');
    expect(regions('Луганськ')).toContain('luhansk-ngca');
    expect(regions('Mariupol port')).toContain('donetsk-ngca');
    expect(regions('Nova Kakhovka')).toContain('kherson-ngca');
    expect(regions('Бердянск')).toContain('zaporizhzhia-ngca');
  });

  it('reads an oblast name before the city of the same name, and leaves unrelated words alone', () => {
    expect(regions('Kramatorsk, Donetsk oblast')).toEqual(['partly-occupied-oblasts']);
    expect(regions('Donetsk, Donetsk oblast').sort()).toEqual(['donetsk-ngca', 'partly-occupied-oblasts']);
    expect(regions('Kyiv, Khreshchatyk 22')).toEqual([]);
    expect(regions('Crimeanetwork Ltd')).toEqual([]);
  });

  it('a party address is read only for parties in UA or RU; the end use always', () => {
    const tx = baseTransaction() as Record<string, unknown>;
    tx.endUsers = [
      { id: 'eu', name: 'Sonoma Parks', country: 'US', type: 'government-civil', address: 'Sebastopol, CA 95472' },
    ];
    tx.destination = 'US';
    expect(engine.facts(tx, { asOf: AS_OF }).derived.sanctionedRegions).toEqual([]);
    tx.endUse = { description: 'Deployment at the port of Sevastopol' };
    const facts = engine.facts(tx, { asOf: AS_OF });
    expect(facts.derived.sanctionedRegionIds).toEqual(['crimea']);
    expect(facts.derived.sanctionedRegions[0]?.path).toBe('transaction.endUse.description');
  });

  it('subdivision codes on parties and the deployment, including RU codes some users give Crimea', () => {
    const tx = baseTransaction() as Record<string, unknown>;
    tx.endUsers = [
      { id: 'eu', name: 'GUP Vodokanal', country: 'RU', type: 'state-linked-company', subdivision: 'RU-SEV' },
    ];
    tx.destination = 'RU';
    const a = engine.assess(tx, { asOf: AS_OF });
    expect(a.decision).toBe('decline');
    expect(fired(a)).toContain('reg-region-crimea');
    const ok = baseTransaction() as Record<string, unknown>;
    ok.endUse = { description: 'Offices', deploymentSubdivision: 'NO-03' };
    expect(fired(engine.assess(ok, { asOf: AS_OF }))).not.toContain('reg-region-crimea');
    expect(() => engine.assess({ ...ok, endUse: { deploymentSubdivision: 'Crimea' } }, { asOf: AS_OF })).toThrow();
  });
});

describe('jurisdictions', () => {
  it('derived from the exporter and US-origin items; a declared list replaces the derivation', () => {
    const tx = baseTransaction() as { items: Record<string, unknown>[]; jurisdictions?: string[] };
    expect(engine.facts(tx, { asOf: AS_OF }).derived.jurisdictions).toMatchObject({
      EU: true,
      US: false,
      list: ['EU'],
      declared: false,
    });
    tx.items[0]!.origin = 'US';
    expect(engine.facts(tx, { asOf: AS_OF }).derived.jurisdictions.list).toEqual(['EU', 'US']);
    tx.jurisdictions = ['UK'];
    expect(engine.facts(tx, { asOf: AS_OF }).derived.jurisdictions).toMatchObject({ list: ['UK'], declared: true });
  });

  it('an EU arms embargo binds an EU exporter, not a Turkish one (a note instead)', () => {
    const tx = baseTransaction() as Record<string, unknown>;
    tx.endUsers = [{ id: 'eu', name: 'Caracas Metro Police', country: 'VE', type: 'law-enforcement' }];
    tx.destination = 'VE';
    expect(fired(engine.assess(tx, { asOf: AS_OF }))).toContain('cty-arms-embargo');
    tx.exporter = { id: 'exp', name: 'Anadolu Elektronik A.S.', country: 'TR', type: 'private-company' };
    const a = fired(engine.assess(tx, { asOf: AS_OF }));
    expect(a).not.toContain('cty-arms-embargo');
    expect(a).toContain('note-regime-not-binding');
  });

  it('transit is not destination: China on the route raises routing, not the arms embargo', () => {
    const tx = baseTransaction() as Record<string, unknown>;
    tx.endUsers = [{ id: 'eu', name: 'Zambia Police Service', country: 'ZM', type: 'law-enforcement' }];
    tx.destination = 'ZM';
    tx.items = [{ id: 'i1', description: 'Body-worn cameras', quantity: 300, capabilities: ['sensors-recording'] }];
    tx.route = { transitCountries: ['CN'] };
    const facts = engine.facts(tx, { asOf: AS_OF });
    expect(facts.derived.transitOnly).toEqual(['CN']);
    expect(facts.derived.groupsInvolved).not.toContain('eu-arms-embargo');
    const ids = fired(engine.assess(tx, { asOf: AS_OF }));
    expect(ids).toContain('tx-routing');
    expect(ids).not.toContain('cty-arms-embargo');
    tx.intermediaries = [{ id: 'im', name: 'Shenzhen Relay Trading', country: 'CN', type: 'reseller' }];
    expect(fired(engine.assess(tx, { asOf: AS_OF }))).toContain('cty-arms-embargo');
  });
});

describe('money and data age', () => {
  it('converts with the dated rate table and treats an unknown currency as missing information where the value is read', () => {
    const tx = baseTransaction() as { items: Record<string, unknown>[]; payment?: unknown };
    tx.items[0]!.unitPrice = { amount: 1070.5, currency: 'USD' };
    const facts = engine.facts(tx, { asOf: AS_OF });
    expect(facts.derived.valueCurrency).toBe('EUR');
    expect(facts.derived.totalValue).toBe(10000);
    tx.items[0]!.unitPrice = { amount: 1000, currency: 'XOF' };
    expect(engine.facts(tx, { asOf: AS_OF }).derived.totalValue).toBeNull();
    const rates = (a: { missingInformation: { path: string; blocking: boolean }[] }) =>
      a.missingInformation.filter((m) => m.path === 'params.exchangeRates.rates');
    // Paid by bank transfer, no rule reads the value: nothing to ask.
    tx.payment = { method: 'bank-transfer' };
    expect(rates(engine.assess(tx, { asOf: AS_OF }))).toEqual([]);
    // Paid in cash, the payment red flag needs the value: missing, and blocking.
    tx.payment = { method: 'cash' };
    expect(rates(engine.assess(tx, { asOf: AS_OF })).map((m) => m.blocking)).toEqual([true]);
  });

  it('lists stale data: V-Dem older than two years, embargo renewals, old exchange rates', () => {
    const tx = baseTransaction() as Record<string, unknown>;
    tx.endUsers = [{ id: 'eu', name: 'Juba Water Corporation', country: 'SS', type: 'government-civil' }];
    tx.destination = 'SS';
    const a = engine.assess(tx, { asOf: AS_OF });
    const what = (a.dataReview ?? []).map((d) => d.what);
    expect(what.some((w) => w.startsWith('indicator civilLiberties'))).toBe(true);
    expect(what).toContain('country group un-arms-embargo: SS');
    for (const d of a.dataReview ?? []) expect(d.reviewDate < AS_OF).toBe(true);
    // The same order assessed when the data were fresh lists nothing.
    expect(engine.assess(tx, { asOf: '2024-06-01' }).dataReview).toBeUndefined();
  });

  it('a finding that reads an indicator shows its year', () => {
    const tx = baseTransaction() as Record<string, unknown>;
    tx.endUsers = [{ id: 'eu', name: 'Ministry of Interior', country: 'BY', type: 'government-security' }];
    tx.destination = 'BY';
    tx.exporter = { id: 'exp', name: 'Anadolu Elektronik A.S.', country: 'TR', type: 'private-company' };
    tx.items = [{ id: 'i1', description: 'Face recognition', quantity: 1, capabilities: ['biometric-identification'] }];
    const a = engine.assess(tx, { asOf: AS_OF });
    const withIndicator = a.findings.filter((f) => 'derived.destination.indicators.civilLiberties' in f.facts);
    expect(withIndicator.length).toBeGreaterThan(0);
    for (const f of withIndicator) expect(f.facts['derived.destination.indicatorYears.civilLiberties']).toBe(2022);
  });
});

describe('sources', () => {
  const rules = defaultRuleset.rules ?? [];

  it('every refs id of every rule and assurance resolves in the registry', () => {
    for (const r of rules) for (const ref of r.refs) expect(refsRegistry[ref], `${r.id}: ${ref}`).toBeDefined();
    for (const a of defaultRuleset.assurances ?? [])
      for (const ref of a.refs ?? []) expect(refsRegistry[ref], `${a.type}: ${ref}`).toBeDefined();
  });

  it('Code of Conduct refs are the six commitments of the 2023 text', () => {
    const coc = Object.keys(refsRegistry).filter((id) => id.startsWith('CoC-'));
    expect(coc.sort()).toEqual(['CoC-1', 'CoC-2', 'CoC-3', 'CoC-4', 'CoC-5', 'CoC-6']);
    expect(refsRegistry['CoC-4']?.title).toMatch(/assurances.*misused, re-exported or transferred/);
  });

  it('no two rules cite the same legal instrument for different claims (red flags)', () => {
    const claims = new Map<string, Set<string>>();
    for (const r of rules) {
      const flags = r.refs.filter((ref) => ref.startsWith('RF-'));
      for (const ref of r.refs) {
        if (refsRegistry[ref]?.regime === undefined && !/^(EU|EAR|US|UN)-/.test(ref)) continue;
        // guidance, many steps
        if (['EU-2024/2659', 'EU-2019/1318', 'EAR-732-Supp3', 'EAR-CSL'].includes(ref)) continue;
        const set = claims.get(ref) ?? new Set<string>();
        for (const f of flags) set.add(f);
        claims.set(ref, set);
      }
    }
    for (const [ref, flags] of claims) expect([...flags], ref).toHaveLength(1);
  });

  it('every sanctions or embargo rule cites an instrument with its regime', () => {
    for (const r of rules.filter((x) => x.refs.includes('RF-CTY-EMBARGO'))) {
      const instruments = r.refs.filter((ref) => refsRegistry[ref]?.regime !== undefined);
      expect(instruments.length, r.id).toBeGreaterThan(0);
    }
  });
});
