export { assuranceCatalogue, bundledRuleset, defaultRuleset } from './bundled.js';
export { type RuleGuard, ruleGuards } from './guards.js';
export { findingResponses, type LoadRulesetOptions, loadRuleset, type Ruleset } from './load.js';
export { applyOverlay, mergeParameters } from './merge.js';
export { DEFAULT_DECISION_POLICY } from './policy.js';
export * from './schema.js';
