import { HrddError, type HrddIssue } from '../errors.js';
import { isParsed, type LogicNode, type ParsedLogic, parseLogic, parseOrThrow, where } from './parse.js';
import { LOGIC_LIMITS, type LogicOptions } from './types.js';

/**
 * The cost model, in one place: one step per operator applied plus one per operand beyond its second (literals and
 * fixed-path reads are operands of the operator that reads them). `flat`: loop bodies left out, as the compiler
 * charges when a rule starts (a loop charges its body per element as it runs). Else the worst case, bounded
 * statically: a loop multiplies its body by the length of its list when that is known from the rule (literal
 * lists, and map, filter or merge of them); a list read from the data counts as one element here, and the budget
 * counts the rest as the rule runs.
 */
export function cost(node: LogicNode, flat: boolean): number {
  const sum = (nodes: readonly LogicNode[]) => nodes.reduce((total, n) => total + cost(n, flat), 0);
  switch (node.kind) {
    case 'literal':
      return 0;
    case 'array':
      return sum(node.items);
    case 'var':
      return (node.path !== undefined ? 0 : 1) + sum(node.args);
    default: {
      const own = 1 + Math.max(0, node.args.length - 2);
      if (node.facts.scope === undefined) return own + sum(node.args);
      const [list, body, ...initial] = node.args as [LogicNode, LogicNode, ...LogicNode[]];
      const outside = own + sum([list, ...initial]);
      return flat ? outside : outside + staticLength(list) * Math.max(1, cost(body, false));
    }
  }
}

/** Worst-case steps of a node, bounded statically (see `cost`). */
export const worstCase = (node: LogicNode): number => cost(node, false);

/** Elements a list has at most, when the rule says; 1 when it comes from the data. */
function staticLength(node: LogicNode): number {
  if (node.kind === 'literal') return Array.isArray(node.value) ? node.value.length : 1;
  if (node.kind === 'array') return node.items.length;
  if (node.kind === 'op' && (node.op === 'map' || node.op === 'filter')) return staticLength(node.args[0]!);
  if (node.kind === 'op' && node.op === 'merge') return node.args.reduce((total, n) => total + staticLength(n), 0);
  return 1;
}

/** A parsed rule whose worst case exceeds the budget: the issue naming it. */
function budgetIssue(parsed: ParsedLogic, budget: number = LOGIC_LIMITS.budget): HrddIssue | undefined {
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

/** Parses (unless given a parsed rule) and checks the static work bound: the tree every evaluator runs. */
export function checkedTree(rule: unknown, options: LogicOptions = {}): ParsedLogic {
  const parsed = isParsed(rule) ? rule : parseOrThrow(rule, options);
  const over = budgetIssue(parsed, options.budget);
  if (over) throw new HrddError('Invalid JsonLogic rule', [over], 'logic-invalid');
  return parsed;
}
