export { type CorpusLine, type ImpactReport, rulesetImpact } from './impact.js';
export { type RulesetTestReport, type RulesetTestResult, runRulesetTests } from './run-tests.js';
