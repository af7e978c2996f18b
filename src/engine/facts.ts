import type { CountryData, CountryGroups } from '../data/index.js';
import { HrddError } from '../errors.js';
import type { Party, Transaction } from '../model/index.js';
import { addDaysIso } from './dates.js';
import { nameScriptFact } from './screen.js';
import { compareText, sortShort } from './sort-short.js';
import type {
  AssumedFeatureFact,
  CountryFact,
  DerivedFacts,
  Facts,
  ObtainedAssuranceFact,
  PartyFact,
  PartyRole,
  ScreeningHitFact,
} from './types.js';

/** What facts derivation needs besides the transaction: prepared once per engine. */
export interface FactContext {
  countryData: CountryData;
  groupsByCountry: ReadonlyMap<string, readonly string[]>;
  validityDays: ReadonlyMap<string, number>;
  screen?: (party: PartyFact) => ScreeningHitFact[];
  /** Country facts depend on the engine's data only: built once per code, frozen, shared by assessments. */
  countryCache?: Map<string, CountryFact>;
  /** `params.highRiskCapabilities` as a set, when prepared once per engine. */
  highRisk?: ReadonlySet<string>;
}

/** The rule set's `highRiskCapabilities` parameter as a set (empty when absent or not a list). */
export function highRiskSet(params: Record<string, unknown>): Set<string> {
  return new Set(Array.isArray(params.highRiskCapabilities) ? (params.highRiskCapabilities as string[]) : []);
}

/** Country code → sorted ids of the groups it belongs to. */
export function indexGroups(groups: CountryGroups): Map<string, string[]> {
  const byCountry = new Map<string, string[]>();
  for (const group of groups.groups) {
    for (const code of group.countries) {
      const list = byCountry.get(code) ?? [];
      if (!list.includes(group.id)) list.push(group.id);
      byCountry.set(code, list);
    }
  }
  for (const list of byCountry.values()) list.sort();
  return byCountry;
}

const sortedUnique = <T extends string>(values: Iterable<T>): T[] => sortShort([...new Set(values)], compareText);

/** The sorted distinct strings of every element's list (a loop: `flatMap` costs far more on short arrays). */
function sortedUniqueOf<E, T extends string>(elements: readonly E[], list: (element: E) => readonly T[]): T[] {
  const values = new Set<T>();
  for (const element of elements) for (const value of list(element)) values.add(value);
  return sortShort([...values], compareText);
}

function countryFact(code: string, ctx: FactContext): CountryFact {
  const cached = ctx.countryCache?.get(code);
  if (cached) return cached;
  const fact = deepFreeze(buildCountryFact(code, ctx));
  ctx.countryCache?.set(code, fact);
  return fact;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) deepFreeze(child);
  return Object.freeze(value);
}

function buildCountryFact(code: string, ctx: FactContext): CountryFact {
  const observations = ctx.countryData.countries[code as keyof CountryData['countries']] ?? {};
  const indicators: Record<string, number> = {};
  const indicatorYears: Record<string, number> = {};
  for (const name of Object.keys(observations).sort()) {
    indicators[name] = observations[name]!.value;
    indicatorYears[name] = observations[name]!.year;
  }
  return {
    code,
    known: Object.keys(indicators).length > 0,
    indicators,
    indicatorYears,
    groups: [...(ctx.groupsByCountry.get(code) ?? [])],
  };
}

function partyFact(party: Party, role: PartyRole): PartyFact {
  // Optional fields assigned only when present, in the published order.
  const fact = { id: party.id, name: party.name, role, type: party.type, country: party.country } as PartyFact;
  if (party.aliases) fact.aliases = party.aliases;
  if (party.ownership) fact.ownership = party.ownership;
  fact.screening = [];
  fact.nameScript = nameScriptFact(party);
  return fact;
}

/** Sum of quantity × unit price when every item has one in the same currency, else the payment amount, else null. */
function totalValue(tx: Transaction): number | null {
  const currencies = new Set(tx.items.map((i) => i.unitPrice?.currency));
  if (tx.items.every((i) => i.unitPrice) && currencies.size === 1) {
    const total = tx.items.reduce((sum, i) => sum + i.quantity * i.unitPrice!.amount, 0);
    // A total past the largest number would be recorded as null and never replay: bad input, not unknown.
    if (!Number.isFinite(total))
      throw new HrddError('Invalid transaction', [
        { path: 'items', message: 'quantity × unit price adds up to more than a finite number' },
      ]);
    return total;
  }
  return tx.payment?.amount ?? null;
}

