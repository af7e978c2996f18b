import rulesetJson from '../data/default-ruleset.json' with { type: 'json' };
import type { AssuranceDef, RulesetDefinition } from './schema.js';

/**
 * The bundled default rule set `hrdd-default`: a rule for every red flag, the assurance catalogue and test cases.
 * A company overlays it with `{ "extends": "hrdd-default", … }`.
 */
export const defaultRuleset: RulesetDefinition = rulesetJson as unknown as RulesetDefinition;

/**
 * The twelve assurance types of the Code of Conduct's commitment 4 as a company obtains them: the undertaking a
 * contract or end-use certificate would carry, who gives it and how long it is relied on. They live in the default
 * rule set (`assurances`), so an overlay can replace any of them by type.
 */
export const assuranceCatalogue: readonly AssuranceDef[] = defaultRuleset.assurances ?? [];

/** The rule sets bundled with hrdd, by id. */
export function bundledRuleset(id: string): unknown {
  return id === defaultRuleset.id ? defaultRuleset : undefined;
}
