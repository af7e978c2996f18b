import jsonLogic from 'json-logic-js';
import { assertValidLogic, compileLogic } from './compile.js';
import { collectReads } from './reads.js';
import { isLogicNode } from './truthy.js';
import type { CompiledLogic, LogicOperations, LogicOptions } from './types.js';

/** Prefix under which hrdd's custom operations are visible to json-logic-js, only while one of its rules runs. */
export const REFERENCE_PREFIX = 'hrdd:';

/** Copies a rule, renaming custom operators to their namespaced names. */
function namespaceRule(rule: unknown, operations: LogicOperations): unknown {
  if (Array.isArray(rule)) return rule.map((r) => namespaceRule(r, operations));
  if (!isLogicNode(rule)) return rule;
  const name = Object.keys(rule)[0]!;
  const key = Object.hasOwn(operations, name) ? REFERENCE_PREFIX + name : name;
  return { [key]: namespaceRule(rule[name], operations) };
}

const asText = { value: () => '[object Object]' };

/**
 * Copies JSON data into null-prototype objects, so json-logic-js's `var` cannot reach Object.prototype. A
 * symbol-keyed `Symbol.toPrimitive` (unreachable by `var`) keeps comparisons with whole objects as in JavaScript.
 */
function ownOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ownOnly);
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.create(null, { [Symbol.toPrimitive]: asText }) as Record<string, unknown>;
  for (const key of Object.keys(value)) copy[key] = ownOnly((value as Record<string, unknown>)[key]);
  return copy;
}

/** Copies a result back into ordinary objects. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = plain((value as Record<string, unknown>)[key]);
  return copy;
}

/**
 * The same rule evaluated by json-logic-js 2.0.5 itself — the reference implementation, for auditors.
 *
 * - Only rules that pass `validateLogic` run, and each call first runs the compiled rule under the same work
 *   budget, so a hostile rule fails the same way in both evaluators.
 * - hrdd's custom operations are registered on json-logic-js's table under `hrdd:<name>` just for the duration
 *   of one synchronous call and removed afterwards: json-logic-js's other users never see them, and none of
 *   their operators is replaced.
 * - Objects in the data are copied with a null prototype, so `var` reads own properties only. Method names
 *   reached through arrays or strings (`list.map`) still differ: the compiled evaluator gives `null`.
 */
export function compileReference(rule: unknown, options: LogicOptions = {}): CompiledLogic {
  assertValidLogic(rule, options);
  const operations = options.operations ?? {};
  const names = Object.keys(operations);
  const guarded = compileLogic(rule, options);
  const namespaced = names.length > 0 ? namespaceRule(rule, operations) : rule;
  const evaluate = (data: unknown): unknown => {
    guarded(data); // enforces the work budget; throws HrddError past it
    for (const name of names) {
      const op = operations[name]!;
      jsonLogic.add_operation(REFERENCE_PREFIX + name, (...args: unknown[]) => op.fn(...args));
    }
    try {
      return plain(jsonLogic.apply(namespaced as jsonLogic.RulesLogic, ownOnly(data)));
    } finally {
      for (const name of names) jsonLogic.rm_operation(REFERENCE_PREFIX + name);
    }
  };
  return Object.assign(evaluate, { reads: collectReads(rule) }) as CompiledLogic;
}
