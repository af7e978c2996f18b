export {
  type CorpusImpact,
  type CorpusLine,
  type ImpactOptions,
  type ImpactReport,
  type ListChanges,
  rulesetImpact,
  type ValueChange,
} from './impact.js';
export { renderImpactMarkdown } from './markdown.js';
export {
  type RulesetTestOptions,
  type RulesetTestReport,
  type RulesetTestResult,
  runRulesetTests,
} from './run-tests.js';
