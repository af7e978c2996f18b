export { latinSkeleton, type ScriptProfile, scriptProfile } from './confusables.js';
export {
  buildScreeningIndex,
  createScreeningIndexBuilder,
  type ScreeningIndex,
  type ScreeningIndexBuilder,
} from './index-build.js';
export { loadScreeningIndex, type SavedListIdentity, serializeScreeningIndex } from './index-file.js';
export { COMMON_TOKENS, LEGAL_FORM_TOKENS, type NormalizedName, normalizeName } from './normalize.js';
export {
  detectListFormat,
  LIST_FORMATS,
  type ListFormat,
  listIdentity,
  type ParseListOptions,
  parseScreeningList,
} from './parse.js';
export { BIRTH_DATE_MISMATCH_FACTOR, COUNTRY_MISMATCH_FACTOR } from './qualifiers.js';
export { scoreNames, tokenSimilarity } from './score.js';
export { DEFAULT_SCREENING_THRESHOLD, MAX_QUERY_LENGTH, MAX_QUERY_TOKENS } from './threshold.js';
export type {
  Explanation,
  ListEntry,
  ListIdentifier,
  Qualifier,
  ScreeningHit,
  ScreenOptions,
  TokenMatch,
} from './types.js';
