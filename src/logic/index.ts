import { compileLogic } from './compile.js';
import { compileReference } from './reference.js';
import type { CompiledLogic, EvaluatorKind, LogicOptions } from './types.js';

export { dayToIso, isoToDay, MAX_DAY, MIN_DAY } from './calendar.js';
export { assertValidLogic, compileLogic } from './compile.js';
export { dateOperations, inGroupOperation, setOperations } from './operations.js';
export { collectReads, completeReads, factsReader, readFacts } from './reads.js';
export { compileReference, REFERENCE_PREFIX } from './reference.js';
export { truthy } from './truthy.js';
export type { CompiledLogic, EvaluatorKind, LogicOperation, LogicOperations, LogicOptions } from './types.js';
export { LOGIC_LIMITS } from './types.js';
export { validateLogic, validateOperations } from './validate.js';
export { lookupVar, pathReader } from './var.js';

export const EVALUATORS: readonly EvaluatorKind[] = ['compiled', 'reference'];

/** Compiles with the chosen evaluator: `compiled` (closures, the default) or `reference` (json-logic-js). */
export function compileWith(kind: EvaluatorKind, rule: unknown, options?: LogicOptions): CompiledLogic {
  return kind === 'reference' ? compileReference(rule, options) : compileLogic(rule, options);
}
