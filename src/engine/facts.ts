import type { CountryData, CountryGroups } from '../data/index.js';
import { HrddError } from '../errors.js';
import {
  type Capability,
  controlCodeLineage,
  isDualUseListedCode,
  JURISDICTIONS,
  type Jurisdiction,
  normaliseControlCode,
  type Party,
  type Transaction,
} from '../model/index.js';
import { addDaysIso } from './dates.js';
import { type CapabilityTerms, capabilitiesNamed, capabilityTerms } from './described-capabilities.js';
import { arrayTable } from './param-tables.js';
import { type Gazetteer, matchPlaces, type Place } from './regions.js';
import { nameScriptFact } from './screen.js';
import { compareText, sortShort } from './sort-short.js';
import type {
  AssumedFeatureFact,
  CountryFact,
  DataReviewFact,
  DerivedFacts,
  Facts,
  ItemFact,
  JurisdictionsFact,
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
  /** What facts derivation needs of each country group: its regime, title and review dates. */
  groupInfo?: ReadonlyMap<string, GroupInfo>;
  /** The sanctioned-regions gazetteer, prepared once per engine. */
  gazetteer?: Gazetteer;
  /** Countries whose exporters EU law binds, prepared once per engine. */
  euMembers?: ReadonlySet<string>;
  /** What derivation reads from one parameters object, read once (engine parameters are fixed). */
  prepared?: PreparedParams;
  /** Identity and review date of the gazetteer, for `dataReview`. */
  gazetteerInfo?: { id: string; reviewBy: string };
}

/** A country group's regime and review dates (fields of country-groups.json). */
export interface GroupInfo {
  title: string;
  jurisdiction?: string;
  sourceAsOf?: string;
  reviewBy?: string;
  /** The group's `countryReviewBy` (country → review date) as sorted entries, prepared once per engine. */
  countryReviews?: readonly (readonly [string, string])[];
}

/** The EU member states, used when the country groups lack `eu-member-states`. */
const EU_MEMBERS = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ');

/** Regime, title and review dates of each group, read once per engine. */
export function indexGroupInfo(groups: CountryGroups): Map<string, GroupInfo> {
  const info = new Map<string, GroupInfo>();
  for (const g of groups.groups) {
    const raw = g as Record<string, unknown>;
    const entry: GroupInfo = { title: g.title };
    if (typeof raw.jurisdiction === 'string') entry.jurisdiction = raw.jurisdiction;
    if (typeof g.source.asOf === 'string') entry.sourceAsOf = g.source.asOf;
    if (typeof raw.reviewBy === 'string') entry.reviewBy = raw.reviewBy;
    if (typeof raw.countryReviewBy === 'object' && raw.countryReviewBy !== null)
      entry.countryReviews = Object.entries(raw.countryReviewBy as Record<string, string>).sort();
    info.set(g.id, entry);
  }
  return info;
}

/** The rule set's `highRiskCapabilities` parameter as a set (empty when absent or not a list). */
export function highRiskSet(params: Record<string, unknown>): Set<string> {
  return new Set(Array.isArray(params.highRiskCapabilities) ? (params.highRiskCapabilities as string[]) : []);
}

