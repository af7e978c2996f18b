import type { RulesetDefinition } from '../rules/schema.js';
import questionnaireJson from './default-questionnaire.json' with { type: 'json' };
import rulesetJson from './default-ruleset.json' with { type: 'json' };

export { assuranceCatalogue } from './assurances.js';
export * from './country-data.js';
export { type RefInfo, refsRegistry } from './refs.js';
export {
  defaultSanctionedRegions,
  parseSanctionedRegions,
  type SanctionedRegion,
  type SanctionedRegions,
  SanctionedRegionsSchema,
} from './sanctioned-regions.js';

/**
 * The bundled default rule set `hrdd-default`: a rule for every red flag, the assurance catalogue and test cases.
 * A company overlays it with `{ "extends": "hrdd-default", … }`.
 */
export const defaultRuleset: RulesetDefinition = rulesetJson as unknown as RulesetDefinition;

/** The bundled due-diligence questionnaire (English and German), wired to the default rule set's red flags. */
export const defaultQuestionnaire: unknown = questionnaireJson;