/** `params.plausibleFeatures` (feature → capabilities that make it plausible), ignoring malformed entries. */
function plausibleFeatures(params: Record<string, unknown>): [feature: string, capabilities: readonly unknown[]][] {
  const table = params.plausibleFeatures;
  if (typeof table !== 'object' || table === null || Array.isArray(table)) return [];
  return Object.keys(table)
    .sort()
    .flatMap((feature) => {
      const caps = (table as Record<string, unknown>)[feature];
      return Array.isArray(caps) ? [[feature, caps] as [string, readonly unknown[]]] : [];
    });
}

/** Every plausible feature an item leaves unknown (absent or null), in item then feature order. */
function assumedFeatures(tx: Transaction, params: Record<string, unknown>): AssumedFeatureFact[] {
  const table = plausibleFeatures(params);
  const out: AssumedFeatureFact[] = [];
  if (table.length === 0) return out;
  for (const item of tx.items) {
    const features = (item.features ?? {}) as Record<string, unknown>;
    for (const [feature, caps] of table) {
      const value = Object.hasOwn(features, feature) ? features[feature] : undefined;
      if (value !== undefined && value !== null) continue;
      if (item.capabilities.some((c) => caps.includes(c)))
        out.push({ itemId: item.id, feature, path: `items.${item.id}.features.${feature}` });
    }
  }
  return out;
}

/** Derives the facts object from a parsed transaction (deterministic: no clock, no locale). */
export function deriveFacts(
  tx: Transaction,
  answers: Record<string, unknown>,
  asOf: string,
  params: Record<string, unknown>,
  ctx: FactContext,
): Facts {
  const parties: PartyFact[] = [partyFact(tx.exporter, 'exporter')];
  if (tx.consignee) parties.push(partyFact(tx.consignee, 'consignee'));
  for (const p of tx.endUsers) parties.push(partyFact(p, 'end-user'));
  for (const p of tx.intermediaries ?? []) parties.push(partyFact(p, 'intermediary'));

  const involved = new Set<string>([tx.destination]);
  for (const p of parties) {
    if (p.role === 'exporter') continue;
    involved.add(p.country);
    if (p.ownership?.parentCountry) involved.add(p.ownership.parentCountry);
  }
  const transit = tx.route?.transitCountries ?? [];
  for (const c of transit) involved.add(c);
  const involvedCountries = sortedUnique(involved);
  const countries: Record<string, CountryFact> = {};
  for (const code of involvedCountries) countries[code] = countryFact(code, ctx);

  const hits: ScreeningHitFact[] = [];
  if (ctx.screen) {
    for (const p of parties) {
      if (p.role === 'exporter') continue;
      p.screening = ctx.screen(p);
      hits.push(...p.screening);
    }
  }

  const capabilities = sortedUniqueOf(tx.items, (i) => i.capabilities);
  const highRisk = ctx.highRisk ?? highRiskSet(params);
  const assurancesObtained: ObtainedAssuranceFact[] = (tx.assurances ?? []).map((a) => {
    const validUntil = a.validUntil ?? addDaysIso(a.obtainedOn, ctx.validityDays.get(a.type) ?? 365);
    return {
      type: a.type,
      from: a.from,
      obtainedOn: a.obtainedOn,
      validUntil,
      valid: a.obtainedOn <= asOf && asOf <= validUntil,
    };
  });

  const derived: DerivedFacts = {
    capabilities,
    surveillance: capabilities.some((c) => c !== 'general-ict'),
    highRiskCapability: capabilities.some((c) => highRisk.has(c)),
    partyTypes: sortedUnique(tx.endUsers.map((p) => p.type)),
    parties,
    countries,
    destination: countries[tx.destination]!,
    involvedCountries,
    groupsInvolved: sortedUniqueOf(involvedCountries, (c) => countries[c]!.groups),
    transitGroups: sortedUniqueOf(transit, (c) => countries[c]!.groups),
    screening: {
      hits,
      certainBarring: hits.some((h) => h.certain && h.effect === 'bars-export'),
      potential: hits.some((h) => !(h.certain && h.effect === 'bars-export')),
    },
    assurancesObtained,
    totalValue: totalValue(tx),
    assumedFeatures: assumedFeatures(tx, params),
  };
  return { transaction: tx, answers, asOf, params, derived };
}
