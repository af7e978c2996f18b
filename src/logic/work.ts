import { HrddError } from '../errors.js';

/** Work done in one evaluation, counted in steps (operators applied, array elements visited, characters built). */
export interface Work {
  steps: number;
  readonly limit: number;
}

/** The one place work is counted: adds steps, and past the budget stops the rule with an `HrddError`. */
export function charge(work: Work, steps: number): void {
  work.steps += steps;
  if (work.steps > work.limit) overBudget(work.limit);
}

/** The `HrddError` (code `logic-budget`) of a rule that went past its work budget. */
function overBudget(limit: number): never {
  throw new HrddError(
    `rule exceeded its work budget of ${limit} steps`,
    [{ path: '', message: `work budget of ${limit} steps exceeded (too many array elements, operators or text)` }],
    'logic-budget',
  );
}
