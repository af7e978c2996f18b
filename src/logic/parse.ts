import { formatPath, HrddError, type HrddIssue } from '../errors.js';
import { CUSTOM_NAME, customFacts, FORBIDDEN_OPERATORS, type OperatorFacts, STANDARD_OPERATORS } from './operators.js';
import { LOGIC_LIMITS, type LogicOperation, type LogicOperations, type LogicOptions } from './types.js';
import { isLogicNode } from './values.js';

/** Where a node sits in the rule, as keys and indices (`and[1].var`): every problem is reported there. */
type At = readonly PropertyKey[];

/** A value with no operator anywhere inside (scalars, objects that are not operations, arrays of such). */
export interface LiteralNode {
  readonly kind: 'literal';
  readonly at: At;
  readonly value: unknown;
}
/** An array with an operation inside: evaluates to the array of its items' values. */
export interface ArrayNode {
  readonly kind: 'array';
  readonly at: At;
  readonly items: readonly LogicNode[];
}
/** `var`: `path` is the fixed path when the first argument is a literal ('' for the whole data), else undefined. */
export interface VarNode {
  readonly kind: 'var';
  readonly at: At;
  readonly path: string | undefined;
  readonly args: readonly LogicNode[];
}
/** Any other operator, standard or custom, with its facts from the one table. */
export interface OpNode {
  readonly kind: 'op';
  readonly at: At;
  readonly op: string;
  readonly facts: OperatorFacts;
  readonly args: readonly LogicNode[];
  /** The custom operation, when the operator is one. */
  readonly custom: LogicOperation | undefined;
}
export type LogicNode = LiteralNode | ArrayNode | VarNode | OpNode;

const PARSED = Symbol('hrdd.parsedLogic');

/** A rule parsed once: its tree, and the operations it was parsed against. */
export interface ParsedLogic {
  readonly [PARSED]: true;
  readonly tree: LogicNode;
  readonly source: unknown;
  readonly operations: LogicOperations | undefined;
}

/** The facts of an operator in this context, or undefined when the name is not one. */
function operatorFacts(name: string, operations: LogicOperations | undefined): OperatorFacts | undefined {
  if (FORBIDDEN_OPERATORS.has(name)) return undefined;
  const standard = STANDARD_OPERATORS.get(name);
  if (standard) return standard;
  if (operations && Object.hasOwn(operations, name)) return customFacts((operations[name] as LogicOperation).arity);
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
    } else if (STANDARD_OPERATORS.has(name)) {
      issues.push({ path, message: `custom operation "${name}" would replace a standard operator` });
    }
    if (!op || typeof op.fn !== 'function') issues.push({ path, message: 'fn must be a function' });
    const arity = op?.arity;
    const [min, max] =
      typeof arity === 'number' ? [arity, arity] : Array.isArray(arity) && arity.length === 2 ? arity : [];
    if (!(Number.isInteger(min) && min! >= 0 && max! >= min!))
      issues.push({ path, message: 'arity must be a whole number or [min, max]' });
  }
  return issues;
}

const argsOf = (raw: unknown): readonly unknown[] => (Array.isArray(raw) ? raw : [raw]);

/**
 * Depth, size, finite numbers, known operators and arities, checked iteratively, so a 20,000-deep rule is
 * reported, not a stack overflow; the tree is built only from a rule that passes.
 */
function preCheck(rule: unknown, options: LogicOptions, loose = false): HrddIssue[] {
  const maxDepth = options.maxDepth ?? LOGIC_LIMITS.maxDepth;
  const maxNodes = options.maxNodes ?? LOGIC_LIMITS.maxNodes;
  const issues = validateOperations(options.operations);
  const stack: { value: unknown; at: PropertyKey[]; depth: number }[] = [{ value: rule, at: [], depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, at, depth } = stack.pop()!;
    if (++nodes > maxNodes) {
      issues.push({ path: formatPath(at), message: `rule is too large: more than ${maxNodes} nodes` });
      break;
    }
    if (depth > maxDepth) {
      issues.push({ path: formatPath(at), message: `rule is nested too deeply: more than ${maxDepth} levels` });
      break;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], at: [...at, i], depth: depth + 1 });
      continue;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      issues.push({ path: formatPath(at), message: 'numbers must be finite' });
      continue;
    }
    if (!isLogicNode(value)) continue;
    const name = Object.keys(value)[0]!;
    const opAt = [...at, name];
    const facts =
      operatorFacts(name, options.operations) ??
      (loose && !FORBIDDEN_OPERATORS.has(name) ? customFacts([0, Infinity]) : undefined);
    if (!facts) {
      const why = FORBIDDEN_OPERATORS.has(name) ? 'is not allowed' : 'is not a known operator';
      issues.push({ path: formatPath(opAt), message: `"${name}" ${why}` });
      continue;
    }
    const raw = value[name];
    const args = argsOf(raw);
    const [min, max] = facts.arity;
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
      issues.push({ path: formatPath(opAt), message: `"${name}" takes ${expected} argument(s), got ${args.length}` });
    }
    if (Array.isArray(raw)) {
      for (let i = raw.length - 1; i >= 0; i--) stack.push({ value: raw[i], at: [...opAt, i], depth: depth + 2 });
    } else stack.push({ value: raw, at: opAt, depth: depth + 1 });
  }
  return issues;
}

