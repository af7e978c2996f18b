export {
  buildScreeningIndex,
  COUNTRY_MISMATCH_FACTOR,
  DEFAULT_SCREENING_THRESHOLD,
  type ScreeningIndex,
  type ScreenOptions,
} from './index-build.js';
export { COMMON_TOKENS, LEGAL_FORM_TOKENS, type NormalizedName, normalizeName } from './normalize.js';
export { listIdentity, parseScreeningList } from './parse.js';
export { scoreNames, tokenSimilarity } from './score.js';
export type { Explanation, ListEntry, ScreeningHit, TokenMatch } from './types.js';
