import { describe, expect, it } from 'vitest';
import {
  type CountryData,
  createEngine,
  defaultCountryData,
  defaultRuleset,
  type Engine,
  type ScreeningIndexPort,
} from '../../src/index.js';
import { cleanAnswers } from '../engine/fixtures.js';
import { example } from '../helpers.js';

type Tx = Record<string, unknown> & { items: Record<string, unknown>[]; endUsers: Record<string, unknown>[] };
type Case = { tx?: (tx: Tx) => void; answers?: Record<string, unknown>; engine?: 'poor' | 'good' | 'screening' };
type Scenario = [redFlag: string, fires: Case, doesNot: Case];

const item = (tx: Tx) => tx.items[0]!;
const features = (tx: Tx, f: Record<string, boolean>) =>
  (item(tx).features = { ...(item(tx).features as object), ...f });

// Every red-flag id of the domain reference, with a scenario that fires it and a close one that does not.
const SCENARIOS: Scenario[] = [
  ['RF-ITEM-LISTED', {}, { tx: (tx) => delete item(tx).classifications }],
  ['RF-ITEM-COVERT', { tx: (tx) => features(tx, { covert: true }) }, { tx: (tx) => features(tx, { covert: false }) }],
  ['RF-ITEM-BULK', { tx: (tx) => features(tx, { bulk: true }) }, {}],
  ['RF-ITEM-PERSON-ID', {}, { tx: (tx) => features(tx, { identifiesPersons: false }) }],
  [
    'RF-ITEM-DEMOGRAPHIC',
    { tx: (tx) => features(tx, { demographicClassification: true }) },
    { tx: (tx) => features(tx, { demographicClassification: false }) },
  ],
  [
    'RF-ITEM-CUSTOM-TARGETING',
    { answers: { customization_requested: true, customization_targeting: true } },
    { answers: { customization_requested: true, customization_targeting: false } },
  ],
  ['RF-ITEM-SAFEGUARD-REMOVAL', { answers: { safeguard_removal: true } }, {}],
  ['RF-ITEM-FUSION', { answers: { database_integration: true } }, { answers: { database_integration: false } }],
  [
    'RF-EU-LISTED',
    { engine: 'screening', tx: (tx) => (tx.endUsers[0]!.name = 'Listed Vision Systems') },
    { engine: 'screening' },
  ],
  [
    'RF-EU-SECURITY-AGENCY',
    {},
    { tx: (tx) => (tx.endUsers[0]!.type = 'private-company'), answers: { government_links: false } },
  ],
  ['RF-EU-MISUSE-REPORTS', { answers: { misuse_reports: true } }, {}],
  ['RF-EU-INFO-REFUSAL', { answers: { end_use_statement: 'refused' } }, { answers: { end_use_statement: 'pending' } }],
  [
    'RF-EU-MANDATE-MISMATCH',
    { answers: { end_user_mandate: 'Criminal investigations', capability_exceeds_mandate: true } },
    { answers: { end_user_mandate: 'Criminal investigations', capability_exceeds_mandate: false } },
  ],
  [
    'RF-EU-OPAQUE-OWNERSHIP',
    { tx: (tx) => (tx.endUsers[0]!.type = 'reseller') },
    { tx: (tx) => (tx.endUsers[0]!.type = 'private-company') },
  ],
  ['RF-EU-DECLINES-SUPPORT', { answers: { declines_support: true } }, { answers: { declines_support: false } }],
  ['RF-EU-NO-HISTORY', { answers: { business_history_years: 0 } }, { answers: { business_history_years: 12 } }],
  ['RF-EU-UNFAMILIAR', { answers: { familiar_with_product: false } }, { answers: { familiar_with_product: true } }],
  [
    'RF-CTY-EMBARGO',
    { tx: (tx) => (tx.intermediaries = [{ id: 'im', name: 'Transit Co', country: 'KP', type: 'freight-forwarder' }]) },
    { tx: (tx) => (tx.intermediaries = [{ id: 'im', name: 'Transit Co', country: 'DK', type: 'freight-forwarder' }]) },
  ],
  ['RF-CTY-REPRESSION', { engine: 'poor' }, { engine: 'good' }],
  ['RF-CTY-NOT-FREE', { engine: 'poor' }, { engine: 'good' }],
  [
    'RF-CTY-NET-NOT-FREE',
    { engine: 'poor', tx: (tx) => (item(tx).capabilities = ['data-analytics']) },
    { engine: 'good', tx: (tx) => (item(tx).capabilities = ['data-analytics']) },
  ],
  ['RF-CTY-LEGAL-FRAMEWORK', { engine: 'poor' }, { engine: 'good' }],
  ['RF-CTY-CIVIL-DISORDER', { engine: 'poor' }, { engine: 'good' }],
  ['RF-DEP-SENSITIVE-REGION', { answers: { sensitive_region: true } }, {}],
  [
    'RF-DEP-OPERATIONAL-SUPPORT',
    { tx: (tx) => (tx.services = ['hosting']) },
    { tx: (tx) => (tx.services = ['training']) },
  ],
  ['RF-DEP-NO-VERIFICATION', { answers: { audits_accepted: 'refused' } }, {}],
  ['RF-TX-PAYMENT', { tx: (tx) => (tx.payment = { method: 'cryptocurrency' }) }, {}],
  [
    'RF-TX-DELIVERY',
    { tx: (tx) => (tx.consignee = { id: 'fw', name: 'Fast Forwarding', country: 'NO', type: 'freight-forwarder' }) },
    { tx: (tx) => (tx.consignee = { id: 'fw', name: 'Police Logistics', country: 'NO', type: 'government-civil' }) },
  ],
  [
    'RF-TX-ROUTING',
    { tx: (tx) => (tx.route = { transitCountries: ['IR'] }) },
    { tx: (tx) => (tx.route = { transitCountries: ['DK'] }) },
  ],
  ['RF-TX-REEXPORT-EVASIVE', { answers: { reexport_plans: 'evasive' } }, {}],
  ['RF-TX-CONFIG-MISMATCH', { answers: { config_mismatch: true } }, { answers: { config_mismatch: false } }],
  ['RF-INFO-MISSING', { tx: (tx) => delete tx.endUse }, {}],
];

