import type { Capability, Ownership, PartyType, Transaction } from '../model/index.js';

export type PartyRole = 'exporter' | 'consignee' | 'end-user' | 'intermediary';

/** A hit of restricted-party screening as rules see it (`derived.screening.hits[]`). */
export interface ScreeningHitFact {
  partyId: string;
  role: PartyRole;
  queryName: string;
  matchedName: string;
  score: number;
  certain: boolean;
  effect: 'bars-export' | 'review';
  list: string;
  entryId: string;
  entryName: string;
  programs: string[];
  explanation: string;
}

/** One party with its role (`derived.parties[]`). */
export interface PartyFact {
  id: string;
  name: string;
  role: PartyRole;
  type: PartyType;
  country: string;
  aliases?: string[];
  ownership?: Ownership;
  screening: ScreeningHitFact[];
  /** Names (name, aliases) that mix scripts within a word or imitate Latin with look-alike letters (UTS #39). */
  nameScript: NameScriptFact;
}

/** Script profile of a party's names (`derived.parties[].nameScript`). */
export interface NameScriptFact {
  suspicious: boolean;
  /** The suspicious names, as given. */
  names: string[];
  /** Scripts of their letters. */
  scripts: string[];
  /** Their Latin skeletons (how they read to a reader of Latin letters). */
  skeleton: string[];
}

/** Indicators and groups of one country (`derived.countries.<code>`). */
export interface CountryFact {
  code: string;
  /** Whether any indicator is known for the country. */
  known: boolean;
  indicators: Record<string, number>;
  indicatorYears: Record<string, number>;
  groups: string[];
}

/** An obtained assurance with its effective expiry (`derived.assurancesObtained[]`). */
export interface ObtainedAssuranceFact {
  type: string;
  from: string;
  obtainedOn: string;
  validUntil: string;
  valid: boolean;
}

/**
 * An item feature left unknown although one of the item's capabilities makes it plausible
 * (`params.plausibleFeatures`): rules take it at its worst and ask for it (`derived.assumedFeatures[]`).
 */
export interface AssumedFeatureFact {
  itemId: string;
  feature: string;
  /** Where the answer goes: `items.<item id>.features.<feature>`. */
  path: string;
}

export interface DerivedFacts {
  capabilities: Capability[];
  surveillance: boolean;
  highRiskCapability: boolean;
  partyTypes: PartyType[];
  parties: PartyFact[];
  countries: Record<string, CountryFact>;
  destination: CountryFact;
  involvedCountries: string[];
  groupsInvolved: string[];
  transitGroups: string[];
  screening: { hits: ScreeningHitFact[]; certainBarring: boolean; potential: boolean };
  assurancesObtained: ObtainedAssuranceFact[];
  totalValue: number | null;
  assumedFeatures: AssumedFeatureFact[];
}

/** The one object every rule, questionnaire condition and forEach reads (docs/engine.md lists every path). */
export interface Facts {
  transaction: Transaction;
  answers: Record<string, unknown>;
  asOf: string;
  params: Record<string, unknown>;
  derived: DerivedFacts;
  /** The current element inside a `forEach` rule. */
  it?: unknown;
}