/** The tree of a checked rule: a value with no operation anywhere inside is a literal, evaluating to itself. */
function build(value: unknown, at: At, operations: LogicOperations | undefined): LogicNode {
  if (Array.isArray(value)) {
    const items = value.map((v, i) => build(v, [...at, i], operations));
    return items.every((item) => item.kind === 'literal')
      ? { kind: 'literal', at, value }
      : { kind: 'array', at, items };
  }
  if (!isLogicNode(value)) return { kind: 'literal', at, value };
  const op = Object.keys(value)[0]!;
  const raw = value[op];
  const opAt = [...at, op];
  const args = argsOf(raw).map((v, i) => build(v, Array.isArray(raw) ? [...opAt, i] : opAt, operations));
  if (op === 'var') {
    const p = args.length === 0 ? null : args[0]!.kind === 'literal' ? args[0]!.value : undefined;
    const path = p === null || p === '' ? '' : typeof p === 'string' || typeof p === 'number' ? String(p) : undefined;
    return { kind: 'var', at: opAt, path, args };
  }
  const custom = STANDARD_OPERATORS.has(op) ? undefined : operations?.[op];
  return { kind: 'op', at: opAt, op, facts: operatorFacts(op, operations) ?? customFacts([0, Infinity]), args, custom };
}

/** Parses a rule once into its typed tree, or lists every problem (JSON paths relative to the rule). */
export function parseLogic(
  rule: unknown,
  options: LogicOptions = {},
): { parsed: ParsedLogic; issues: [] } | { parsed: undefined; issues: HrddIssue[] } {
  const issues = preCheck(rule, options);
  if (issues.length > 0) return { parsed: undefined, issues };
  const tree = build(rule, [], options.operations);
  return { parsed: { [PARSED]: true, tree, source: rule, operations: options.operations }, issues: [] };
}

/** A tree for reading only (read collection): depth and size checked, any operator name taken as a custom one. */
export function parseLoose(rule: unknown): ParsedLogic {
  const issues = preCheck(rule, {}, true);
  if (issues.length > 0) throw new HrddError('Invalid JsonLogic rule', issues, 'logic-invalid');
  return { [PARSED]: true, tree: build(rule, [], undefined), source: rule, operations: undefined };
}

/** Whether a value is a rule already parsed by `parseLogic` (every phase accepts one in place of the JSON). */
export function isParsed(rule: unknown): rule is ParsedLogic {
  return typeof rule === 'object' && rule !== null && PARSED in rule;
}

/** `parseLogic` that throws an `HrddError` (code `logic-invalid`) listing every problem. */
export function parseOrThrow(rule: unknown, options: LogicOptions = {}): ParsedLogic {
  const { parsed, issues } = parseLogic(rule, options);
  if (!parsed) throw new HrddError('Invalid JsonLogic rule', issues, 'logic-invalid');
  return parsed;
}

/** Visits every node of a tree, parents first; `enter` returns false to skip a node's children. */
export function walk(node: LogicNode, enter: (node: LogicNode) => boolean | undefined): void {
  if (enter(node) === false) return;
  if (node.kind === 'array') for (const item of node.items) walk(item, enter);
  else if (node.kind !== 'literal') for (const arg of node.args) walk(arg, enter);
}

/** `path` in the rule's own notation, for messages. */
export const where = (node: LogicNode): string => formatPath(node.at);
