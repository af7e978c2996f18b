export { assuranceCatalogue, bundledRuleset, defaultRuleset } from './bundled.js';
export { type LoadRulesetOptions, loadRuleset, type Ruleset } from './load.js';
export { applyOverlay, mergeParameters } from './merge.js';
export { ruleOperations } from './operations.js';
export { DEFAULT_DECISION_POLICY } from './policy.js';
export * from './schema.js';
