import type { HrddIssue } from '../errors.js';
import { type LogicNode, type ParsedLogic, parseLogic, where } from './parse.js';
import { LOGIC_LIMITS, type LogicOptions } from './types.js';

// The cost model, in one place: the compiler charges what `flatCost` counts when a rule starts and, per element,
// what it counts for a loop body; `worstCase` bounds the same statically.

/**
 * Steps charged for evaluating a node, loop bodies left out (their loops charge them per element): one per
 * operator applied plus one per operand beyond its second. Literals and fixed-path reads are operands of the
 * operator that reads them.
 */
export function flatCost(node: LogicNode): number {
  switch (node.kind) {
    case 'literal':
      return 0;
    case 'array':
      return sum(node.items, flatCost);
    case 'var':
      return (node.path !== undefined ? 0 : 1) + sum(node.args, flatCost);
    default: {
      const own = 1 + Math.max(0, node.args.length - 2);
      const scoped = node.facts.scope !== undefined;
      return own + sum(node.args, (arg, i) => (scoped && i === 1 ? 0 : flatCost(arg)));
    }
  }
}

/** Steps a loop charges per element: its body's cost, at least one. */
export const perElement = (body: LogicNode): number => Math.max(1, flatCost(body));

/**
 * Worst-case steps of a node, bounded statically: a loop multiplies its body by the length of its list when that
 * is known from the rule (literal lists, and map, filter or merge of them); a list read from the data counts as one
 * element here, and the budget counts the rest as the rule runs.
 */
export function worstCase(node: LogicNode): number {
  switch (node.kind) {
    case 'literal':
      return 0;
    case 'array':
      return sum(node.items, worstCase);
    case 'var':
      return (node.path !== undefined ? 0 : 1) + sum(node.args, worstCase);
    default: {
      const own = 1 + Math.max(0, node.args.length - 2);
      if (node.facts.scope === undefined) return own + sum(node.args, worstCase);
      const [list, body, initial] = node.args as [LogicNode, LogicNode, LogicNode | undefined];
      const rest = worstCase(list) + (initial ? worstCase(initial) : 0);
      return own + rest + staticLength(list) * Math.max(1, worstCase(body));
    }
  }
}

/** Elements a list has at most, when the rule says; 1 when it comes from the data. */
function staticLength(node: LogicNode): number {
  if (node.kind === 'literal') return Array.isArray(node.value) ? node.value.length : 1;
  if (node.kind === 'array') return node.items.length;
  if (node.kind === 'op' && (node.op === 'map' || node.op === 'filter')) return staticLength(node.args[0]!);
  if (node.kind === 'op' && node.op === 'merge') return sum(node.args, staticLength);
  return 1;
}

function sum(nodes: readonly LogicNode[], f: (node: LogicNode, i: number) => number): number {
  let total = 0;
  for (let i = 0; i < nodes.length; i++) total += f(nodes[i]!, i);
  return total;
}

/** A parsed rule whose worst case exceeds the budget: the issue naming it. */
export function budgetIssue(parsed: ParsedLogic, budget: number = LOGIC_LIMITS.budget): HrddIssue | undefined {
  const worst = worstCase(parsed.tree);
  if (worst <= budget) return undefined;
  const steps = Number.isFinite(worst) && worst < 1e15 ? String(Math.round(worst)) : 'more than 1e15';
  return {
    path: where(parsed.tree),
    message: `worst case of ${steps} steps exceeds the work budget of ${budget} (loops over long lists with large bodies)`,
  };
}

/**
 * Checks a JsonLogic rule without evaluating it: operators known in this context (standard or custom, never an
 * Object.prototype key, `log` or `method`), arities, finite numbers, nesting depth and size, and the static bound
 * of its work. Returns issues with JSON paths relative to the rule (`and[1].var`).
 */
export function validateLogic(rule: unknown, options: LogicOptions = {}): HrddIssue[] {
  const { parsed, issues } = parseLogic(rule, options);
  if (!parsed) return issues;
  const over = budgetIssue(parsed, options.budget);
  return over ? [over] : [];
}
