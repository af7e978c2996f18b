import { compileLogic } from './compile.js';
import { compileReference } from './reference.js';
import type { CompiledLogic, EvaluatorKind, LogicOptions } from './types.js';

export { dayToIso, isoToDay, MAX_DAY, MIN_DAY } from './calendar.js';
export { validateLogic, worstCase } from './check.js';
export { assertValidLogic, compileLogic } from './compile.js';
export { dateOperations, inGroupOperation, ruleOperations, setOperations, textOperations } from './operations.js';
export type { OperatorFacts } from './operators.js';
export { STANDARD_OPERATORS } from './operators.js';
export type { LogicNode, ParsedLogic } from './parse.js';
export { parseLogic, validateOperations } from './parse.js';
export { collectReads, completeReads, factsReader, readFacts, recordReader } from './reads.js';
export { compileReference, REFERENCE_PREFIX } from './reference.js';
export type { CompiledLogic, EvaluatorKind, LogicOperation, LogicOperations, LogicOptions } from './types.js';
export { LOGIC_LIMITS } from './types.js';
export { lookupVar, pathReader, truthy } from './values.js';

export const EVALUATORS: readonly EvaluatorKind[] = ['compiled', 'reference'];

/** Compiles with the chosen evaluator: `compiled` (closures, the default) or `reference` (json-logic-js). */
export function compileWith(kind: EvaluatorKind, rule: unknown, options?: LogicOptions): CompiledLogic {
  return kind === 'reference' ? compileReference(rule, options) : compileLogic(rule, options);
}
export type { FactShape } from './shape.js';
export { checkPaths, closest, elementOf, resolvePath, shapeOfSchema, shapeOfValue, shapes } from './shape.js';
