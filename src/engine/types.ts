import type {
  Capability,
  Classification,
  ItemFeatures,
  Jurisdiction,
  Ownership,
  PartyType,
  Transaction,
} from '../model/index.js';
import type { RegionMatchFact } from './regions.js';

export type { RegionMatchFact } from './regions.js';

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
  /** Value of the order in `params.exchangeRates.base`; null when an amount is missing or a currency unknown. */
  totalValue: number | null;
  assumedFeatures: AssumedFeatureFact[];
  /** The currency `totalValue` is in (`params.exchangeRates.base`, EUR by default). */
  valueCurrency: string;
  /** Currencies of the order that the rate table does not know (missing information, never zero). */
  unknownCurrencies: string[];
  /** Which legal orders bind the transaction (declared in `transaction.jurisdictions`, or derived). */
  jurisdictions: JurisdictionsFact;
  /** Destination and the countries of consignee, end users and intermediaries: where goods are handed over. */
  receivingCountries: string[];
  /** Countries of `route.transitCountries` where no party receives the goods: diversion risks, not destinations. */
  transitOnly: string[];
  /** Groups of `groupsInvolved` whose regime binds this transaction (no jurisdiction or UN, or a bound one). */
  groupsBinding: string[];
  /** Groups of `groupsInvolved` of a regime that does not bind this transaction (notes, not hard stops). */
  groupsNotBinding: string[];
  /** Items with their control codes normalised. */
  items: ItemFact[];
  /** Places of the transaction recognised by the sanctioned-regions gazetteer. */
  sanctionedRegions: RegionMatchFact[];
  /** Distinct region ids of `sanctionedRegions`. */
  sanctionedRegionIds: string[];
  /** Data sets whose review date `asOf` has passed, as far as this transaction uses them. */
  dataReview: DataReviewFact[];
}

/** `derived.jurisdictions`: one boolean per legal order, the list, and whether it was declared or derived. */
export interface JurisdictionsFact {
  EU: boolean;
  US: boolean;
  UK: boolean;
  list: Jurisdiction[];
  declared: boolean;
  /** Whether any item is of US origin (the EAR follows US-origin items when re-exported). */
  usOriginItems: boolean;
}

/** An item with its normalised control codes (`derived.items[]`). */
export interface ItemFact {
  id: string;
  description: string;
  capabilities: Capability[];
  classifications: Classification[];
  features?: ItemFeatures;
  origin?: string;
  /** Every code normalised (`5A001f1` → `5A001.f.1`). */
  controlCodes: string[];
  /** The codes and every entry above them (`5A001`, `5A001.f`, `5A001.f.1`): a listed parent covers its children. */
  controlCodeLineage: string[];
  /** Entries of `params.surveillanceControlCodes` that cover one of the item's codes. */
  surveillanceEntries: string[];
  /** A code of the form of an EU Annex I / Wassenaar / CCL dual-use entry (not x9xx, not EAR99). */
  dualUseListed: boolean;
  /** Any capability other than general-ict. */
  surveillance: boolean;
  /**
   * Capabilities the description names (`params.describedCapabilityTerms`: "IMSI catcher", "facial recognition")
   * that `capabilities` does not declare: a surveillance item entered as something else.
   */
  describedCapabilities: Capability[];
}

/** A data set to re-check before relying on it (`derived.dataReview[]`, copied to the assessment). */
export interface DataReviewFact {
  what: string;
  reviewDate: string;
  reason: string;
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
