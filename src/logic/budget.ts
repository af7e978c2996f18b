import { HrddError } from '../errors.js';

/** Work done in one evaluation, counted in steps (nodes evaluated, array elements visited, characters built). */
export interface Work {
  steps: number;
  readonly limit: number;
}

export function overBudget(work: Work): never {
  throw new HrddError(
    `rule exceeded its work budget of ${work.limit} steps`,
    [{ path: '', message: `work budget of ${work.limit} steps exceeded (too many array elements or too much text)` }],
    'logic-budget',
  );
}

/** Adds `n` steps, throwing an `HrddError` (code `logic-budget`) past the limit. */
export function spend(work: Work, n: number): void {
  work.steps += n;
  if (work.steps > work.limit) overBudget(work);
}
