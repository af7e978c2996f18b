/**
 * hrdd — human-rights due diligence for exports of dual-use and surveillance technology.
 * The isomorphic core: no Node built-ins are imported from here (see `hrdd/node` for files, streams and batch).
 *
 * The public API, by name and grouped by folder: a name not listed here is internal. `etc/hrdd.api.md` records
 * every exported name with its signature (`npm run generate` rewrites it; a test compares).
 */

// audit: records, replay, decision log
export {
  type AssessmentRecord,
  AssessmentRecordSchema,
  type Checkpoint,
  CheckpointSchema,
  type Difference,
  entryHash,
  GENESIS_HASH,
  type LogEntry,
  nextEntry,
  type RecordSignature,
  RecordSignatureSchema,
  type RecordVerification,
  type ReplayOptions,
  type ReplayResult,
  type Review,
  ReviewSchema,
  replayAssessment,
  signCheckpoint,
  signRecord,
  toRecord,
  type VerifyResult,
  verifyCheckpoint,
  verifyLog,
  verifyRecord,
  verifyRecordSignature,
} from './audit/index.js';
// data: bundled country data and reference registry
export {
  type CountryData,
  CountryDataSchema,
  type CountryGroups,
  CountryGroupsSchema,
  defaultCountryData,
  defaultCountryGroups,
  parseCountryData,
  type RefInfo,
  refsRegistry,
} from './data/index.js';
// digest
export { canonicalHash, canonicalJson, sha256Hex } from './digest/index.js';
// engine
export {
  type AssessOptions,
  type CountryFact,
  createEngine,
  type DataIdentity,
  type DerivedFacts,
  type Engine,
  type EngineOptions,
  type Facts,
  type ObtainedAssuranceFact,
  type PartyFact,
  type PartyRole,
  type QuestionnairePort,
  type ScreeningHitFact,
  type ScreeningIndexPort,
} from './engine/index.js';
// errors
export {
  formatIssues,
  HRDD_ERROR_CODES,
  HrddError,
  type HrddErrorCode,
  type HrddIssue,
  isHrddError,
} from './errors.js';
// logic
export {
  type CompiledLogic,
  compileLogic,
  type EvaluatorKind,
  type LogicOperation,
  type LogicOperations,
  type LogicOptions,
  validateLogic,
} from './logic/index.js';
// model: the input and output schemas and their types
export {
  ASSURANCE_TYPES,
  type Assessment,
  AssessmentSchema,
  type AssuranceType,
  CAPABILITIES,
  type Capability,
  type Classification,
  type Country,
  checkDepth,
  DECISIONS,
  type Decision,
  decisionRank,
  type EndUse,
  type Finding,
  FindingSchema,
  type HardStop,
  HardStopSchema,
  type Involvement,
  type Item,
  type ItemFeatures,
  ItemSchema,
  type MissingInformation,
  MissingInformationSchema,
  type Money,
  type NotEvaluated,
  NotEvaluatedSchema,
  type ObtainedAssurance,
  ObtainedAssuranceSchema,
  type Ownership,
  PARTY_TYPES,
  type Party,
  PartySchema,
  type PartyType,
  type Payment,
  type Provenance,
  ProvenanceSchema,
  parseTransaction,
  parseWith,
  type RequiredAssurance,
  RequiredAssuranceSchema,
  type Route,
  type RuleTrace,
  RuleTraceSchema,
  type SafeParseResult,
  SCORE_BANDS,
  type ScoreBand,
  type Service,
  type Severity,
  type Subject,
  safeParseTransaction,
  type Transaction,
  type TransactionInput,
  TransactionSchema,
  toJsonSchema,
} from './model/index.js';
// questionnaire
export {
  type AnswerIssue,
  type AnswerReview,
  defaultQuestionnaire,
  type IssueCode,
  type LoadQuestionnaireOptions,
  loadQuestionnaire,
  type MissingAnswer,
  type Progress,
  type Question,
  type Questionnaire,
  type QuestionnaireDefinition,
  type QuestionnaireFacts,
  type QuestionnaireInput,
  type QuestionnaireOrigin,
  QuestionnaireSchema,
  type QuestionType,
  type Text,
} from './questionnaire/index.js';
// report
export {
  DISCLAIMER,
  type Reportable,
  type ReportOptions,
  type ReportVerification,
  renderHtml,
  renderMarkdown,
  type SignOff,
} from './report/index.js';
// rules
export {
  type AssuranceDef,
  AssuranceDefSchema,
  assuranceCatalogue,
  type DecisionPolicy,
  DecisionPolicySchema,
  defaultRuleset,
  type LoadRulesetOptions,
  loadRuleset,
  type Rule,
  type RuleDefinition,
  type RuleOrigin,
  type Ruleset,
  type RulesetDefinition,
  RulesetSchema,
  type RulesetTest,
} from './rules/index.js';
// schemas: the published JSON Schemas by name (also `hrdd/schemas/<name>.json`)
export { isSchemaName, jsonSchema, schemaNames } from './schemas/index.js';
// screening
export {
  buildScreeningIndex,
  createScreeningIndexBuilder,
  DEFAULT_SCREENING_THRESHOLD,
  detectListFormat,
  type Explanation,
  type ListEntry,
  type ListFormat,
  loadScreeningIndex,
  type ParseListOptions,
  parseScreeningList,
  type ScreeningHit,
  type ScreeningIndex,
  type ScreeningIndexBuilder,
  type ScreenOptions,
  serializeScreeningIndex,
  type TokenMatch,
} from './screening/index.js';
// tester: rule-set test cases and the impact of a change
export {
  type CorpusImpact,
  type CorpusLine,
  type ImpactOptions,
  type ImpactReport,
  type ListChanges,
  type RulesetTestOptions,
  type RulesetTestReport,
  type RulesetTestResult,
  renderImpactMarkdown,
  rulesetImpact,
  runRulesetTests,
  type ValueChange,
} from './tester/index.js';
export { VERSION } from './version.js';
