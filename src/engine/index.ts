export { requiredAssurances } from './assurances.js';
export { decide, impliedDecision, scoreBand } from './decide.js';
export { type AssessOptions, createEngine, type Engine, type EngineOptions } from './engine.js';
export { compareFindings, level } from './evaluate.js';
export { deriveFacts } from './facts.js';
export { DERIVED_SHAPE, type FactsShapeOptions, factsRuleCheck, factsShape } from './facts-shape.js';
export type { DataIdentity, QuestionnairePort, ScreeningEntryPort, ScreeningIndexPort } from './ports.js';
export { formatValue, renderTemplate } from './rationale.js';
export type * from './types.js';
