import { formatPath, type HrddIssue } from '../errors.js';
import { CUSTOM_NAME, FORBIDDEN_OPERATORS, STANDARD_ARITY } from './operators.js';
import { isLogicNode } from './truthy.js';
import { LOGIC_LIMITS, type LogicOperation, type LogicOperations, type LogicOptions } from './types.js';

/** Arity of an operator as `[min, max]`, or undefined when the name is not an operator of this context. */
export function operatorArity(
  name: string,
  operations: LogicOperations | undefined,
): readonly [number, number] | undefined {
  if (FORBIDDEN_OPERATORS.has(name)) return undefined;
  const standard = STANDARD_ARITY.get(name);
  if (standard) return standard;
  if (operations && Object.hasOwn(operations, name)) {
    const arity = (operations[name] as LogicOperation).arity;
    return typeof arity === 'number' ? [arity, arity] : arity;
  }
  return undefined;
}

/** Problems with a table of custom operations (names, arity, functions). */
export function validateOperations(operations: LogicOperations | undefined): HrddIssue[] {
  const issues: HrddIssue[] = [];
  if (!operations) return issues;
  for (const name of Object.keys(operations)) {
    const path = `operations.${name}`;
    const op = operations[name] as LogicOperation | undefined;
    if (!CUSTOM_NAME.test(name) || FORBIDDEN_OPERATORS.has(name)) {
      issues.push({
        path,
        message: `custom operation name "${name}" is not allowed (use lower-case letters, digits and _)`,
      });
    } else if (STANDARD_ARITY.has(name)) {
      issues.push({ path, message: `custom operation "${name}" would replace a standard operator` });
    }
    if (!op || typeof op.fn !== 'function') issues.push({ path, message: 'fn must be a function' });
    const arity = op?.arity;
    const ok =
      (typeof arity === 'number' && Number.isInteger(arity) && arity >= 0) ||
      (Array.isArray(arity) &&
        arity.length === 2 &&
        Number.isInteger(arity[0]) &&
        arity[0] >= 0 &&
        arity[1] >= arity[0]);
    if (!ok) issues.push({ path, message: 'arity must be a whole number or [min, max]' });
  }
  return issues;
}

interface Frame {
  value: unknown;
  path: PropertyKey[];
  depth: number;
}

/**
 * Checks a JsonLogic rule without evaluating it: operators known in this context (standard or custom, never an
 * Object.prototype key, `log` or `method`), arities, nesting depth and size. Iterative, so a 20,000-deep rule is
 * reported, not a stack overflow. Returns issues with JSON paths relative to the rule (`and[1].var`).
 */
export function validateLogic(rule: unknown, options: LogicOptions = {}): HrddIssue[] {
  const maxDepth = options.maxDepth ?? LOGIC_LIMITS.maxDepth;
  const maxNodes = options.maxNodes ?? LOGIC_LIMITS.maxNodes;
  const issues = validateOperations(options.operations);
  const stack: Frame[] = [{ value: rule, path: [], depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++nodes > maxNodes) {
      issues.push({ path: formatPath(path), message: `rule is too large: more than ${maxNodes} nodes` });
      break;
    }
    if (depth > maxDepth) {
      issues.push({ path: formatPath(path), message: `rule is nested too deeply: more than ${maxDepth} levels` });
      break;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i], depth: depth + 1 });
      continue;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      issues.push({ path: formatPath(path), message: 'numbers must be finite' });
      continue;
    }
    if (!isLogicNode(value)) continue; // a literal: returned as it is
    const name = Object.keys(value)[0]!;
    const opPath = [...path, name];
    const arity = operatorArity(name, options.operations);
    if (!arity) {
      const why = FORBIDDEN_OPERATORS.has(name) ? 'is not allowed' : 'is not a known operator';
      issues.push({ path: formatPath(opPath), message: `"${name}" ${why}` });
      continue;
    }
    const raw = (value as Record<string, unknown>)[name];
    const args = Array.isArray(raw) ? raw : [raw];
    if (args.length < arity[0] || args.length > arity[1]) {
      const expected =
        arity[0] === arity[1]
          ? `${arity[0]}`
          : arity[1] === Infinity
            ? `at least ${arity[0]}`
            : `${arity[0]} to ${arity[1]}`;
      issues.push({ path: formatPath(opPath), message: `"${name}" takes ${expected} argument(s), got ${args.length}` });
    }
    if (Array.isArray(raw)) {
      for (let i = raw.length - 1; i >= 0; i--) stack.push({ value: raw[i], path: [...opPath, i], depth: depth + 2 });
    } else stack.push({ value: raw, path: opPath, depth: depth + 1 });
  }
  return issues;
}
