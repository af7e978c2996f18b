/** An identifying number of a listed party: passport, national id, company registration, IMO, tax number… */
export interface ListIdentifier {
  /** As the publisher names it ("passport", "Registration Number", "imoNumber"…). */
  type: string;
  value: string;
  /** Issuing country (ISO alpha-2) when given. */
  country?: string;
}

/**
 * One entry of a restricted-party list. The shape of the US Consolidated Screening List (every CSL field kept), which
 * every importer (OpenSanctions, EU, UN, UK) fills: `source` is the list, `programs` the sanctions programmes or
 * regimes, `startDate` the listing date.
 */
export interface ListEntry {
  id: string;
  source: string;
  name: string;
  altNames: string[];
  type: string;
  /** ISO alpha-2 codes from addresses, citizenships and nationalities. */
  countries: string[];
  programs: string[];
  entityNumber?: string;
  title?: string;
  addresses?: string[];
  federalRegisterNotice?: string;
  /** Listing date (YYYY-MM-DD when the publisher gives a full date). */
  startDate?: string;
  endDate?: string;
  standardOrder?: string;
  licenseRequirement?: string;
  licensePolicy?: string;
  remarks?: string;
  sourceListUrl?: string;
  sourceInformationUrl?: string;
  /** Dates of birth (YYYY-MM-DD, YYYY-MM or YYYY), for persons. */
  birthDates?: string[];
  identifiers?: ListIdentifier[];
  /** Any other field of the source record, as given. */
  extra?: Record<string, unknown>;
}

/** Which query token matched which entry token, and how closely. */
export interface TokenMatch {
  query: string;
  entry: string;
  similarity: number;
  /** Weight of the pair (rarity of its tokens in the loaded lists). */
  weight?: number;
}

/** A fact about the party beside its name that raised or lowered the score. */
export interface Qualifier {
  kind: 'country' | 'birth-date' | 'identifier';
  result: 'match' | 'mismatch';
  /** What was compared, e.g. "DE not in CN, HK". */
  detail: string;
  /** The score before this qualifier and after it. */
  before: number;
  after: number;
}

export interface Explanation {
  pairs: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedEntry: string[];
  countryQualifier: 'match' | 'mismatch' | 'none';
  /** Every qualifier applied, in order (country, date of birth, identifiers). */
  qualifiers: Qualifier[];
  /** How the name score was reached: token pairs, the names joined, or the listed name contained in the query. */
  method: 'tokens' | 'joined' | 'contained';
  /** The query was read through its confusable skeleton (UTS #39): look-alike letters of another script. */
  skeleton?: boolean;
  text: string;
}

export interface ScreeningHit {
  entry: ListEntry;
  /** 0–1: weighted token similarity (rare tokens count more than sector words and legal forms), then qualifiers. */
  score: number;
  /** Normalised names equal and the country consistent. */
  certain: boolean;
  /** The entry's name or alias that matched best. */
  matchedName: string;
  query: string;
  explanation: Explanation;
}

export interface ScreenOptions {
  /** Country of the party: a contradicting entry country lowers the score. */
  country?: string;
  /** Lowest score reported; default `DEFAULT_SCREENING_THRESHOLD`. */
  threshold?: number;
  /** Date of birth (YYYY-MM-DD, YYYY-MM or YYYY): raises the score of a person entry born then, lowers others. */
  birthDate?: string;
  /** Identifying numbers of the party: one equal to an entry's raises the score. */
  identifiers?: string[];
  /** At most this many hits, best first (default 100). */
  limit?: number;
}