// Indicator scenarios give Norway (the destination) poor or good user-supplied indicators.
const poorIndicators = {
  civilLiberties: 0.2,
  physicalIntegrity: 0.2,
  internetFreedom: 0.1,
  surveillanceSafeguards: 0.1,
  civilDisorder: 0.9,
};
const goodIndicators = {
  civilLiberties: 0.95,
  physicalIntegrity: 0.95,
  internetFreedom: 0.9,
  surveillanceSafeguards: 0.9,
  civilDisorder: 0.05,
};
function withNorway(values: Record<string, number>): CountryData {
  const obs = Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, year: 2026 }]));
  return { ...defaultCountryData, id: 'test-indicators', countries: { ...defaultCountryData.countries, NO: obs } };
}
const listed: ScreeningIndexPort = {
  screen: (name) =>
    /listed vision/i.test(name)
      ? [
          {
            entry: {
              id: 'el-1',
              source: 'Entity List (EL) - Bureau of Industry and Security',
              name: 'LISTED VISION SYSTEMS',
              programs: ['EAR'],
            },
            score: 1,
            certain: true,
            matchedName: 'LISTED VISION SYSTEMS',
            explanation: 'listed=listed (1.00), vision=vision (1.00), systems=systems (1.00)',
          },
        ]
      : [],
};
const engines: Record<string, Engine> = {
  default: createEngine(),
  poor: createEngine({ countryData: withNorway(poorIndicators) }),
  good: createEngine({ countryData: withNorway(goodIndicators) }),
  screening: createEngine({ screening: listed }),
};

function run(c: Case) {
  const tx = example('03-') as Tx;
  c.tx?.(tx);
  return engines[c.engine ?? 'default']!.assess(tx, { asOf: '2026-11-01', answers: { ...cleanAnswers, ...c.answers } });
}

function cites(a: ReturnType<typeof run>, flag: string): boolean {
  const ruleIds = new Set(defaultRuleset.rules!.filter((r) => r.refs.includes(flag)).map((r) => r.id));
  if (flag === 'RF-INFO-MISSING') return a.missingInformation.some((m) => m.path === 'transaction.endUse.description');
  return a.findings.some((f) => ruleIds.has(f.ruleId));
}

describe('every red flag', () => {
  it('has at least one rule citing it and a scenario here', () => {
    const cited = new Set(defaultRuleset.rules!.flatMap((r) => r.refs.filter((x) => x.startsWith('RF-'))));
    expect(new Set(SCENARIOS.map(([flag]) => flag))).toEqual(cited);
    expect(cited.size).toBe(32);
  });

  it.each(SCENARIOS)('%s fires, and a close case does not', (flag, fires, doesNot) => {
    expect(cites(run(fires), flag), 'should fire').toBe(true);
    expect(cites(run(doesNot), flag), 'should not fire').toBe(false);
  });
});
