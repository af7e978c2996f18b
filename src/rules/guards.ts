import {
  completeReads,
  LOGIC_LIMITS,
  type LogicNode,
  type LogicOperations,
  parseLogic,
  worstCase,
} from '../logic/index.js';

/**
 * A necessary precondition of a rule's condition, found statically: one conjunct of its top-level `and` (or the
 * whole condition) that reads only facts every subject of the rule shares. When it is false the condition is false
 * without evaluating the rest, so the engine skips the rule; the output is the same as evaluating it.
 */
export interface RuleGuard {
  /** The conjunct as written, to compile with the rule's evaluator and operations. */
  logic: unknown;
  /**
   * The work budget its evaluation gets: the rule's budget less the most the other conjuncts could have charged
   * first, so the guard runs out of budget whenever the rule would have (then the rule is evaluated as usual).
   */
  budget: number;
}

/** Operators that neither charge work nor call an operation: a conjunct made of these evaluates, never throws. */
const FREE = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', '!', '!!', 'and', 'or', 'if', '?:']);

function chargesNothing(node: LogicNode): boolean {
  switch (node.kind) {
    case 'literal':
      return true;
    case 'array':
      return node.items.every(chargesNothing);
    case 'var':
      return node.path !== undefined && node.args.every(chargesNothing);
    default:
      return FREE.has(node.op) && node.args.every(chargesNothing);
  }
}

/**
 * Whether a path is one the engine may change while it evaluates a rule: the current `forEach` element (`it`) and
 * the country facts whose absent indicators are probed with extreme values.
 */
function variesWithinEvaluation(path: string): boolean {
  return (
    path === 'it' ||
    path.startsWith('it.') ||
    path === 'derived' ||
    path === 'derived.countries' ||
    path.startsWith('derived.countries.') ||
    path === 'derived.destination' ||
    path.startsWith('derived.destination.indicators')
  );
}

/**
 * The guards of a condition: each conjunct of its top-level `and` that reads a known, fixed set of paths (none of
 * them the element or a probed indicator), provided every conjunct before it is free of work and operations, so
 * skipping them cannot hide an error. A condition that is not an `and` is its own guard when it qualifies.
 */
export function ruleGuards(when: unknown, operations: LogicOperations): RuleGuard[] {
  if (typeof when !== 'object' || when === null) return [];
  const { parsed } = parseLogic(when, { operations });
  if (!parsed) return [];
  const tree = parsed.tree;
  const budget = LOGIC_LIMITS.budget;
  const whole = worstCase(tree);
  const conjuncts: { node: LogicNode; logic: unknown }[] =
    tree.kind === 'op' && tree.op === 'and'
      ? tree.args.map((node, i) => {
          const raw = (when as { and: unknown }).and;
          return { node, logic: Array.isArray(raw) ? raw[i] : raw };
        })
      : [{ node: tree, logic: when }];
  const guards: RuleGuard[] = [];
  for (const { node, logic } of conjuncts) {
    const reads = completeReads(logic);
    if (reads !== undefined && !reads.some(variesWithinEvaluation)) {
      // The conjunct's own cost is counted in both worst cases, so the difference is what the others could charge.
      guards.push({ logic, budget: budget - (whole - worstCase(node)) });
    }
    if (!chargesNothing(node)) break;
  }
  return guards;
}
