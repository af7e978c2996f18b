/**
 * The one default screening threshold: hits scoring below it are not reported. `screen`, the engine (unless a rule
 * set's `screening.threshold` parameter overrides it) and `hrdd screen` all read it from here. Chosen on the labelled
 * evaluation set (docs/screening.md).
 */
export const DEFAULT_SCREENING_THRESHOLD = 0.8;

/** Longest name screened, in tokens after normalisation: names are short; a longer query is refused, not cut. */
export const MAX_QUERY_TOKENS = 64;
/** Longest name screened, in characters. */
export const MAX_QUERY_LENGTH = 1000;