/** Members of the `eu-member-states` group, or the EU 27 when the country groups lack it. */
export function euMemberStates(groupsByCountry: ReadonlyMap<string, readonly string[]>): Set<string> {
  const members = new Set<string>();
  for (const [code, groups] of groupsByCountry) if (groups.includes('eu-member-states')) members.add(code);
  return members.size > 0 ? members : new Set(EU_MEMBERS);
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

/** The sorted distinct strings (most lists of an order hold none or one: those are copied as they are). */
const sortedUnique = <T extends string>(values: Iterable<T>): T[] =>
  Array.isArray(values) && values.length < 2 ? values.slice() : sortShort([...new Set(values)], compareText);

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

/** `params.exchangeRates`: units of each currency for one unit of `base`, with the table's source and date. */
export interface RateTable {
  base: string;
  rates: Record<string, number>;
  reviewBy?: string;
  asOf?: string;
}

function rateTable(params: Record<string, unknown>): RateTable {
  const raw = params.exchangeRates;
  if (typeof raw !== 'object' || raw === null) return { base: 'EUR', rates: {} };
  const t = raw as Record<string, unknown>;
  const rates: Record<string, number> = {};
  if (typeof t.rates === 'object' && t.rates !== null) {
    for (const [code, rate] of Object.entries(t.rates as Record<string, unknown>))
      if (typeof rate === 'number' && Number.isFinite(rate) && rate > 0) rates[code] = rate;
  }
  const table: RateTable = { base: typeof t.base === 'string' ? t.base : 'EUR', rates };
  if (typeof t.reviewBy === 'string') table.reviewBy = t.reviewBy;
  if (typeof t.asOf === 'string') table.asOf = t.asOf;
  return table;
}

/**
 * Value of the order in the table's base currency: the sum of quantity × unit price when every item has one, else
 * the payment amount, each converted with the rate table; null with the unknown currencies listed when a currency
 * is not in the table or not stated (an unknown currency is missing information, not zero).
 */
function totalValue(tx: Transaction, table: RateTable): { value: number | null; unknown: string[] } {
  let unknown: string[] | undefined;
  let sum: number | null = null;
  if (tx.items.every((i) => i.unitPrice)) {
    sum = 0;
    for (const i of tx.items) {
      const v = toBase(i.quantity * i.unitPrice!.amount, i.unitPrice!.currency, table);
      if (v === undefined) {
        unknown ??= [];
        unknown.push(i.unitPrice!.currency);
      } else sum += v;
    }
    if (unknown) sum = null;
  } else if (tx.payment?.amount !== undefined) {
    const v = toBase(tx.payment.amount, tx.payment.currency, table);
    if (v === undefined) unknown = [tx.payment.currency ?? 'unstated'];
    else sum = v;
  }
  // A total past the largest number would be recorded as null and never replay: bad input, not unknown.
  if (sum !== null && !Number.isFinite(sum))
    throw new HrddError('Invalid transaction', [
      { path: 'items', message: 'quantity × unit price adds up to more than a finite number' },
    ]);
  return { value: sum === null ? null : Math.round(sum * 100) / 100, unknown: unknown ? sortedUnique(unknown) : [] };
}

/** An amount in the table's base currency; undefined when the currency is not stated or not in the table. */
function toBase(amount: number, currency: string | undefined, table: RateTable): number | undefined {
  if (currency === undefined) return undefined;
  if (currency === table.base) return amount;
  const rate = table.rates[currency];
  return rate === undefined ? undefined : amount / rate;
}

function jurisdictionsOf(tx: Transaction, euMembers: ReadonlySet<string>): JurisdictionsFact {
  const usOriginItems = tx.items.some((i) => i.origin === 'US');
  const bound = new Set<Jurisdiction>();
  if (tx.jurisdictions) for (const j of tx.jurisdictions) bound.add(j);
  else {
    if (euMembers.has(tx.exporter.country)) bound.add('EU');
    if (tx.exporter.country === 'US' || usOriginItems) bound.add('US');
    if (tx.exporter.country === 'GB') bound.add('UK');
  }
  return {
    EU: bound.has('EU'),
    US: bound.has('US'),
    UK: bound.has('UK'),
    list: JURISDICTIONS.filter((j) => bound.has(j)),
    declared: tx.jurisdictions !== undefined,
    usOriginItems,
  };
}

/** `params.surveillanceControlCodes` as written and normalised. */
function listedCodes(params: Record<string, unknown>): (readonly [string, string])[] {
  const listed = Array.isArray(params.surveillanceControlCodes)
    ? (params.surveillanceControlCodes as unknown[]).filter((c): c is string => typeof c === 'string')
    : [];
  return listed.map((c) => [c, normaliseControlCode(c)] as const);
}

/** What derivation reads from one parameters object, and what it learns of control codes under them. */
interface PreparedParams {
  params: Record<string, unknown>;
  table: RateTable;
  listed: (readonly [string, string])[];
  plausible: [feature: string, capabilities: readonly unknown[]][];
  /** Control codes as written → what items derive from them: orders repeat a few codes, each worked out once. */
  codes: Map<string, CodeInfo>;
  terms: CapabilityTerms;
  /** Item descriptions → the capabilities they name: orders repeat a catalogue's descriptions. */
  described: Map<string, Capability[]>;
}

/** A control code as written, normalised, with its lineage, the listed entries covering it and its form. */
interface CodeInfo {
  normal: string;
  lineage: readonly string[];
  entries: readonly string[];
  dualUseListed: boolean;
}

/**
 * Distinct control codes (and item descriptions) kept per engine; past this (a stream of made-up ones) they are
 * worked out each time.
 */
const CODE_CACHE_LIMIT = 4096;

/** What derivation reads from the parameters, computed once per parameters object. */
function preparedParams(params: Record<string, unknown>, ctx: FactContext): PreparedParams {
  if (ctx.prepared?.params === params) return ctx.prepared;
  const prepared: PreparedParams = {
    params,
    table: rateTable(params),
    listed: listedCodes(params),
    // Feature → capabilities that make it plausible, malformed entries ignored.
    plausible: arrayTable(params.plausibleFeatures),
    codes: new Map(),
    terms: capabilityTerms(params),
    described: new Map(),
  };
  ctx.prepared = prepared;
  return prepared;
}

function codeInfo(code: string, prepared: PreparedParams): CodeInfo {
  const known = prepared.codes.get(code);
  if (known) return known;
  const normal = normaliseControlCode(code);
  const lineage = controlCodeLineage(normal);
  const info: CodeInfo = {
    normal,
    lineage,
    entries: prepared.listed.filter(([, n]) => lineage.includes(n)).map(([c]) => c),
    dualUseListed: isDualUseListedCode(code),
  };
  if (prepared.codes.size < CODE_CACHE_LIMIT) prepared.codes.set(code, info);
  return info;
}

/** The capabilities an item's description names (`params.describedCapabilityTerms`). */
function namedIn(description: string, prepared: PreparedParams): Capability[] {
  const known = prepared.described.get(description);
  if (known) return known;
  const named = capabilitiesNamed(description, prepared.terms);
  if (prepared.described.size < CODE_CACHE_LIMIT) prepared.described.set(description, named);
  return named;
}

function itemFacts(tx: Transaction, prepared: PreparedParams): ItemFact[] {
  return tx.items.map((item) => {
    const classifications = item.classifications ?? [];
    const infos = classifications.map((c) => codeInfo(c.code, prepared));
    const fact: ItemFact = {
      id: item.id,
      description: item.description,
      capabilities: item.capabilities,
      classifications,
      controlCodes: sortedUnique(infos.map((i) => i.normal)),
      controlCodeLineage: sortedUniqueOf(infos, (i) => i.lineage),
      surveillanceEntries: sortedUniqueOf(infos, (i) => i.entries),
      dualUseListed: classifications.some((c, i) => c.regime !== 'OTHER' && infos[i]!.dualUseListed),
      surveillance: item.capabilities.some((c) => c !== 'general-ict'),
      describedCapabilities: namedIn(item.description, prepared).filter((c) => !item.capabilities.includes(c)),
    };
    if (item.features) fact.features = item.features;
    if (item.origin) fact.origin = item.origin;
    return fact;
  });
}

/** Party addresses and the end use, as places for the gazetteer. */
function placesOf(tx: Transaction): Place[] {
  const places: Place[] = [];
  if (tx.consignee) partyPlaces(places, tx.consignee, 'transaction.consignee');
  for (let i = 0; i < tx.endUsers.length; i++) partyPlaces(places, tx.endUsers[i]!, `transaction.endUsers.${i}`);
  const intermediaries = tx.intermediaries ?? [];
  for (let i = 0; i < intermediaries.length; i++)
    partyPlaces(places, intermediaries[i]!, `transaction.intermediaries.${i}`);
  const endUse = tx.endUse;
  if (endUse?.deploymentSubdivision)
    places.push({ path: 'transaction.endUse.deploymentSubdivision', subdivision: endUse.deploymentSubdivision });
  if (endUse?.deploymentRegion)
    places.push({ path: 'transaction.endUse.deploymentRegion', text: endUse.deploymentRegion });
  if (endUse?.description) places.push({ path: 'transaction.endUse.description', text: endUse.description });
  return places;
}

function partyPlaces(places: Place[], p: Party, path: string): void {
  if (p.subdivision)
    places.push({ path: `${path}.subdivision`, country: p.country, subdivision: p.subdivision, partyId: p.id });
  if (p.address) places.push({ path: `${path}.address`, country: p.country, text: p.address, partyId: p.id });
  if (p.city) places.push({ path: `${path}.city`, country: p.country, text: p.city, partyId: p.id });
}

/** Data sets past their review date, limited to what this transaction uses. */
function dataReviewOf(
  asOf: string,
  params: Record<string, unknown>,
  countries: Record<string, CountryFact>,
  groupIds: readonly string[],
  ctx: FactContext,
  table: RateTable,
  usesRates: boolean,
  usesGazetteer: boolean,
): DataReviewFact[] {
  const out: DataReviewFact[] = [];
  const maxAge = typeof params.indicatorMaxAgeYears === 'number' ? params.indicatorMaxAgeYears : 2;
  const asOfYear = Number(asOf.slice(0, 4));
  // One entry per indicator and data year, naming the countries it concerns.
  const stale = new Map<string, { name: string; year: number; codes: string[] }>();
  for (const code of Object.keys(countries).sort()) {
    const years = countries[code]!.indicatorYears;
    for (const name of Object.keys(years)) {
      const year = years[name]!;
      if (asOfYear - year <= maxAge) continue;
      const key = `${name}|${year}`;
      const entry = stale.get(key) ?? { name, year, codes: [] };
      entry.codes.push(code);
      stale.set(key, entry);
    }
  }
  for (const key of [...stale.keys()].sort()) {
    const { name, year, codes } = stale.get(key)!;
    out.push({
      what: `indicator ${name} of ${ctx.countryData.id} for ${codes.join(', ')}`,
      reviewDate: `${year + maxAge + 1}-01-01`,
      reason: `data year ${year} is more than ${maxAge} years before ${asOf}: check for a newer release`,
    });
  }
  for (const id of groupIds) {
    const info = ctx.groupInfo?.get(id);
    if (!info) continue;
    if (info.reviewBy !== undefined && info.reviewBy < asOf)
      out.push({
        what: `country group ${id} (${info.title})`,
        reviewDate: info.reviewBy,
        reason: `compiled from sources as of ${info.sourceAsOf ?? 'an unstated date'}; membership or renewal to be re-checked by ${info.reviewBy}`,
      });
    for (const [code, date] of info.countryReviews ?? []) {
      if (date < asOf && countries[code] !== undefined)
        out.push({
          what: `country group ${id}: ${code}`,
          reviewDate: date,
          reason: `the measure on ${code} expires or is renewed on ${date}; its renewal was not verified`,
        });
    }
  }
  if (usesRates && table.reviewBy !== undefined && table.reviewBy < asOf)
    out.push({
      what: 'parameter exchangeRates',
      reviewDate: table.reviewBy,
      reason: `rates as of ${table.asOf ?? 'an unstated date'} convert the order's value: update them in an overlay`,
    });
  if (usesGazetteer && ctx.gazetteerInfo && ctx.gazetteerInfo.reviewBy < asOf)
    out.push({
      what: `sanctioned regions ${ctx.gazetteerInfo.id}`,
      reviewDate: ctx.gazetteerInfo.reviewBy,
      reason: 'occupation lines and the measures on the regions change: re-check the gazetteer',
    });
  return out;
}

/** Every plausible feature an item leaves unknown (absent or null), in item then feature order. */
function assumedFeatures(
  tx: Transaction,
  table: readonly [feature: string, capabilities: readonly unknown[]][],
): AssumedFeatureFact[] {
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

  // Countries a shipment only passes through are not involved: they raise diversion findings, never the embargo
  // rules of a destination, unless a party receives the goods there (then that party's country is involved).
  const involved = new Set<string>([tx.destination]);
  const receiving = new Set<string>([tx.destination]);
  for (const p of parties) {
    if (p.role === 'exporter') continue;
    involved.add(p.country);
    receiving.add(p.country);
    if (p.ownership?.parentCountry) involved.add(p.ownership.parentCountry);
  }
  const transit = tx.route?.transitCountries ?? [];
  const involvedCountries = sortedUnique(involved);
  const countries: Record<string, CountryFact> = {};
  for (const code of involvedCountries) countries[code] = countryFact(code, ctx);
  for (const code of transit) countries[code] ??= countryFact(code, ctx);

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

  const jurisdictions = jurisdictionsOf(tx, ctx.euMembers ?? euMemberStates(ctx.groupsByCountry));
  const groupsInvolved = sortedUniqueOf(involvedCountries, (c) => countries[c]!.groups);
  const groupsBinding: string[] = [];
  const groupsNotBinding: string[] = [];
  for (const id of groupsInvolved) {
    const j = ctx.groupInfo?.get(id)?.jurisdiction;
    const binds = j === undefined || j === 'UN' || (jurisdictions.list as string[]).includes(j);
    (binds ? groupsBinding : groupsNotBinding).push(id);
  }
  const transitGroups = sortedUniqueOf(transit, (c) => countries[c]!.groups);
  const prepared = preparedParams(params, ctx);
  const table = prepared.table;
  const value = totalValue(tx, table);
  const sanctionedRegions = ctx.gazetteer ? matchPlaces(placesOf(tx), ctx.gazetteer) : [];
  const receivingCountries = sortedUnique(receiving);
  const usesRates =
    tx.items.some((i) => i.unitPrice && i.unitPrice.currency !== table.base) ||
    (tx.payment?.currency !== undefined && tx.payment.currency !== table.base);
  const usesGazetteer = sanctionedRegions.length > 0 || receivingCountries.some((c) => c === 'UA' || c === 'RU');

  const derived: DerivedFacts = {
    capabilities,
    surveillance: capabilities.some((c) => c !== 'general-ict'),
    highRiskCapability: capabilities.some((c) => highRisk.has(c)),
    partyTypes: sortedUnique(tx.endUsers.map((p) => p.type)),
    parties,
    countries,
    destination: countries[tx.destination]!,
    involvedCountries,
    groupsInvolved,
    transitGroups,
    screening: {
      hits,
      certainBarring: hits.some((h) => h.certain && h.effect === 'bars-export'),
      potential: hits.some((h) => !(h.certain && h.effect === 'bars-export')),
    },
    assurancesObtained,
    totalValue: value.value,
    valueCurrency: table.base,
    unknownCurrencies: value.unknown,
    jurisdictions,
    receivingCountries,
    transitOnly: sortedUnique(transit.filter((c) => !receiving.has(c))),
    groupsBinding,
    groupsNotBinding,
    items: itemFacts(tx, prepared),
    sanctionedRegions,
    sanctionedRegionIds: sortedUnique(sanctionedRegions.map((r) => r.region)),
    dataReview: dataReviewOf(
      asOf,
      params,
      countries,
      sortedUnique([...groupsInvolved, ...transitGroups]),
      ctx,
      table,
      usesRates,
      usesGazetteer,
    ),
    assumedFeatures: assumedFeatures(tx, prepared.plausible),
  };
  return { transaction: tx, answers, asOf, params, derived };
}
