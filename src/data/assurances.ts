import type { AssuranceDef } from '../rules/schema.js';
import rulesetJson from './default-ruleset.json' with { type: 'json' };

/**
 * The twelve assurance types of the Code of Conduct's commitment 4 as a company obtains them: the undertaking a
 * contract or end-use certificate would carry, who gives it and how long it is relied on. They live in the default
 * rule set (`assurances`), so an overlay can replace any of them by type.
 */
export const assuranceCatalogue: AssuranceDef[] = (rulesetJson as unknown as { assurances: AssuranceDef[] }).assurances;
