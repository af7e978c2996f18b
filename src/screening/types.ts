/** One entry of a restricted-party list in the US Consolidated Screening List shape (every CSL field kept). */
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
  startDate?: string;
  endDate?: string;
  standardOrder?: string;
  licenseRequirement?: string;
  licensePolicy?: string;
  remarks?: string;
  sourceListUrl?: string;
  sourceInformationUrl?: string;
  /** Any other field of the source record, as given. */
  extra?: Record<string, unknown>;
}

/** Which query token matched which entry token, and how closely. */
export interface TokenMatch {
  query: string;
  entry: string;
  similarity: number;
}

export interface Explanation {
  pairs: TokenMatch[];
  unmatchedQuery: string[];
  unmatchedEntry: string[];
  countryQualifier: 'match' | 'mismatch' | 'none';
  text: string;
}

export interface ScreeningHit {
  entry: ListEntry;
  /** 0–1: weighted token similarity; rare tokens count more than sector words and legal forms. */
  score: number;
  /** Normalised names equal and the country consistent. */
  certain: boolean;
  /** The entry's name or alias that matched best. */
  matchedName: string;
  query: string;
  explanation: Explanation;
}
